"""Whether two figures speak of the same thing: the comparability of their frames.

A frame is the key statistical agencies give an observation (SDMX): entity, measure, unit,
period, scope, basis, and the status it carries. Facts are grouped by entity, unit and measure
before they get here (alignment.py); this module compares the rest, part by part. Each part of a
pair is *shared* (known on both sides and equal, or not applicable to the measure: a chip's memory
has no period), *different* (known on both sides, unequal: two series, never a contradiction),
*uncertain* (known, unequal, but possibly one quantity: a share over a year and over its last
quarter, an estimate beside a reported figure) or *unknown* (missing on a side). Unknown is
never "the same":

>>> from factrecon.claims import Claim
>>> def claim(source, time, scope):
...     return Claim(id=f"{source}:0", source=source, start=0, end=1, text="5", quote="5", value=5.0,
...                  lower=5.0, upper=5.0, precision=1.0, unit="count", qualifier="exact", lang="en",
...                  entity="Acme", attribute="sales", time=time, scope=scope, basis="level", status="reported")
>>> compare(claim("a", "2025", "whole"), claim("b", "2025Q4", "whole"), FrameRules()).different
('period',)
>>> compare(claim("a", "2025", "whole"), claim("b", None, "whole"), FrameRules()).doubts()
['period not stated in b']
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from factrecon.claims import Claim

from .derivations import load_derivations
from .periods import Period, period, relation

PARTS = ("period", "scope", "basis", "status")


@dataclass(frozen=True, slots=True)
class FrameRules:
    """How frame parts compare, per measure (reconcile/data/measures.toml): which parts do not
    apply to which measures (a product spec has no period or region; measures are matched by the
    words of their name), and how statuses relate (expectations are other series than actuals, a
    preliminary figure is revised by a final one, an estimate may be off)."""

    not_applicable: tuple[tuple[str, tuple[str, ...]], ...] = ()
    equivalent: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (unit, names): one quantity, the first name for all
    expectations: frozenset[str] = frozenset({"forecast", "target", "consensus"})
    revisions: tuple[frozenset[str], ...] = ()
    uncertain: frozenset[str] = frozenset({"estimate"})
    inferred_gap_days: int = 7

    def canonical(self, measure: str, unit: str) -> str:
        """``measure`` with an equivalent name in ``unit`` replaced by its group's first name."""
        for group_unit, names in self.equivalent:
            if group_unit == unit:
                words = measure.split()
                measure = " ".join(names[0] if word in names[1:] else word for word in words)
        return measure

    def applies(self, part: str, measure: str | None) -> bool:
        return not measure or part not in _inapplicable(self.not_applicable, measure)

    def revised(self, first: str, second: str) -> bool:
        """Whether one status revises the other (preliminary, then final)."""
        return frozenset((first, second)) in self.revisions

    def statuses(self, first: str, second: str) -> str:
        """``same``, ``uncertain`` (an estimate beside an actual) or ``different``."""
        if first == second:
            return "same"
        pair = {first, second}
        if pair & self.uncertain and not pair & self.expectations and not self.revised(first, second):
            return "uncertain"
        return "different"


@lru_cache(maxsize=4096)
def _inapplicable(not_applicable: tuple[tuple[str, tuple[str, ...]], ...], measure: str) -> frozenset[str]:
    """The parts that do not apply to ``measure`` (cached: a few measure names recur)."""
    words = measure.lower()
    return frozenset(part for part, terms in not_applicable if any(term in words for term in terms))


_period = lru_cache(maxsize=4096)(period)  # a few time labels recur across many claims


@cache
def load_rules() -> FrameRules:
    text = resources.files(__package__).joinpath("data/measures.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    statuses = data["statuses"]
    return FrameRules(
        not_applicable=tuple((part, tuple(term.lower() for term in terms))
                             for part, terms in data["not_applicable"].items()),
        expectations=frozenset(statuses["expectations"]),
        revisions=tuple(frozenset(pair) for pair in statuses["revisions"]),
        uncertain=frozenset(statuses["uncertain"]),
        equivalent=tuple((group["unit"], tuple(group["names"])) for group in data.get("equivalent", [])),
        inferred_gap_days=int(data["periods"]["inferred_gap_days"]),
    )


@dataclass(frozen=True, slots=True)
class Comparison:
    """How the frames of two figures relate: the parts they share (with the shared value), the
    parts known on both sides that differ, and the parts one side does not state (by side: 0 for
    the first figure, 1 for the second, whose articles are ``sources``)."""

    shared: tuple[tuple[str, str], ...]
    different: tuple[str, ...]
    unknown_sides: tuple[tuple[str, int], ...]
    uncertain: tuple[str, ...] = ()  # parts known on both sides that differ softly: "estimate vs reported"
    sources: tuple[str, str] = ("", "")

    @property
    def unknown(self) -> tuple[tuple[str, str], ...]:
        """Each unknown part with the article (base name) that does not state it."""
        names = tuple(source.rsplit("/", 1)[-1] for source in self.sources)
        return tuple(dict.fromkeys((part, names[side]) for part, side in self.unknown_sides))

    @property
    def doubt_count(self) -> int:
        """How many parts are unknown or uncertain (a part unknown on both sides counts once)."""
        return len({part for part, _ in self.unknown_sides}) + len(self.uncertain)

    @property
    def comparable(self) -> bool:
        """No part known to differ: the figures may be of one quantity."""
        return not self.different

    def doubts(self) -> list[str]:
        """One phrase per unknown or uncertain part: ["period not stated in b.txt", "scope not stated
        in a.txt and b.txt", "the status differs (estimate vs reported)"]."""
        sources: dict[str, list[str]] = {}
        for part, source in self.unknown:
            sources.setdefault(part, []).append(source)
        return [f"{part} not stated in {' and '.join(names)}" for part, names in sources.items()] + list(self.uncertain)

    def shared_words(self) -> str:
        """The frame both figures share, in words: "2025 · BEV · level · reported"."""
        return " · ".join(value for _, value in self.shared if value)


Frame = tuple[str | None, str | None, str | None, str | None]  # time, scope, basis, status


def _frame(claim: Claim) -> Frame:
    return claim.time, claim.scope, claim.basis, claim.status


def _value(frame: Frame, part: str) -> str | None:
    time, scope, basis, status = frame
    if part == "period":
        found = _period(time)
        return found.label if found else None
    if part == "basis" and basis is not None and (basis == "cumulative" or basis.startswith("as of ")) \
            and _period(time) is not None:
        return "level"  # the running total over a stated period, or a level as of a day, is that period's level
    return scope if part == "scope" else basis if part == "basis" else status


def _inferred_alike(a: Period | None, b: Period | None, gap_days: int) -> bool:
    """Whether two periods are a month or a day each, at most ``gap_days`` apart, and one of them
    at least is inferred from context (an article's news day or a date carried from another
    sentence), not written beside its figure: a running tally of one day is no contradiction of
    another's read from an article's date."""
    if a is None or b is None or not any(p.implied for p in (a, b)) or not all(
            (p.first.year, p.first.month) == (p.last.year, p.last.month) for p in (a, b)):
        return False
    return max((b.first - a.last).days, (a.first - b.last).days, 0) <= gap_days


def _unwritten(a: Period | None, b: Period | None, first: str, second: str) -> str:
    if a is not None and b is not None and a.implied and b.implied:
        return f"neither period is written ({first} and {second} were read from the articles' dates)"
    read = first if a is not None and a.implied else second
    return f"a period is not written ({read} was read from its article's date)"


def frame_key(claim: Claim) -> tuple[str | None, ...]:
    """A claim's frame as compared: its period label, scope, basis (a running total over a stated
    period is that period's level) and status."""
    frame = _frame(claim)
    return tuple(_value(frame, part) for part in PARTS)


def compare(a: Claim, b: Claim, rules: FrameRules) -> Comparison:
    """The frame parts ``a`` and ``b`` share, differ in, or leave unknown."""
    shared, different, unknown, uncertain = _compare(_frame(a), _frame(b), a.attribute or b.attribute, a.unit, rules)
    return Comparison(shared, different, unknown, uncertain, (a.source, b.source))


def differing(a: Claim, b: Claim, rules: FrameRules) -> tuple[str, ...]:
    """The parts known on both sides that differ (what ``compare`` gives as ``different``, without
    naming the rest: cheap enough to screen many pairs)."""
    return _compare(_frame(a), _frame(b), a.attribute or b.attribute, a.unit, rules)[1]


@lru_cache(maxsize=1 << 18)
def _compare(a: Frame, b: Frame, measure: str | None, unit: str, rules: FrameRules) -> tuple[
        tuple[tuple[str, str], ...], tuple[str, ...], tuple[tuple[str, int], ...], tuple[str, ...]]:
    """The comparison of two frames (cached: few distinct frames recur across many figures), with
    each unknown part named by its side (0 for ``a``, 1 for ``b``)."""
    shared: list[tuple[str, str]] = []
    different: list[str] = []
    unknown: list[tuple[str, int]] = []
    uncertain: list[str] = []
    for part in PARTS:
        if not rules.applies(part, measure):
            shared.append((part, ""))
            continue
        first, second = _value(a, part), _value(b, part)
        if first is None or second is None:
            unknown.extend((part, side) for side, value in enumerate((first, second)) if value is None)
        elif part == "period" and _inferred_alike(_period(a[0]), _period(b[0]), rules.inferred_gap_days):
            uncertain.append(_unwritten(_period(a[0]), _period(b[0]), first, second))
        elif part == "period" and (timing := relation(_period(a[0]), _period(b[0]))) != "same":
            if timing == "nested" and not load_derivations().additive(unit, measure):
                uncertain.append(f"the periods nest ({first} vs {second})")  # a rate over a year and its quarter
            else:
                different.append(part)
        elif part == "status" and first != second:
            if rules.statuses(first, second) == "uncertain":
                uncertain.append(f"the status differs ({first} vs {second})")
            else:
                different.append(part)
        elif part != "period" and first != second:
            different.append(part)
        else:
            shared.append((part, first))
    return tuple(shared), tuple(different), tuple(unknown), tuple(uncertain)
