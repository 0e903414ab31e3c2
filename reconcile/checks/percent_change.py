"""A percentage change stated beside its from and to figures: ``to / from − 1 = p%``.

Passing: "收盘628.31元/股 … 第二天继续上涨, 收盘价达到735元, 涨幅16.98%" -> 628.31 × 1.1698 = 735.0,
``arithmetic_ok``.
Failing: "shares rose from $114.28 to $600.50, a gain of 325%" -> 600.50/114.28 − 1 = 425.5%:
``arithmetic_bad`` when the change is the only one stated beside the two figures.

The two figures must be one quantity at two times: the same entity and unit, frames that do
not differ but in time, in the sentence that states the change, and either linked as a change
("from X to Y") or known to be of two periods, the first earlier. A change qualifies the figure
nearest it ("收盘价达到735元,涨幅16.98%", "rose 5% to $105"): that figure is the one it reached. The
pair it fits checks out; a failure is reported only when one pair can be meant and its frames
are known. Prices (per share) may leave their times
unsaid: "offer price 202.5, first-day close 290, a gain of 80%". A year-on-year change is never
read between two figures of the same year.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from factrecon.claims import Claim

from ..context import Context, Draft
from ..derivations import load_derivations
from ..explain import number
from ..periods import period
from .nearby import by_article

NAME = "percent_change"
SPAN = 200  # characters from the from-figure to the to-figure
NOT_LEVELS = ("percent", "times", "percentage_point")


def run(ctx: Context) -> Iterable[Draft]:
    derivations = load_derivations()
    for claims in by_article(ctx.claims).values():
        for change in claims:
            if change.unit != "percent" or change.value is None or not derivations.is_change(change.attribute):
                continue
            levels = [c for c in claims if c.value is not None and c.value > 0 and c.unit not in NOT_LEVELS
                      and abs(c.start - change.start) <= SPAN and ctx.same_sentence(c, change)]
            if not levels:
                continue
            target = min(levels, key=lambda c: min(abs(c.end - change.start), abs(change.end - c.start)))
            pairs = [(before, target) for before in levels
                     if before is not target and _one_quantity(before, target, ctx)]
            if draft := _judge(pairs, change, ctx):
                yield draft


def _one_quantity(before: Claim, after: Claim, ctx: Context) -> bool:
    """``before`` and ``after`` are one quantity at two times (see the module docstring)."""
    if after.unit != before.unit or after.entity != before.entity:
        return False
    if set(ctx.compare(before, after).different) - {"period"}:
        return False
    if after.change_from == before.id:
        return True
    first, second = period(before.time), period(after.time)
    if first is not None and second is not None:
        return first.last < second.first
    return before.unit.endswith("/share")


def _change_of(before: Claim, after: Claim) -> float:
    return (after.value / before.value - 1) * 100  # type: ignore[operator]


def _judge(pairs: list[tuple[Claim, Claim]], change: Claim, ctx: Context) -> Draft | None:
    """The pair nearest the change that it fits (``arithmetic_ok``; the base may be written after
    the figure: "涨12.55%,报296港元,发行价为263港元"), else, when one base written before the figure
    and the change can be meant and the frames are known, ``arithmetic_bad``."""
    if change.value is None:
        return None
    pairs = [(b, a) for b, a in pairs if change.basis != "YoY" or _year_apart(b, a)]
    pairs = [(b, a) for b, a in pairs if math.isfinite(_change_of(b, a))]  # 5e-324元 → 141元: no change
    for before, after in sorted(pairs, key=lambda pair: abs(pair[1].start - change.start)):
        actual = _change_of(before, after)
        stated = change.value if actual >= 0 else -abs(change.value)
        if abs(actual - stated) <= max(abs(stated) * ctx.tolerances.derived_agree, 0.1):
            return Draft("arithmetic_ok", (before.id, change.id, after.id), f"{_said(before, after, actual)}; the "
                         f"article states {change.text}, which checks.", after.entity, after.attribute,
                         derived=(("change", actual),))
    ordered = [(b, a) for b, a in pairs if b.end <= min(a.start, change.start)]  # a base written after is no base
    if len(ordered) != 1:
        return None
    before, after = ordered[0]
    if [part for part, _ in ctx.compare(before, after).unknown_sides if part != "period"]:
        return None
    actual = _change_of(before, after)
    return Draft("arithmetic_bad", (before.id, change.id, after.id), f"{_said(before, after, actual)}, but the "
                 f"article states {change.text}.", after.entity, after.attribute, derived=(("change", actual),))


def _said(before: Claim, after: Claim, actual: float) -> str:
    return f"{before.text} → {after.text} is a change of {number(actual)}%"


def _year_apart(before: Claim, after: Claim) -> bool:
    first, second = period(before.time), period(after.time)
    return first is not None and second is not None and second.first.year - first.first.year == 1
