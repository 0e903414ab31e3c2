"""Currency conversions imply exchange rates, and one story's rates agree.

Passing: "20兆韓元（約新台幣4800億元）" and "17.6兆韓元（約新台幣4224億元）" both convert at 0.024
TWD per KRW: ``arithmetic_ok``.
Failing: the same article's "93兆韓元（約新台幣2229.2億元）" converts at 0.0024, a tenth of its other
conversions: a unit slip, ``arithmetic_bad``; "500亿美金(约合3606.5亿港元)" at 7.21 HKD per USD where
every other conversion of the story gives 7.74–7.84: ``arithmetic_bad``.

A conversion is the bracketed amount right after another (claims: "conversion of <id>"). Each
rate of a currency pair is compared with the median of the pair's rates: within ``agree`` of it
(with another conversion there too) it checks out; when at least two others agree (a
consensus), a gap of a unit-slip factor (10, 100, 1000) or beyond ``bad`` (exchange rates do
not move that far within one story) is arithmetic_bad; a gap in between is a tension.
Tolerances: ``[conversions]`` in derivations.toml.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from factrecon.claims import Claim
from factrecon.claims.numbers.conversions import converted_from

from ..context import Context, Draft
from ..derivations import load_derivations
from ..explain import number

NAME = "conversions"


@dataclass(frozen=True, slots=True)
class _Rate:
    """A conversion of ``amount`` into ``converted``: ``rate`` units of ``quote`` per ``base``."""

    amount: Claim
    converted: Claim
    base: str
    quote: str
    rate: float

    @property
    def ids(self) -> tuple[str, str]:
        return self.amount.id, self.converted.id


def _currency(unit: str) -> str:
    return unit.split("/")[0]


def _rates(ctx: Context) -> dict[tuple[str, str], list[_Rate]]:
    """Every conversion's rate, by currency pair (each pair in one direction, by name)."""
    pairs: dict[tuple[str, str], list[_Rate]] = defaultdict(list)
    for claim in ctx.claims:
        amount = ctx.by_id.get(converted_from(claim.notes) or "")
        if amount is None or not amount.value or not claim.value or "duplicate of" in (claim.notes or ""):
            continue
        base, quote, rate = _currency(amount.unit), _currency(claim.unit), claim.value / amount.value
        if base > quote:
            base, quote, rate = quote, base, 1 / rate
        if math.isfinite(rate) and rate > 0:
            pairs[(base, quote)].append(_Rate(amount, claim, base, quote, rate))
    return pairs


def run(ctx: Context) -> Iterable[Draft]:
    agree, bad = load_derivations().conversions
    for rates in _rates(ctx).values():
        middle = statistics.median(r.rate for r in rates)
        near = [r for r in rates if abs(r.rate / middle - 1) <= agree]
        for rate in rates:
            witnesses = [r for r in near if r is not rate][:3]
            if len(witnesses) >= (1 if rate in near else 2) and (draft := _judge(rate, middle, witnesses, ctx, bad)):
                yield draft


def _judge(rate: _Rate, middle: float, near: list[_Rate], ctx: Context, bad: float) -> Draft | None:
    """``rate`` against the story's consensus ``middle``, which the conversions ``near`` share."""
    off = rate.rate / middle
    per, unit = (f"{rate.quote} per {rate.base}", 1.0) if middle >= 1 else (f"{rate.base} per {rate.quote}", -1.0)
    said = (f"{rate.amount.text} → {rate.converted.text} converts at {number(rate.rate ** unit, 4)} {per}; the "
            f"story's other conversions give {number(middle ** unit, 4)} "
            f"({', '.join(f'{r.amount.text} → {r.converted.text}' for r in near)})")
    ids = rate.ids  # the others are evidence in the explanation, never accused with it
    entity, attribute = rate.amount.entity, rate.amount.attribute
    derived = (("rate", rate.rate), ("consensus", middle))
    if rate in near or abs(off - 1) <= load_derivations().conversions[0]:
        return Draft("arithmetic_ok", (*ids, *near[0].ids), f"{said}: consistent.", entity, attribute,
                     derived=derived)
    slip = next((f for f in ctx.tolerances.slip_factors
                 if abs(max(off, 1 / off) / f - 1) <= ctx.tolerances.slip_tolerance), None)
    if slip is not None:
        return Draft("arithmetic_bad", ids, f"{said}: off by a factor of {number(slip)}, a unit slip.",
                     entity, attribute, derived=derived)
    if abs(off - 1) > bad:
        return Draft("arithmetic_bad", ids, f"{said}: {number(abs(off - 1) * 100)}% off, more than exchange "
                     f"rates move within one story.", entity, attribute, derived=derived)
    return Draft("tension", ids, f"{said}: {number(abs(off - 1) * 100)}% off; two rates may have been used.",
                 entity, attribute, derived=derived)
