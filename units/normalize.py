"""Convert a written unit to factrecon's canonical unit: ``TB/s`` -> (1e12, ``byte/second``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from typing import Any

from .rates import RateForms, denominator_name, every_rate, is_rate_of, rate_forms, split_rate
from .registry import base_name, registry

SURFACE_FORMS = "surface_forms.toml"


@dataclass(frozen=True, slots=True)
class Conversion:
    """Multiply a written value by ``factor`` to express it in ``unit`` (a canonical name)."""

    factor: Decimal
    unit: str


@dataclass(frozen=True, slots=True)
class Contextual:
    """A bare symbol that is ``unit`` only near one of ``cues`` and none of ``blockers``."""

    unit: str
    cues: tuple[str, ...]
    blockers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SurfaceForms:
    """The written forms of units (see surface_forms.toml for the grammar)."""

    canonical: tuple[str, ...]
    suffix: dict[str, str]
    prefix: dict[str, str]
    generic_currency: dict[str, str]
    contextual: dict[str, Contextual]
    counters: tuple[str, ...]
    not_counters: tuple[str, ...]
    rate: RateForms


@lru_cache(maxsize=1)
def surface_forms() -> SurfaceForms:
    """The packaged written forms, loaded once."""
    path = files("factrecon.units") / "data" / SURFACE_FORMS
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    contextual = {
        form: Contextual(entry["unit"], tuple(entry["cues"]), tuple(entry.get("blockers", ())))
        for form, entry in data.get("contextual", {}).items()
    }
    return SurfaceForms(
        canonical=tuple(data["canonical"]["units"]),
        suffix=dict(data["suffix"]),
        prefix=dict(data["prefix"]),
        generic_currency=dict(data["generic_currency"]),
        contextual=contextual,
        counters=tuple(word for words in data["counters"].values() for word in words),
        not_counters=tuple(word for words in data.get("not_counters", {}).values() for word in words),
        rate=rate_forms(data),
    )


def _root_name(units: Any) -> str:
    """``terabyte / second`` -> ``byte/second``: prefixes dropped, numerator first."""
    top = [base_name(name) for name, power in units.items() if power > 0 for _ in range(int(power))]
    bottom = [base_name(name) for name, power in units.items() if power < 0 for _ in range(int(-power))]
    return "*".join(top) + "".join(f"/{name}" for name in bottom)


def combine(first: str, second: str) -> str:
    """Join two expressions written around a number: ``HKD`` + ``/share``, ``terabyte`` + ``/second``."""
    if not first:
        return second
    if not second:
        return first
    if second.startswith("/"):
        return f"({first}){second}"
    if first.startswith("/"):
        return f"({second}){first}"
    raise ValueError(f"cannot combine units {first!r} and {second!r}")


def _canonical_for(ureg: Any, quantity: Any) -> str | None:
    """A listed name: the quantity's own root (tebibyte -> byte), else the first of its dimension."""
    root = _root_name(quantity.units._units)
    if root in surface_forms().canonical:
        return root
    for name in surface_forms().canonical:
        if ureg.parse_expression(name).dimensionality == quantity.dimensionality:
            return name
    return None


def _rate_for(ureg: Any, quantity: Any) -> str | None:
    """The rate unit of a quantity written per something (see units/rates.py), or None."""
    parts = split_rate(quantity.units._units)
    if parts is None:
        return None
    forms = surface_forms()
    numerator = _canonical_for(ureg, ureg.parse_expression(parts[0]))
    denominator = denominator_name(parts[1], forms.rate.denominators)
    if numerator is None or denominator is None:
        return None
    name = f"{numerator}/{denominator}"
    return name if is_rate_of(name, forms.canonical, forms.rate) else None


@lru_cache(maxsize=512)
def conversion(expression: str) -> Conversion:
    """The factor and canonical unit for a pint expression of definitions.txt."""
    ureg = registry()
    quantity = ureg.parse_expression(expression)
    if not hasattr(quantity, "units"):
        raise ValueError(f"{expression!r} is not a unit")
    root = _root_name(quantity.units._units)
    if root in surface_forms().canonical or is_exchange_rate(root):
        target = root
    else:
        target = _rate_for(ureg, quantity) or _canonical_for(ureg, quantity) or ""
    if not target:
        raise ValueError(f"no canonical unit for {expression!r} ({quantity.dimensionality})")
    factor = quantity.to(ureg.parse_expression(target).units).magnitude
    return Conversion(factor=Decimal(f"{float(factor):.15g}"), unit=target)


@lru_cache(maxsize=64)
def is_currency(unit: str) -> bool:
    """Whether canonical ``unit`` is an amount of money (a ``[currency_*]`` dimension)."""
    dimensions = registry().parse_expression(unit).dimensionality
    return len(dimensions) == 1 and next(iter(dimensions)).startswith("[currency_")


@lru_cache(maxsize=64)
def is_exchange_rate(unit: str) -> bool:
    """Whether ``unit`` is one currency per another: ``CNY/USD`` (yuan per US dollar)."""
    first, slash, second = unit.partition("/")
    return bool(slash) and first != second and "/" not in second and is_currency(first) and is_currency(second)


def is_canonical(unit: str) -> bool:
    """Whether ``unit`` is one of the names factrecon reports: listed, a rate the rule forms, or an
    exchange rate (``CNY/USD``)."""
    forms = surface_forms()
    return unit in forms.canonical or is_rate_of(unit, forms.canonical, forms.rate) or is_exchange_rate(unit)


def emitted_units() -> tuple[str, ...]:
    """Every canonical unit extraction can emit: the listed ones, every rate the rule forms and
    every exchange rate between the listed currencies."""
    forms = surface_forms()
    currencies = [unit for unit in forms.canonical if is_currency(unit)]
    pairs = tuple(f"{first}/{second}" for first in currencies for second in currencies if first != second)
    return forms.canonical + every_rate(forms.canonical, forms.rate) + pairs
