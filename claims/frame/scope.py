"""The ``scope`` of a figure: the part of its entity it covers, by region, market, segment,
division and tranche (SDMX's reference area and breakdowns), joined in that order: "China · BEV".

A cue word governs a figure when it stands in the figure's clause before it (after any earlier
figure of the clause), in it, or right after it ("sold 900,000 battery-electric cars"); a
dimension the clause leaves open takes the nearest cue of that dimension before the figure in its
sentence. A word that restricts nothing (global, 全球) governs but adds no label. With no cue in
the sentence the figure covers the ``whole`` entity; a cue there that governs nothing here, or two
different cues of one dimension side by side ("国内和海外收入分别为..."), leave it unknown (None),
unless a subset word (其中, of which) opens the part that holds it. A place that is the figure's
entity is no scope (中国GDP增长5%); a cue inside a longer name (中国移动, European Central Bank)
or describing the company named after it ("Japan's Toyota") is no cue, nor is the place of an
agency dateline ("HONG KONG, Aug 6 (Reuters) -"). Words: claims/data/scopes/.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from ..document import Document, Place, Span
from ..lexicon import SCOPE_DIMENSIONS, Lexicon, regional_variants
from ..literals import Hit, LiteralIndex, find_in, fold
from ..textmap import normalize
from ..time.article_date import dateline_spans
from .entities import Mention

WHOLE = "whole"
ITSELF = "\0itself"  # the label of a place that is the figure's entity: 中国 in 中国GDP增长5%
JOIN = " · "
REACH = 400  # characters before a figure searched for cues in a run-on sentence
TAIL = 16    # characters after a figure that may still hold its cue ("1 million units in China")
LONGEST_NAME = 64  # how far back a name holding a cue may start
DESCRIBER_REACH = 24  # characters from a cue to the name it may describe ("'s largest carmaker ")
_BREAK = re.compile(r"[,，、;；:：。.!?！？()（）\n0-9]")  # no description runs across these
POINTERS = frozenset({"pronoun", "figure", "reference"})


@dataclass(frozen=True, slots=True)
class Cue:
    """What one word says of a figure's scope in one dimension."""

    label: str  # "" for a word that restricts nothing (global)
    dimension: str
    entities: frozenset[str]  # entities the word names: a figure about one of them is not scoped by it


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    index: LiteralIndex  # cue words, ``not`` words and subset words, found in one pass
    cues: dict[str, tuple[Cue, ...]]  # folded word -> its cues (none for a ``not`` or subset word)
    subsets: frozenset[str]
    describers: tuple[str, ...]
    relative: frozenset[str]  # labels relative to the entity's home ("domestic")
    homes: dict[str, str]  # entity -> the region label of its home
    all_of: dict[str, frozenset[str]]  # entity -> labels that cover all of it (a BEV-only maker's BEV)


def _variants(word: str) -> list[str]:
    return [fold(variant) for variant in regional_variants(normalize(word).text)]


@cache
def _vocabulary(lexicon: Lexicon) -> _Vocabulary:
    cues: dict[str, list[Cue]] = {}
    aliases: list[tuple[str, Cue]] = []
    for entry in lexicon.scopes:
        named = entry.lists.get("entities", [])
        cue = Cue("" if entry.fields.get("everything") else entry.name, entry.fields["dimension"],
                  frozenset(named or [entry.name]))
        for word in entry.lists.get("cues", []):
            for variant in _variants(word):
                cues.setdefault(variant, []).append(cue)
        for word in entry.lists.get("not", []):
            for variant in _variants(word):
                cues.setdefault(variant, [])
        for name in named:
            known = lexicon.entity(name)
            aliases.extend((alias, cue) for alias in (known.lists.get("aliases", []) if known else []))
    for alias, cue in aliases:  # an entity's aliases are cues where no listed word says otherwise
        for variant in _variants(alias):
            listed = cues.setdefault(variant, [])
            if all(other.dimension != cue.dimension for other in listed):
                listed.append(cue)
    subsets = frozenset(fold(normalize(word).text) for word in lexicon.scope_words.get("subset", ())) - cues.keys()
    describers = tuple(normalize(word).text.casefold() for word in lexicon.scope_words.get("describers", ()))
    relative = frozenset(entry.name for entry in lexicon.scopes if entry.fields.get("relative") == "home")
    all_of = {entity.name: frozenset(entity.lists["all_of"]) for entity in lexicon.entities if "all_of" in entity.lists}
    return _Vocabulary(LiteralIndex([*cues, *subsets]), {word: tuple(found) for word, found in cues.items()},
                       subsets, describers, relative, _homes(lexicon), all_of)


def _homes(lexicon: Lexicon) -> dict[str, str]:
    """Each entity's home region label: its ``home`` field, or a region's place that opens its name
    ("China domestic AI chips" -> China), so "domestic" (国内市场) reads as that region."""
    regions = {place: entry.name for entry in lexicon.scopes if entry.fields.get("dimension") == "region"
               for place in entry.lists.get("entities", [])}
    homes = {place: "" for place in regions}  # a place's domestic market is itself: no restriction
    for entity in lexicon.entities:
        home = entity.fields.get("home") or next(
            (place for place in regions if entity.name.startswith(place + " ")), None)
        if isinstance(home, str) and home in regions and entity.name not in regions:
            homes[entity.name] = regions[home]
    return homes


class ScopeFinder:
    """The scopes of one article's figures: cue words found once, each figure's own cues settled
    in one pass over the figures, then looked up per figure by bisection."""

    def __init__(self, doc: Document, lexicon: Lexicon, figures: Sequence[Place],
                 mentions: Sequence[Mention], names: Sequence[Span]) -> None:
        self.vocabulary = vocabulary = _vocabulary(lexicon)
        places = {(place.start, place.end): place for place in figures}
        self.figures = sorted(places)
        found = find_in(vocabulary.index, doc.text, [places[span].sentence for span in self.figures])
        self.subsets = [hit.start for hit in found if hit.key in vocabulary.subsets]
        datelines = dateline_spans(doc.text)
        found = [hit for hit in found if vocabulary.cues.get(hit.key)
                 and not any(start <= hit.start < end for start, end in datelines)]
        if found:
            blockers = _Names(doc.text, mentions, names, vocabulary.describers, {end for _, end in self.figures})
            found = [hit for hit in found if not blockers.hold(hit)]
        self.hits = found
        self.starts = [hit.start for hit in found]
        self.cues = [vocabulary.cues[hit.key] for hit in found]
        self.figure_at = {start: index for index, (start, _) in enumerate(self.figures)}
        self.own: list[tuple[int, ...]] = []
        self.owner: dict[int, int] = {}  # hit -> the figure it is an own cue of
        trailing: tuple[int, ...] = ()
        for index, span in enumerate(self.figures):
            own, trailing = self._own(places[span].clause, index, trailing)
            self.own.append(own)
            self.owner.update((i, index) for i in own)

    def _range(self, left: int, right: int) -> range:
        """Indices of the hits inside ``[left, right)``."""
        low, high = bisect_left(self.starts, left), bisect_left(self.starts, right)
        while high > low and self.hits[high - 1].end > right:
            high -= 1
        return range(low, high)

    def _own(self, clause: Span, index: int, taken: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The cues of figure ``index`` (before it in its ``clause``, in its own words such as "2.2
        million battery-electric cars", and right after it), and those after it alone; ``taken``
        are the cues after the figure before it."""
        start, end = self.figures[index]
        near = bisect_left(self.starts, start - REACH)
        if near == len(self.starts) or self.starts[near] > end + TAIL:
            return (), ()  # no cue near the figure: most figures
        left, right = clause
        if index and left < self.figures[index - 1][1] <= start:
            left = self.figures[index - 1][1]
        else:
            taken = ()
        if index + 1 < len(self.figures) and self.figures[index + 1][0] < right:
            right = max(end, self.figures[index + 1][0])
        leading = tuple(i for i in self._range(max(left, start - REACH), end) if i not in taken)
        named = {cue.dimension for i in leading for cue in self.cues[i]}
        trailing = tuple(i for i in self._range(end, right) if self.hits[i].start <= end + TAIL
                         and not named & {cue.dimension for cue in self.cues[i]})
        return leading + trailing, trailing

    def _labels(self, hits: Iterable[int], dimension: str, entity: str | None) -> set[str]:
        """The labels ``hits`` give in ``dimension``; a place that is the figure's entity, or a part
        that is all of it (BEV for a maker of BEVs only), gives ``ITSELF`` (it governs, restricting
        nothing), which yields to any other label."""
        whole = self.vocabulary.all_of.get(entity or "", frozenset())
        labels = {ITSELF if entity in cue.entities or cue.label in whole else cue.label
                  for i in hits for cue in self.cues[i] if cue.dimension == dimension}
        return labels - {ITSELF} if len(labels) > 1 else labels

    def scope(self, place: Place, entity: str | None) -> str | None:
        """The scope of the figure at ``place`` whose entity is ``entity``: a label, "whole", or None."""
        low, high = place.sentence
        near = bisect_left(self.starts, low)
        if near == len(self.starts) or self.starts[near] >= high:
            return WHOLE  # no cue in the sentence
        index = self.figure_at.get(place.start)
        own = self.own[index] if index is not None else ()
        chosen: dict[str, str] = {}
        for dimension in SCOPE_DIMENSIONS:
            labels = self._labels(own, dimension, entity) or self._inherited(place, own, dimension, entity)
            if len(labels) > 1:
                return None  # two scopes compete
            if labels:
                label = labels.pop()
                chosen[dimension] = "" if label == ITSELF else label
        if chosen.get("region") in self.vocabulary.relative and entity in self.vocabulary.homes:
            chosen["region"] = self.vocabulary.homes[entity]  # 国内市场 of a Chinese entity: China
        if chosen:
            return JOIN.join(label for label in chosen.values() if label) or WHOLE
        return None if self._open_after(place, entity) else WHOLE

    def _inherited(self, place: Place, own: tuple[int, ...], dimension: str, entity: str | None) -> set[str]:
        """The label of the nearest cue of ``dimension`` before the figure in its sentence, with
        any other one beside it: among the cues of the figure it belongs to, or else among those
        between the figures around it."""
        floor = max(place.sentence[0], place.start - REACH)
        for i in reversed(self._range(floor, place.start)):
            if i in own or not self._labels((i,), dimension, entity):
                continue
            if i in self.owner:
                return self._labels(self.own[self.owner[i]], dimension, entity)
            hit = self.hits[i]
            before = bisect_left(self.figures, (hit.start,)) - 1
            after = bisect_left(self.figures, (hit.end,))
            low = max(floor, self.figures[before][1]) if before >= 0 else floor
            high = min(place.start, self.figures[after][0]) if after < len(self.figures) else place.start
            return self._labels(self._range(low, high), dimension, entity)
        return set()

    def _open_after(self, place: Place, entity: str | None) -> bool:
        """Whether a cue after the figure in its sentence leaves its scope open: one that is not
        behind a subset word (其中, of which) opening a part of this figure's total."""
        right = min(place.sentence[1], place.end + REACH)
        subset = bisect_left(self.subsets, place.end)
        opens = self.subsets[subset] if subset < len(self.subsets) else right
        return any(self.hits[i].start < opens for i in self._range(place.end, right)
                   if any(self._labels((i,), dimension, entity) - {ITSELF} for dimension in SCOPE_DIMENSIONS))


class _Names:
    """Names that hold a cue or that a cue describes: entity mentions and cited sources (a
    place mention only holds cues; the others are the actors a cue may describe; a market named
    whole holds none)."""

    def __init__(self, text: str, mentions: Sequence[Mention], names: Sequence[Span],
                 describers: tuple[str, ...], figure_ends: set[int]) -> None:
        self.text = text
        self.figure_ends = figure_ends
        named = [m for m in mentions if m.kind not in POINTERS]
        # a market named whole ("全球动力电池市场") names its segment and region: its words stay cues
        holding = [m for m in named if m.kind != "market"]
        self.spans = sorted([*names, *((m.start, m.end) for m in holding)])
        self.starts = [left for left, _ in self.spans]
        self.places = {(m.start, m.end) for m in named if m.kind == "place"}
        self.actors = sorted({*(m.start for m in named if m.kind != "place"), *(left for left, _ in names)})
        self.describers = describers

    def hold(self, hit: Hit) -> bool:
        return self._inside(hit) or self._describes(hit)

    def _inside(self, hit: Hit) -> bool:
        """A longer name holds the cue: 中国 in 中国移动, European in European Central Bank."""
        low, high = bisect_left(self.starts, hit.start - LONGEST_NAME), bisect_left(self.starts, hit.end)
        return any(right > hit.start and (left < hit.start or right > hit.end)
                   for left, right in self.spans[low:high])

    def _describes(self, hit: Hit) -> bool:
        """The cue describes the company (or person) named right after it, not where or what a
        figure counts: a place before the name ("Japan's Toyota", "美国福特"), or any cue before a
        describing noun and the name ("US carmaker Ford", "家电巨头美的")."""
        if hit.start in self.figure_ends or hit.start - 1 in self.figure_ends:
            return False  # what a figure counts ("交付40万辆电动车的日本车企"), whatever follows
        index = bisect_left(self.actors, hit.end)
        if index == len(self.actors) or self.actors[index] - hit.end > DESCRIBER_REACH:
            return False
        gap = self.text[hit.end:self.actors[index]]
        if _BREAK.search(gap):
            return False
        bare = gap.strip().removesuffix("的").removeprefix("'s").removeprefix("’s").strip()
        return (not bare and (hit.start, hit.end) in self.places) or bare.casefold().endswith(self.describers)
