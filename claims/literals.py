"""Find many literal words in a text fast: one Aho-Corasick automaton per vocabulary (built once
and cached with it) reports every word at every position in a single pass in native code, where
a regex of hundreds of aliases would be searched again after each hit. Latin words match in any
case and only as whole words."""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ahocorasick_rs import AhoCorasick, MatchKind

_WORD_CHARS = frozenset(string.ascii_letters + string.digits)


def fold(text: str) -> str:
    """Lower-case ASCII letters only, so that offsets stay the same."""
    return _fold_cached(text) if len(text) > _FOLD_CACHED else _ascii_lower(text)


_FOLD_CACHED = 256  # longer texts (a document) are folded once for all the indexes that search them


@lru_cache(maxsize=4)
def _fold_cached(text: str) -> str:
    return _ascii_lower(text)


def _ascii_lower(text: str) -> str:
    """``text`` with A-Z lower-cased: ``bytes.lower`` touches ASCII letters only, and in UTF-8
    every byte of a longer character is above ASCII (20x faster than ``str.translate`` on Han text)."""
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    key: str  # the folded word found


class LiteralIndex:
    """Every occurrence of a set of words, leftmost and longest first, not overlapping."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = {fold(word) for word in words if word}
        ordered = sorted(self.words)
        self.longest = AhoCorasick(ordered, matchkind=MatchKind.LeftmostLongest) if ordered else None
        self.every = AhoCorasick(ordered) if ordered else None  # every word at every position

    def find(self, text: str, folded: str | None = None) -> list[Hit]:
        """Hits in ``text``; ``folded`` is ``fold(text)`` if already made. At each start, the
        longest word that does not run on into a Latin word wins; the next hit starts after it."""
        folded = fold(text) if folded is None else folded
        return [Hit(start, end, folded[start:end]) for start, end in self.spans(folded)]

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each hit in already folded text (``find`` without the records)."""
        if self.longest is None or self.every is None:
            return []
        found = self.longest.find_matches_as_indexes(folded)
        bad = next((n for n, (_, start, end) in enumerate(found) if not _whole_word(folded, start, end)), len(found))
        spans = [(start, end) for _, start, end in found[:bad]]
        if bad == len(found):
            return spans
        # a word ran on into a Latin word: from there on, back off word by word (the hits before
        # it are the same either way: each was the longest word at the first start left)
        origin = found[bad][1]
        ends_at: dict[int, list[int]] = {}
        for _, start, end in self.every.find_matches_as_indexes(folded[origin:], overlapping=True):
            ends_at.setdefault(start + origin, []).append(end + origin)
        position = origin
        for start in sorted(ends_at):
            if start < position:
                continue
            for end in sorted(ends_at[start], reverse=True):
                if _whole_word(folded, start, end):  # "fed" in "federal" is no hit; "the fed" may be
                    spans.append((start, end))
                    position = end
                    break
        return spans


def find_in(index: LiteralIndex, text: str, spans: Iterable[tuple[int, int]], folded: str | None = None) -> list[Hit]:
    """The hits of ``index`` inside ``spans`` of ``text`` (each distinct span searched once, in
    order): the sentences that hold figures, when only they can matter."""
    folded = fold(text) if folded is None else folded
    found: list[Hit] = []
    last = -1
    for left, right in sorted(set(spans)):
        left = max(left, last)
        if left < right:
            found.extend(Hit(start + left, end + left, folded[start + left:end + left])
                         for start, end in index.spans(folded[left:right]))
            last = right
    return found


def _whole_word(text: str, start: int, end: int) -> bool:
    """A word that starts or ends with a Latin letter or digit must not run on into another."""
    if text[start] in _WORD_CHARS and start > 0 and text[start - 1] in _WORD_CHARS:
        return False
    return not (text[end - 1] in _WORD_CHARS and end < len(text) and text[end] in _WORD_CHARS)
