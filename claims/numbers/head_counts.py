"""Bare numbers that count people by the words around them: a state word after the figure
("341 still missing", "12 dead", "17 were killed", "23 remain unaccounted for") or a casualty
verb right before it with no noun after it ("killed 12 and injured 40"). Both are counts.

Words: claims/data/bare_numbers.toml ``[head_counts]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..vocab import alternation, load

_YEAR = re.compile(r"(?:19|20)\d\d")
_WINDOW = 40  # characters looked at on either side: a state word is a few words away at most


@dataclass(frozen=True, slots=True)
class _Patterns:
    state_after: re.Pattern[str]  # " still missing", " were killed", " dead"
    verb_before: re.Pattern[str]  # "killed ", "injuring "
    stands_alone: re.Pattern[str]  # what may follow a verb's figure: ", ", " and ", the clause end


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = load("bare_numbers")["head_counts"]
    states, between = alternation(data["states"]), alternation(data["between"])
    verbs, ends = alternation(data["verbs_before"]), alternation(data["verb_figure_ends"])
    return _Patterns(
        state_after=re.compile(rf"(?:\s+(?:{between}))*\s+(?:{states})\b", re.IGNORECASE),
        verb_before=re.compile(rf"\b(?:{verbs})\s+$", re.IGNORECASE),
        stands_alone=re.compile(rf"\s*(?:$|[,;:.!?)]|(?:{ends})\b)", re.IGNORECASE),
    )


def state_after(text: str, end: int) -> int | None:
    """The end of a state word right after a figure ending at ``end`` (" still missing", "
    were killed"), or None: it names the figure's measure before any cue further away."""
    match = _patterns().state_after.match(text, end, end + _WINDOW)
    return match.end() if match else None


def counts_people(text: str, start: int, end: int) -> bool:
    """Whether the bare number at ``[start, end)`` counts people by a state word after it or a
    casualty verb before it."""
    if _YEAR.fullmatch(text, start, end):
        return False
    if state_after(text, end) is not None:
        return True
    patterns = _patterns()
    after = text[end:end + _WINDOW]
    return bool(patterns.verb_before.search(text[max(0, start - _WINDOW):start])
                and patterns.stands_alone.match(after))
