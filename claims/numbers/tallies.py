"""Bare numbers that count because of the number beside them: a vote's tally ("voted 9-3",
"以九比三通过") and a part of a whole ("nine out of 12", "six of 19 officials"). Both are counts.

Words: claims/data/bare_numbers.toml ``[tallies]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..vocab import alternation, load

_NEIGHBOUR = r"(?:\d[\d,]*|[a-z]+|[一二三四五六七八九十两]+)"
_VOTES = r"(?:(?<!\d)\d{1,3}|[a-z]+|[一二三四五六七八九十两]+)"  # a tally's side: "9-3", never "2024-25"


@dataclass(frozen=True, slots=True)
class _Patterns:
    tally_after: re.Pattern[str]   # the join and number after a figure: "-3", "比三"
    tally_before: re.Pattern[str]  # the number and join before it: "9-", "九比"
    part_after: re.Pattern[str]    # " out of 12", " of 19"
    part_before: re.Pattern[str]   # "nine out of ", "six of "
    vote_cues: tuple[str, ...]
    numbers: re.Pattern[str]       # a neighbour that is a number (digits, Chinese or English numerals)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = load("bare_numbers")["tallies"]
    english = load("numerals")["english"]
    joins, parts = alternation(data["joins"]), alternation(data["part_of"])
    number_words = alternation([*english["small"], *english["tens"]])
    return _Patterns(
        tally_after=re.compile(rf"(?:{joins})({_VOTES})(?!\d)", re.IGNORECASE),
        tally_before=re.compile(rf"({_VOTES})(?:{joins})$", re.IGNORECASE),
        part_after=re.compile(rf"(?:{parts})({_NEIGHBOUR})\b", re.IGNORECASE),
        part_before=re.compile(rf"\b({_NEIGHBOUR})(?:{parts})$", re.IGNORECASE),
        vote_cues=tuple(cue.lower() for cue in data["vote_cues"]),
        numbers=re.compile(rf"\d[\d,]*|[一二三四五六七八九十两]+|(?:{number_words})", re.IGNORECASE),
    )


def _is_number(word: str | None) -> bool:
    return word is not None and _patterns().numbers.fullmatch(word) is not None


def counted_by_neighbour(text: str, start: int, end: int, clause: str) -> bool:
    """Whether the bare number at ``[start, end)`` is a count: one side of a tally in a clause
    about a vote, or a part out of a whole written beside it."""
    patterns = _patterns()
    after, before = text[end:end + 16], text[max(0, start - 16):start]
    parts = (patterns.part_after.match(after), patterns.part_before.search(before))
    if any(part and _is_number(part.group(1)) for part in parts):
        return True
    if end - start > 3:
        return False
    tallies = (patterns.tally_after.match(after), patterns.tally_before.search(before))
    return any(tally and _is_number(tally.group(1)) for tally in tallies) and any(
        cue in clause.lower() for cue in patterns.vote_cues)
