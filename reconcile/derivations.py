"""The derivation vocabulary (reconcile/data/derivations.toml) as typed records."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from factrecon.units import is_currency


@dataclass(frozen=True, slots=True)
class RatioBasis:
    relations: tuple[str, ...]
    units: tuple[str, ...]
    attributes: tuple[str, ...]
    inverse: bool
    verdict: bool

    def explains(self, attribute: str | None) -> bool:
        words = (attribute or "performance").lower()
        return any(relation in words for relation in self.relations)


@dataclass(frozen=True, slots=True)
class Derivations:
    ratio_bases: tuple[RatioBasis, ...]
    consequence_words: tuple[str, ...]
    change_attributes: tuple[str, ...]
    share_attributes: tuple[str, ...]
    related_attributes: tuple[frozenset[str], ...]
    not_additive: tuple[str, ...]
    sum_slip: float
    conversions: tuple[float, float]  # (agree, bad): see derivations.toml

    def additive(self, unit: str, attribute: str | None) -> bool:
        """Whether figures in ``unit`` of ``attribute`` add up over sub-periods (flows)."""
        if unit != "count" and not is_currency(unit):
            return False
        return attribute is not None and not any(word in attribute.lower() for word in self.not_additive)

    def is_change(self, attribute: str | None) -> bool:
        return attribute is not None and any(word in attribute.lower() for word in self.change_attributes)

    def related(self, first: str | None, second: str | None) -> bool:
        """Two different attributes that frame one figure differently (a surcharge vs a cut of sales)."""
        if not first or not second or first.lower() == second.lower():
            return False
        return any(first.lower() in group and second.lower() in group for group in self.related_attributes)

    def is_share(self, attribute: str | None) -> bool:
        return attribute is not None and any(word in attribute.lower() for word in self.share_attributes)


@cache
def load_derivations() -> Derivations:
    text = resources.files(__package__).joinpath("data/derivations.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return Derivations(
        ratio_bases=tuple(
            RatioBasis(tuple(b["relations"]), tuple(b["units"]), tuple(b.get("attributes", ())),
                       bool(b.get("inverse", False)), bool(b["verdict"]))
            for b in data["ratio_basis"]
        ),
        consequence_words=tuple(data["consequence_words"]),
        change_attributes=tuple(data["change_attributes"]),
        share_attributes=tuple(data["share_attributes"]),
        related_attributes=tuple(frozenset(a.lower() for a in group) for group in data["related_attributes"]),
        not_additive=tuple(word.lower() for word in data["additive_not"]),
        sum_slip=float(data["sum_slip"]),
        conversions=(float(data["conversions"]["agree"]), float(data["conversions"]["bad"])),
    )
