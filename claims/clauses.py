"""Sentences, paragraphs and quotes: the stretch of text that carries a number."""

from __future__ import annotations

import re

MAX_QUOTE = 80
QUOTE_TARGET = 40  # most gold quotes are one or two short clauses
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s|$)")
_CLAUSE_END = re.compile(r"[,，、:：]|\s[-—]\s")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``[left, right)`` of the sentence around ``[start, end)``, without its end mark."""
    left = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        left = match.end()
    found = _SENTENCE_END.search(text, end)
    right = found.start() if found else len(text)
    return left, right


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``[left, right)`` of the comma-separated clause holding ``[start, end)``."""
    left, right = sentence_bounds(text, start, end)
    for match in _CLAUSE_END.finditer(text, left, start):
        left = match.end()
    found = _CLAUSE_END.search(text, end, right)
    return left, found.start() if found else right


def paragraph_bounds(text: str, start: int) -> tuple[int, int]:
    """``[left, right)`` of the paragraph (line) holding ``start``."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    return left, len(text) if right < 0 else right


def quote_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``, widened by whole neighbouring clauses (earlier ones
    first, as they name the subject) while the quote stays short (``QUOTE_TARGET``); a single
    clause longer than ``MAX_QUOTE`` is cut to a window around the number."""
    left, right = sentence_bounds(text, start, end)
    cuts = [left] + [m.end() for m in _CLAUSE_END.finditer(text, left, right)] + [right]
    clause_left = max(c for c in cuts if c <= start)
    clause_right = min((c for c in cuts if c >= end), default=right)
    while True:
        wider_left = max((c for c in cuts if c < clause_left), default=None)
        if wider_left is not None and clause_right - wider_left <= QUOTE_TARGET:
            clause_left = wider_left
            continue
        wider_right = min((c for c in cuts if c > clause_right), default=None)
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
