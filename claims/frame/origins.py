"""Who a figure is attributed to: the ``origin`` of a claim (IDC, TrendForce, Jensen Huang).

A citation is a known source (claims/data/origins/) with a citation word before it ("据IDC",
"according to Reuters") or after it ("IDC数据显示", "黄仁勋表示", "Reuters reported"), a few
characters apart at most (citations.toml). It covers the figures after it in its sentence and
in the next sentence of the same paragraph, and, when the word follows the source, the figures
before it in its sentence ("... rose 5%, Reuters reported").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..clauses import sentence_bounds
from ..document import Place
from ..lexicon import Lexicon, regional_variants
from ..literals import LiteralIndex, fold
from ..textmap import normalize
from ..vocab import alternation, load

GAP_BEFORE = 8   # "据美国智库进步研究所": 据 and the source's name may be a few characters apart
GAP_AFTER = 10   # "黄仁勋曾在10月公开表示"


@dataclass(frozen=True, slots=True)
class Citation:
    start: int
    end: int
    origin: str
    trailing: bool  # the citation word follows the source ("X表示", "X said")


@dataclass(frozen=True, slots=True)
class _Matchers:
    sources: LiteralIndex
    names: dict[str, str]
    before: re.Pattern[str]
    after: re.Pattern[str]


@cache
def _matchers(lexicon: Lexicon) -> _Matchers:
    names = {fold(variant): entry.name
             for entry in lexicon.origins for alias in [entry.name, *entry.lists.get("aliases", [])]
             for variant in regional_variants(normalize(alias).text)}
    words = load("citations")
    return _Matchers(
        sources=LiteralIndex(names),
        names=names,
        before=re.compile(rf"(?:{alternation(words['before'])})", re.IGNORECASE),
        after=re.compile(rf"(?:{alternation(words['after'])})", re.IGNORECASE),
    )


def find_citations(text: str, lexicon: Lexicon) -> list[Citation]:
    """Every citation of a known source in normalised ``text``."""
    matchers = _matchers(lexicon)
    found = []
    for hit in matchers.sources.find(text):
        origin = matchers.names[hit.key]
        ahead = text[max(0, hit.start - GAP_BEFORE):hit.start]
        behind = text[hit.end:hit.end + GAP_AFTER]
        if re.search(r"[。！？!?\n]", ahead):
            ahead = re.split(r"[。！？!?\n]", ahead)[-1]
        if matchers.before.search(ahead):
            found.append(Citation(hit.start, hit.end, origin, trailing=False))
        elif matchers.after.search(re.split(r"[，,。；;！？!?\n]", behind)[0]):
            found.append(Citation(hit.start, hit.end, origin, trailing=True))
    return found


def origin_for(place: Place, text: str, citations: list[Citation]) -> str | None:
    """The origin of the figure at ``place``: the latest citation that covers it."""
    start = place.start
    sentence_left, sentence_right = place.sentence
    paragraph_left, _ = place.paragraph
    chosen = None
    for citation in citations:
        if sentence_left <= citation.start < sentence_right and (citation.start < start or citation.trailing):
            chosen = citation
            if citation.start > start:
                break
        elif citation.start < sentence_left and citation.start >= paragraph_left:
            previous_left, _ = sentence_bounds(text, max(0, sentence_left - 2), max(0, sentence_left - 1))
            if citation.start >= previous_left:
                chosen = citation
    return chosen.origin if chosen else None
