"""Tolerances as data: how near two figures must be to agree (reconcile/data/tolerances.toml)."""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from factrecon.units import is_currency


@dataclass(frozen=True, slots=True)
class Tolerances:
    relative: dict[str, float]
    absolute: dict[str, float]
    rounding: dict[str, float]
    trailing_zeros_from: float
    qualifier: dict[str, float]
    derived_agree: float
    derived_approx_agree: float
    scope_factor: float
    slack_factor: float
    plausibility_factor: float
    slip_factors: tuple[float, ...]
    slip_tolerance: float
    attribute_similarity: float
    near_verbatim: float
    shingle: int
    unmarked_compute: str
    sparse_factor: float
    volatile: tuple[str, ...]
    slack_days: int

    def widening(self, unit: str, qualifier: str) -> float:
        """Relative widening of a figure in ``unit`` written with ``qualifier`` (``currency`` stands
        for every currency unit without an entry of its own)."""
        kind = "currency" if unit not in self.relative and is_currency(unit) else unit
        return self.relative.get(kind, self.relative["default"]) + self.qualifier.get(qualifier, 0.0)

    def rounding_share(self, unit: str) -> float:
        """How much of the last digit's step an exact figure in ``unit`` may hide, each side."""
        return self.rounding.get(unit, self.rounding.get("default", 0.5))

    def is_volatile(self, attribute: str | None) -> bool:
        return attribute is not None and attribute.lower() in self.volatile


def _read(data: dict[str, Any]) -> Tolerances:
    return Tolerances(
        relative={str(k): float(v) for k, v in data["relative"].items()},
        absolute={str(k): float(v) for k, v in data.get("absolute", {}).items()},
        rounding={str(k): float(v) for k, v in data.get("rounding", {"default": 0.5}).items()
                  if not isinstance(v, dict)},
        trailing_zeros_from=float(data.get("significance", {}).get("trailing_zeros_from", math.inf)),
        qualifier={str(k): float(v) for k, v in data.get("qualifier", {}).items()},
        derived_agree=float(data["derived"]["agree"]),
        derived_approx_agree=float(data["derived"]["approx_agree"]),
        scope_factor=float(data["derived"]["scope_factor"]),
        slack_factor=float(data["bounds"]["slack_factor"]),
        plausibility_factor=float(data["plausibility"]["factor"]),
        slip_factors=tuple(float(f) for f in data["unit_slip"]["factors"]),
        slip_tolerance=float(data["unit_slip"]["tolerance"]),
        attribute_similarity=float(data["alignment"]["attribute_similarity"]),
        near_verbatim=float(data["alignment"]["near_verbatim"]),
        shingle=int(data["alignment"]["shingle"]),
        unmarked_compute=str(data["compute"]["unmarked"]),
        sparse_factor=float(data["compute"]["sparse_factor"]),
        volatile=tuple(str(a).lower() for a in data["volatile"]["attributes"]),
        slack_days=int(data["dates"]["slack_days"]),
    )


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged


@cache
def _packaged() -> dict[str, Any]:
    return tomllib.loads(resources.files(__package__).joinpath("data/tolerances.toml").read_text(encoding="utf-8"))


def load_tolerances(override: Path | None = None) -> Tolerances:
    """The packaged tolerances, with any keys of the TOML file ``override`` replacing them."""
    data = _packaged()
    if override is not None:
        with override.open("rb") as handle:
            data = _merge(data, tomllib.load(handle))
    return _read(data)
