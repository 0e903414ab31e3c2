"""Which quantity a figure is: the ``attribute`` (memory bandwidth, market share ...).

Cue words are data (claims/data/attributes/): the cue nearest before the figure in its clause
wins, then one right after it in the clause ("141GB的HBM3e内存"), then the nearest before it in
the sentence; an attribute only fits figures in one of its ``units``. With no cue, the unit's
default attribute is used. ``{precision}`` and ``{sparsity}`` in a name are filled from the
``[slots]`` cues of the sentence (FP16, 稀疏) and vanish when the text gives none.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from ..document import Place
from ..lexicon import Lexicon, regional_variants
from ..literals import Hit, LiteralIndex, fold
from ..textmap import normalize

REACH = 400  # characters around a figure searched for cue words in a run-on sentence


@dataclass(frozen=True, slots=True)
class _Cues:
    index: LiteralIndex
    by_cue: dict[str, tuple[tuple[str, frozenset[str] | None], ...]]  # cue -> (name, units)
    defaults: dict[str, str]
    slots: dict[str, tuple[LiteralIndex, dict[str, str]]]


@cache
def _cues(lexicon: Lexicon) -> _Cues:
    by_cue: dict[str, list[tuple[str, frozenset[str] | None]]] = {}
    defaults: dict[str, str] = {}
    for entry in lexicon.attributes:
        units = frozenset(entry.lists["units"]) if "units" in entry.lists else None
        for cue in entry.lists.get("cues", []):
            for variant in regional_variants(normalize(cue).text):
                by_cue.setdefault(fold(variant), []).append((entry.name, units))
        if entry.fields.get("default"):
            for unit in units or ():
                defaults.setdefault(unit, entry.name)
    slots = {}
    for slot, labels in lexicon.slots.items():
        table = {fold(normalize(cue).text): label for label, cues in labels.items() for cue in cues}
        slots[slot] = (LiteralIndex(table), table)
    return _Cues(LiteralIndex(by_cue), {k: tuple(v) for k, v in by_cue.items()}, defaults, slots)


class AttributeFinder:
    """The attributes of one article's figures (cue words found once, looked up per figure)."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.cues = _cues(lexicon)
        folded = fold(text)
        self.hits = self.cues.index.find(text, folded)
        self.starts = [hit.start for hit in self.hits]
        self.slot_hits = {slot: (index.find(text, folded), table) for slot, (index, table) in self.cues.slots.items()}
        self.slot_starts = {slot: [hit.start for hit in hits] for slot, (hits, _) in self.slot_hits.items()}

    def _window(self, left: int, right: int) -> list[Hit]:
        return [hit for hit in self.hits[bisect_left(self.starts, left):bisect_left(self.starts, right)]
                if hit.end <= right]

    def _fitting(self, hit: Hit, unit: str | None) -> str | None:
        for name, units in reversed(self.cues.by_cue.get(hit.key, ())):  # later layers win (--vocab)
            if units is None or unit is None or unit in units:
                return name
        return None

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

    def attribute(self, place: Place, unit: str | None) -> str | None:
        """The attribute of the figure at ``place``, or None (``unit=None``: any attribute fits,
        as for the compared quantity of a ratio)."""
        start, end = place.start, place.end
        (clause_left, clause_right), (sentence_left, _) = place.clause, place.sentence
        windows = (
            reversed(self._window(clause_left, start)),
            self._window(end, clause_right),
            reversed(self._window(max(sentence_left, start - REACH), clause_left)),
        )
        for window in windows:
            for hit in window:
                if name := self._fitting(hit, unit):
                    return self._fill(name, place)
        default = self.cues.defaults.get(unit) if unit else None
        return self._fill(default, place) if default else None
