"""Calendar periods and their contract labels: ``2025``, ``2025Q4``, ``2025H1``, ``2025-12``,
``2025-12-10``, spans ``2025-01..2025-11`` and ``2017..2024``, fiscal years ``FY2025``.

>>> months(2025, 10, 12).label
'2025Q4'
>>> months(2025, 1, 9).label
'2025-01..2025-09'
>>> months(2025, 10, 12).shifted(-1).label
'2024Q4'
>>> day(dt.date(2025, 12, 10)).label
'2025-12-10'
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

Grain = Literal["year", "month", "day", "fiscal"]


@dataclass(frozen=True, slots=True)
class Period:
    """The days ``first``..``last``, read in whole years, months or days (``grain``). A fiscal
    year whose calendar is unknown keeps its own name (``fiscal``: "FY2025", "FY2025Q1")."""

    first: dt.date
    last: dt.date
    grain: Grain
    fiscal: str = ""
    running: bool = False  # a running total's span: written out in months, never folded to a year

    @property
    def label(self) -> str:
        if self.grain == "fiscal":
            return self.fiscal
        if self.grain == "day":
            return _days(self.first, self.last)
        if self.grain == "year":
            return str(self.first.year) if self.first.year == self.last.year else f"{self.first.year}..{self.last.year}"
        if self.running:
            return f"{self.first.year}-{self.first.month:02d}..{self.last.year}-{self.last.month:02d}"
        return _months(self.first, self.last)

    @property
    def year(self) -> int:
        """The year this period is about (its last month's)."""
        return self.last.year

    def shifted(self, years: int) -> Period:
        """The same stretch of the calendar ``years`` later (earlier when negative)."""
        if not years or self.grain == "fiscal":
            return self
        return replace(self, first=_year_later(self.first, years), last=_year_later(self.last, years, end=True))

    def until(self, end: dt.date) -> Period:
        """From this period's start to the month (the day, for days) of ``end``: "since September"."""
        if self.grain == "fiscal":
            return self
        if self.grain == "day":
            return Period(self.first, max(end, self.first), "day")
        last = dt.date(end.year, end.month, _month_end(end.year, end.month))
        return Period(self.first, last if last >= self.first else self.last, "month", running=True)



def year(number: int, last: int | None = None) -> Period:
    return Period(dt.date(number, 1, 1), dt.date(last or number, 12, 31), "year")


def months(number: int, first_month: int, last_month: int, last_year: int | None = None) -> Period:
    """Months ``first_month`` of ``number`` .. ``last_month`` of ``last_year`` (the same year by default)."""
    end_year = last_year or number
    return Period(dt.date(number, first_month, 1), dt.date(end_year, last_month, _month_end(end_year, last_month)),
                  "month")


def day(date: dt.date, last: dt.date | None = None) -> Period:
    return Period(date, last or date, "day")


def fiscal(label: str) -> Period:
    """A fiscal period of an unknown calendar: it compares with nothing but its own name."""
    return Period(dt.date.min, dt.date.min, "fiscal", label)


def quarter_of(date: dt.date) -> int:
    return (date.month - 1) // 3 + 1


def add_months(number: int, month: int, count: int) -> tuple[int, int]:
    """(year, month) ``count`` months after ``month`` of ``number``."""
    index = number * 12 + month - 1 + count
    return index // 12, index % 12 + 1


def _month_end(number: int, month: int) -> int:
    return calendar.monthrange(number, month)[1]


def _year_later(date: dt.date, years: int, end: bool = False) -> dt.date:
    number = date.year + years
    if end and date.day == _month_end(date.year, date.month):
        return dt.date(number, date.month, _month_end(number, date.month))
    return dt.date(number, date.month, min(date.day, _month_end(number, date.month)))


def _days(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"


def _months(first: dt.date, last: dt.date) -> str:
    """A month, quarter, half or year when the span is exactly one, else ``YYYY-MM..YYYY-MM``."""
    if first.year == last.year:
        span = (first.month, last.month)
        if span == (1, 12):
            return str(first.year)
        if span[1] - span[0] == 5 and span[0] in (1, 7):
            return f"{first.year}H{span[0] // 6 + 1}"
        if span[1] - span[0] == 2 and span[0] % 3 == 1:
            return f"{first.year}Q{span[0] // 3 + 1}"
        if span[0] == span[1]:
            return f"{first.year}-{first.month:02d}"
    return f"{first.year}-{first.month:02d}..{last.year}-{last.month:02d}"
