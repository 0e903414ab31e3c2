"""Who a figure is attributed to: the ``origin`` of a claim (IDC, TrendForce, Jensen Huang).

A citation is a known source (claims/data/origins/) with a citation word before it ("据IDC",
"according to Reuters") or after it ("IDC数据显示", "黄仁勋表示", "Reuters reported"), a few
characters apart at most (citations.toml). It covers the figures after it in its sentence and
in the next sentence of the same paragraph, and, when the word follows the source, the figures
before it in its sentence ("... rose 5%, Reuters reported").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..clauses import sentence_bounds
from ..document import Place
from ..lexicon import Lexicon, regional_variants
from ..literals import LiteralIndex, fold
from ..textmap import normalize
from ..vocab import alternation, load
from .mentions import Mention

GAP_BEFORE = 8   # "据美国智库进步研究所": 据 and the source's name may be a few characters apart
GAP_AFTER = 10   # "黄仁勋曾在10月公开表示"
SPEAKING_KINDS = frozenset({"company", "organisation", "government", "person", "group"})


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
    right_before: re.Pattern[str]  # a citation word ending right before a name ("according to the ")
    right_after: re.Pattern[str]   # one starting right after it ("公司表示", " said")


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
        right_before=re.compile(rf"(?:{alternation(words['before'])})\s*(?:the\s+)?$", re.IGNORECASE),
        right_after=re.compile(rf"\s*(?:{alternation(words['name_tails'])})?(?:{alternation(words['after'])})",
                               re.IGNORECASE),
    )


def find_citations(text: str, lexicon: Lexicon, mentions: Sequence[Mention] = ()) -> list[Citation]:
    """Every citation in normalised ``text``: of a known source, or of an entity the article
    names (``mentions``) that can speak (a company, an organisation, a government, a person) with
    a citation word right beside it ("according to the World Bank", "星河动力公司表示"). A known
    source wins where both stand."""
    matchers = _matchers(lexicon)
    found = []
    for hit in matchers.sources.find(text):
        trailing = _cited(text, hit.start, hit.end, matchers)
        if trailing is not None:
            found.append(Citation(hit.start, hit.end, matchers.names[hit.key], trailing))
    taken = [(citation.start, citation.end) for citation in found]
    for mention in mentions:
        if mention.kind not in SPEAKING_KINDS or not mention.name or \
                any(start < mention.end and mention.start < end for start, end in taken):
            continue
        if matchers.right_before.search(text, max(0, mention.start - GAP_BEFORE * 2), mention.start):
            found.append(Citation(mention.start, mention.end, mention.name, trailing=False))
        elif matchers.right_after.match(text, mention.end):
            found.append(Citation(mention.start, mention.end, mention.name, trailing=True))
    return sorted(found, key=lambda citation: citation.start)


def _cited(text: str, start: int, end: int, matchers: _Matchers) -> bool | None:
    """Whether a citation word stands before the name at ``[start, end)`` (False: "据IDC"), after
    it (True: "IDC数据显示"), or neither (None)."""
    ahead = text[max(0, start - GAP_BEFORE):start]
    behind = text[end:end + GAP_AFTER]
    if re.search(r"[。！？!?\n]", ahead):
        ahead = re.split(r"[。！？!?\n]", ahead)[-1]
    if matchers.before.search(ahead):
        return False
    if matchers.after.search(re.split(r"[，,。；;！？!?\n]", behind)[0]):
        return True
    return None


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
