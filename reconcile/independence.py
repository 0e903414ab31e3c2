"""Which claims share an origin: a repeat is never corroboration.

Claims fall into one origin when one repeats the other (the claims layer notes "duplicate of
<id>" for a verbatim repeated paragraph), when their quotes are near-verbatim copies across
articles (character shingles find candidates by hashing, rapidfuzz confirms: no all-pairs
comparison), or when both cite the same origin (two articles quoting one IDC figure).
Otherwise each article is its own origin for the figures it does not attribute.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from rapidfuzz import fuzz

from factrecon.claims import Claim
from factrecon.claims.textmap import to_simplified

from .facts import DUPLICATE_NOTE
from .tolerances import Tolerances

_SPACE = re.compile(r"\s+")
MIN_SHARED = 3  # shingles two quotes must share before rapidfuzz compares them
COMMON_SHINGLE = 50  # a shingle in more quotes than this says nothing about copying


class Origins:
    """Union-find over claim ids; ``group(id)`` names an origin, ``copied_among`` tells copies apart."""

    def __init__(self, claims: Sequence[Claim], tolerances: Tolerances) -> None:
        self._parent: dict[str, str] = {claim.id: claim.id for claim in claims}
        self._copies: dict[str, set[str]] = defaultdict(set)  # claim id -> ids of near-verbatim copies
        self.label: dict[str, str] = {claim.id: claim.origin or claim.source for claim in claims}
        by_origin: dict[str, str] = {}
        for claim in claims:
            if match := DUPLICATE_NOTE.search(claim.notes or ""):
                if match.group(1) in self._parent:
                    self._union(claim.id, match.group(1))
            key = claim.origin.lower() if claim.origin else f"article:{claim.source}"
            self._union(claim.id, by_origin.setdefault(key, claim.id))
        for first, second in _near_verbatim(claims, tolerances):
            self._union(first, second)
            self._copies[first].add(second)
            self._copies[second].add(first)

    def _find(self, claim_id: str) -> str:
        root = claim_id
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[claim_id] != root:
            self._parent[claim_id], claim_id = root, self._parent[claim_id]
        return root

    def _union(self, a: str, b: str) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a != root_b:
            self._parent[max(root_a, root_b)] = min(root_a, root_b)

    def group(self, claim_id: str) -> str:
        return self._find(claim_id)

    def count(self, claim_ids: Sequence[str]) -> int:
        """Independent origins among ``claim_ids``."""
        return len({self._find(claim_id) for claim_id in claim_ids})

    def copied_among(self, claim_ids: Collection[str]) -> bool:
        """Whether one of ``claim_ids`` nearly copies the quote of another."""
        members = set(claim_ids)
        return any(self._copies[i] & members for i in members if i in self._copies)

    def names(self, claim_ids: Sequence[str]) -> list[str]:
        """One readable name per independent origin (the cited origin, else the article)."""
        seen: dict[str, str] = {}
        for claim_id in claim_ids:
            seen.setdefault(self._find(claim_id), self.label[claim_id])
        return sorted(set(seen.values()))


def _folded(text: str) -> str:
    """Spacing, width and script folded away: a traditional copy of a simplified passage is a copy
    (no offsets are needed, so the text is folded whole, not character by character)."""
    return _SPACE.sub("", to_simplified(unicodedata.normalize("NFKC", text)))


def _shingles(text: str, size: int) -> set[str]:
    return {text[i : i + size] for i in range(max(1, len(text) - size + 1))}


def _near_verbatim(claims: Sequence[Claim], tolerances: Tolerances) -> list[tuple[str, str]]:
    """Pairs of claims from different articles with the same figure in near-verbatim quotes.

    Quotes are compared only with quotes of the same figure (unit and value), and only on shingles
    found in 2 to ``COMMON_SHINGLE`` quotes: one in more says nothing about copying."""
    folds: dict[str, str] = {}
    folded = [folds[c.quote] if c.quote in folds else folds.setdefault(c.quote, _folded(c.quote)) for c in claims]
    shingled = {text: _shingles(text, tolerances.shingle) for text in folds.values()}
    frequency = Counter(shingle for text in folded for shingle in shingled[text])
    rare = {shingle for shingle, count in frequency.items() if 1 < count <= COMMON_SHINGLE}
    figures: dict[tuple[str, float | None], list[int]] = defaultdict(list)
    for position, claim in enumerate(claims):
        figures[(claim.unit, claim.value)].append(position)
    pairs = []
    for positions in figures.values():
        if len({claims[p].source for p in positions}) < 2:
            continue
        index: dict[str, list[int]] = defaultdict(list)
        for position in positions:
            for shingle in shingled[folded[position]] & rare:
                index[shingle].append(position)
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for sharing in index.values():
            for i, first in enumerate(sharing):
                for second in sharing[i + 1 :]:
                    shared[(first, second)] += 1
        for (first, second), count in shared.items():
            a, b = claims[first], claims[second]
            if count < MIN_SHARED or a.source == b.source:
                continue
            if fuzz.ratio(folded[first], folded[second]) >= tolerances.near_verbatim:
                pairs.append((a.id, b.id))
    return pairs
