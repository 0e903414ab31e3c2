"""Convert a written unit to factrecon's canonical unit: ``TB/s`` -> (1e12, ``byte/second``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from typing import Any

from .registry import base_name, registry

SURFACE_FORMS = "surface_forms.toml"


@dataclass(frozen=True, slots=True)
class Conversion:
    """Multiply a written value by ``factor`` to express it in ``unit`` (a canonical name)."""

    factor: Decimal
    unit: str


@dataclass(frozen=True, slots=True)
class SurfaceForms:
    """The written forms of units (see surface_forms.toml for the grammar)."""

    canonical: tuple[str, ...]
    suffix: dict[str, str]
    prefix: dict[str, str]
    generic_currency: dict[str, str]
    contextual: dict[str, tuple[str, tuple[str, ...]]]
    counters: tuple[str, ...]


@lru_cache(maxsize=1)
def surface_forms() -> SurfaceForms:
    """The packaged written forms, loaded once."""
    path = files("factrecon.units") / "data" / SURFACE_FORMS
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    contextual = {
        form: (entry["unit"], tuple(entry["cues"])) for form, entry in data.get("contextual", {}).items()
    }
    return SurfaceForms(
        canonical=tuple(data["canonical"]["units"]),
        suffix=dict(data["suffix"]),
        prefix=dict(data["prefix"]),
        generic_currency=dict(data["generic_currency"]),
        contextual=contextual,
        counters=tuple(word for words in data["counters"].values() for word in words),
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


@lru_cache(maxsize=512)
def conversion(expression: str) -> Conversion:
    """The factor and canonical unit for a pint expression of definitions.txt."""
    ureg = registry()
    quantity = ureg.parse_expression(expression)
    if not hasattr(quantity, "units"):
        raise ValueError(f"{expression!r} is not a unit")
    canonical_names = surface_forms().canonical
    root = _root_name(quantity.units._units)
    if root in canonical_names or is_exchange_rate(root):
        target = root
    else:
        matching = [name for name in canonical_names if ureg.parse_expression(name).dimensionality
                    == quantity.dimensionality]
        if not matching:
            raise ValueError(f"no canonical unit for {expression!r} ({quantity.dimensionality})")
        target = matching[0]
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
    """Whether ``unit`` is one of the names factrecon reports (a listed unit or an exchange rate)."""
    return unit in surface_forms().canonical or is_exchange_rate(unit)
