"""When a figure holds: the ``time`` of a claim (2024, 2025Q3, 2024H1, 2025-12-05, 2025 (forecast)).

The nearest time expression before the figure in its sentence wins, else the nearest before it
in the paragraph. Years missing from a date come from the article's date (or, failing that,
the last year the article wrote outside a forecast or plan, marked "(implied)"); relative words (今年, 去年, last year)
need the article's date and stay as written without one. The status (status.py) adds
"(forecast)" or "(target)". Words: claims/data/time.toml.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import overload

from ..clauses import sentence_bounds
from ..document import Place
from ..vocab import alternation, load

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTHS = {m.lower(): i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_EN_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_YEAR = r"(?:19|20)[0-9]{2}"


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    year: int | None        # None: to be taken from the article's date
    label: str              # "", "Q3", "H1", "-12", "-12-05": appended to the year
    relative: int | None = None  # years from the article's year (今年 = 0), when no year is written
    planned: bool = False   # in a forecast or plan clause (预计, 计划, 目标是, plans to): no clue to the present


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    data = load("time")
    relative = alternation(list(data["relative_years"]))
    return (
        (re.compile(rf"(?P<y>{_YEAR})年(?:第)?(?P<q>[一二三四1-4])季度?"), "quarter"),
        (re.compile(rf"(?:(?P<y>{_YEAR})年)?(?:第)?(?P<q>[一二三四])季度"), "quarter"),
        (re.compile(rf"(?P<y>{_YEAR})年(?P<h>上|下)半年|(?:(?P<y2>{_YEAR})年)?(?P<h2>上|下)半年"), "half"),
        (re.compile(rf"(?:(?P<y>{_YEAR})年)?(?P<m>[0-9]{{1,2}})月(?:(?P<d>[0-9]{{1,2}})[日号])?"), "date"),
        (re.compile(rf"(?P<y>{_YEAR})年(?:底|初|末|中)?"), "year"),
        (re.compile(rf"\b[Qq](?P<q>[1-4])\s*(?:of\s+)?(?P<y>{_YEAR})?|\b(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)"
                    rf"[\s-]quarter(?:\s+of)?(?:\s+(?P<y2>{_YEAR}))?", re.IGNORECASE), "en_quarter"),
        (re.compile(rf"\b(?P<h>first|second)[\s-]half(?:\s+of)?(?:\s+(?P<y>{_YEAR}))?|\b[Hh](?P<h2>[12])\s+(?P<y2>{_YEAR})",
                    re.IGNORECASE), "en_half"),
        (re.compile(rf"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>[0-9]{{1,2}})"
                    rf"(?:st|nd|rd|th)?(?:,\s*(?P<y>{_YEAR}))?"), "en_date"),
        (re.compile(rf"\b(?:in|since|by|for|during|of|fiscal|year)\s+(?P<y>{_YEAR})\b|\b(?P<y2>{_YEAR})\b(?!\s*(?:%|年))",
                    re.IGNORECASE), "year"),
        (re.compile(relative, re.IGNORECASE), "relative"),
    )


def _mention(kind: str, match: re.Match[str], relative_years: dict[str, int]) -> TimeMention | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    year = int(groups.get("y") or groups.get("y2") or 0) or None
    label = ""
    if kind in ("quarter", "en_quarter"):
        quarter = _CN_DIGITS.get(groups.get("q", ""), 0) or _EN_ORDINAL.get(groups.get("o", "").lower(), 0)
        label = f"Q{quarter}"
    elif kind in ("half", "en_half"):
        half = groups.get("h") or groups.get("h2") or ""
        label = "H1" if half.lower() in ("上", "first", "1") else "H2"
    elif kind == "date":
        label = f"-{int(groups['m']):02d}" + (f"-{int(groups['d']):02d}" if "d" in groups else "")
    elif kind == "en_date":
        label = f"-{_MONTHS[groups['mon'][:3].lower()]:02d}-{int(groups['d']):02d}"
    elif kind == "relative":
        return TimeMention(match.start(), match.end(), None, "", relative_years[match.group().lower()])
    return TimeMention(match.start(), match.end(), year, label)


class Times(Sequence[TimeMention]):
    """An article's time mentions, left to right, with the lookups by position that every
    figure makes (bisected, so a text with many dates is read in linear time)."""

    def __init__(self, mentions: Sequence[TimeMention]) -> None:
        self.mentions = tuple(mentions)
        self.starts = [m.start for m in self.mentions]
        known = [(m.start, m.year) for m in self.mentions if m.year and not m.planned]
        self._known_starts = [start for start, _ in known]
        self._known_years = [year for _, year in known]
        self._latest = max(self._known_years, default=None)

    @overload
    def __getitem__(self, index: int) -> TimeMention: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[TimeMention]: ...
    def __getitem__(self, index: int | slice) -> TimeMention | Sequence[TimeMention]:
        return self.mentions[index]

    def __len__(self) -> int:
        return len(self.mentions)

    def last_before(self, position: int, left: int) -> TimeMention | None:
        """The last mention starting in ``[left, position)``."""
        index = bisect_left(self.starts, position) - 1
        return self.mentions[index] if index >= 0 and self.mentions[index].start >= left else None

    def implied_year(self, position: int, paragraph_left: int) -> int | None:
        """The year a date without one most likely falls in, for an undated article: the last
        year written before it in its paragraph, else the latest year the article writes, since
        a report of the past is no later than the present. Years in forecast, plan and deadline
        clauses say nothing about either (目标是2027年初, 2027年底前)."""
        index = bisect_left(self._known_starts, position) - 1
        if index >= 0 and self._known_starts[index] >= paragraph_left:
            return self._known_years[index]
        return self._latest


def find_times(text: str) -> Times:
    """Every time expression in normalised ``text``, left to right, longest first."""
    relative_years = {k.lower(): int(v) for k, v in load("time")["relative_years"].items()}
    found = [m for pattern, kind in _patterns() for match in pattern.finditer(text)
             if match.group().strip() and (m := _mention(kind, match, relative_years))]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[TimeMention] = []
    for mention in found:
        if kept and mention.start == kept[-1].end and kept[-1].relative is not None and mention.year is None:
            kept[-1] = TimeMention(kept[-1].start, mention.end, None, mention.label, kept[-1].relative)  # 今年4月
        elif not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    planned, deadline = _planned_words(), _deadline_words()
    return Times([replace(m, planned=True) if planned.search(text, sentence_bounds(text, m.start, m.end)[0], m.start)
                  or deadline.match(text, m.end) else m for m in kept])


@cache
def _planned_words() -> re.Pattern[str]:
    return re.compile(alternation(load("status")["words"]["forecast"] + load("time")["plan"]), re.IGNORECASE)


@cache
def _deadline_words() -> re.Pattern[str]:
    return re.compile(alternation(load("time")["deadline_after"]), re.IGNORECASE)


def period_for(place: Place, text: str, times: Times, article_date: dt.date | None) -> tuple[str, bool] | None:
    """The period of the figure at ``place`` ("2025Q3") and whether its year was inferred."""
    paragraph_left, _ = place.paragraph
    chosen = times.last_before(place.start, paragraph_left)
    if chosen is None:
        return None
    year = chosen.year
    implied = False
    if year is None and chosen.relative is not None:
        if article_date is None:
            return None
        year = article_date.year + chosen.relative
    elif year is None:
        year = article_date.year if article_date else times.implied_year(chosen.start, paragraph_left)
        implied = article_date is None
        if year is None:
            return None
    return f"{year}{chosen.label}", implied
