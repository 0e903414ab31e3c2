"""An article read once: its normalised text with the map back to the original, its language,
its date, where each figure sits (clause, sentence, paragraph), and the entity and time mentions
found in it, handed down the pipeline (claims, then the timeline) so that no stage reads the text
again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .clauses import clause_bounds, paragraph_bounds, quote_bounds, sentence_bounds
from .lang import detect_lang
from .textmap import NormalizedText, normalize
from .time.article_date import article_date as find_article_date
from .time.article_date import dateline_day

if TYPE_CHECKING:
    from .frame.mentions import Mention
    from .frame.periods import Times
    from .lexicon import Lexicon

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a figure sits in the normalised text: its own ``[start, end)`` and the clause,
    sentence and paragraph around it (each ``[left, right)``)."""

    start: int
    end: int
    clause: Span
    sentence: Span
    paragraph: Span


class Document:
    """One article: ``text`` is the normalised form every rule matches on; offsets a user sees
    come from ``span`` (the original text's). Segmentation is computed once, on first use."""

    def __init__(self, original: str, source: str = "<text>", article_date: dt.date | None = None,
                 date_hint: dt.date | None = None) -> None:
        self.source = source
        self.norm: NormalizedText = normalize(original)
        self.text = self.norm.text
        self.lang = detect_lang(original)
        self.date = article_date or find_article_date(original)
        # for an undated article, when the story's other articles are dated: the years of its bare
        # dates and relative years are read against it, always as "(implied)"
        # (an agency dateline near its top names the story's day for it more closely)
        self.hint = None if self.date or date_hint is None else dateline_day(original, date_hint) or date_hint
        self.story = date_hint
        self._mentions: dict[int, list[Mention]] = {}
        self._times: Times | None = None

    def mentions(self, lexicon: Lexicon) -> list[Mention]:
        """The entity mentions of the text (unknown names as the article writes them), found once
        per vocabulary."""
        from .frame.entities import find_mentions

        if id(lexicon) not in self._mentions:
            self._mentions[id(lexicon)] = find_mentions(self.text, lexicon, self.as_written)
        return self._mentions[id(lexicon)]

    def times(self, figures: Sequence[Place] = ()) -> Times:
        """The time mentions of the text, found once (``figures``: where the figures sit, given by
        the first reader that asks)."""
        from .frame.periods import find_times

        if self._times is None:
            self._times = find_times(self.text, figures)
        return self._times

    @property
    def original(self) -> str:
        return self.norm.original

    def span(self, start: int, end: int) -> Span:
        """The original ``[start, end)`` of normalised ``[start, end)``."""
        return self.norm.span(start, end)

    def as_written(self, start: int, end: int) -> str:
        """The original text of normalised ``[start, end)`` (鼎新動力, not the folded 鼎新动力)."""
        left, right = self.span(start, end)
        return self.original[left:right]

    def sentence(self, start: int, end: int) -> Span:
        return sentence_bounds(self.text, start, end)

    def clause(self, start: int, end: int) -> Span:
        return clause_bounds(self.text, start, end)

    def paragraph(self, start: int) -> Span:
        return paragraph_bounds(self.text, start)

    def quote(self, start: int, end: int) -> Span:
        """The quote of a figure, in original offsets."""
        return self.span(*quote_bounds(self.text, start, end))

    def place(self, start: int, end: int) -> Place:
        """Where the figure at normalised ``[start, end)`` sits."""
        return Place(start, end, self.clause(start, end), self.sentence(start, end), self.paragraph(start))
