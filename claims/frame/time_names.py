"""The names in time mentions: English months (in December, Dec. 10, 20 May, January to November),
weekdays (on Wednesday, Wednesday's, 周四, 下周二) and English ordinal quarters (the fourth
quarter, fourth-quarter). The names are found in one pass with a
literal index; each rule is tried only where one stands. Words: claims/data/time.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from ..literals import LiteralIndex
from ..vocab import load
from .time_forms import Form, Stretch, Weekday
from .time_grammar import Atom, Handler, ends_with, quarter_months, stretch, words_pattern

_LATIN = re.compile(r"[A-Za-z]")


class _Names:
    """The compiled rules, built once from claims/data/time.toml."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.months = {k.lower(): v for k, v in data["months"]["english"].items()}
        days = data["days"]
        self.weekdays = {k.lower(): v for k, v in days["weekdays"].items()}
        self.week_prefix = {k.lower(): v for k, v in days["week_prefix"].items()}
        ordinals = [k for k in data["quarters"]["ordinals"] if _LATIN.search(k)]
        self.ordinals = {k.lower(): v for k, v in data["quarters"]["ordinals"].items()}
        month = rf"(?P<mon>{words_pattern(list(self.months))})\.?"
        month2 = rf"(?P<mon2>{words_pattern(list(self.months))})\.?"
        joiners = words_pattern(data["months"]["joiners"])
        months: list[tuple[str, Handler]] = [
            (rf"{month}\s*(?:{joiners})\s*{month2}", self._month_span),
            (rf"{month}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:]|,\d)", self._day),
            (month, self._month),
        ]
        others: list[tuple[str, Handler]] = [
            (rf"(?P<wd>{words_pattern(list(days['weekdays']))})(?P<poss>'s)?", self._weekday),
            (rf"(?P<o>{words_pattern(ordinals)})[\s-]+(?:{words_pattern(data['quarters']['words_en'])})",
             self._quarter),
        ]
        self.month_rules = [(re.compile(p, re.IGNORECASE), h) for p, h in months]
        self.other_rules = [(re.compile(p, re.IGNORECASE), h) for p, h in others]
        self.index = LiteralIndex([*self.months, *self.weekdays, *ordinals])
        self.day_before = re.compile(r"(?<![\d.])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE)
        self.week_before = re.compile(rf"(?P<wp>{words_pattern(list(self.week_prefix))})\s*$", re.IGNORECASE)

    def atoms(self, text: str, folded: str) -> Iterator[Atom]:
        for hit in self.index.find(text, folded):
            month = hit.key in self.months
            for pattern, handler in self.month_rules if month else self.other_rules:
                match = pattern.match(text, hit.start)
                found = handler(match) if match else None
                if match and found is not None:
                    yield Atom(self._opening(text, match, month), match.end(), found[0], found[1])
                    break

    def _opening(self, text: str, match: re.Match[str], month: bool) -> int:
        """Where a named mention starts: at a day written before a month (20 May), or at the
        week word before a weekday (下周二, next Tuesday)."""
        before = text[max(0, match.start() - 12):match.start()]
        opening = self.day_before if month else self.week_before if match.groupdict().get("wd") else None
        found = opening.search(before) if opening else None
        return match.start() - len(before) + found.start() if found else match.start()

    def _month_span(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        if not (m["mon"][0].isupper() and m["mon2"][0].isupper()):
            return None
        return Stretch(self.months[m["mon"].lower()], self.months[m["mon2"].lower()]), False

    def _day(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        month = self.months[m["mon"].lower()]
        found = stretch(month, month, int(m["d"]), int(m["d"]))
        return (found, False) if found and m["mon"][0].isupper() else None

    def _month(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        """A month (weak without a word of time before it: "May" is also a verb)."""
        if not m["mon"][0].isupper():
            return None
        month = self.months[m["mon"].lower()]
        before = m.string[max(0, m.start() - 12):m.start()]
        day = self.day_before.search(before)
        if day:  # 20 May, 10th of December
            found = stretch(month, month, int(day["d"]), int(day["d"]))
            return (found, False) if found else None
        return Stretch(month, month), not ends_with(before.rstrip(" -,("), self.data["months"]["english_before"])

    def _weekday(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        name = m["wd"].lower()
        prefix = self.week_before.search(m.string[max(0, m.start() - 6):m.start()])
        week = self.week_prefix.get(prefix["wp"].lower()) if prefix else None
        if _LATIN.match(name):
            before = m.string[max(0, m.start() - 12):m.start()]
            cued = week is not None or m["poss"] or ends_with(before, self.data["days"]["english_weekday_before"])
            if not (m["wd"][0].isupper() and cued):
                return None
        return Weekday(self.weekdays[name], week), False

    def _quarter(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        return quarter_months(self.ordinals[m["o"].lower()]), False



@cache
def _names() -> _Names:
    return _Names(load("time"))


def name_atoms(text: str, folded: str) -> Iterator[Atom]:
    """The atoms of normalised ``text`` (``folded``: lower-cased) that start with a name."""
    return _names().atoms(text, folded)
