"""Units: the pint registry built from factrecon's own definitions, and conversion to canonical units."""

from .normalize import (
    Contextual,
    Conversion,
    SurfaceForms,
    combine,
    conversion,
    emitted_units,
    is_canonical,
    is_currency,
    is_exchange_rate,
    surface_forms,
)
from .registry import registry

__all__ = [
    "Contextual", "Conversion", "SurfaceForms", "combine", "conversion", "emitted_units", "is_canonical",
    "is_currency", "is_exchange_rate", "registry", "surface_forms",
]
