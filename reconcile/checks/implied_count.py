"""Market cap against share price: cap ÷ price gives the share count, which barely moves.

Passing: "收盘628.31元/股 … 总市值直逼3000亿元" gives ≤ 4.77亿 shares; "股价已突破800元, 总市值
3900亿元" gives ≤ 4.88亿 shares -> the same company, consistent: ``arithmetic_ok``.
Failing: the same company at 10元 with a cap of 100亿 one day and 20元 with a cap of 400亿 the
next (10亿 vs 20亿 shares) -> ``tension``: a share count does not double overnight.

Each (price, cap) observation of a company is set against its nearest one in time: the closest
before it (undated ones sort last, in article order), else the closest after it; one article's
figures for one time are not set against each other. A company quoted n times gets at most n
findings, and an odd figure shows up beside its neighbours.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable

from factrecon.claims import Claim

from ..context import Context, Draft
from ..explain import number
from ..facts import widened
from ..periods import period
from .nearby import by_article

NAME = "implied_count"
NEAR = 60  # characters between a price and the cap it implies
Observation = tuple[Claim, Claim, float, float]  # cap, price, fewest and most shares


def run(ctx: Context) -> Iterable[Draft]:
    observed: list[Observation] = []
    for claims in by_article(ctx.claims).values():
        for cap in claims:
            if cap.attribute != "market cap" or cap.entity is None:
                continue
            price = _price_for(cap, claims)
            if price is None:
                continue
            cap_lo, cap_hi = widened(cap, ctx.tolerances)
            price_lo, price_hi = widened(price, ctx.tolerances)
            count_lo = cap_lo / price_hi if price_hi > 0 and math.isfinite(cap_lo) else 0.0
            count_hi = cap_hi / price_lo if price_lo > 0 else math.inf
            observed.append((cap, price, count_lo, count_hi))
    by_entity: dict[str | None, list[int]] = defaultdict(list)
    for position, (cap, *_) in enumerate(observed):
        by_entity[cap.entity].append(position)
    for positions in by_entity.values():
        for first, second in _neighbours(positions, observed):
            yield _judge(observed[first], observed[second])


def _neighbours(positions: list[int], observed: list[Observation]) -> list[tuple[int, int]]:
    """Each observation with its nearest comparable one in time (before it, else after), once per pair."""
    timeline = sorted(positions, key=lambda p: (_when(observed[p][0]), p))
    pairs: dict[tuple[int, int], None] = {}
    for i, position in enumerate(timeline):
        earlier = (timeline[j] for j in range(i - 1, -1, -1))
        later = (timeline[j] for j in range(i + 1, len(timeline)))
        cap = observed[position][0]
        other = next((p for p in earlier if _comparable(cap, observed[p][0])), None)
        if other is None:
            other = next((p for p in later if _comparable(cap, observed[p][0])), None)
        if other is not None:
            pairs.setdefault((min(position, other), max(position, other)))
    return list(pairs)


def _when(cap: Claim) -> tuple[dt.date, dt.date]:
    stated = period(cap.time)
    return (stated.first, stated.last) if stated else (dt.date.max, dt.date.max)


def _comparable(cap: Claim, other: Claim) -> bool:
    """Two caps that may imply different counts: not one article's figures for one time."""
    return not (cap.source == other.source and cap.time == other.time)


def _judge(first: Observation, second: Observation) -> Draft:
    (cap, price, lo, hi), (other_cap, other_price, other_lo, other_hi) = first, second
    ids = (price.id, cap.id, other_price.id, other_cap.id)
    said = (
        f"{cap.entity}: {cap.text} / {price.text} gives {_shares(lo, hi)} shares; {other_cap.text} / "
        f"{other_price.text} gives {_shares(other_lo, other_hi)}"
    )
    if max(lo, other_lo) <= min(hi, other_hi):
        return Draft("arithmetic_ok", ids, f"{said}: consistent.", cap.entity, "share count")
    return Draft("tension", ids, f"{said}: the share count cannot change that much.", cap.entity, "share count")


def _price_for(cap: Claim, claims: list[Claim]) -> Claim | None:
    """The share price the cap goes with: the nearest before it (收盘628.31元/股, 对应总市值…), else after."""
    prices = [
        c
        for c in claims
        if c.entity == cap.entity and c.unit == f"{cap.unit}/share" and abs(c.start - cap.start) <= NEAR
    ]
    before = [c for c in prices if c.start < cap.start]
    if before:
        return before[-1]
    return prices[0] if prices else None


def _shares(lo: float, hi: float) -> str:
    if not math.isfinite(hi):
        return f"≥ {number(lo)}"
    if lo <= 0:
        return f"≤ {number(hi)}"
    return f"{number(lo)}–{number(hi)}"
