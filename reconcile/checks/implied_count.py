"""Market cap against share price: cap ÷ price gives the share count, which barely moves.

Passing: "收盘628.31元/股 … 总市值直逼3000亿元" gives ≤ 4.77亿 shares; "股价已突破800元, 总市值
3900亿元" gives ≤ 4.88亿 shares -> the same company, consistent: ``arithmetic_ok``.
Failing: the same company at 10元 with a cap of 100亿 one day and 20元 with a cap of 400亿 the
next (10亿 vs 20亿 shares) -> ``tension``: a share count does not double overnight.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from factrecon.claims import Claim

from ..context import Context, Draft
from ..explain import number
from ..facts import widened
from .nearby import by_article

NAME = "implied_count"
NEAR = 60  # characters between a price and the cap it implies


def run(ctx: Context) -> Iterable[Draft]:
    pairs: list[tuple[Claim, Claim, float, float]] = []
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
            pairs.append((cap, price, count_lo, count_hi))
    for i, (cap, price, lo, hi) in enumerate(pairs):
        for other_cap, other_price, other_lo, other_hi in pairs[i + 1:]:
            if other_cap.entity != cap.entity or other_cap.source == cap.source and other_cap.time == cap.time:
                continue
            ids = (price.id, cap.id, other_price.id, other_cap.id)
            said = (f"{cap.entity}: {cap.text} / {price.text} gives {_shares(lo, hi)} shares; {other_cap.text} / "
                    f"{other_price.text} gives {_shares(other_lo, other_hi)}")
            if max(lo, other_lo) <= min(hi, other_hi):
                yield Draft("arithmetic_ok", ids, f"{said}: consistent.", cap.entity, "share count")
            else:
                yield Draft("tension", ids, f"{said}: the share count cannot change that much.",
                            cap.entity, "share count")


def _price_for(cap: Claim, claims: list[Claim]) -> Claim | None:
    """The share price the cap goes with: the nearest before it (收盘628.31元/股, 对应总市值…), else after."""
    prices = [c for c in claims if c.entity == cap.entity and c.unit == f"{cap.unit}/share"
              and abs(c.start - cap.start) <= NEAR]
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
