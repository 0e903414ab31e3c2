"""Points of a stock index: ``恒指收报25,000点``, ``the Dow fell 300 points``, ``KOSPI 2,500``.

Whether 点 or points after a figure are index points is decided by cue words kept as data
(claims/data/index_points.toml): an index name in the figure's clause, or a market verb right
before the figure with an index name earlier in its sentence. A clock time (下午3点) is dropped
as a time of day before this; 三点五 is a decimal, read as one numeral before any unit.

>>> index_point_at("恒指收报25,000点,上涨120点", 4, 10).expression
'index_point'
>>> index_point_at("恒指收报25,000点,上涨120点", 14, 17).end
18
>>> index_point_at("他在比赛中拿下30点", 7, 9) is None
True
>>> is_index_level("The Dow fell 300 points to 42,100", 27, 33)
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..clauses import sentence_bounds
from ..vocab import words
from .cue_words import CueWords, clause_start
from .units_attach import UnitMatch

UNIT = "index_point"


@dataclass(frozen=True, slots=True)
class _Cues:
    forms: re.Pattern[str]
    indices: CueWords
    moves: CueWords
    levels: CueWords
    between: CueWords


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    forms = sorted(words("index_points", "forms"), key=len, reverse=True)
    latin = "|".join(re.escape(form) for form in forms)
    return _Cues(
        forms=re.compile(rf" ?(?:{latin})(?![A-Za-z])", re.IGNORECASE),
        indices=CueWords.of(words("index_points", "indices") + words("index_points", "generic")),
        moves=CueWords.of(words("index_points", "moves")),
        levels=CueWords.of(words("index_points", "levels")),
        between=CueWords.of(words("index_points", "between")),
    )


def index_point_at(text: str, start: int, end: int) -> UnitMatch | None:
    """Index points written after the figure ``text[start:end]``, when its cue words say so."""
    cues = _cues()
    form = cues.forms.match(text, end)
    if form is None or _in_name(cues, text, start, end):
        return None
    clause_left = clause_start(text, start, end)
    if cues.indices.occurs_in(text, clause_left, start):
        return UnitMatch(form.start() + (form.group()[:1] == " "), form.end(), UNIT)
    sentence_left, _ = sentence_bounds(text, start, end)
    verb_end = cues.between.strip_end(text, start, clause_left)
    if cues.moves.ends_before(text, verb_end, clause_left) and cues.indices.occurs_in(text, sentence_left, start):
        return UnitMatch(form.start() + (form.group()[:1] == " "), form.end(), UNIT)
    return None


def is_index_level(text: str, start: int, end: int) -> bool:
    """Whether a figure written with no unit is an index level: an index name right before it
    (``KOSPI 2,500``), or a level word right before it and an index name earlier in its sentence
    (``道指收报48,000``, ``the Nikkei fell 2.8%, to 38,210``)."""
    cues = _cues()
    clause_left = clause_start(text, start, end)
    before = cues.between.strip_end(text, start, clause_left)
    if cues.indices.ends_before(text, before, clause_left):
        return not _in_name(cues, text, start, end)
    if not cues.levels.ends_before(text, before, clause_left):
        return False
    sentence_left, _ = sentence_bounds(text, start, end)
    return cues.indices.occurs_in(text, sentence_left, start) and not _in_name(cues, text, start, end)


def _in_name(cues: _Cues, text: str, start: int, end: int) -> bool:
    """Whether the figure is part of an index's name: the 500 of S&P 500, the 300 of 沪深300."""
    return any(found.start() <= start and found.end() >= end
               for found in cues.indices.anywhere.finditer(text, max(0, start - 30), end + 10))
