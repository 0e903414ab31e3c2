"""Units that mean a rate's move or its level by their context: Hong Kong 厘.

``減息0.25厘`` is a cut of 0.25 percentage point; ``最優惠利率為5.25厘`` is a rate of 5.25
percent. The forms, the words of a move and of a level are data (claims/data/rate_moves.toml);
the rule is general: a move word before the figure in its clause (and no level word right before
it) makes a move, a size word (幅度) too; otherwise it is a level.

>>> rate_move_at("美联储宣布减息0.25厘", 7, 11).expression
'percentage_point'
>>> rate_move_at("最优惠利率为5.25厘", 6, 10).expression
'percent'
>>> rate_move_at("利率目标区间下调到3.5至3.75厘", 13, 17).expression
'percent'
>>> rate_move_at("这块木板宽3厘米", 5, 6) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..clauses import sentence_bounds
from ..vocab import VocabError, load, words
from .cue_words import CueWords, clause_span
from .units_attach import UnitMatch

# the first figure of a range, and the range word, before a second figure: "3.5至" of "3.5至3.75厘"
_RANGE_START = re.compile(r"[0-9.〇零一二三四五六七八九十点半]+\s*(?:至|到|-|–|—|~)\s*$")


@dataclass(frozen=True, slots=True)
class _Form:
    form: str
    move: str
    level: str
    not_before: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Words:
    forms: tuple[_Form, ...]
    rate_cues: CueWords
    moves: CueWords
    sizes: CueWords
    levels: CueWords
    between: CueWords


@lru_cache(maxsize=1)
def _words() -> _Words:
    forms = []
    for index, entry in enumerate(load("rate_moves").get("unit", [])):
        try:
            forms.append(_Form(entry["form"], entry["move"], entry["level"], tuple(entry.get("not_before", ()))))
        except KeyError as missing:
            raise VocabError(f"rate_moves.toml:unit[{index}]: missing {missing}") from None
    moves = CueWords.of(words("rate_moves", "moves"))
    return _Words(
        forms=tuple(sorted(forms, key=lambda form: len(form.form), reverse=True)),
        rate_cues=CueWords.of(words("rate_moves", "rate_cues")), moves=moves,
        sizes=CueWords.of(words("rate_moves", "sizes")), levels=CueWords.of(words("rate_moves", "levels")),
        between=CueWords.of(words("rate_moves", "between")),
    )


def rate_move_at(text: str, start: int, end: int) -> UnitMatch | None:
    """The unit of a move-or-level form written after the figure ``text[start:end]``, if any."""
    table = _words()
    form = next((form for form in table.forms if text.startswith(form.form, end)), None)
    stop = end + len(form.form) if form else end
    if form is None or text[stop:stop + 1] in form.not_before and text[stop:stop + 1]:
        return None
    sentence_left, sentence_right = sentence_bounds(text, start, end)
    if not (table.rate_cues.occurs_in(text, sentence_left, sentence_right)
            or table.moves.occurs_in(text, sentence_left, start)):
        return None
    return UnitMatch(end, stop, form.move if _is_move(table, text, start, end) else form.level)


def _is_move(table: _Words, text: str, start: int, end: int) -> bool:
    left, right = clause_span(text, start, end)
    if table.sizes.occurs_in(text, left, right):
        return True
    range_start = _RANGE_START.search(text, left, start)
    first = range_start.start() if range_start else start
    before = table.between.strip_end(text, first, left)
    return table.moves.occurs_in(text, left, first) and not table.levels.ends_before(text, before, left)
