"""Cue words near a figure, matched in normalised text: Latin words whole and in any case.

>>> moves = CueWords.of(["涨", "fell"])
>>> moves.ends_before("恒指涨120点", 3), moves.ends_before("it fell 300 points", 8)
(True, True)
>>> moves.occurs_in("the Dow fellows", 0, 15)
False
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..clauses import sentence_bounds
from ..vocab import first_chars

# Clause marks as claims.clauses has them, but a comma between digits groups thousands (25,000).
_CLAUSE_MARK = re.compile(r"(?=[,，、:：\s])(?:(?<![0-9]),|,(?![0-9])|[，、:：]|\s[-—]\s)")  # lookahead: a fast skip
_MARK_CHAR = re.compile(r"[,，、:：\-—]")  # one of them is in every clause mark
_MARK_INSIDE = "-—"  # besides spaces, what a clause mark of several characters is made of
_WINDOW = 64  # characters read first on either side of a figure for its clause marks
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
    longest: int | None  # the longest word's length; None when a word holds a space (matched as \s+)

    @classmethod
    def of(cls, words: list[str] | tuple[str, ...]) -> CueWords:
        alternation = "|".join(_literal(word) for word in sorted(set(words), key=len, reverse=True))
        alternation = alternation or "(?!)"
        if not any(word[:1].isspace() for word in words):  # a leading space is matched as any \s
            alternation = f"{first_chars(words)}(?:{alternation})"
        last = [word[-1] for word in words if word]
        known = all(_casefree(char) and not char.isspace() for char in last)
        spaced = any(char.isspace() for word in words for char in word)
        return cls(re.compile(alternation, re.IGNORECASE), re.compile(rf"(?:{alternation})\s*$", re.IGNORECASE),
                   frozenset(c for char in last for c in (char, char.lower(), char.upper())) if known else None,
                   None if spaced else max(map(len, words), default=0))

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
        if self.longest is not None:  # a word ending at ``end`` starts no earlier than its length allows
            left = max(left, end - self.longest)
        return self.at_end.search(text, left, position)


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[left, right)`` of the clause holding ``text[start:end]``, read across digit groups."""
    left, right = sentence_bounds(text, start, end)
    return _mark_before(text, left, start), _mark_after(text, end, right)


def clause_start(text: str, start: int, end: int) -> int:
    """Where the clause holding ``text[start:end]`` starts (``clause_span``'s left alone)."""
    return _mark_before(text, sentence_bounds(text, start, end)[0], start)


@lru_cache(maxsize=4)
def _mark_chars(text: str) -> list[int]:
    """Where ``text`` has a character that every clause mark holds one of (found once per text)."""
    return [found.start() for found in _MARK_CHAR.finditer(text)]


def _mark_before(text: str, left: int, start: int) -> int:
    """The end of the last clause mark in ``text[left:start]``, else ``left``. Marks are read in a
    window that reaches back to the nearest mark character and widens while it holds no mark; it
    opens after a character that no mark holds across (not a space or a dash), where reading
    from ``left`` would be at the same point."""
    chars = _mark_chars(text)
    index = bisect_left(chars, start) - 1
    if index < 0 or chars[index] < left:
        return left  # no mark character: no mark, however long the clause
    size = max(_WINDOW, start - chars[index] + 2)
    while True:
        window = max(left, start - size)
        while window > left and (text[window - 1] in _MARK_INSIDE or text[window - 1].isspace()):
            window -= 1
        marks = list(_CLAUSE_MARK.finditer(text, window, start))
        if marks:
            return marks[-1].end()
        if window <= left:
            return left
        size *= 2


def _mark_after(text: str, end: int, right: int) -> int:
    """The start of the first clause mark in ``text[end:right]``, else ``right``, read in a window
    after ``end`` to past the nearest mark character that widens while it holds no mark (or one
    whose look-ahead met the window's end)."""
    chars = _mark_chars(text)
    index = bisect_left(chars, end)
    if index == len(chars) or chars[index] >= right:
        return right
    size = max(_WINDOW, chars[index] - end + 3)
    while True:
        stop = min(right, end + size)
        found = _CLAUSE_MARK.search(text, end, stop)
        if found is not None and (found.end() < stop or stop == right):
            return found.start()
        if found is None and stop == right:
            return right
        size *= 2
