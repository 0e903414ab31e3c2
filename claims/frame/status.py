"""The ``status`` of a figure (SDMX's observation status): reported, preliminary, final,
estimate, forecast, target or consensus.

A status word before the figure in its sentence gives the status (the nearest one wins); a
figure with none is ``reported``. A forecast's or target's period is marked in its ``time``:
"2026 (forecast)". Words: claims/data/status.toml.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from ..document import Document, Place
from ..literals import LiteralIndex, fold
from ..textmap import normalize
from ..vocab import load

REPORTED = "reported"
STATUSES = ("reported", "preliminary", "final", "estimate", "forecast", "target", "consensus")
TIME_MARKS = {"forecast": " (forecast)", "target": " (target)"}


@cache
def _cues() -> tuple[LiteralIndex, dict[str, str]]:
    by_word: dict[str, str] = {}
    for status, words in load("status")["words"].items():
        if status not in STATUSES:
            raise ValueError(f"status.toml:words.{status}: not one of {', '.join(STATUSES)}")
        for word in words:
            by_word[fold(normalize(word).text)] = status
    return LiteralIndex(by_word), by_word


class StatusFinder:
    """The statuses of one article's figures (status words found once, looked up per figure)."""

    def __init__(self, doc: Document) -> None:
        index, self.by_word = _cues()
        self.hits = index.find(doc.text)
        self.starts = [hit.start for hit in self.hits]

    def status(self, place: Place) -> str:
        """The status of the figure at ``place``: the nearest status word before it in its sentence."""
        index = bisect_left(self.starts, place.start) - 1
        if index >= 0 and self.hits[index].start >= place.sentence[0] and self.hits[index].end <= place.start:
            return self.by_word[self.hits[index].key]
        return REPORTED


def marked_time(period: tuple[str, bool] | None, status: str) -> str | None:
    """The ``time`` of a claim: its period, marked "(forecast)"/"(target)" by its status, else
    "(implied)" when the year was inferred."""
    if period is None:
        return None
    label, implied = period
    return label + (TIME_MARKS.get(status) or (" (implied)" if implied else ""))
