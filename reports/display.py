"""Figures for people: a claim's value with its unit and interval as a reader of its article's
language expects ("141 GB", "≈ 4.8 TB/s", "≥ 95%", "2–3 months", "300 billion CNY", "3,000亿元").

Only the terminal reports use this; machine outputs keep exact values. The words and thresholds
are data (``reports/data/display.toml``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Literal

from factrecon.claims.model import Claim
from factrecon.units import is_currency

Style = Literal["auto", "en", "zh"]
STYLES: tuple[Style, ...] = ("auto", "en", "zh")


@dataclass(frozen=True, slots=True)
class _Display:
    compact: frozenset[str]
    larger: Mapping[str, tuple[tuple[str, float, float], ...]]
    scale: Mapping[str, tuple[tuple[str, float, float], ...]]
    digits: tuple[int, int]
    plain_below: Mapping[str, float]
    unit: Mapping[str, Mapping[str, str]]
    plural: Mapping[str, frozenset[str]]
    per: Mapping[str, Mapping[str, str]]
    qualifier: Mapping[str, str]


@cache
def _display() -> _Display:
    data: dict[str, Any] = tomllib.loads(resources.files("factrecon.reports").joinpath("data/display.toml")
                                         .read_text(encoding="utf-8"))
    return _Display(
        compact=frozenset(data["compact"]),
        larger={unit: tuple((name, float(factor), float(threshold)) for name, factor, threshold in steps)
                for unit, steps in data["larger"].items()},
        scale={lang: tuple((word, float(factor), float(start)) for word, factor, start in data["scale"][lang])
               for lang in data["scale"]["plain_below"]},
        digits=(int(data["scale"]["short_digits"]), int(data["scale"]["long_digits"])),
        plain_below={lang: float(limit) for lang, limit in data["scale"]["plain_below"].items()},
        unit=data["unit"], plural={lang: frozenset(units) for lang, units in data["plural"].items()},
        per=data["per"], qualifier=data["qualifier"],
    )


def plain(value: float) -> str:
    """``97,171``, ``628.31``, ``0.0034``: thousands grouped, at most twelve significant digits."""
    rounded = float(f"{value:.12g}")
    if rounded.is_integer() and abs(rounded) < 1e15:
        return f"{int(rounded):,}"
    whole, _, fraction = f"{rounded:.12f}".rstrip("0").partition(".")
    return f"{int(whole):,}.{fraction}" if whole not in ("-0", "0") else f"{whole}.{fraction}"


def language(claim: Claim, style: Style = "auto") -> str:
    """``zh`` or ``en``: the article's script family, unless ``style`` chooses."""
    if style != "auto":
        return style
    return "zh" if claim.lang.startswith("zh") else "en"


def _significant(value: float) -> int:
    """Significant digits of ``value`` (to twelve): 4 for 307.1, 1 for 40000."""
    return len(Decimal(f"{abs(value):.12g}").normalize().as_tuple().digits)


def _scaled(value: float, lang: str) -> tuple[str, str]:
    display = _display()
    short, long = display.digits
    for word, factor, start in display.scale[lang]:
        if abs(value) < start:
            continue
        digits = _significant(value / factor)
        if digits <= short or (digits <= long and abs(value) >= display.plain_below[lang]):
            return plain(value / factor), word
    return plain(value), ""


def _compact(value: float, unit: str) -> str:
    from factrecon.units import registry

    quantity = registry().Quantity(value, unit).to_compact()
    magnitude = float(quantity.magnitude)
    return f"{plain(magnitude)} {quantity.units:~P}"


def _amount(value: float, unit: str, lang: str) -> str:
    """One figure with its unit, no interval sign."""
    display = _display()
    numerator, slash, denominator = unit.partition("/")
    per = f"/{display.per.get(lang, {}).get(denominator, denominator)}" if slash and unit not in display.compact else ""
    base = numerator if per else unit
    if base in display.compact:
        return _compact(value, base)
    if base in display.larger:
        name, factor, _ = next(step for step in display.larger[base] if abs(value) >= step[2])
        return f"{plain(value / factor)} {name}{per}"
    words = display.unit.get(lang, {})
    if is_currency(base) or base == "count":
        figure, scale = _scaled(value, lang)
        if lang == "zh":
            return f"{figure}{scale}{words.get(base, '' if base == 'count' else ' ' + base)}{per}"
        return f"{figure}{' ' + scale if scale else ''}{'' if base == 'count' else ' ' + base}{per}"
    written = words.get(base, f" {base}")
    if base in display.plural.get(lang, ()) and value != 1:
        written += "s"
    return f"{plain(value)}{written}{per}"


def shown(claim: Claim, style: Style = "auto") -> str:
    """The claim's figure for people: ``≈ 4.8 TB/s``, ``≥ 95%``, ``2–3 months``, ``3,000亿元``."""
    lang = language(claim, style)
    unit = claim.unit
    if claim.qualifier == "range" or claim.value is None:
        low, high = claim.lower, claim.upper
        if low is not None and high is not None:
            low_text, high_text = _amount(low, unit, lang), _amount(high, unit, lang)
            shared = _shared_tail(low_text, high_text)
            return f"{low_text[:len(low_text) - len(shared)]}–{high_text}"
        if low is not None:
            return f"≥ {_amount(low, unit, lang)}"
        if high is not None:
            return f"≤ {_amount(high, unit, lang)}"
        return unit
    return f"{_display().qualifier.get(claim.qualifier, '')}{_amount(claim.value, unit, lang)}"


def _shared_tail(low: str, high: str) -> str:
    """The unit both sides of a range end with (``" months"`` of ``2 months`` and ``3 months``)."""
    tail = 0
    while tail < min(len(low), len(high)) and low[-1 - tail] == high[-1 - tail] and not low[-1 - tail].isdigit():
        tail += 1
    while tail and not low[len(low) - tail - 1].isdigit():  # cut only right after the figure
        tail -= 1
    return low[len(low) - tail:] if tail else ""
