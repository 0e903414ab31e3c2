"""The frame a finding's claims share, for renderers: entity, attribute, period, scope, basis and
status, and the parts a claim leaves unknown ("period not stated in b.txt").

Parts are compared as the checks compare them (``reconcile.frames``): a part that does not apply
to the measure (a chip's memory has no period) is left out, and a part the claims give
differently, or one of them does not give, is not shared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from factrecon.claims.model import Claim
from factrecon.reconcile import Finding
from factrecon.reconcile.frames import PARTS, compare, load_rules

FRAME_COLUMNS: tuple[str, ...] = PARTS  # period, scope, basis, status


@dataclass(frozen=True, slots=True, kw_only=True)
class FindingFrame:
    """What a finding is about: each part shared by all its claims, or None (not shared, not
    known, or not applicable); ``unknown`` names each part a claim does not state, and where
    ("period and basis not stated in b.txt")."""

    entity: str | None = None
    attribute: str | None = None
    period: str | None = None
    scope: str | None = None
    basis: str | None = None
    status: str | None = None
    unknown: tuple[str, ...] = ()

    def words(self) -> str:
        """The frame in words, unknown parts left out: "BYD · sales · 2025 · whole · level · reported"."""
        parts = (self.entity, self.attribute, self.period, self.scope, self.basis, self.status)
        return " · ".join(part for part in parts if part)

    def unknown_words(self) -> str:
        """The unknown parts as a sentence: "Unknown: period not stated in b.txt."; "" when none."""
        return f"Unknown: {'; '.join(self.unknown)}." if self.unknown else ""

    def lines(self) -> tuple[str, ...]:
        """The frame as sentences to follow an explanation, each only when there is something to
        say: "Frame: BYD · sales · 2025 · level · reported." and ``unknown_words``."""
        return tuple(line for line in (f"Frame: {self.words()}." if self.words() else "", self.unknown_words()) if line)

    def parts(self) -> dict[str, str | None]:
        """The shared period, scope, basis and status by name (``FRAME_COLUMNS``)."""
        return {"period": self.period, "scope": self.scope, "basis": self.basis, "status": self.status}


def finding_frame(finding: Finding, claims: Mapping[str, Claim]) -> FindingFrame:
    """The frame ``finding``'s claims share (claims missing from ``claims`` are left out)."""
    found = [claims[claim_id] for claim_id in finding.claims if claim_id in claims]
    shared, unknown = _shared(found)
    return FindingFrame(entity=finding.entity, attribute=finding.attribute, unknown=unknown,
                        **{part: shared.get(part) for part in FRAME_COLUMNS})


def _shared(claims: Sequence[Claim]) -> tuple[dict[str, str], tuple[str, ...]]:
    """The parts every claim gives alike, by name, and the unknown parts in words, one phrase per
    set of articles that omit them: "period and basis not stated in b.txt"."""
    if not claims:
        return {}, ()
    rules = load_rules()
    first = claims[0]
    comparisons = [compare(first, other, rules) for other in claims[1:]] or [compare(first, first, rules)]
    common = set.intersection(*({pair for pair in c.shared if pair[1]} for c in comparisons))
    missing: dict[str, list[str]] = {}
    for comparison in comparisons:
        for part, source in comparison.unknown:
            if source not in missing.setdefault(part, []):
                missing[part].append(source)
    grouped: dict[tuple[str, ...], list[str]] = {}  # parts missing from the same articles are named together
    for part in PARTS:
        if part in missing:
            grouped.setdefault(tuple(missing[part]), []).append(part)
    unknown = tuple(f"{_listed(parts)} not stated in {_listed(sources)}" for sources, parts in grouped.items())
    return dict(common), unknown


def _listed(names: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
