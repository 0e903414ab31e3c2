"""Numbers in plain words for explanations: "13.3×", "15.0%", "1,978 TFLOPS", "USD 10,000"."""

from __future__ import annotations

import math

from factrecon.claims import Claim

from .facts import Fact, numerator_denominator

_PREFIXED = {"FLOPS": "FLOPS", "OPS": "OPS", "byte": "B", "byte/second": "B/s"}
_PREFIXES = ((1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"))
_CURRENCY_LIKE = ("USD", "CNY", "HKD", "TWD", "EUR", "GBP", "JPY", "KRW")


def number(value: float, digits: int = 3) -> str:
    """``value`` with about ``digits`` significant figures, thousands separated."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else ("∞" if value > 0 else "-∞")
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(0, digits - 1 - magnitude)
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def amount(value: float, unit: str) -> str:
    """A value in its canonical unit, written the way an editor reads it."""
    if unit == "times":
        return f"{number(value)}×"
    if unit == "percent":
        return f"{number(value)}%"
    if unit == "percentage_point":
        return f"{number(value)} pp"
    if unit in _PREFIXED:
        for factor, prefix in _PREFIXES:
            if abs(value) >= factor:
                return f"{number(value / factor, 4)} {prefix}{_PREFIXED[unit]}"
        return f"{number(value, 4)} {_PREFIXED[unit]}"
    if unit.split("/")[0] in _CURRENCY_LIKE:
        return f"{unit} {number(value, 6)}"
    return f"{number(value, 4)} {unit}"


def short(claim_id: str) -> str:
    """``000_4774.txt:1624`` -> ``000_4774.txt:1624`` without its folders."""
    return claim_id.rsplit("/", 1)[-1]


def stated(claim: Claim) -> str:
    """How a claim reads in an explanation: its own words, its source, and any cited origin."""
    origin = f", {claim.origin}" if claim.origin else ""
    return f"'{claim.text}' ({short(claim.id)}{origin})"


def clipped(quote: str, limit: int = 32) -> str:
    """A quote cut to about ``limit`` characters for an explanation: '12月5日,摩尔线程正式登陆A股…'."""
    return quote if len(quote) <= limit else quote[:limit].rstrip() + "…"


def describe(fact: Fact) -> str:
    """A fact in words, with its claim's own text: "'7.5%' (001.txt:1155) puts NVIDIA H20 at 7.5% of
    NVIDIA H200, i.e. NVIDIA H200 ≈ 13.3× NVIDIA H20"."""
    claim = fact.claim
    if " / " not in fact.entity:
        return f"{stated(claim)}"
    numerator, denominator = numerator_denominator(fact)
    if fact.point is None:
        return f"{stated(claim)} puts {numerator} / {denominator} in [{number(fact.lo)}, {number(fact.hi)}]"
    return f"{stated(claim)} puts {numerator} at {amount(fact.point, 'times')} {denominator}"
