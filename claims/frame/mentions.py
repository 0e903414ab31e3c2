"""The record of an entity named in a text, shared by the readers that find and resolve them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named at ``[start, end)`` of the normalised text.

    ``kind`` is the entity's kind, or ``pronoun``/``figure``/``reference`` for words that point
    back (their ``name`` is empty; a reference ``wants`` the kind its noun names: 该法案 -> law)."""

    start: int
    end: int
    name: str
    kind: str
    parent: str | None = None
    known: bool = True
    wants: str | None = None

    @property
    def points_back(self) -> bool:
        return self.kind in ("pronoun", "figure", "reference")
