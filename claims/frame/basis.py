"""The ``basis`` of a figure: what it is measured against. ``level`` for a figure that is no
change; ``YoY``, ``QoQ``, ``MoM`` for a change against the year, quarter or month before;
``cumulative`` and ``annualised``; ``as of 2025-12-10`` for a running figure; None = unknown.

A figure is a change by the words around it ("增长8%", "rose 5%", "a 5% increase", "cut by 25
basis points") or by its measure ("growth"); a change takes the basis word nearest it, else YoY
when its period is a whole year. Words and the full rules: claims/data/basis.toml.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from ..document import Document, Place
from ..literals import Hit
from ..vocab import load
from .cues import Cues, CueTable
from .periods import Times

GROWTH = frozenset({"YoY", "QoQ", "MoM", "sequential"})
AS_OF = frozenset({"as_of", "as_of_now"})
CHANGE = frozenset({"verb", "noun"})
COUNTS = frozenset({"count"})  # a change word after a count is what it counts ("两次降息", "500 job cuts")
ADJACENT = 3      # characters between a figure and a word right next to it ("5% increase", "年增5%")
VERB_REACH = 12   # characters between a change verb and its figure ("rose an annual 5%")
VERB_CJK = 3      # of them at most this many Chinese characters ("增长了约8%")
NOUN_REACH = 16   # characters between a change noun and its figure ("revenue growth slowed to 5%")
AS_OF_REACH = 20  # characters after an as-of word in which its date is written
_CJK = re.compile(r"[\u3400-\u9fff]")
_DIGIT = re.compile(r"[0-9]")
_JOIN = re.compile(r"[\s\-]*")
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}$")
_YEAR = re.compile(r"[0-9]{4}$")


@dataclass(frozen=True, slots=True)
class _Table:
    cues: CueTable
    measures: frozenset[str]


@cache
def _table(lang: str) -> _Table:
    data = load("basis")
    groups: dict[str, list[str]] = {kind: list(words) for kind, words in data["cues"].items()}
    for kind, words in data.get("cues_by_lang", {}).get(lang, {}).items():
        groups.setdefault(kind, []).extend(words)
    change = data["change"]
    groups |= {"none": data["not_cues"]["words"], "verb": change["verbs"], "noun": change["nouns"],
               "to": change["to"], "by": change["by"]}
    return _Table(CueTable.build("basis", groups), frozenset(word.lower() for word in change["measures"]))


class BasisFinder:
    """The bases of one article's figures (cue words found once, looked up per figure)."""

    def __init__(self, doc: Document, times: Times) -> None:
        table = _table(doc.lang)
        self.doc = doc
        self.text = doc.text
        self.times = times
        self.measures = table.measures
        self.cues = Cues(table.cues, doc.text)
        # the kinds looked for across a clause or a sentence, each searched on its own
        self.growth = self._of_kinds(GROWTH)
        self.as_of = self._of_kinds(AS_OF)
        self.verbs = self.cues.subset(self._is_verb)
        self.totals = {kind: self._of_kinds(frozenset({kind})) for kind in ("cumulative", "annualised")}

    def basis(self, place: Place, unit: str, attribute: str | None, period: tuple[str, bool] | None) -> str | None:
        """The basis of the figure at ``place``, in ``unit``, whose measure is ``attribute`` and
        whose period is ``period`` (label, year inferred)."""
        label = period[0] if period else None
        clause = self._in_clause(place)
        if "annualised" in clause:
            return "annualised"
        as_of = self._as_of(place)  # "" for an as-of word whose date cannot be told: unknown
        if not self._is_change(place, unit, attribute):
            return (as_of or None) if as_of is not None else clause.get("cumulative", "level")
        growth = self._adjacent_growth(place) or clause.get("growth") or self._sentence_growth(place)
        if growth:
            return _resolved(growth, label)
        if as_of is not None:
            return as_of or None
        if "cumulative" in clause:
            return "cumulative"
        return "YoY" if label and _YEAR.match(label) else None

    def _of_kinds(self, kinds: frozenset[str]) -> Cues:
        return self.cues.subset(lambda hit: self._kind(hit) in kinds)

    def _kind(self, hit: Hit) -> str:
        return self.cues.kind(hit)

    def _is_change(self, place: Place, unit: str, attribute: str | None) -> bool:
        if any(self._kind(hit) == "verb" for hit in self.cues.after(place.start, place.end)):
            return True  # "tripled", "翻倍"
        left = place.clause[0]
        first = next(self.cues.before(place.start, left), None)
        if first and self._kind(first) == "to" and place.start - first.end <= ADJACENT:
            # right after 从/至/from/to: a level, unless a change noun says it measures a change
            for hit in self.cues.before(place.start, left):
                if place.start - hit.end > NOUN_REACH:
                    return False
                if self._kind(hit) == "noun":
                    return True
            return False
        if attribute and self.measures.intersection(attribute.lower().split()):
            return True
        if unit not in COUNTS:
            for hit in self.cues.after(place.end, place.clause[1]):
                if self._kind(hit) in CHANGE and hit.start - place.end <= ADJACENT \
                        and _JOIN.fullmatch(self.text, place.end, hit.start):
                    return True
                break
        seen_to = by_close = False
        verdict: bool | None = None
        for hit in self.cues.before(place.start, left):
            kind, gap = self._kind(hit), place.start - hit.end
            if gap > NOUN_REACH:
                # too far for a noun or for a verb to be near: a verb from here on gives by_close
                return verdict if verdict is not None else \
                    by_close and next(self.verbs.before(hit.end, left), None) is not None
            if kind == "by" and gap <= ADJACENT:
                by_close = True
            elif kind == "to":
                seen_to = True
            elif kind == "noun":
                return True
            elif self._is_verb(hit) and verdict is None:
                verdict = by_close or (not seen_to and self._near(hit.end, place.start))
        return bool(verdict)

    def _is_verb(self, hit: Hit) -> bool:
        """A change verb, or a basis word that is one too."""
        kind = self._kind(hit)
        return kind == "verb" or kind in GROWTH and self._ends_in_verb(hit)

    def _ends_in_verb(self, hit: Hit) -> bool:
        """A basis word that is a change verb too: 年增 (up on the year), 季减."""
        return any(self.cues.kinds.get(hit.key[cut:]) == "verb" for cut in range(1, len(hit.key)))

    def _near(self, left: int, right: int) -> bool:
        gap = self.text[left:right]
        return len(gap) <= VERB_REACH and len(_CJK.findall(gap)) <= VERB_CJK and not _DIGIT.search(gap)

    def _in_clause(self, place: Place) -> dict[str, str]:
        """Basis words of the figure's clause: the nearest growth word (before it, else after it),
        and whether cumulative or annualised words stand there."""
        found: dict[str, str] = {}
        left, right = place.clause
        growth = next(self.growth.before(place.start, left), None) or next(self.growth.after(place.end, right), None)
        if growth:
            found["growth"] = self._kind(growth)
        for kind, cues in self.totals.items():
            if next(cues.before(place.start, left), None) or next(cues.after(place.end, right), None):
                found[kind] = kind
        return found

    def _adjacent_growth(self, place: Place) -> str | None:
        """A growth word right after the figure ("rose 5% year on year", "2% q/q")."""
        for hit in self.cues.after(place.end, place.clause[1]):
            if self._kind(hit) in GROWTH and _JOIN.fullmatch(self.text, place.end, hit.start):
                return self._kind(hit)
            break
        return None

    def _sentence_growth(self, place: Place) -> str | None:
        """A growth word heading an earlier clause of the sentence ("与去年同期相比，...增长8%")."""
        hit = next(self.growth.before(place.clause[0], place.sentence[0]), None)
        return self._kind(hit) if hit else None

    def _as_of(self, place: Place) -> str | None:
        """"as of <date>" from an as-of word before the figure in its sentence, or after it in its
        clause ("1.2 million so far this year"); "" when the date cannot be told, None with no
        such word."""
        hit = next(self.as_of.before(place.start, place.sentence[0]), None) \
            or next(self.as_of.after(place.end, place.clause[1]), None)
        if hit is None or (self._kind(hit) == "as_of" and self._closes_a_period(hit)):
            return None
        when = self._date_after(hit) if self._kind(hit) == "as_of" else None
        if when is None and self.doc.date is not None:
            when = self.doc.date.isoformat()
        return f"as of {when}" if when else ""

    def _closes_a_period(self, hit: Hit) -> bool:
        """Whether the as-of word opens a period named by its last day ("截至6月30日止六个月"):
        the figure is a total over that period, not a stock at the day."""
        index = bisect_left(self.times.starts, hit.end)
        return index < len(self.times) and self.times[index].start - hit.end <= AS_OF_REACH \
            and not self.times[index].as_of

    def _date_after(self, hit: Hit) -> str | None:
        """The date written right after an as-of word ("截至12月10日"), as the period reader
        resolves it (its year from the article's date or context)."""
        index = bisect_left(self.times.starts, hit.end)
        if index >= len(self.times) or self.times[index].start - hit.end > AS_OF_REACH:
            return None
        found = self.times.choice(self.doc.date).resolved[index]
        return found.period.label if found is not None else None


def _resolved(kind: str, label: str | None) -> str:
    """A sequential change is month on month for a month, else quarter on quarter."""
    if kind != "sequential":
        return kind
    return "MoM" if label and _MONTH.match(label) else "QoQ"
