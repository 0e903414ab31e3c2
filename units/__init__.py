"""Units: the pint registry built from factrecon's own definitions, and conversion to canonical units."""

from .normalize import (
    Conversion,
    SurfaceForms,
    combine,
    conversion,
    is_canonical,
    is_currency,
    is_exchange_rate,
    surface_forms,
)
from .registry import registry

__all__ = [
    "Conversion", "SurfaceForms", "combine", "conversion", "is_canonical", "is_currency", "is_exchange_rate",
    "registry", "surface_forms",
]
