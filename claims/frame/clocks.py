"""Days written in a Chinese-language desk's home clock for news from abroad.

"北京时间12月11日凌晨，美联储宣布降息": in the small hours of Beijing's day it is still the day before
in Europe and the Americas, where the news happened, so the figures are of that day. The clock
words are data (``[clock]`` in ``claims/data/time.toml``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache

from ..vocab import load
from . import calendar as cal
from .time_grammar import words_pattern
from .time_mentions import TimeMention
from .time_resolve import Resolved

_HOME_REACH = 8
"""How far before the day its clock word may stand ("北京时间2025年12月11日")."""


@cache
def _clock() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("time")["clock"]
    return (re.compile(rf"(?:{words_pattern(data['home'])})\s*$"),
            re.compile(rf"\s*(?:{words_pattern(data['small_hours'])})"))


def days_behind(text: str, start: int, end: int) -> int:
    """1 when the day written at ``start:end`` is a home clock's small hours (news from abroad, of
    the day before there), else 0."""
    home, small_hours = _clock()
    return int(bool(home.search(text, max(0, start - _HOME_REACH), start) and small_hours.match(text, end)))


def local_days(resolved: Sequence[Resolved | None], text: str,
               mentions: Sequence[TimeMention]) -> list[Resolved | None]:
    """The mentions' periods, a day written in a home clock's small hours taken back to the day it
    was where the news happened (implied)."""
    return [found if found is None or found.period.grain != "day" or not days_behind(text, mention.start, mention.end)
            else Resolved(cal.day(found.period.last - dt.timedelta(days=1)), True)
            for found, mention in zip(resolved, mentions, strict=True)]
