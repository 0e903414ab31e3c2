"""Cue words near a figure, matched in normalised text: Latin words whole and in any case.

>>> moves = CueWords.of(["涨", "fell"])
>>> moves.ends_before("恒指涨120点", 3), moves.ends_before("it fell 300 points", 8)
(True, True)
>>> moves.occurs_in("the Dow fellows", 0, 15)
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..clauses import sentence_bounds

# Clause marks as claims.clauses has them, but a comma between digits groups thousands (25,000).
_CLAUSE_MARK = re.compile(r"(?<![0-9]),|,(?![0-9])|[，、:：]|\s[-—]\s")
REACH = 40  # the longest cue word, and its spaces, that may end before a figure
_CASELESS = "\u2e80"  # from here on (CJK) characters have no case: no other character matches one


def _casefree(char: str) -> bool:
    """Whether ``char`` matches, in any case, only itself and its ASCII upper and lower forms."""
    return char.isascii() or char >= _CASELESS


def _literal(word: str) -> str:
    """A regex for ``word``; a Latin word may not touch more letters on either side."""
    pattern = re.escape(word).replace(r"\ ", r"\s+")
    if word[:1].isascii() and word[:1].isalpha():
        pattern = rf"(?<![A-Za-z]){pattern}"
    if word[-1:].isascii() and word[-1:].isalpha():
        pattern = rf"{pattern}(?![A-Za-z])"
    return pattern


@dataclass(frozen=True, slots=True)
class CueWords:
    """A list of words compiled once: found anywhere in a span, or ending right before a position."""

    anywhere: re.Pattern[str]
    at_end: re.Pattern[str]
    last_chars: frozenset[str] | None  # what a word can end in, in any case; None: not known

    @classmethod
    def of(cls, words: list[str] | tuple[str, ...]) -> CueWords:
        alternation = "|".join(_literal(word) for word in sorted(set(words), key=len, reverse=True))
        alternation = alternation or "(?!)"
        last = [word[-1] for word in words if word]
        known = all(_casefree(char) and not char.isspace() for char in last)
        return cls(re.compile(alternation, re.IGNORECASE), re.compile(rf"(?:{alternation})\s*$", re.IGNORECASE),
                   frozenset(c for char in last for c in (char, char.lower(), char.upper())) if known else None)

    def occurs_in(self, text: str, left: int, right: int) -> bool:
        """Whether one of the words lies wholly in ``text[left:right]``."""
        return self.anywhere.search(text, left, right) is not None

    def ends_before(self, text: str, position: int, left: int = 0) -> bool:
        """Whether one of the words ends right before ``position`` (spaces allowed), after ``left``."""
        return self._last(text, position, left) is not None

    def strip_end(self, text: str, position: int, left: int = 0) -> int:
        """``position`` moved back over the words (and spaces) ending right before it, if any."""
        while (found := self._last(text, position, left)) is not None and found.start() < position:
            position = found.start()
        return position

    def _last(self, text: str, position: int, left: int) -> re.Match[str] | None:
        left = max(left, position - REACH)
        end = position  # a word must end right before the spaces before ``position``
        while end > left and text[end - 1].isspace():
            end -= 1
        if end == left or self.last_chars is not None and _casefree(text[end - 1]) \
                and text[end - 1] not in self.last_chars:
            return None
        return self.at_end.search(text, left, position)


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[left, right)`` of the clause holding ``text[start:end]``, read across digit groups."""
    left, right = sentence_bounds(text, start, end)
    marks = list(_CLAUSE_MARK.finditer(text, left, start))
    after = _CLAUSE_MARK.search(text, end, right)
    return (marks[-1].end() if marks else left), (after.start() if after else right)
