"""A claim as the reconciler sees it: an interval, a period, a quantity key and an origin.

The interval is what the words allow (qualifier bounds from ``claims``) widened by the rounding
of the digits as written and by the tolerance of its unit and qualifier (tolerances.toml).
Ratio claims (``H200是H20的6倍``, ``性能僅為H200 7.5%``) become one canonical relation between two
entities, ordered by name: ``H20 = 7.5% of H200`` and ``H200 = 6x H20`` are the same quantity.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from factrecon.claims import Claim
from factrecon.units import is_currency

from .periods import Period, period
from .tolerances import Tolerances

RATIO_UNITS = {"times": 1.0, "percent": 0.01}
DUPLICATE_NOTE = re.compile(r"duplicate of (\S+)")  # the claims layer's note on a repeat
_RELATIVE = re.compile(r"\s+relative to .*$")
_period = lru_cache(maxsize=1024)(period)  # a few time labels recur across many claims


@dataclass(frozen=True, slots=True)
class Fact:
    """One claim, ready for comparison. ``lo``/``hi`` may be infinite (an open bound)."""

    claim: Claim
    entity: str  # for a relation: "A / B", names ordered
    attribute: str | None  # without "relative to ..."
    unit: str
    lo: float
    hi: float
    point: float | None  # the figure as written, in the fact's unit (None for a range)
    period: Period | None
    inverted: bool = False  # a relation read the other way round (7.5% of H200 -> H200/H20 = 13.3)

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def source(self) -> str:
        return self.claim.source

    @property
    def bound(self) -> bool:
        """An open-ended figure (超过, 不足, at least): it only limits the quantity."""
        return self.claim.qualifier in ("lower", "upper")

    @property
    def duplicate_of(self) -> str | None:
        match = DUPLICATE_NOTE.search(self.claim.notes or "")
        return match.group(1) if match else None


def widened(claim: Claim, tolerances: Tolerances, scale: float = 1.0) -> tuple[float, float]:
    """``[lo, hi]`` of a claim in its unit times ``scale``: bounds, rounding and tolerance."""
    lo = -math.inf if claim.lower is None else claim.lower * scale
    hi = math.inf if claim.upper is None else claim.upper * scale
    share = tolerances.rounding_share(claim.unit) if claim.qualifier == "exact" else 0.0  # 约 spans more already
    step = _significant_step(claim, tolerances) * scale * share
    spread = tolerances.widening(claim.unit, claim.qualifier)
    absolute = tolerances.absolute.get(claim.unit, 0.0) * scale
    if math.isfinite(lo):
        lo = lo - step - abs(lo) * spread - absolute
    if math.isfinite(hi):
        hi = hi + step + abs(hi) * spread + absolute
    return lo, hi


def _significant_step(claim: Claim, tolerances: Tolerances) -> float:
    """The rounding step of a figure's significant digits: its precision, except that the trailing
    zeros of a large round count or amount are not significant ("160万" is 1.6 million to two
    figures: a step of 10万, not 1万), from a precision of ``trailing_zeros_from`` up; at least two
    figures are kept ("20万亿" stays 20, "100万" is 10 steps of 10万)."""
    step = claim.precision or 0.0
    if step < tolerances.trailing_zeros_from or claim.value is None or not claim.value:
        return step
    if claim.unit != "count" and not is_currency(claim.unit):
        return step
    digits = round(abs(claim.value) / step)
    while digits >= 100 and digits % 10 == 0:
        digits //= 10
        step *= 10
    return step


def fact_of(claim: Claim, tolerances: Tolerances) -> Fact | None:
    """The fact of a claim, or None when it names no entity (nothing to compare it with)."""
    if not claim.entity:
        return None
    if claim.relative_to and claim.unit in RATIO_UNITS and claim.relative_to != claim.entity:
        return _relation(claim, tolerances)
    lo, hi = widened(claim, tolerances)
    return Fact(
        claim=claim,
        entity=claim.entity,
        attribute=claim.attribute,
        unit=claim.unit,
        lo=lo,
        hi=hi,
        point=claim.value,
        period=_period(claim.time),
    )


def _relation(claim: Claim, tolerances: Tolerances) -> Fact:
    """``entity / relative_to`` as a multiple, with the names in a fixed order."""
    assert claim.entity and claim.relative_to
    scale = RATIO_UNITS[claim.unit]
    lo, hi = widened(claim, tolerances, scale)
    point = None if claim.value is None else claim.value * scale
    attribute = _RELATIVE.sub("", claim.attribute or "") or None
    numerator, denominator = claim.entity, claim.relative_to
    inverted = numerator > denominator
    if inverted:
        numerator, denominator = denominator, numerator
        lo, hi = (1 / hi if hi > 0 else 0.0), (1 / lo if lo > 0 else math.inf)
        point = 1 / point if point else None
    return Fact(
        claim=claim,
        entity=f"{numerator} / {denominator}",
        attribute=attribute,
        unit="times",
        lo=lo,
        hi=hi,
        point=point,
        period=_period(claim.time),
        inverted=inverted,
    )


def numerator_denominator(fact: Fact) -> tuple[str, str]:
    numerator, _, denominator = fact.entity.partition(" / ")
    return numerator, denominator
