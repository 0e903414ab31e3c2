"""The pint registry, built only from factrecon's own definitions file (not pint's default 700 units)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pint

DEFINITIONS = "definitions.txt"


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry[float]:
    """The shared registry (pint is imported on first use, keeping the CLI's start-up fast)."""
    import pint

    ureg: pint.UnitRegistry[float] = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False,
                                                       on_redefinition="raise")
    ureg.load_definitions(str(files("factrecon.units") / "data" / DEFINITIONS))
    return ureg


def base_name(name: str) -> str:
    """A unit name without its prefix: ``terabyte`` -> ``byte``, ``nanometer`` -> ``meter``."""
    parsed = registry().parse_unit_name(name)
    if not parsed:
        raise ValueError(f"unknown unit {name!r}")
    return str(parsed[0][1])
