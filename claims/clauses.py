"""Sentences, paragraphs and quotes: the stretch of text that carries a number."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

MAX_QUOTE = 80
QUOTE_TARGET = 40  # most gold quotes are one or two short clauses
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s|$)")
# a comma or colon between digits groups thousands or tells the time (27,646.1; 10:30): no clause end
# (the lookahead names every mark's first character: lookbehinds leave the regex engine no fast skip)
_CLAUSE_END = re.compile(r"(?=[，、：,:\s])"
                         r"(?:[，、：]|(?<![0-9]),|,(?![0-9]{3}(?![0-9]))|(?<![0-9]):|:(?![0-9])|\s[-—]\s)")
_FULL_STOP = re.compile(r"[。！？!?\n]|\.(?=\s|$)")  # a sentence's end, not a semicolon's


@lru_cache(maxsize=4)
def _marks(text: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """Sentence and clause boundaries of ``text``: (sentence mark starts, ends, clause mark starts, ends)."""
    sentences = list(_SENTENCE_END.finditer(text))
    clauses = list(_CLAUSE_END.finditer(text))
    return ([m.start() for m in sentences], [m.end() for m in sentences],
            [m.start() for m in clauses], [m.end() for m in clauses])


def full_stops(text: str) -> list[int]:
    """Where each full sentence of ``text`` ends (its semicolons do not end it): the positions
    just after its full stops, question and exclamation marks and line breaks."""
    return [found.end() for found in _FULL_STOP.finditer(text)]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``[left, right)`` of the sentence around ``[start, end)``, without its end mark."""
    starts, ends, _, _ = _marks(text)
    before = bisect_right(ends, start) - 1
    left = ends[before] if before >= 0 else 0
    after = bisect_left(starts, end)
    right = starts[after] if after < len(starts) else len(text)
    return left, right


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``[left, right)`` of the comma-separated clause holding ``[start, end)``."""
    left, right = sentence_bounds(text, start, end)
    _, _, starts, ends = _marks(text)
    before = bisect_right(ends, start) - 1
    if before >= 0 and ends[before] > left:
        left = ends[before]
    after = bisect_left(starts, end)
    if after < len(starts) and starts[after] < right:
        right = starts[after]
    return left, right


@lru_cache(maxsize=4)
def line_breaks(text: str) -> list[int]:
    """Positions of the line breaks of ``text`` (found once per text, then bisected)."""
    return char_positions(text, "\n")


def char_positions(text: str, char: str) -> list[int]:
    """Every index of ``char`` in ``text``, found by ``str.find`` (no walk over every character)."""
    found, at = [], text.find(char)
    while at >= 0:
        found.append(at)
        at = text.find(char, at + 1)
    return found


def paragraph_bounds(text: str, start: int) -> tuple[int, int]:
    """``[left, right)`` of the paragraph (line) holding ``start``."""
    breaks = line_breaks(text)
    index = bisect_left(breaks, start)
    return (breaks[index - 1] + 1 if index else 0), (breaks[index] if index < len(breaks) else len(text))


def quote_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``, widened by whole neighbouring clauses (earlier ones
    first, as they name the subject) while the quote stays short (``QUOTE_TARGET``); a single
    clause longer than ``MAX_QUOTE`` is cut to a window around the number."""
    left, right = sentence_bounds(text, start, end)
    _, _, _, ends = _marks(text)  # clause cuts: the sentence's ends and the clause marks' ends
    clause_left = _cut_before(ends, start + 1, left) or left
    clause_right = _cut_after(ends, end - 1, right) or right
    while True:
        wider_left = _cut_before(ends, clause_left, left)
        if wider_left is not None and clause_right - wider_left <= QUOTE_TARGET:
            clause_left = wider_left
            continue
        wider_right = _cut_after(ends, clause_right, right)
        if wider_right is not None and wider_right - clause_left <= QUOTE_TARGET:
            clause_right = wider_right
            continue
        break
    left, right = clause_left, clause_right
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1] in " \t\r,，、:：":
        right -= 1
    if right - left > MAX_QUOTE:  # one long clause: a window centred on the number
        spare = max(0, MAX_QUOTE - (end - start))
        left = max(left, start - spare // 2)
        right = min(right, max(left + MAX_QUOTE, end))
    return left, right


def _cut_before(ends: list[int], position: int, left: int) -> int | None:
    """The last clause cut before ``position`` in a sentence starting at ``left`` (itself a cut)."""
    if position <= left:
        return None
    index = bisect_left(ends, position) - 1
    return ends[index] if index >= 0 and ends[index] >= left else left


def _cut_after(ends: list[int], position: int, right: int) -> int | None:
    """The first clause cut after ``position`` in a sentence ending at ``right`` (itself a cut)."""
    if position >= right:
        return None
    index = bisect_right(ends, position)
    return ends[index] if index < len(ends) and ends[index] <= right else right
