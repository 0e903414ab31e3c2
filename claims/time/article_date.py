"""An article's own date, read from its text: Markdown front matter (``date: 2025-12-10``) or a
date line near the top ("2025年12月10日 08:30", "Dec. 10, 2025", "2025-12-10")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from ..vocab import load

HEAD_LINES = 6  # a date line must stand among the first lines of the article
_FRONT_MATTER = re.compile(r"\A\ufeff?---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.DOTALL)
_FRONT_DATE = re.compile(r"^date:\s*['\"]?([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.MULTILINE)
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_LINE_DATES = (
    re.compile(r"([0-9]{4})\s*[年/.-]\s*([0-9]{1,2})\s*[月/.-]\s*([0-9]{1,2})"),
    re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+([0-9]{1,2}),?\s+([0-9]{4})\b"),
    re.compile(r"\b([0-9]{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+([0-9]{4})\b"),
)


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def article_date(text: str) -> dt.date | None:
    """The date the article states for itself, or None."""
    front = _FRONT_MATTER.match(text)
    if front:
        found = _FRONT_DATE.search(front.group(1))
        if found:
            return _date(*found.groups())
    for line in text.splitlines()[:HEAD_LINES]:
        numeric, month_first, day_first = (pattern.search(line) for pattern in _LINE_DATES)
        if numeric:
            return _date(*numeric.groups())
        if month_first:
            month, day, year = month_first.groups()
            return _date(year, str(_MONTHS.index(month[:3].lower()) + 1), day)
        if day_first:
            day, month, year = day_first.groups()
            return _date(year, str(_MONTHS.index(month[:3].lower()) + 1), day)
    return None


@lru_cache(maxsize=1)
def _dateline_patterns() -> tuple[int, tuple[re.Pattern[str], ...]]:
    data = load("time")["dateline"]
    return int(data["chars"]), tuple(re.compile(pattern) for pattern in data["patterns"])


def _month(written: str) -> int:
    return int(written) if written.isdigit() else _MONTHS.index(written[:3].lower()) + 1


def dateline_day(text: str, story: dt.date) -> dt.date | None:
    """The day an agency dateline near the top of ``text`` names ("(Yicai) May 20 --",
    "新华社北京12月10日电"), in the year that puts it nearest ``story`` (the story's date), when it
    lies at most ``news_day_days`` from it; else None."""
    chars, patterns = _dateline_patterns()
    head = text[:chars]
    reach = int(load("time")["reach"]["news_day_days"])
    for pattern in patterns:
        for found in pattern.finditer(head):
            for year in (story.year, story.year - 1, story.year + 1):
                day = _date(str(year), str(_month(found["month"])), found["day"])
                if day is not None and abs((day - story).days) <= reach:
                    return day
    return None


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where agency datelines stand near the top of ``text``: each from its line's start, when
    that lies at most ``line_lead`` characters before it, to its end (place, day and agency)."""
    chars, patterns = _dateline_patterns()
    lead = int(load("time")["dateline"]["line_lead"])
    spans = []
    for pattern in patterns:
        for found in pattern.finditer(text, 0, chars):
            line_start = text.rfind("\n", 0, found.start()) + 1
            spans.append((line_start if found.start() - line_start <= lead else found.start(), found.end()))
    return sorted(spans)


def story_date(dates: Sequence[dt.date]) -> dt.date | None:
    """The date of the story that articles dated ``dates`` tell, as a hint for an undated article
    read with them: their middle date, when they lie within ``story_span_days`` of each other
    (claims/data/time.toml); else None (articles of different times tell no one date)."""
    if not dates:
        return None
    ordered = sorted(dates)
    if (ordered[-1] - ordered[0]).days > int(load("time")["story_span_days"]):
        return None
    return ordered[(len(ordered) - 1) // 2]
