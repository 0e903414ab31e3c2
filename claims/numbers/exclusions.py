"""Spans of text whose numbers are not claims: dates, times, ordinals, codes, set phrases.

The patterns and phrases are data (claims/data/exclusions.toml); this module compiles them once
and reports the excluded spans of a normalised text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..vocab import VocabError, alternation, load, words


@dataclass(frozen=True, slots=True)
class Excluded:
    """``[start, end)`` of the normalised text holds no claim, for ``reason``."""

    start: int
    end: int
    reason: str


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    compiled = []
    for index, entry in enumerate(load("exclusions").get("pattern", [])):
        try:
            compiled.append((str(entry["name"]), re.compile(entry["regex"])))
        except (KeyError, re.error) as error:
            raise VocabError(f"exclusions.toml:pattern[{index}]: {error}") from error
    phrases = words("exclusions", "phrases")
    compiled.append(("set phrase or name", re.compile(alternation(phrases))))
    return tuple(compiled)


def excluded_spans(text: str) -> list[Excluded]:
    """Every excluded span in ``text``, sorted by start."""
    spans = [
        Excluded(match.start(), match.end(), reason)
        for reason, pattern in _patterns()
        for match in pattern.finditer(text)
        if match.end() > match.start()
    ]
    return sorted(spans, key=lambda span: (span.start, span.end))


class ExclusionIndex:
    """Answers "does ``[start, end)`` overlap an excluded span?" in logarithmic time."""

    def __init__(self, spans: list[Excluded]) -> None:
        self._spans = spans
        self._starts = [span.start for span in spans]
        reach = 0
        self._reach: list[int] = []
        for span in spans:
            reach = max(reach, span.end)
            self._reach.append(reach)

    def reason(self, start: int, end: int) -> str | None:
        """The reason of an excluded span overlapping ``[start, end)``, or None."""
        index = bisect_left(self._starts, end) - 1
        while index >= 0 and self._reach[index] > start:
            span = self._spans[index]
            if span.end > start:
                return span.reason
            index -= 1
        return None
