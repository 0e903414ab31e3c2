"""What every check reads: the claims, their facts, the quantities they form, and their origins."""

from __future__ import annotations

from dataclasses import dataclass, field

from factrecon.claims import Claim
from factrecon.claims.lexicon import Lexicon
from factrecon.claims.time.timeline import Timeline

from .alignment import Quantity
from .facts import Fact
from .frames import Comparison, FrameRules, compare
from .independence import Origins
from .tolerances import Tolerances


@dataclass(frozen=True, slots=True)
class Draft:
    """A finding before it gets its id and fingerprint (see ``check``)."""

    kind: str
    claims: tuple[str, ...]
    explanation: str
    entity: str | None = None
    attribute: str | None = None
    origins: int | None = None
    derived: tuple[tuple[str, float], ...] = ()


NOT_COMPARED = "not_compared"


def skipped(claims: tuple[str, ...], unknown: str) -> Draft:
    """A pair that may be of one quantity but whose frames leave too much unknown to judge: no
    finding, but the report counts it (``CheckResult.not_compared``)."""
    return Draft(NOT_COMPARED, claims, unknown)


@dataclass(frozen=True, slots=True)
class Context:
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    quantities: tuple[Quantity, ...]
    origins: Origins
    tolerances: Tolerances
    lexicon: Lexicon
    by_id: dict[str, Claim] = field(default_factory=dict)
    timelines: tuple[Timeline, ...] = ()  # the articles' dated events, for checks of days between them
    rules: FrameRules = field(default_factory=FrameRules)  # how frame parts compare, per measure

    def same_sentence(self, first: Claim, second: Claim) -> bool:
        """Whether two claims stand in one sentence of one article (False when its timeline,
        which knows the sentences, was not given)."""
        if first.source != second.source:
            return False
        timeline = next((t for t in self.timelines if t.source == first.source), None)
        return timeline is not None and bool(timeline.sentence_ends) and timeline.same_sentence(first, second)

    def compare(self, a: Claim, b: Claim) -> Comparison:
        """How the frames of two claims relate (frames.py)."""
        return compare(a, b, self.rules)

    def changed(self, a: str, b: str) -> bool:
        """Whether one claim is a change from the other ("从95%降至0%"), directly or along a chain."""
        return self._chain(a) & self._chain(b) != set() and a != b

    def _chain(self, claim_id: str) -> set[str]:
        chain = {claim_id}
        claim = self.by_id.get(claim_id)
        while claim is not None and claim.change_from and claim.change_from not in chain:
            chain.add(claim.change_from)
            claim = self.by_id.get(claim.change_from)
        return chain
