"""Roles of the names around a figure that make them other than its subject, or make a person
its subject: a name in a list of examples ("伙伴包括A、B等"), a venue ("登陆科创板", "listed on the
Nasdaq"), a point in time ("自腾讯上市以来", "since Alibaba's IPO"), and a person arguing for the
figure ("财长王立新主张削减开支300亿元", "Jane Doe called for a $40 billion cut"). The cue
words (claims/data/subjects.toml) are found once per document; each question is a bisect.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from ..literals import Hit, LiteralIndex
from ..vocab import load, words

_BREAK = re.compile(r"[,，。;；!！?？\n]")
_CLAUSE_END = re.compile(r"[,，。;；!！?？\n)）]")
LIST_REACH = 60  # characters a list of examples runs on after its opener
VENUE_GAP = 6  # characters between a cue word and the name ("listed on the Nasdaq")




@cache
def _indexes() -> tuple[dict[str, LiteralIndex], int]:
    keys = {"openers": "list_openers", "venues": "venue_before", "stances": "stance_verbs",
            "asides": "aside_before"}
    indexes = {kind: LiteralIndex(words("subjects", key)) for kind, key in keys.items()}
    return indexes, int(load("subjects")["stance_gap"])


@dataclass(frozen=True, slots=True)
class Roles:
    """The role cue words of one document, in order."""

    hits: dict[str, list[Hit]]
    ends: dict[str, list[int]]
    stance_gap: int

    def _last_before(self, kind: str, position: int) -> Hit | None:
        """The last cue of ``kind`` that ends at or before ``position``."""
        index = bisect_left(self.ends[kind], position + 1) - 1
        return self.hits[kind][index] if index >= 0 else None

    def is_listed(self, text: str, position: int) -> bool:
        """Whether ``position`` lies in a list of examples opened earlier in its clause."""
        opener = self._last_before("openers", position)
        return opener is not None and position - opener.end <= LIST_REACH \
            and not _BREAK.search(text, opener.end, position)

    def is_venue(self, text: str, position: int) -> bool:
        """Whether a venue word stands right before ``position`` ("登陆|港交所")."""
        venue = self._last_before("venues", position)
        return venue is not None and position - venue.end <= VENUE_GAP \
            and not text[venue.end:position].strip(" 的了在于the")

    def is_aside(self, text: str, position: int) -> bool:
        """Whether a time aside opens right before ``position`` ("自|腾讯", "since |Alibaba's IPO")."""
        aside = self._last_before("asides", position)
        return aside is not None and position - aside.end <= VENUE_GAP and not text[aside.end:position].strip()

    def stance_before(self, text: str, left: int, position: int) -> int | None:
        """Where the last stance verb between ``left`` and ``position`` starts (not one that
        describes a noun: "总统支持的候选人")."""
        stance = self._last_before("stances", position)
        if stance is None or stance.start < left or text.startswith("的", stance.end):
            return None
        between = text[stance.end:position].lstrip(",， ")
        return None if _CLAUSE_END.search(between) else stance.start


@lru_cache(maxsize=4)
def roles(text: str) -> Roles:
    """The role cue words of ``text`` (normalised)."""
    indexes, gap = _indexes()
    found = {kind: index.find(text) for kind, index in indexes.items()}
    return Roles(found, {kind: [hit.end for hit in hits] for kind, hits in found.items()}, gap)
