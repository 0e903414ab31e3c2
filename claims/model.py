"""The claim record: one numeric statement, as one source made it."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Literal

Qualifier = Literal["exact", "approx", "lower", "upper", "range", "approaching"]
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "lower", "upper", "range", "approaching")
TextBasis = Literal["original", "extracted-html"]
TEXT_BASES: tuple[str, ...] = ("original", "extracted-html")


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One numeric claim with offsets into the ORIGINAL text of its source (``text_basis``
    ``extracted-html``: into the main text extracted from an HTML page).

    ``value`` is the figure as written in the canonical unit (None only for a
    range); ``lower``/``upper`` bound what the words allow (None = unbounded).
    The frame fields (entity ... origin) are filled by the frame stage; None means unknown,
    never "the same".
    """

    id: str
    source: str
    start: int
    end: int
    text: str
    quote: str
    value: float | None
    lower: float | None
    upper: float | None
    precision: float | None
    unit: str
    qualifier: Qualifier
    lang: str
    entity: str | None = None
    also_applies_to: tuple[str, ...] = ()
    attribute: str | None = None
    relative_to: str | None = None
    time: str | None = None
    scope: str | None = None   # region, market, segment, division, tranche; "whole" for the entire entity
    basis: str | None = None   # level, YoY, QoQ, MoM, cumulative, annualised, as of a date
    status: str | None = None  # reported, preliminary, final, estimate, forecast, target, consensus
    origin: str | None = None
    notes: str | None = None
    change_from: str | None = None  # id of the figure this one changed from: "从95%降至0%"
    text_basis: TextBasis = "original"  # what the offsets index: the text as decoded, or an HTML page's main text

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span [{self.start}, {self.end}) for {self.text!r}")
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")
        if self.text_basis not in TEXT_BASES:
            raise ValueError(f"unknown text basis {self.text_basis!r}")
        if (self.value is None) != (self.qualifier == "range"):
            raise ValueError(f"{self.text!r}: a value is given exactly when the qualifier is not 'range'")
        for name in ("value", "lower", "upper", "precision"):
            number = getattr(self, name)
            if number is not None and not math.isfinite(number):
                raise ValueError(f"{self.text!r}: {name} must be finite or None, got {number!r}")
        if self.lower is not None and self.upper is not None and self.lower > self.upper:
            raise ValueError(f"{self.text!r}: lower {self.lower} > upper {self.upper}")

    def to_dict(self) -> dict[str, Any]:
        """The output-contract record, JSON-ready, in contract field order."""
        record = asdict(self)
        record["also_applies_to"] = list(self.also_applies_to)
        return {key: record[key] for key in CLAIM_FIELDS}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Claim:
        """The claim of a ``to_dict`` record (as read back from JSON)."""
        fields = {key: record[key] for key in CLAIM_FIELDS if key in record}
        fields["also_applies_to"] = tuple(fields.get("also_applies_to") or ())
        return cls(**fields)


CLAIM_FIELDS: tuple[str, ...] = (
    "id", "source", "start", "end", "text", "quote", "value", "lower", "upper", "precision", "unit",
    "qualifier", "entity", "also_applies_to", "attribute", "relative_to", "time", "scope", "basis", "status", "origin",
    "lang", "notes",
    "change_from", "text_basis",
)
