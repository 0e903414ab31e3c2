"""An article's timeline: its dated events, and the duration and cause claims that refer to them.

* "两天后百度发布公告" dates a new event two days after the one before it;
* "上市三天后,H200解禁" says three days passed between a listing and an approval (``Elapsed``,
  counted ``after``); "登陆A股五日(截至12月11日)" counts days ``since`` a listing, up to a date;
* "受此消息影响,百度股价在12月5日上涨5.01%" attributes a dated figure to the news before it
  (``Attribution``).

Reading only: whether the days add up is for reconcile to judge. Words: ``claims/data/events.toml``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any, Literal

from ..clauses import clause_bounds, full_stops, paragraph_bounds, sentence_bounds
from ..document import Document
from ..lexicon import load_lexicon
from ..model import Claim
from ..vocab import alternation, load
from .events import Cue, Event, cue_in, dated_events, kind_words_before

Counting = Literal["after", "since"]


@dataclass(frozen=True, slots=True)
class Elapsed:
    """A duration claim between two events: from ``anchor`` to ``target`` (counted ``after``), or
    from ``anchor`` up to the dated ``as_of`` (counted ``since``; ``trading`` days when the anchor
    is an exchange event such as a listing)."""

    claim: str
    counting: Counting
    anchor: Cue
    target: Cue | None = None
    as_of: Event | None = None
    trading: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    """A figure dated ``effect`` that its article attributes to the news of ``cause``."""

    claim: str
    effect: Event
    cause: Event


@dataclass(frozen=True, slots=True)
class Timeline:
    """What one article dates, and the claims that count days between its events."""

    source: str
    events: tuple[Event, ...] = ()
    elapsed: tuple[Elapsed, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    sentence_ends: tuple[int, ...] = ()  # original offsets where the article's full sentences end

    def same_sentence(self, first: Claim, second: Claim) -> bool:
        """Whether two of the article's claims stand in one full sentence (semicolons join)."""
        return bisect_right(self.sentence_ends, first.start) == bisect_right(self.sentence_ends, second.start)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record (for caches); ``from_dict`` reads it back."""
        return asdict(self)

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Timeline:
        return cls(record["source"], tuple(_event(e) for e in record["events"]),
                   tuple(Elapsed(e["claim"], e["counting"], _cue(e["anchor"]), e["target"] and _cue(e["target"]),
                                 e["as_of"] and _event(e["as_of"]), e["trading"]) for e in record["elapsed"]),
                   tuple(Attribution(a["claim"], _event(a["effect"]), _event(a["cause"]))
                         for a in record["attributions"]), tuple(record.get("sentence_ends", ())))


def _cue(record: dict[str, Any]) -> Cue:
    return Cue(tuple(record["kinds"]), tuple(record["entities"]))


def _event(record: dict[str, Any]) -> Event:
    return Event(**{**record, "cue": _cue(record["cue"]), "stretch": tuple(record["stretch"])})


@dataclass(frozen=True, slots=True)
class _Words:
    after: re.Pattern[str]
    as_of: re.Pattern[str]
    cause: re.Pattern[str]
    anchor_gap: int
    reach: int
    trading: frozenset[str]


@cache
def _words() -> _Words:
    data = load("events")
    return _Words(
        re.compile(rf"\s*(?:{alternation(data['after_words'])})", re.IGNORECASE),
        re.compile(alternation(data["as_of_words"]), re.IGNORECASE),
        re.compile(alternation(data["cause_words"]), re.IGNORECASE),
        int(data["max_anchor_gap"]),
        int(data["relative_reach"]),
        frozenset(data["trading_kinds"]),
    )


class _Reader:
    """One article being read: normalised text, entity mentions and its dated events so far."""

    def __init__(self, doc: Document, article_date: dt.date | None, vocab: tuple[str, ...]) -> None:
        self.norm = doc.norm
        self.text = doc.text
        self.mentions = doc.mentions(load_lexicon(vocab))
        self.events = dated_events(self.norm, doc.source, doc.times(), self.mentions, article_date)

    def sentence_ends(self) -> tuple[int, ...]:
        """Original offsets of the full sentences' ends (after each full stop)."""
        return tuple(self.original(end) for end in full_stops(self.text))

    def span(self, claim: Claim) -> tuple[int, int]:
        """The claim's ``[start, end)`` in the normalised text."""
        return bisect_left(self.norm.origin, claim.start), bisect_left(self.norm.origin, claim.end)

    def original(self, position: int) -> int:
        return self.norm.span(position, position)[0]

    def cue(self, start: int, end: int) -> Cue:
        return cue_in(self.text, start, end, self.mentions)

    def add(self, event: Event) -> None:
        insort(self.events, event, key=_start)

    def between(self, low: int, high: int) -> list[Event]:
        """The dated events whose date lies between normalised ``low`` and ``high``."""
        first, last = self.original(low), self.original(high)
        return self.events[bisect_left(self.events, first, key=_start):bisect_left(self.events, last, key=_start)]

    def latest_before(self, position: int, earliest: int) -> Event | None:
        """The last dated event between normalised ``earliest`` and ``position``."""
        found = self.between(earliest, position)
        return found[-1] if found else None


def _start(event: Event) -> int:
    return event.start


def read_timeline(text: str, source: str, claims: Sequence[Claim], *, article_date: dt.date | None = None,
                  vocab: tuple[str, ...] = (), doc: Document | None = None) -> Timeline:
    """The timeline of one article, given the claims ``extract`` found in it (``article_date``,
    when not given, is the date the article states for itself, as for ``extract``); ``doc`` is
    the article as ``extract_document`` read it, whose mentions are reused."""
    doc = doc or Document(text, source, article_date)
    reader = _Reader(doc, article_date or doc.date, vocab)
    elapsed: list[Elapsed] = []
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.unit != "day" or claim.value is None:
            continue
        relative = _relative_event(reader, claim)
        if relative is not None:
            reader.add(relative)
        elif (frame := _elapsed(reader, claim)) is not None:
            elapsed.append(frame)
    attributions = [found for claim in claims if (found := _attribution(reader, claim)) is not None]
    return Timeline(source, tuple(reader.events), tuple(elapsed), tuple(attributions), reader.sentence_ends())


def _relative_event(reader: _Reader, claim: Claim) -> Event | None:
    """ "两天后百度发布公告" / "Two days later, Baidu said": a clause opened by a duration and an
    after-word dates its event that many days after the latest dated event just before it."""
    words, text = _words(), reader.text
    start, end = reader.span(claim)
    later = words.after.match(text, end)
    if later is None or text[clause_bounds(text, start, end)[0] : start].strip():
        return None
    earliest = paragraph_bounds(text, start)[0]
    for _ in range(words.reach - 1):
        earliest = paragraph_bounds(text, earliest - 1)[0] if earliest else 0
    base = reader.latest_before(start, earliest)
    if base is None or claim.value is None:
        return None
    try:
        day = base.on() + dt.timedelta(days=int(claim.value))
    except OverflowError:  # "9999999天后": past the last date there is
        return None
    _, right = sentence_bounds(text, start, end)
    stretch = (claim.start, reader.original(right))
    return Event(
        claim.source,
        claim.start,
        claim.end,
        reader.norm.original[slice(*stretch)].strip(),
        None if base.year is None else day.year,
        day.month,
        day.day,
        base.year_stated,
        reader.cue(later.end(), right),
        paragraph_bounds(text, start)[0],
        stretch,
        counted_by=claim.id,
    )


def _elapsed(reader: _Reader, claim: Claim) -> Elapsed | None:
    """ "X上市三天后,Y解禁" (anchor before, target after) or "three days after X listed, Y was
    cleared"; without an after-word, "X登陆A股五日(截至12月11日)" counts up to a date."""
    words, text = _words(), reader.text
    start, end = reader.span(claim)
    left, right = sentence_bounds(text, start, end)
    clause_left, clause_right = clause_bounds(text, start, end)
    later = words.after.match(text, end)
    anchor_kinds = kind_words_before(text, start, words.anchor_gap)
    anchor = Cue(anchor_kinds, reader.cue(clause_left, start).entities)
    if later is not None and anchor_kinds:
        return Elapsed(claim.id, "after", anchor, reader.cue(later.end(), right))
    if later is not None and later.group().strip().lower() == "after":
        anchor = reader.cue(later.end(), clause_right)
        before, beyond = reader.cue(left, start), reader.cue(clause_right, right)
        target = Cue(before.kinds + beyond.kinds, before.entities + beyond.entities)
        return Elapsed(claim.id, "after", anchor, target) if anchor.kinds and target.kinds else None
    stop = words.as_of.search(text, end, right) if later is None and anchor_kinds else None
    if stop is None:
        return None
    stops = reader.between(stop.end(), right)
    if not stops:
        return None
    return Elapsed(claim.id, "since", anchor, as_of=stops[0], trading=bool(words.trading.intersection(anchor_kinds)))


def _attribution(reader: _Reader, claim: Claim) -> Attribution | None:
    """"受此消息影响,百度股价在12月5日上涨5.01%" / "shares rose 8.2% on March 10 on the news": a
    figure dated in its own sentence, attributed there to the news, points to the latest event
    before that news word (or before the sentence, when the word comes after the figure)."""
    text = reader.text
    start, end = reader.span(claim)
    left, right = sentence_bounds(text, start, end)
    word = _words().cause.search(text, left, right)
    if word is None:
        return None
    floor, until = (word.end(), word.start()) if word.start() < start else (left, left)
    dated = reader.between(floor, right)
    cause = reader.latest_before(until, paragraph_bounds(text, start)[0])
    if not dated or cause is None:
        return None
    effect = min(dated, key=lambda event: abs(event.start - claim.start))
    return Attribution(claim.id, effect, cause)
