"""Dated events: what an article says happened on a given day ("12月5日,摩尔线程正式登陆A股",
"On Dec. 8, Trump said ...", "两天后百度发布公告"), with the kinds of event its words name and
the entities it names. Reconcile uses them to check durations between events and effects dated
before their causes. Words: ``claims/data/events.toml``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..clauses import paragraph_bounds, sentence_bounds
from ..frame.entities import Mention, inside_quotes
from ..frame.periods import TimeMention, Times
from ..literals import LiteralIndex
from ..textmap import NormalizedText
from ..vocab import load

PLACEHOLDER_YEAR = 2001  # month-day arithmetic for a date whose year is unknown (not a leap year)
_DAY_LABEL = re.compile(r"-\d\d-\d\d")


@dataclass(frozen=True, slots=True)
class Cue:
    """The kinds of event a stretch of text names (listing, approval ...) and its entities."""

    kinds: tuple[str, ...]
    entities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """Something an article dates to a day. ``start``/``end`` are original offsets of the date
    (or of the "N天后" that dates it: ``counted_by`` is that duration claim's id)."""

    source: str
    start: int
    end: int
    quote: str
    year: int | None  # None: neither written nor known from the article's date
    month: int
    day: int
    year_stated: bool  # written, or from the article's date (not guessed)
    cue: Cue
    paragraph: int  # the paragraph's start in the normalised text
    stretch: tuple[int, int]  # original offsets of the text the date governs (``quote``)
    counted_by: str | None = None

    def covers(self, source: str, position: int) -> bool:
        """Whether original ``position`` of ``source`` lies in the text this event dates."""
        return source == self.source and self.stretch[0] <= position < self.stretch[1]

    def on(self, year: int | None = None) -> dt.date:
        """The day, in ``year`` when given, else in its own year (a placeholder when unknown)."""
        return dt.date(year or self.year or PLACEHOLDER_YEAR, self.month, self.day)

    @property
    def label(self) -> str:
        stated = self.year if self.year_stated else None
        return f"{stated}-{self.month:02d}-{self.day:02d}" if stated else f"{self.month:02d}-{self.day:02d}"


@cache
def _settings() -> frozenset[str]:
    return frozenset(load("events")["settings"])


@cache
def _kind_words() -> tuple[LiteralIndex, dict[str, tuple[str, ...]]]:
    kinds: dict[str, list[str]] = {}
    for kind, words in load("events")["kinds"].items():
        for word in words:
            kinds.setdefault(word.lower(), []).append(kind)
    return LiteralIndex(kinds), {word: tuple(sorted(names)) for word, names in kinds.items()}


def cue_in(text: str, start: int, end: int, mentions: Sequence[Mention]) -> Cue:
    """The event kinds and the entities named in ``text[start:end]``: not names inside quotation
    marks (nicknames: “中国国产英伟达”), nor places and markets (where, not who)."""
    index, kinds_of = _kind_words()
    kinds = sorted({kind for hit in index.find(text[start:end]) for kind in kinds_of[hit.key]})
    settings = _settings()
    entities: list[str] = []
    first = bisect_left(mentions, start, key=lambda m: m.start)
    for mention in mentions[first:bisect_left(mentions, end, key=lambda m: m.start)]:
        if (
            mention.end <= end
            and mention.name
            and mention.kind not in settings
            and not mention.points_back
            and not inside_quotes(text, mention.start)
        ):
            entities.extend(name for name in (mention.name, mention.parent) if name and name not in entities)
    return Cue(tuple(kinds), tuple(entities))


def kind_words_before(text: str, position: int, gap: int) -> tuple[str, ...]:
    """The kinds of an event word ending at most ``gap`` characters before ``position``
    (上市|三天后, 登陆A股|五日)."""
    index, kinds_of = _kind_words()
    window = text[max(0, position - gap - 8) : position]
    found = [hit for hit in index.find(window) if len(window) - hit.end <= gap]
    return tuple(sorted({kind for hit in found for kind in kinds_of[hit.key]}))


def dated_events(
    norm: NormalizedText,
    source: str,
    times: Times,
    mentions: Sequence[Mention],
    article_date: dt.date | None,
) -> list[Event]:
    """An event per date written to the day (12月5日, Dec. 8): the stretch of its sentence up to
    the next date names what happened."""
    text = norm.text
    events = []
    for number, mention in enumerate(times):
        if not _DAY_LABEL.fullmatch(mention.label):
            continue
        left, right = sentence_bounds(text, mention.start, mention.end)
        if number and times[number - 1].end > left:
            left = times[number - 1].end
        if number + 1 < len(times) and times[number + 1].start < right:
            right = times[number + 1].start
        month, day = int(mention.label[1:3]), int(mention.label[4:6])
        year, stated = _year(norm, mention, times, article_date)
        try:
            dt.date(year or PLACEHOLDER_YEAR, month, day)
        except ValueError:
            continue
        start, end = norm.span(mention.start, mention.end)
        stretch = norm.span(left, right)
        events.append(
            Event(
                source,
                start,
                end,
                norm.original[slice(*stretch)].strip(),
                year,
                month,
                day,
                stated,
                cue_in(text, left, right, mentions),
                paragraph_bounds(text, mention.start)[0],
                stretch,
            )
        )
    return events


def _year(
    norm: NormalizedText, mention: TimeMention, times: Times, article_date: dt.date | None
) -> tuple[int | None, bool]:
    """The year of a dated mention and whether it is known (written or from the article's date)."""
    if mention.year is not None:
        return mention.year, True
    if article_date is not None:
        return article_date.year + (mention.relative or 0), True
    return (
        None
        if mention.relative is not None
        else times.implied_year(mention.start, paragraph_bounds(norm.text, mention.start)[0])
    ), False
