"""Which period a figure takes among its article's time mentions.

In order: a period written right after it in its clause ("$5bn for the third quarter", "6.49
trillion won a year earlier", 营收100亿元(2025年); a year there dates a quarter or month named before
the figure: "third-quarter revenue fell 6% in 2025"); the nearest period before it in its sentence
(of a since phrase the figure stands inside, its start: 自2019年那宗募资880亿元的交易以来 gives 2019);
the period that opens an earlier sentence of its paragraph; the period of the heading above it;
the period of the article's lead (its headline's or first paragraph's first figure). The last
three are "(implied)". The base of a comparison (较2024年, up 7% from 2024) is never a figure's
period; a day is not the period of a total over a period (sales, revenue: the day it was
released is not its period); 四个季度 ... 分别为 a、b、c、d gives each figure its quarter. Where
a period word stands but tells nothing (去年 in an undated article), or none stands, the period
is None: never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..clauses import clause_bounds
from ..document import Place
from ..vocab import load
from . import calendar as cal
from .clocks import local_days
from .time_forms import Now, Stretch
from .time_grammar import words_pattern
from .time_resolve import Resolved, resolve, stretch_period

if TYPE_CHECKING:
    from .periods import Times

_LIST_END = re.compile(r"(?=[,;。])(?:(?<!\d),|,(?!\d)|[;。])")  # the lookahead: a fast skip
_SENTENCE_MARK = re.compile(r"[。.!?！？;；:：]\s*$")
_BRACKETED = re.compile(r"\([^()]*\)")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Hit:
    """The period word (mention ``index``) that decides a figure's period: ``found`` None when it
    tells nothing."""

    index: int
    found: Resolved | None


@dataclass(frozen=True, slots=True)
class Reach:
    """How far a period reaches (claims/data/time.toml [reach])."""

    after_figure: int
    heading_length: int
    lead_paragraphs: int
    since_clause: int
    own_base_gap: tuple[str, ...]
    news_day_days: int
    zone_lag_days: int


@cache
def _reach() -> Reach:
    data = load("time")["reach"]
    return Reach(int(data["after_figure"]), int(data["heading_length"]), int(data["lead_paragraphs"]),
                 int(data["since_clause"]), tuple(data["own_base_gap"]), int(data["news_day_days"]),
                 int(data["zone_lag_days"]))


_CAPTION_LENGTH = 300  # characters: a longer paragraph is text, whatever it names


@cache
def _credit() -> re.Pattern[str]:
    return re.compile(words_pattern(load("time")["captions"]["credits"]), re.IGNORECASE)


@cache
def _links() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = load("time")["words"]
    return (re.compile(rf"(?:^|\s)(?:{words_pattern(words['after_links'])})\s*$", re.IGNORECASE),
            re.compile(words_pattern(words["base_before"] + words["base_after_figure"]), re.IGNORECASE))


class PeriodChoice:
    """The periods of one article's mentions under its date, and the choice of each figure's."""

    def __init__(self, times: Times, date: dt.date | None, story: dt.date | None = None) -> None:
        self.times, self.text, self.date, self.story = times, times.text, date, story
        self.resolved = local_days(resolve(times.text, times.mentions, times.clues, date), times.text, times.mentions)
        self._leads: dict[bool, Hit | None] = {}

    def period(self, place: Place, moment: bool = True, hinted: bool = False, term: bool = False) -> Resolved | None:
        """The period of the figure at ``place``, or None. A day carried from another sentence
        dates a figure of a ``moment`` (a price, a rate, a vote, or a measure not known); any other
        figure takes its month (an offering's terms are of the month it ran, not of the day it
        opened). Where no period word stands at all, a figure that is no total over a period is of
        the article's news: its day for a moment, its month else (``hinted``: see news_day). A
        ``term`` of a deal (an offer price, the shares offered) is of its month even beside a day
        written in its sentence: that day is when it was announced or when trading began."""
        total = self._is_total(place)
        after = self._after(place)
        hit = (self._part_of(after, place) if after else None) or self._before(place, total)
        if hit is not None:
            return _month_of(hit.found) if term and hit.found is not None else hit.found
        carried = self._carried(place, total)
        if carried is not None:
            return carried.found if moment or carried.found is None else _month_of(carried.found)
        day = None if total else self.news_day(hinted)
        if day is None:
            return None
        news = Resolved(cal.day(day), True)
        return news if moment else _month_of(news)

    def news_day(self, hinted: bool = False) -> dt.date | None:
        """The day the article's news happened: the first day its lead names on or before its
        date, at most ``news_day_days`` earlier ("the Fed cut rates on Wednesday"), else the
        article's own date; None for an undated article. A ``hinted`` date (the story's, for an
        undated article) is no publication date: the lead's day may fall either side of it. A
        lead that names no day, in an article dated at most ``zone_lag_days`` after its ``story``'s
        date, reports the story's day from a time zone ahead (a decision in Washington on the 10th,
        reported in Hong Kong on the 11th)."""
        if self.date is None:
            return None
        lead_end = self._lead_end()
        for index, mention in enumerate(self.times):
            if mention.start >= lead_end:
                break
            resolved = self.resolved[index]
            if (resolved is None or resolved.period.grain != "day" or mention.stamp or mention.base
                    or mention.record or mention.planned or mention.since or self._in_caption(mention.start)):
                continue
            day = resolved.period.last
            if 0 <= (self.date - day).days <= _reach().news_day_days or (
                    hinted and abs((self.date - day).days) <= _reach().news_day_days):
                return day
        if self.story is not None and not hinted and 0 < (self.date - self.story).days <= _reach().zone_lag_days:
            return self.story
        return self.date

    def _in_caption(self, position: int) -> bool:
        """Whether ``position`` lies in a photo's caption: a short paragraph that names a picture
        credit, or is followed by a line that does ("…on December 9 in Washington." / "Getty Images");
        the day a picture was taken is not the news day."""
        left = self.text.rfind("\n", 0, position) + 1
        right = self.text.find("\n", position)
        right = len(self.text) if right < 0 else right
        if right - left > _CAPTION_LENGTH:
            return False
        after = self.text.find("\n", right + 1)
        next_line = self.text[right + 1:len(self.text) if after < 0 else after]
        credit = _credit()
        return bool(credit.search(self.text, left, right)
                    or (len(next_line) <= _CAPTION_LENGTH and credit.search(next_line)))

    def _lead_end(self) -> int:
        """Where the article's lead ends: after its first ``lead_paragraphs`` paragraphs with figures."""
        paragraphs: list[int] = []
        for place in self.times.places:
            if place.paragraph[0] in paragraphs:
                continue
            if len(paragraphs) == _reach().lead_paragraphs:
                return place.paragraph[0]
            paragraphs.append(place.paragraph[0])
        return len(self.text)

    def _usable(self, index: int, total: bool) -> bool:
        mention = self.times[index]
        if mention.base or mention.stamp or mention.record or (isinstance(mention.form, Now) and mention.planned):
            return False
        return not (total and self._is_day(index) and not mention.as_of and not isinstance(mention.form, Now))

    def _carries(self, index: int) -> bool:
        """Whether a mention may speak for figures beyond its sentence: not a running total's
        span or date (今年以来, 截至目前), nor a photo caption's, nor a period after the article's date
        (a forecast's)."""
        mention, resolved = self.times[index], self.resolved[index]
        if mention.since or mention.as_of or isinstance(mention.form, Now) or self._in_caption(mention.start):
            return False
        return resolved is None or self.date is None or resolved.period.first <= self.date

    def _is_day(self, index: int) -> bool:
        resolved = self.resolved[index]
        return resolved is not None and resolved.period.grain == "day"

    def _is_total(self, place: Place) -> bool:
        totals = self.times.totals
        index = bisect_left(totals, place.sentence[0])
        return index < len(totals) and totals[index] < place.clause[1]

    def _after(self, place: Place) -> Hit | None:
        """A period written after the figure in its clause, tied to it by a link word or brackets."""
        times = self.times
        index = bisect_left(times.starts, place.end)
        if index >= len(times) or times[index].start >= place.clause[1] or not self._usable(index, False):
            return None
        links, base = _links()
        gap = _BRACKETED.sub(" ", self.text[place.end:times[index].start])
        compared = base.search(gap)
        if len(gap) > _reach().after_figure or ")" in gap or (compared and _DIGIT.search(gap, compared.end())):
            return None  # "up 20% from 1.8m in 2024": the period is the base figure's
        if gap.strip() not in ("", "(") and not links.search(gap):
            return None
        if not gap.strip(" (") and times.figures_between(place.end + 1, times[index].start):
            return None
        return Hit(index, self.resolved[index])

    def _part_of(self, hit: Hit, place: Place) -> Hit:
        """A year written after the figure dates a part of a year named before it in its clause
        with no year of its own ("third-quarter revenue fell 6% in 2025": 2025Q3)."""
        year, found = self.times[hit.index].form, hit.found
        if found is None or not isinstance(year, Stretch) or not year.whole_year or year.last_year is not None:
            return hit
        index = bisect_left(self.times.starts, place.start) - 1
        while index >= 0 and self.times[index].start >= place.clause[0]:
            part = self.times[index].form
            if self._usable(index, False):
                if not isinstance(part, Stretch) or part.has_year or part.whole_year or self.times[index].since:
                    return hit
                try:
                    return Hit(index, Resolved(stretch_period(part, found.period.year), found.implied))
                except ValueError:
                    return hit
            index -= 1
        return hit

    def _before(self, place: Place, total: bool) -> Hit | None:
        """The nearest period before the figure in its sentence that speaks for it."""
        times = self.times
        index = bisect_left(times.starts, place.start) - 1
        while index >= 0 and times[index].start >= place.sentence[0]:
            mention = times[index]
            if mention.end <= place.start < mention.closes:  # 自2019年那宗募资880亿元的交易以来: 2019's
                found = self.resolved[index]
                return Hit(index, found.start or found if found is not None else None)
            own = mention.base and self.text[mention.end:place.start].strip() in _reach().own_base_gap
            if (own or self._usable(index, total)) and (mention.start >= place.clause[0] or self._governs(index)):
                resolved = self.resolved[index]
                return Hit(index, self._in_turn(resolved, index, place) if resolved is not None else None)
            index -= 1
        return None

    def _governs(self, index: int) -> bool:
        """Whether a mention in another clause speaks for the rest of its sentence: it opens the
        sentence, or no figure precedes it in its clause, or none that it is a base of (not "...,
        up from 1.8m in 2024"; "delivered 418,227 vehicles in Q4 2025, while producing 434,000": yes)."""
        mention = self.times[index]
        left, right = clause_bounds(self.text, mention.start, mention.end)
        if mention.since:  # 今年以来, ... or 据统计,2025年至今, ...: yes; ..., 今年以来累计下调...: its own clause
            return mention.lead_clause or right - left - (mention.end - mention.start) <= _reach().since_clause
        if mention.lead_clause or not self.times.figures:
            return True
        _, base = _links()
        return not self.times.figures_between(left, mention.start) or not base.search(self.text, left, mention.start)

    def _in_turn(self, resolved: Resolved, index: int, place: Place) -> Resolved:
        """Quarter k of a year read quarter by quarter, for the k-th figure of a list after it
        (announced by 分别/respectively, or of exactly four figures: 同期销量为a、b、c和d)."""
        if not resolved.quarters:
            return resolved
        times, end = self.times, self.times[index].end
        cues = times.respectively
        cue = bisect_left(cues, place.start) - 1
        if cue >= 0 and cues[cue] >= end:
            number = times.figures_between(cues[cue], place.start) + 1
        elif times.figures_between(end, self._list_end(place)) == 4:
            number = times.figures_between(end, place.start) + 1
        else:
            return resolved
        if not 1 <= number <= 4:
            return resolved
        year = resolved.period.year
        return Resolved(cal.months(year, 3 * number - 2, 3 * number), resolved.implied)

    def _list_end(self, place: Place) -> int:
        found = _LIST_END.search(self.text, place.end, place.sentence[1])
        return found.start() if found else place.sentence[1]

    def _carried(self, place: Place, total: bool) -> Hit | None:
        """A period stated once for what follows: the opening of an earlier sentence of the
        paragraph, the heading above, the article's lead; always "(implied)"."""
        times = self.times
        index = bisect_left(times.starts, place.sentence[0]) - 1
        while index >= 0 and times[index].start >= place.paragraph[0]:
            if self._usable(index, total) and self._carries(index) and (
                    times[index].lead_clause or self._is_day(index)):  # a day for what is not a total
                return _implied(Hit(index, self.resolved[index]))
            index -= 1
        return _implied(self._heading(place.paragraph[0], total) or self._lead(total))

    def _heading(self, paragraph_left: int, total: bool) -> Hit | None:
        """The period of the nearest heading above (a short line with no sentence mark)."""
        text, times = self.text, self.times
        right = paragraph_left - 1
        while right > 0:
            left = text.rfind("\n", 0, right) + 1
            line = text[left:right].strip()
            if line and len(line) <= _reach().heading_length and not _SENTENCE_MARK.search(line):
                index = bisect_left(times.starts, left)
                while index < len(times) and times[index].start < right:
                    if self._usable(index, total) and self._carries(index):
                        return Hit(index, self.resolved[index])
                    index += 1
                return None
            right = left - 1
        return None

    def _lead(self, total: bool) -> Hit | None:
        """The period the article's lead states: that of the first figure of its headline, else
        of its first paragraph with figures, when the figure's sentence states one."""
        if total not in self._leads:
            self._leads[total] = None
            paragraphs: list[int] = []
            for place in self.times.places:
                if paragraphs and place.paragraph[0] == paragraphs[-1]:
                    continue
                if len(paragraphs) == _reach().lead_paragraphs:
                    break
                paragraphs.append(place.paragraph[0])
                hit = self._after(place) or self._before(place, total)
                if hit is not None and self._carries(hit.index):
                    self._leads[total] = hit
                    break
        return self._leads[total]


def _month_of(found: Resolved) -> Resolved:
    period = found.period
    if period.grain != "day" or (period.first.year, period.first.month) != (period.last.year, period.last.month):
        return found
    return Resolved(cal.months(period.first.year, period.first.month, period.first.month), found.implied)


def _implied(hit: Hit | None) -> Hit | None:
    if hit is None or hit.found is None:
        return hit
    return Hit(hit.index, Resolved(hit.found.period, True, hit.found.quarters))
