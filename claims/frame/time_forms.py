"""What a time mention names, before the article's date or context gives it a year: the forms
the grammar (time_grammar.py, time_words.py) produces and the period reader resolves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["quarter", "month", "day"]
BackGrain = Literal["year", "quarter", "month", "day", ""]


@dataclass(frozen=True, slots=True)
class Stretch:
    """Months ``first``..``last`` of a year (``last`` < ``first``: into the next year), the days
    ``day``..``last_day`` of them when given; its year written (``year``, ``last_year`` for a span
    of years), relative to the article's (``relative``, 今年 = 0), or neither. ``whole_year``: the
    mention names the year itself (2025, 今年), not a part of it."""

    first: int = 1
    last: int = 12
    day: int = 0
    last_day: int = 0
    year: int | None = None
    last_year: int | None = None
    relative: int | None = None
    whole_year: bool = False

    @property
    def has_year(self) -> bool:
        return self.year is not None or self.relative is not None


@dataclass(frozen=True, slots=True)
class Fiscal:
    """A fiscal year (FY2025, 2025财年), or a quarter (``part``: 1-4) or half (5, 6) of one."""

    year: int
    part: int = 0


@dataclass(frozen=True, slots=True)
class DayOfMonth:
    """A day written without its month (10日, 12日至15日): the month is the article's."""

    day: int
    last_day: int = 0


@dataclass(frozen=True, slots=True)
class Weekday:
    """A day of the week (周四, on Wednesday), in the week ``week`` from the article's when given
    (下周二: 1), else the nearest such day before the article's date (after it, in a plan)."""

    number: int
    week: int | None = None


@dataclass(frozen=True, slots=True)
class Shift:
    """A quarter, month or day ``count`` from the article's (上季度, last month, 昨日). ``anchored``:
    a quarter a results story names before it stands in for the article's (本季, this quarter)."""

    unit: Unit
    count: int
    anchored: bool = False


@dataclass(frozen=True, slots=True)
class Back:
    """The period named before, ``years`` earlier (同期, 去年同期, a year earlier), or the last one of
    ``grain`` (当季, 当月), or the year of the one named before (``grain`` "year": 全年, full-year)."""

    grain: BackGrain
    years: int = 0


@dataclass(frozen=True, slots=True)
class QuarterSet:
    """The quarters of a year in turn (四个季度, each quarter), for figures given "respectively"."""

    year: int | None = None
    relative: int | None = None


@dataclass(frozen=True, slots=True)
class Now:
    """The article's date: a running total or stock "as of now" (截至目前, so far, currently)."""


Form = Stretch | Fiscal | DayOfMonth | Weekday | Shift | Back | QuarterSet | Now
