"""Cue words of a frame part, found once per document and looked up per figure by bisection.

A reader (status, basis) loads a table ``{kind: [words]}`` from its TOML file, builds one
``CueTable`` (a ``LiteralIndex`` over every word, each word mapped to its kind) and, per
article, one ``Cues``: the hits in text order, with the nearest ones before or after a position
within given bounds. Words are matched after the text's own folding (NFKC, traditional ->
simplified, Latin in any case and as whole words), so a table lists each word in any script once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from copy import copy
from dataclasses import dataclass

from ..literals import Hit, LiteralIndex, fold
from ..textmap import normalize
from ..vocab import VocabError


def fold_word(word: str) -> str:
    """A cue word as the folded text spells it (奈米 -> 纳米, Latin lower-cased)."""
    return fold(normalize(word).text)


@dataclass(frozen=True, slots=True)
class CueTable:
    """Every cue word of one vocabulary file and the kind it signals."""

    index: LiteralIndex
    kinds: dict[str, str]  # folded word -> kind

    @classmethod
    def build(cls, name: str, groups: Mapping[str, Iterable[str]]) -> CueTable:
        """``groups`` maps a kind to its words; a word under two kinds is an error naming both."""
        kinds: dict[str, str] = {}
        for kind, words in groups.items():
            for word in words:
                if not isinstance(word, str) or not word.strip():
                    raise VocabError(f"{name}.toml:{kind}: expected a list of non-empty strings")
                key = fold_word(word)
                if kinds.get(key, kind) != kind:
                    raise VocabError(f"{name}.toml:{kind}: {word!r} is also listed under {kinds[key]}")
                kinds[key] = kind
        return cls(LiteralIndex(kinds), kinds)


def phrase_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A regex of any of ``words`` (folded, longest first), Latin ones as whole words."""
    forms = sorted({fold_word(word) for word in words}, key=len, reverse=True)
    return re.compile("|".join(rf"\b{re.escape(f)}\b" if f[:1].isascii() and f[:1].isalnum() else re.escape(f)
                               for f in forms))


class Cues:
    """The hits of one ``CueTable`` in one article, in text order. Hits do not overlap, so their
    ends rise with their starts: a gap to a figure only grows while walking away from it."""

    def __init__(self, table: CueTable, text: str) -> None:
        self.kinds = table.kinds
        self.hits = table.index.find(text, fold(text))  # an article is folded once for every reader (literals.fold)
        self.starts = [hit.start for hit in self.hits]

    def drop(self, unwanted: Callable[[Hit], bool]) -> None:
        """Forget the hits that ``unwanted`` picks out."""
        self.hits = [hit for hit in self.hits if not unwanted(hit)]
        self.starts = [hit.start for hit in self.hits]

    def subset(self, wanted: Callable[[Hit], bool]) -> Cues:
        """The hits that ``wanted`` picks out, searched as these are: the nearest wanted word is
        found by bisection, not by walking past every other word of a long sentence."""
        view = copy(self)
        view.drop(lambda hit: not wanted(hit))
        return view

    def kind(self, hit: Hit) -> str:
        return self.kinds[hit.key]

    def before(self, position: int, left: int) -> Iterator[Hit]:
        """Hits that end by ``position`` and start at ``left`` or later, nearest first."""
        index = bisect_left(self.starts, position) - 1
        while index >= 0 and self.hits[index].start >= left:
            if self.hits[index].end <= position:
                yield self.hits[index]
            index -= 1

    def after(self, position: int, right: int) -> Iterator[Hit]:
        """Hits that start at ``position`` or later and end by ``right``, nearest first."""
        index = bisect_left(self.starts, position)
        while index < len(self.hits) and self.hits[index].end <= right:
            yield self.hits[index]
            index += 1
