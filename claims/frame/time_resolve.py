"""Give each time mention of an article its calendar period, left to right: years from the
article's date (or, in an undated article, from the years it writes), relative words against
that date, references back to the period named before (同期, 当季, 全年, a year earlier), spans
"since" a period to the article's date, fiscal years by the calendar of the entity named.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..clauses import paragraph_bounds, sentence_bounds
from ..vocab import load
from . import calendar as cal
from .calendar import Period
from .time_forms import Back, DayOfMonth, Fiscal, Now, QuarterSet, Shift, Stretch, Weekday
from .time_mentions import TimeMention
from .time_words import folded


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention's period; ``implied`` when its year (or more) came from the date or context;
    ``quarters``: the period is a year read quarter by quarter (四个季度 ... 分别为); ``start``: of
    a span "since" a period, that period (自2019年以来: 2019)."""

    period: Period
    implied: bool
    quarters: bool = False
    start: Resolved | None = None


class YearClues:
    """The years an undated article writes, for a date without one: the last one before it in its
    paragraph, else the latest in the article (a report of the past is no later than the present).
    Years of plans, deadlines, bases and records say nothing of the present."""

    def __init__(self, mentions: Sequence[TimeMention]) -> None:
        known = [(m.start, m.year) for m in mentions
                 if m.year and not (m.planned or m.base or m.record or m.since or isinstance(m.form, Fiscal))]
        self.starts = [start for start, _ in known]
        self.years = [year for _, year in known if year]
        self.latest = max(self.years, default=None)

    def year(self, position: int, paragraph_left: int) -> int | None:
        index = bisect_left(self.starts, position) - 1
        if index >= 0 and self.starts[index] >= paragraph_left:
            return self.years[index]
        return self.latest


def resolve(text: str, mentions: Sequence[TimeMention], clues: YearClues,
            date: dt.date | None) -> list[Resolved | None]:
    """The period of every mention (None where nothing tells it)."""
    resolved: list[Resolved | None] = []
    context: list[Resolved] = []  # periods named so far, for 同期, 当季, 全年
    for mention in mentions:
        found = _one(text, mention, clues, date, context)
        if found is not None and mention.since:
            found = Resolved(found.period.until(date), True, start=found) if date else None
        resolved.append(found)
        shifted = isinstance(mention.form, Back) and mention.form.years != 0
        if found is not None and not (mention.base or mention.stamp or mention.record or shifted):
            context.append(found)  # a year-ago period is a comparison's, never what 当季 points back to
    return resolved


def _one(text: str, mention: TimeMention, clues: YearClues, date: dt.date | None,
         context: list[Resolved]) -> Resolved | None:
    form = mention.form
    if isinstance(form, Stretch):
        return _stretch(text, mention, form, clues, date)
    if isinstance(form, Back):
        return _back(form, context, date if mention.as_of else None)
    if isinstance(form, QuarterSet):
        year = form.year or (date.year + form.relative if date and form.relative is not None else None)
        if year is None and context:
            year = context[-1].period.year
        return Resolved(cal.year(year), form.year is None, quarters=True) if year else None
    if isinstance(form, Fiscal):
        return Resolved(_fiscal(text, mention, form), False)
    if isinstance(form, Shift) and form.anchored and not mention.planned:
        quarter = next((r for r in reversed(context) if _is_quarter(r.period)), None)
        if quarter is not None:
            return Resolved(quarter.period, True)
    if date is None:
        return None
    if isinstance(form, Shift):
        return Resolved(_shift(form, date), True)
    if isinstance(form, DayOfMonth):
        first = _nearest_day(date, form.day, mention.planned)
        return Resolved(cal.day(first, first + dt.timedelta(days=max(0, form.last_day - form.day))), True)
    if isinstance(form, Weekday):
        return Resolved(cal.day(_weekday(date, form, mention.planned)), True)
    if isinstance(form, Now):
        return Resolved(cal.day(date), True)
    return None


def _stretch(text: str, mention: TimeMention, form: Stretch, clues: YearClues,
             date: dt.date | None) -> Resolved | None:
    implied = form.year is None
    if form.year is not None:
        year: int | None = form.year
    elif form.relative is not None:
        year = date.year + form.relative if date else None
    elif date is not None:
        year = _year_near(date, form, mention.planned)
    else:
        year = clues.year(mention.start, paragraph_bounds(text, mention.start)[0])
    if year is None:
        return None
    try:
        return Resolved(stretch_period(form, year), implied)
    except ValueError:
        return None


def stretch_period(form: Stretch, year: int) -> Period:
    """The months (or days) ``form`` names in ``year``; ValueError for a day the month lacks."""
    if form.whole_year:
        return cal.year(year, form.last_year)
    last_year = year + 1 if form.last < form.first else year
    if form.day:
        return cal.day(dt.date(year, form.first, form.day), dt.date(last_year, form.last, form.last_day or form.day))
    return cal.months(year, form.first, form.last, last_year)


def _year_near(date: dt.date, form: Stretch, planned: bool) -> int:
    """The year that puts a month, quarter or half no later than the article's date (in a plan
    or forecast, nearest to it: the fourth quarter of a January forecast is the one just ended);
    a day takes the year that puts it nearest the date."""
    candidates = (date.year - 1, date.year, date.year + 1)
    if form.day:
        return min(candidates, key=lambda y: abs((_safe_day(y, form.first, form.day) - date).days))
    if planned:
        return min(candidates, key=lambda y: _distance(stretch_period(form, y), date))
    return date.year if form.first <= date.month else date.year - 1


def _distance(period: Period, date: dt.date) -> int:
    """Days from ``date`` to ``period`` (0 inside it)."""
    return max((period.first - date).days, (date - period.last).days, 0)


def _safe_day(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28)


def _nearest_day(date: dt.date, day: int, planned: bool) -> dt.date:
    """A day of the month without its month: the article's month, or the one before (after, in a
    plan) when the day has not come yet in it."""
    year, month = date.year, date.month
    if day > date.day and not planned:
        year, month = cal.add_months(year, month, -1)
    elif day < date.day and planned:
        year, month = cal.add_months(year, month, 1)
    return _safe_day(year, month, day)


def _weekday(date: dt.date, form: Weekday, planned: bool) -> dt.date:
    if form.week is not None:
        monday = date - dt.timedelta(days=date.weekday())
        return monday + dt.timedelta(days=7 * form.week + form.number)
    offset = (date.weekday() - form.number) % 7
    return date + dt.timedelta(days=(7 - offset) % 7) if planned else date - dt.timedelta(days=offset)


def _shift(form: Shift, date: dt.date) -> Period:
    if form.unit == "day":
        return cal.day(date + dt.timedelta(days=form.count))
    if form.unit == "month":
        year, month = cal.add_months(date.year, date.month, form.count)
        return cal.months(year, month, month)
    year, month = cal.add_months(date.year, 3 * cal.quarter_of(date) - 2, 3 * form.count)
    return cal.months(year, month, month + 2)


def _back(form: Back, context: list[Resolved], as_of: dt.date | None = None) -> Resolved | None:
    """The period named before that ``form`` points back to; a figure ``as_of`` that day (截至当日收盘)
    points to no day after the article's date (从12月12日起的30天内 names a day still to come)."""
    if not context:
        return None
    if form.grain == "year":  # the year of the period named before (a day says when, not what)
        named = next((r for r in reversed(context) if r.period.grain != "day"), None)
        return Resolved(cal.year(named.period.year), True) if named is not None else None
    if not form.grain:
        last = context[-1]
        return Resolved(last.period.shifted(form.years), last.implied or bool(form.years), last.quarters)
    test = {"quarter": _is_quarter, "month": _is_month, "day": _is_day}[form.grain]
    found = next((r for r in reversed(context)
                  if test(r.period) and (as_of is None or r.period.last <= as_of)), None)
    return Resolved(found.period, True) if found is not None else None


def _is_quarter(period: Period) -> bool:
    return period.grain == "month" and period.label[4:5] == "Q"


def _is_month(period: Period) -> bool:
    return period.grain == "month" and len(period.label) == 7


def _is_day(period: Period) -> bool:
    return period.grain == "day" and period.first == period.last


@cache
def _fiscal_calendars() -> tuple[tuple[tuple[str, ...], int, str], ...]:
    entries: list[dict[str, Any]] = load("time")["fiscal_calendar"]
    return tuple((tuple(folded(n) for n in e["names"]), int(e["year_end_month"]), str(e["named_by"]))
                 for e in entries)


def _fiscal(text: str, mention: TimeMention, form: Fiscal) -> Period:
    """A fiscal year (or quarter, half) by the calendar of the entity named in its sentence."""
    left, right = sentence_bounds(text, mention.start, mention.end)
    sentence = text[left:right].lower()
    for names, end_month, named_by in _fiscal_calendars():
        if any(name in sentence for name in names):
            last_year = form.year if named_by == "end" else form.year + (end_month < 12)
            first_year, first_month = cal.add_months(last_year, end_month, -11)
            if form.part:
                size = 3 if form.part <= 4 else 6
                index = form.part - 1 if form.part <= 4 else form.part - 5
                first_year, first_month = cal.add_months(first_year, first_month, size * index)
                last_year, end_month = cal.add_months(first_year, first_month, size - 1)
            return cal.months(first_year, first_month, end_month, last_year)
    part = {0: "", 5: "H1", 6: "H2"}.get(form.part, f"Q{form.part}")
    return cal.fiscal(f"FY{form.year}{part}")
