"""``check(claims)``: every check over the claims of several articles, as ordered findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factrecon.claims import Claim, load_lexicon
from factrecon.claims.time.timeline import Timeline

from .alignment import align
from .checks import CHECKS
from .context import NOT_COMPARED, Context, Draft
from .facts import fact_of
from .fingerprint import fingerprint
from .frames import load_rules
from .independence import Origins
from .model import RANK, Finding
from .tolerances import Tolerances, load_tolerances


@dataclass(frozen=True, slots=True)
class NotCompared:
    """Two figures that may be of one quantity but were not judged: their frames leave two or
    more parts unknown (``unknown`` says which, in which source)."""

    claims: tuple[str, ...]
    unknown: str

    def to_dict(self) -> dict[str, object]:
        return {"claims": list(self.claims), "unknown": self.unknown}


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The claims checked, the findings about them (most urgent first) and the pairs not compared."""

    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    not_compared: tuple[NotCompared, ...] = ()


def check(
    claims: Iterable[Claim],
    *,
    tolerances: Tolerances | Path | None = None,
    vocab: tuple[str, ...] = (),
    timelines: Iterable[Timeline] = (),
) -> CheckResult:
    """Reconcile ``claims`` (of one or more articles, with context) into findings.

    The result does not depend on the order of ``claims``. ``tolerances`` is a loaded set or a TOML
    file whose keys override the packaged ones; ``vocab`` names the user vocabulary folders the
    claims were extracted with (group members and system sizes come from it); ``timelines`` are
    the articles' dated events (``read_timeline``), for the checks of days between events."""
    ordered = tuple(sorted(claims, key=lambda c: (c.source, c.start, c.id)))
    if not isinstance(tolerances, Tolerances):
        tolerances = load_tolerances(tolerances)
    facts = tuple(fact for claim in ordered if (fact := fact_of(claim, tolerances)) is not None)
    context = Context(
        ordered,
        facts,
        tuple(align(facts, tolerances)),
        Origins(ordered, tolerances),
        tolerances,
        load_lexicon(vocab),
        {claim.id: claim for claim in ordered},
        tuple(sorted(timelines, key=lambda timeline: timeline.source)),
        load_rules(),
    )
    drafts = [(module.NAME, draft) for module in CHECKS for draft in module.run(context)]
    skipped = sorted({tuple(sorted(draft.claims)): draft.explanation for _, draft in drafts
                      if draft.kind == NOT_COMPARED}.items())
    findings = _findings([item for item in drafts if item[1].kind != NOT_COMPARED], context)
    return CheckResult(ordered, findings, tuple(NotCompared(ids, unknown) for ids, unknown in skipped))


def _findings(drafts: Sequence[tuple[str, Draft]], context: Context) -> tuple[Finding, ...]:
    unique: dict[tuple[str, tuple[str, ...]], tuple[str, Draft]] = {}
    for name, draft in drafts:
        unique.setdefault((draft.kind, tuple(sorted(draft.claims))), (name, draft))
    ranked = sorted(unique.values(), key=lambda item: (RANK[item[1].kind], item[1].claims, item[0]))
    findings = []
    parts: dict[str, str] = {}  # each claim's share of a fingerprint, encoded once
    for number, (name, draft) in enumerate(ranked, start=1):
        findings.append(
            Finding(
                id=f"F{number:03d}",
                kind=draft.kind,  # type: ignore[arg-type]
                claims=draft.claims,
                explanation=draft.explanation,
                check=name,
                entity=draft.entity,
                attribute=draft.attribute,
                origins=draft.origins,
                derived=draft.derived,
                fingerprint=fingerprint(name, draft.kind, (context.by_id[i] for i in draft.claims), parts),
            )
        )
    return tuple(findings)
