"""When a figure holds: the ``time`` of a claim (2025, 2025Q4, 2025H1, 2025-12, 2025-12-10,
2025-01..2025-11), with "(implied)" when the year (or more) was inferred from the article's
date or context. The status (status.py) adds "(forecast)" or "(target)".

The time mentions of an article are found once (time_mentions.py), given their periods under
the article's date once (time_resolve.py), and each figure's period is then chosen among them
by position (period_choice.py). Words: claims/data/time.toml.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from typing import overload

from ..document import Place
from ..literals import LiteralIndex, fold
from ..vocab import load
from .period_choice import PeriodChoice
from .time_mentions import TimeMention, mentions
from .time_resolve import YearClues
from .time_words import folded

__all__ = ["TimeMention", "Times", "find_times", "period_for"]


@cache
def _cues() -> tuple[LiteralIndex, LiteralIndex]:
    data = load("time")
    return (LiteralIndex(folded(w) for w in data["words"]["period_totals"]),
            LiteralIndex(folded(w) for w in data["quarters"]["respectively"]))


class Times(Sequence[TimeMention]):
    """An article's time mentions, left to right, with the lookups by position that every figure
    makes (bisected, so a text with many dates is read in linear time). ``figures``: where the
    article's figures sit, which tells a list's order and the article's lead."""

    def __init__(self, text: str, found: Sequence[TimeMention], figures: Sequence[Place] = (),
                 folded_text: str | None = None) -> None:
        self.text = text
        self.mentions = tuple(found)
        self.starts = [m.start for m in self.mentions]
        self.places = sorted(figures, key=lambda place: (place.start, place.end))
        self.figures = [place.start for place in self.places]
        self.clues = YearClues(self.mentions)
        totals, respectively = _cues()
        folded_text = fold(text) if folded_text is None else folded_text
        self.totals = [start for start, _ in totals.spans(folded_text)]
        self.respectively = [start for start, _ in respectively.spans(folded_text)]
        self._choices: dict[tuple[dt.date | None, dt.date | None], PeriodChoice] = {}

    @overload
    def __getitem__(self, index: int) -> TimeMention: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[TimeMention]: ...
    def __getitem__(self, index: int | slice) -> TimeMention | Sequence[TimeMention]:
        return self.mentions[index]

    def __len__(self) -> int:
        return len(self.mentions)

    def implied_year(self, position: int, paragraph_left: int) -> int | None:
        """The year a date without one most likely falls in, for an undated article."""
        return self.clues.year(position, paragraph_left)

    def figures_between(self, left: int, right: int) -> int:
        """How many figures start in ``[left, right)``."""
        return bisect_left(self.figures, right) - bisect_left(self.figures, left)

    def choice(self, date: dt.date | None, story: dt.date | None = None) -> PeriodChoice:
        """The periods of the mentions under the article's ``date`` and its ``story``'s (made once
        per pair)."""
        if (date, story) not in self._choices:
            self._choices[date, story] = PeriodChoice(self, date, story)
        return self._choices[date, story]


def find_times(text: str, figures: Sequence[Place] = ()) -> Times:
    """Every time mention in normalised ``text``, left to right; ``figures``: where the figures sit."""
    folded_text = fold(text)
    return Times(text, mentions(text, folded_text), figures, folded_text)


def period_for(place: Place, times: Times, article_date: dt.date | None, measure: str | None = None,
               hinted: bool = False, story: dt.date | None = None) -> tuple[str, bool] | None:
    """The period of the figure at ``place`` ("2025Q3") measuring ``measure``, and whether it was
    inferred (a year taken from ``article_date`` always is; ``hinted``: that date is the story's,
    the article has none of its own; ``story``: the date of the story it is read with)."""
    moment = not measure or _moment_measures().search(measure.lower()) is not None
    term = is_deal_term(measure)
    found = times.choice(article_date, story).period(place, moment and not term, hinted, term)
    return (found.period.label, found.implied) if found is not None else None


def is_deal_term(measure: str | None) -> bool:
    """Whether ``measure`` is a term of a deal (an offer price, the proceeds: ``[terms]``)."""
    return measure is not None and _deal_terms().search(measure.lower()) is not None


@cache
def _deal_terms() -> re.Pattern[str]:
    return _any_of(load("time")["terms"]["measures"])


@cache
def _moment_measures() -> re.Pattern[str]:
    return _any_of(load("time")["moment"]["measures"])


def _any_of(words: list[str]) -> re.Pattern[str]:
    """A regex found in a lower-cased measure wherever one of ``words`` is (one search per figure,
    not one substring test per word)."""
    return re.compile("|".join(re.escape(word.lower()) for word in words) or "(?!)")
