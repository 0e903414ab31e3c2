"""Which quantity a figure measures: its ``attribute`` (revenue, net profit, deaths, market share).

Cue words are data (claims/data/attributes/, compiled by ``measure_cues``), found once per
document and looked up per figure by bisect, nearest first: before the figure in its clause, in
the figure as written ("tripled", "5,000 employees"), after it in the clause, then before it in
the sentence. A measure only fits figures in one of its ``units``. A change word (增长, fell, 占)
makes the figure a change or share of the measure named nearest to that word: "营收同比增长23%" is
``revenue growth``, "降息25个基点" ``interest rate cut``; after 至/to it is the level reached
("降至4%" is ``interest rate``). With no cue near, the clause names the measure (``head_nouns``):
the noun a count counts, or the noun phrase before the verb; then the unit's default measure
(FLOPS: compute); else None, which never accuses. ``{precision}`` and ``{sparsity}`` in a name
are filled from the ``[slots]`` cues of the sentence (FP16, 稀疏) and vanish when there are none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import chain

from ..clauses import sentence_bounds
from ..document import Place
from ..lexicon import Lexicon
from ..literals import Hit, find_in, fold
from ..numbers.head_counts import state_after
from ..vocab import alternation, words
from .head_nouns import counted_noun, subject_noun
from .measure_cues import RELATIVE_UNITS, Change, Measure, measure_cues

REACH = 400  # characters around a figure searched for cue words in a run-on sentence
BASE_REACH = 80  # characters before a change word searched for the measure that changed
SHARE_UNITS = frozenset({"percent", "permille"})
_CJK = re.compile(r"[\u3400-\u9fff]")
_SKIP = ""  # a change word that does not fit the figure: look further


@cache
def _gaps() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Level markers (增长至 right after the word; rose ... to anywhere before the figure) and the
    words allowed before a change's own amount."""
    markers = words("measure_grammar", "change.level_markers")
    cjk = alternation([word for word in markers if _CJK.match(word)])
    latin = alternation([word for word in markers if not _CJK.match(word)])
    amount = alternation(words("measure_grammar", "change.amount_gap"))
    return (re.compile(rf"^\s*(?:{cjk})|(?<![A-Za-z])(?:{latin})(?![A-Za-z])", re.IGNORECASE),
            re.compile(rf"^\s*(?:(?:{amount})\s*)*$", re.IGNORECASE))


class AttributeFinder:
    """The attributes of one article's figures (cue words found once, looked up per figure).
    ``figures`` (``(start, end, unit)`` of every figure) tells which unit an ambiguous measure
    word has nearby ("sales rose 5% to 93 trillion won" is revenue, "... to 2 million cars" sales)."""

    def __init__(self, text: str, lexicon: Lexicon, figures: Sequence[tuple[int, int, str]] = ()) -> None:
        self.text = text
        self.cues = measure_cues(lexicon)
        folded = fold(text)
        sentences = [sentence_bounds(text, start, end) for start, end, _ in figures]  # where cues can matter
        self.hits = find_in(self.cues.index, text, sentences, folded)
        self.starts = [hit.start for hit in self.hits]
        self.slot_hits = {slot: (index.find(text, folded), table) for slot, (index, table) in self.cues.slots.items()}
        self.slot_starts = {slot: [hit.start for hit in hits] for slot, (hits, _) in self.slot_hits.items()}
        self.anchors = sorted((start, unit) for start, _, unit in figures if unit not in RELATIVE_UNITS)
        self.anchor_starts = [start for start, _ in self.anchors]
        self.levels: list[tuple[int, Measure]] = []  # figures read so far whose measure is a level
        self.shares: list[tuple[int, str]] = []  # figures read so far that are a share of a measure

    def _window(self, left: int, right: int) -> Iterator[Hit]:
        """The hits inside ``[left, right)`` in text order, read only as far as a caller goes (a
        clause of a flattened table holds thousands)."""
        index = bisect_left(self.starts, left)
        while index < len(self.hits) and self.hits[index].start < right:
            if self.hits[index].end <= right:
                yield self.hits[index]
            index += 1

    def _window_back(self, left: int, right: int) -> Iterator[Hit]:
        """The hits of ``_window(left, right)``, nearest ``right`` first."""
        index = bisect_left(self.starts, right) - 1
        while index >= 0 and self.hits[index].start >= left:
            if self.hits[index].end <= right:
                yield self.hits[index]
            index -= 1

    def _fill(self, name: str, place: Place) -> str:
        """Fill slots from the cue nearest the figure: in its clause first, then its sentence."""
        start, end = place.start, place.end
        for slot, (hits, table) in self.slot_hits.items():
            if "{" + slot + "}" in name:
                label = ""
                starts = self.slot_starts[slot]
                for left, right in (place.clause, place.sentence):
                    low, high = max(left, start - REACH), min(right, end + REACH)
                    near = hits[bisect_left(starts, low):bisect_left(starts, high)]
                    if near:
                        label = table[min(near, key=lambda hit: abs(hit.start - start)).key]
                        break
                name = name.replace("{" + slot + "}", label)
        return " ".join(name.split())

    def _anchor_unit(self, at: int, place: Place) -> str | None:
        """The unit of the non-relative figure nearest ``at`` in the figure's sentence."""
        index = bisect_left(self.anchor_starts, at)
        near = [self.anchors[i] for i in (index - 1, index) if 0 <= i < len(self.anchors)
                and place.sentence[0] <= self.anchors[i][0] < place.sentence[1]]
        return min(near, key=lambda anchor: abs(anchor[0] - at))[1] if near else None

    def _measure(self, hit: Hit, unit: str | None) -> Measure | None:
        """The measure a cue names, preferring one that fits ``unit`` (later layers first)."""
        measures = [cue for cue in reversed(self.cues.by_cue[hit.key]) if isinstance(cue, Measure)]
        return next((cue for cue in measures if unit is not None and cue.fits(unit)), None) or (
            measures[0] if measures else None)

    def _base(self, change: Hit, place: Place, share: bool) -> Measure | None:
        """The measure a change word is about: named nearest before it in the sentence, or after it
        in the clause (a share names its whole after 占: 占营业利润的80%)."""
        before = self._window_back(max(place.sentence[0], change.start - BASE_REACH), change.start)
        after = self._window(change.end, max(place.end, place.clause[1]))
        unit = self._anchor_unit(change.start, place)
        for hit in chain(after, before) if share else chain(before, after):
            if hit is not change and (measure := self._measure(hit, unit)) is not None:
                return measure
        earlier = [measure for start, measure in self.levels[-3:] if place.sentence[0] <= start < change.start]
        return earlier[-1] if earlier else None

    def _change(self, change: Change, hit: Hit, place: Place, unit: str | None) -> str | None:
        """The measure of a figure whose nearest cue is a change word: the change of the measure
        it is about, that measure's level (after 至/to), ``_SKIP`` when the word is not the
        figure's, or None when what changed cannot be told."""
        relative = unit is None or unit in (SHARE_UNITS if change.direction == "share" else RELATIVE_UNITS)
        if change.units is not None and unit not in change.units and not relative:
            return _SKIP
        level_marker, amount_gap = _gaps()
        gap = self.text[hit.end:place.start] if hit.end <= place.start else None
        level = gap is not None and level_marker.search(gap) is not None
        if not relative and not level and (gap is None or not amount_gap.match(gap)):
            return _SKIP
        share = change.direction == "share"
        base = self.cues.by_name.get(change.base) if change.base else self._base(hit, place, share)
        if level:
            return self._fill(base.name, place) if base is not None and base.fits(unit) else _SKIP
        if change.direction == "share" and (base is None or hit.end <= place.start and not self._between(hit, place)):
            parallel = [name for start, name in self.shares[-3:] if place.sentence[0] <= start < place.start]
            if parallel:  # "3奈米佔營收的24%，5奈米佔36%": the same whole as the share before
                return parallel[-1]
        if base is not None:
            return self._fill(base.changes.get(change.direction, base.name), place)
        noun = subject_noun(self.text, place.clause[0] if hit.start >= place.clause[0] else place.sentence[0],
                            hit.start, verb_given=True)
        if noun is None or (_CJK.match(noun) and hit.end - hit.start < 2):
            return None  # a one-character change word (降, 涨) is too loose to name a noun
        return noun + self.text[hit.start:hit.end] if _CJK.match(noun) else f"{noun} {change.name}"

    def _between(self, hit: Hit, place: Place) -> bool:
        """Whether a measure is named between a share word and its figure (占营业利润的80%)."""
        return any(self._measure(other, None) for other in self._window(hit.end, place.start))

    def _cue_windows(self, place: Place) -> Iterator[Iterator[Hit] | None]:
        """Hits nearest first; None marks where the counted noun is tried."""
        (clause_left, clause_right), (sentence_left, _) = place.clause, place.sentence
        if (state_end := state_after(self.text, place.end)) is not None:
            yield self._window(place.end, state_end)  # "341 still missing", "4,715 people injured"
        yield self._window_back(clause_left, place.start)
        yield self._window(place.start, place.end)
        yield self._window(place.end, clause_right)
        cjk = _CJK.match(self.text, max(0, place.end - 1)) is not None
        if cjk:
            yield None
        yield self._window_back(max(sentence_left, place.start - REACH), clause_left)
        if not cjk:
            yield None

    def attribute(self, place: Place, unit: str | None) -> str | None:
        """The attribute of the figure at ``place``, or None (``unit=None``: any attribute fits,
        as for the compared quantity of a ratio). Figures are read in text order."""
        found = self._read(place, unit)
        if isinstance(found, Measure):
            self.levels.append((place.start, found))
            return self._fill(found.name, place)
        if found is not None and found.endswith(" share"):
            self.shares.append((place.start, found))
        return found

    def _read(self, place: Place, unit: str | None) -> Measure | str | None:
        for window in self._cue_windows(place):
            if window is None:
                if unit == "count" and (noun := counted_noun(self.text, place.start, place.end)):
                    return noun
                continue
            for hit in window:
                for cue in reversed(self.cues.by_cue[hit.key]):
                    if isinstance(cue, Measure):
                        if cue.fits(unit):
                            return cue
                    elif (name := self._change(cue, hit, place, unit)) != _SKIP:
                        return name
        if unit is not None and unit in self.cues.defaults:
            return self.cues.defaults[unit]
        return subject_noun(self.text, place.clause[0], place.start)
