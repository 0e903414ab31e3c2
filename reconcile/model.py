"""The finding record: what an editor is told about a set of claims, rendered by ``reports``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["conflict", "arithmetic_bad", "tension", "agreement", "arithmetic_ok", "change", "not_a_conflict"]
Severity = Literal["error", "warning", "note"]

KINDS: tuple[Kind, ...] = ("conflict", "arithmetic_bad", "tension", "agreement", "arithmetic_ok", "change",
                           "not_a_conflict")
SEVERITY: dict[str, Severity] = {
    "conflict": "error", "arithmetic_bad": "error", "tension": "warning",
    "agreement": "note", "arithmetic_ok": "note", "change": "note", "not_a_conflict": "note",
}
RANK: dict[str, int] = {kind: rank for rank, kind in enumerate(KINDS)}  # most urgent first
FINGERPRINT_SCHEME = "fr1"


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One verdict over claims of one or more sources.

    ``claims`` are the ids the verdict is about (never derived figures); ``derived`` holds figures
    the check computed, by name; ``origins`` counts the independent origins behind an agreement.
    """

    id: str
    kind: Kind
    claims: tuple[str, ...]
    explanation: str
    fingerprint: str
    check: str
    entity: str | None = None
    attribute: str | None = None
    origins: int | None = None
    derived: tuple[tuple[str, float], ...] = field(default=())

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown finding kind {self.kind!r}")
        if not self.claims:
            raise ValueError("a finding is about at least one claim")

    @property
    def severity(self) -> Severity:
        return SEVERITY[self.kind]

    def to_dict(self) -> dict[str, Any]:
        """The output-contract record, JSON-ready."""
        record = {
            "id": self.id, "kind": self.kind, "claims": list(self.claims), "explanation": self.explanation,
            "severity": self.severity, "fingerprint": self.fingerprint, "check": self.check,
            "entity": self.entity, "attribute": self.attribute, "origins": self.origins,
            "derived": dict(self.derived),
        }
        return {key: record[key] for key in FINDING_FIELDS}


FINDING_FIELDS: tuple[str, ...] = (
    "id", "kind", "claims", "explanation", "severity", "fingerprint", "check", "entity", "attribute", "origins",
    "derived",
)
