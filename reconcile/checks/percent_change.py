"""A percentage change stated beside its from and to figures: ``to / from − 1 = p%``.

Passing: "收盘628.31元/股 … 第二天继续上涨, 收盘价达到735元, 涨幅16.98%" -> 628.31 × 1.1698 = 735.0,
``arithmetic_ok``.
Failing: "shares rose from $114.28 to $600.50, a gain of 325%" -> 600.50/114.28 − 1 = 425.5%:
``arithmetic_bad`` when the change is the only one stated beside the two figures.

The two figures must be one quantity at two times: the same entity, unit, scope, basis and
status, in the sentence that states the change, and either linked as a change ("from X to Y")
or known to be of two periods, the first earlier. Prices (per share) may leave their times
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
from .nearby import by_article, windows

NAME = "percent_change"
SPAN = 200  # characters from the from-figure to the to-figure
NOT_LEVELS = ("percent", "times", "percentage_point")


def run(ctx: Context) -> Iterable[Draft]:
    derivations = load_derivations()
    for claims in by_article(ctx.claims).values():
        for before, following in windows(claims, SPAN):
            if before.value is None or before.value <= 0 or before.unit in NOT_LEVELS:
                continue
            for after in following:
                if not _one_quantity(before, after, ctx):
                    continue
                changes = [c for c in following if c.unit == "percent" and c.value is not None
                           and derivations.is_change(c.attribute) and before.end <= c.start <= after.end + 30
                           and ctx.same_sentence(before, c)]
                if draft := _judge(before, after, changes, ctx):
                    yield draft
                break


def _one_quantity(before: Claim, after: Claim, ctx: Context) -> bool:
    """``before`` and ``after`` are one quantity at two times (see the module docstring)."""
    if after.unit != before.unit or after.value is None or after.entity != before.entity:
        return False
    if (before.scope, before.basis, before.status) != (after.scope, after.basis, after.status):
        return False
    if not ctx.same_sentence(before, after):
        return False
    if after.change_from == before.id:
        return True
    first, second = period(before.time), period(after.time)
    if first is not None and second is not None:
        return first.last < second.first
    return before.unit.endswith("/share")


def _judge(before: Claim, after: Claim, changes: list[Claim], ctx: Context) -> Draft | None:
    actual = (after.value / before.value - 1) * 100  # type: ignore[operator]
    if not math.isfinite(actual):  # 5e-324元 → 141元: no change a float can state
        return None
    changes = [c for c in changes if c.basis != "YoY" or _year_apart(before, after)]
    said = f"{before.text} → {after.text} is a change of {number(actual)}%"
    for change in changes:
        if change.value is None:
            continue
        stated = change.value if actual >= 0 else -abs(change.value)
        if abs(actual - stated) <= max(abs(stated) * ctx.tolerances.derived_agree, 0.1):
            return Draft("arithmetic_ok", (before.id, change.id, after.id), f"{said}; the article states "
                         f"{change.text}, which checks.", after.entity, after.attribute, derived=(("change", actual),))
    if len(changes) == 1 and changes[0].start < after.end + 30:
        change = changes[0]
        return Draft("arithmetic_bad", (before.id, change.id, after.id), f"{said}, but the article states "
                     f"{change.text}.", after.entity, after.attribute, derived=(("change", actual),))
    return None


def _year_apart(before: Claim, after: Claim) -> bool:
    first, second = period(before.time), period(after.time)
    return first is not None and second is not None and second.first.year - first.first.year == 1
