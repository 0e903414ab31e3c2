"""The economy as the entity of macro figures: "the Bank of England projects inflation of 2.6%"
is about the UK economy, not the bank; "日本失业率降至2.4%" is about the Japan economy, not
whoever reports it.

A macro measure word (claims/data/subjects.toml ``[economy]``) shortly before the figure in its
clause makes the figure the economy's: that of a place named before it in the sentence, else
that of the subject (an entity's ``economy`` in the entity files: the ECB's is "Eurozone economy").
Cue words are found once per document; each figure is a bisect.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..document import Place
from ..lexicon import Lexicon
from ..literals import LiteralIndex, fold
from ..textmap import normalize
from ..vocab import load, words
from .mentions import Mention

_BREAK = re.compile(r"[,，。;；!！?？\n]")


@cache
def _cues() -> tuple[LiteralIndex, int]:
    return (LiteralIndex(normalize(word).text for word in words("subjects", "economy.cues")),
            int(load("subjects")["economy"]["reach"]))


@cache
def _economies(lexicon: Lexicon) -> dict[str, str]:
    return {entry.name: str(entry.fields["economy"]) for entry in lexicon.entities if "economy" in entry.fields}


class EconomyFinder:
    """The economies of one article's macro figures."""

    def __init__(self, text: str, mentions: list[Mention], lexicon: Lexicon) -> None:
        index, self.reach = _cues()
        self.text = text
        self.cue_ends = [end for _, end in index.spans(fold(text))]
        self.economy = _economies(lexicon)
        self.places = [m for m in mentions if m.name in self.economy and m.kind == "place"]
        self.place_starts = [m.start for m in self.places]

    def entity(self, place: Place, subject: str | None) -> str | None:
        """The economy the figure at ``place`` is about, or ``subject`` when it is no macro figure."""
        index = bisect_left(self.cue_ends, place.start + 1) - 1
        if index < 0:
            return subject
        cue_end = self.cue_ends[index]
        if place.start - cue_end > self.reach or cue_end < place.sentence[0] \
                or _BREAK.search(self.text, cue_end, place.start):
            return subject
        named = bisect_left(self.place_starts, place.start) - 1
        if named >= 0 and self.places[named].start >= place.sentence[0]:
            return self.economy[self.places[named].name]
        return self.economy.get(subject or "", subject)
