"""Find many literal words in a text fast: a flat regex alternation of hundreds of aliases tries
each at every position; this index compiles them into a trie-shaped regex (one branch per
character), so the engine follows at most one path per position. Latin words match in any
case and only as whole words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_WORD_CHAR = re.compile(r"[A-Za-z0-9]")


def fold(text: str) -> str:
    """Lower-case ASCII letters only, so that offsets stay the same."""
    return _fold_cached(text) if len(text) > _FOLD_CACHED else text.translate(_ASCII_LOWER)


_FOLD_CACHED = 256  # longer texts (a document) are folded once for all the indexes that search them


@lru_cache(maxsize=4)
def _fold_cached(text: str) -> str:
    return text.translate(_ASCII_LOWER)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    key: str  # the folded word found


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first, shaped as a trie."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return render(trie)


class LiteralIndex:
    """Every occurrence of a set of words, leftmost and longest first, not overlapping."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = {fold(word) for word in words if word}
        self.pattern = re.compile(trie_pattern(self.words)) if self.words else None

    def find(self, text: str, folded: str | None = None) -> list[Hit]:
        """Hits in ``text``; ``folded`` is ``fold(text)`` if already made."""
        if self.pattern is None:
            return []
        folded = fold(text) if folded is None else folded
        hits = []
        match = self.pattern.search(folded)
        while match is not None:
            start, end = match.span()
            key = match.group()
            while key not in self.words or not _whole_word(folded, start, end):
                end -= 1  # a longer path that is no word, or runs on into a Latin word: back off
                key = folded[start:end]
                if end <= start:
                    break
            if end > start:
                hits.append(Hit(start, end, key))
            # after a back-off, a word may start inside the longer path ("the fed|eral open market ...")
            match = self.pattern.search(folded, end if end > start else start + 1)
        return hits


def find_in(index: LiteralIndex, text: str, spans: Iterable[tuple[int, int]], folded: str | None = None) -> list[Hit]:
    """The hits of ``index`` inside ``spans`` of ``text`` (each distinct span searched once, in
    order): the sentences that hold figures, when only they can matter."""
    folded = fold(text) if folded is None else folded
    found: list[Hit] = []
    last = -1
    for left, right in sorted(set(spans)):
        left = max(left, last)
        if left < right:
            found.extend(Hit(hit.start + left, hit.end + left, hit.key)
                         for hit in index.find(text[left:right], folded[left:right]))
            last = right
    return found


def _whole_word(text: str, start: int, end: int) -> bool:
    """A word that starts or ends with a Latin letter or digit must not run on into another."""
    if _WORD_CHAR.match(text[start]) and start > 0 and _WORD_CHAR.match(text[start - 1]):
        return False
    return not (_WORD_CHAR.match(text[end - 1]) and end < len(text) and _WORD_CHAR.match(text[end]))
