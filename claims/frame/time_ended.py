"""Periods named by their length and their last day, as company results are: "截至2025年6月30日止
六个月" and "the six months ended June 30, 2025" are the first half of 2025, "截至12月31日止年度" and
"the year ended December 31, 2024" the year, "the quarter to September" its third quarter. The
day mention becomes the months that end with its month (a running total's date no longer).
Words: claims/data/time.toml ``[ended]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..vocab import load
from .time_forms import Stretch
from .time_grammar import words_pattern

_COUNT = r"(?P<count>\d{1,2}|[一二两三四五六七八九十]{1,3}|[a-z]+)"
_LOOK = 40  # characters searched on either side of the day


@dataclass(frozen=True, slots=True)
class _Patterns:
    zh_after: re.Pattern[str]   # 止六个月, 止的年度
    en_before: re.Pattern[str]  # "six months ended ", "the year to "
    units: dict[str, int]
    numbers: dict[str, int]


@cache
def _patterns() -> _Patterns:
    data = load("time")["ended"]
    english = load("numerals")["english"]
    units = {key.lower(): int(months) for key, months in data["units"].items()}
    zh_units, en_units = words_pattern(data["zh_units"]), words_pattern(data["en_units"])
    return _Patterns(
        zh_after=re.compile(rf"\s*止的?(?:{_COUNT}(?:{words_pattern(data['zh_after'])})|(?P<unit>{zh_units}))"),
        en_before=re.compile(
            rf"(?:{_COUNT}[ -]months?|(?P<unit>{en_units}))\s+(?:{words_pattern(data['en_links'])})\s+$",
            re.IGNORECASE),
        units=units,
        numbers={**{k: int(v) for k, v in english["small"].items()}, "两": 2, "一": 1, "二": 2, "三": 3, "四": 4,
                 "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12},
    )


def _months(match: re.Match[str], patterns: _Patterns) -> int | None:
    if match["unit"]:
        return patterns.units.get(match["unit"].lower())
    count = match["count"].lower()
    return int(count) if count.isdigit() else patterns.numbers.get(count)


def ended_period(text: str, start: int, end: int, form: Stretch) -> tuple[int, int, Stretch] | None:
    """The period a day written at ``[start, end)`` closes, when a length is named beside it:
    ``(start, end, months)`` of the whole phrase, or None."""
    if form.first != form.last or form.last_year is not None:
        return None
    patterns = _patterns()
    after = patterns.zh_after.match(text, end, end + _LOOK)
    before = None if after else patterns.en_before.search(text, max(0, start - _LOOK), start)
    found = after or before
    months = _months(found, patterns) if found else None
    if not months or not 1 <= months <= 12:
        return None
    first = form.last - months + 1
    if first >= 1:
        period = replace(form, first=first, day=0, last_day=0, whole_year=months == 12 and form.last == 12)
    elif form.year is not None:  # the fiscal year to March 31, 2025: April 2024 to March 2025
        period = replace(form, first=first + 12, year=form.year - 1, day=0, last_day=0)
    else:
        return None  # no year to place the months before January in
    span = (start, after.end()) if after else (before.start() if before else start, end)
    return span[0], span[1], period
