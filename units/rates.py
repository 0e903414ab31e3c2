"""Rates: a figure per N of something (``0.58元/千瓦时``, ``$82 a barrel``, ``每万人口32人``).

A rate's canonical unit is ``<numerator>/<denominator>``: the numerator is the canonical unit of
what is counted (CNY, count, gram), the denominator one of the canonical denominators of
surface_forms.toml ``[rate]`` -- the written one's own unit when listed, else the first listed
unit of its dimension (公斤 -> tonne, 亩 -> square_meter). The written forms of denominators, the
words that join them to a figure and their scale words are data of the same file.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .registry import base_name, registry


@dataclass(frozen=True, slots=True)
class RateForms:
    """The ``[rate]`` and ``[denominator]`` tables of surface_forms.toml."""

    denominators: tuple[str, ...]     # canonical denominators, preferred first within a dimension
    not_numerators: tuple[str, ...]   # canonical units that never open a rate (percent)
    per: tuple[str, ...]              # words joining a unit to its denominator: "/", "per", "a"
    scaled_per: tuple[str, ...]       # the per words that may carry a scale: "per 1,000 people"
    prefix_per: tuple[str, ...]       # words opening a denominator before the figure: 每
    scales: dict[str, Decimal]        # scale words of a denominator: 万 -> 1e4, million -> 1e6
    not_after: tuple[str, ...]        # "a year earlier" is no rate
    written: dict[str, str]           # written denominator -> pint expression


def rate_forms(data: dict[str, Any]) -> RateForms:
    """Read the rate tables out of the parsed surface_forms.toml."""
    rate = data["rate"]
    return RateForms(
        denominators=tuple(rate["denominators"]),
        not_numerators=tuple(rate["not_numerators"]),
        per=tuple(rate["per"]),
        scaled_per=tuple(rate["scaled_per"]),
        prefix_per=tuple(rate["prefix_per"]),
        scales={word: Decimal(str(value)) for word, value in rate["scales"].items()},
        not_after=tuple(rate["not_after"]),
        written=dict(data["denominator"]),
    )


def denominator_name(unit: str, denominators: tuple[str, ...]) -> str | None:
    """The canonical denominator for pint unit ``unit``: kilogram -> tonne, barrel -> barrel."""
    if unit in denominators or base_name(unit) in denominators:
        return unit if unit in denominators else base_name(unit)
    ureg = registry()
    dimensionality = ureg.parse_expression(unit).dimensionality
    for name in denominators:
        if ureg.parse_expression(name).dimensionality == dimensionality:
            return name
    return None


def split_rate(units: Any) -> tuple[str, str] | None:
    """A pint unit container read as ``(numerator, denominator)``: ``CNY / kilowatt_hour`` ->
    ("CNY", "kilowatt_hour"); None unless exactly one unit divides the others."""
    bottom = [name for name, power in units.items() if power < 0]
    top = [name for name, power in units.items() if power > 0]
    if len(bottom) != 1 or units[bottom[0]] != -1 or not top:
        return None
    numerator = " * ".join(f"{name} ** {units[name]}" if units[name] != 1 else name for name in top)
    return numerator, bottom[0]


def _forms_rate(numerator: str, denominator: str, forms: RateForms) -> bool:
    """A numerator opens a rate over a denominator of another dimension (day/year is no rate)."""
    if "/" in numerator or numerator in forms.not_numerators or denominator not in forms.denominators:
        return False
    return _dimension(numerator) != _dimension(denominator)


@lru_cache(maxsize=256)
def _dimension(unit: str) -> str:
    return str(registry().parse_expression(unit).dimensionality)


def is_rate_of(unit: str, canonical: tuple[str, ...], forms: RateForms) -> bool:
    """Whether ``unit`` is a rate the rule forms: a canonical numerator over a listed denominator."""
    numerator, slash, denominator = unit.partition("/")
    return bool(slash) and numerator in canonical and _forms_rate(numerator, denominator, forms)


def every_rate(canonical: tuple[str, ...], forms: RateForms) -> tuple[str, ...]:
    """Every rate unit the rule can form, numerator by numerator."""
    return tuple(
        f"{numerator}/{denominator}"
        for numerator in canonical for denominator in forms.denominators
        if _forms_rate(numerator, denominator, forms)
    )
