"""The period a claim's ``time`` names, and how two periods relate.

>>> relation(period("2024"), period("2024Q4"))
'nested'
>>> relation(period("2024"), period("2025 (forecast)"))
'disjoint'
>>> relation(period("2025-01..2025-09"), period("2025-01..2025-11 (implied)"))
'nested'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Relation = Literal["same", "nested", "disjoint", "unknown"]

_ONE = r"\d{4}(?:Q[1-4]|H[12]|-\d{2}(?:-\d{2})?)?"
_TIME = re.compile(rf"^(?P<first>{_ONE})(?:\.\.(?P<last>{_ONE}))?")
_PART = re.compile(r"(?P<y>\d{4})(?:Q(?P<q>[1-4])|H(?P<h>[12])|-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class Period:
    first: dt.date
    last: dt.date
    forecast: bool
    implied: bool
    label: str


def period(time: str | None) -> Period | None:
    """``"2025Q3"`` -> 2025-07-01 .. 2025-09-30; a span ``"2025-01..2025-11"`` runs from the first
    day of its first part to the last of its last; None for no time or one that names no calendar
    period (a fiscal year of an unknown calendar, "FY2025")."""
    if not time:
        return None
    match = _TIME.match(time)
    if match is None:
        return None
    first, last = _days(match["first"]), _days(match["last"] or match["first"])
    if first is None or last is None or last[1] < first[0]:
        return None
    return Period(first[0], last[1], "forecast" in time, "implied" in time, match.group())


def _days(part: str) -> tuple[dt.date, dt.date] | None:
    match = _PART.fullmatch(part)
    if match is None:
        return None
    year = int(match["y"])
    if match["q"]:
        first_month, last_month = 3 * int(match["q"]) - 2, 3 * int(match["q"])
    elif match["h"]:
        first_month, last_month = 6 * int(match["h"]) - 5, 6 * int(match["h"])
    elif match["m"]:
        first_month = last_month = int(match["m"])
    else:
        first_month, last_month = 1, 12
    try:
        return (dt.date(year, first_month, int(match["d"] or 1)),
                dt.date(year, last_month, int(match["d"] or calendar.monthrange(year, last_month)[1])))
    except ValueError:
        return None


def relation(a: Period | None, b: Period | None) -> Relation:
    """``same`` period, one ``nested`` in (or overlapping) the other, ``disjoint``, or ``unknown``."""
    if a is None or b is None:
        return "unknown"
    if a.first == b.first and a.last == b.last:
        return "same"
    if a.last < b.first or b.last < a.first:
        return "disjoint"
    return "nested"
