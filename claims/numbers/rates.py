"""Rates in text: the denominator written around a figure, or named near it.

- a tail after the figure's unit: ``0.58元/千瓦时``, ``$82 a barrel``, ``2.8 doctors per 1,000 people``;
- a 每-prefix right before the figure: ``每平方米6.5万元``, ``每万人口32人``;
- a rate cue apart from the figure, in its clause (``人均可支配收入4.1万元``, ``月薪2.5万元``,
  ``GDP per capita reached $12,600``, ``每万人口拥有医生32人``): the unit only, the text stays.

Each is returned as a pint expression dividing the figure's unit: ``/(10000 * person)``.
Written denominators, per words and scales: units/data/surface_forms.toml ``[rate]``;
rate cues: claims/data/unit_context.toml ``[rate_cues]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from factrecon.units import is_currency, surface_forms

from ..clauses import clause_bounds, sentence_bounds
from ..vocab import alternation, first_chars, load
from .units_attach import UnitMatch

PREFIX_REACH = 16  # characters before a figure searched for a 每-prefix


@dataclass(frozen=True, slots=True)
class _Patterns:
    tail: re.Pattern[str]
    prefix: re.Pattern[str]
    phrase: re.Pattern[str]       # a per word and denominator anywhere: 每万人口, per capita
    cues: re.Pattern[str]
    cue_units: dict[str, str]     # folded cue word -> denominator expression ("" for a not-word)
    not_after: re.Pattern[str]
    scaled_per: frozenset[str]
    max_gap: int


def _per_words(words: tuple[str, ...]) -> str:
    """Per words as a regex: Latin ones stand between spaces, others may touch ("元/吨", "每吨")."""
    latin = [word for word in words if word.isascii() and word.isalpha()]
    other = [word for word in words if word not in latin]
    parts = [rf"\s+(?:{alternation(latin)})\s+"] if latin else []
    parts += [rf"\s*(?:{alternation(other)})\s*"] if other else []
    return "|".join(parts)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    forms = surface_forms().rate
    scale = (rf"(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+)\s*)?"
             rf"(?:(?P<scale>{alternation(list(forms.scales))})\s*)?")
    denominator = rf"(?P<den>{alternation(list(forms.written))})(?![A-Za-z])"
    cues = load("unit_context")["rate_cues"]
    cue_units = {word.lower(): expression for expression, words in cues["words"].items() for word in words}
    cue_units.update({word.lower(): "" for word in cues["not_words"]})
    context_per = [word for word in forms.prefix_per + forms.scaled_per if word != "/"]
    latin_per = alternation([word for word in context_per if word.isascii()])
    other_per = alternation([word for word in context_per if not word.isascii()])
    phrase_start = first_chars(context_per) if latin_per and other_per else ""  # an empty side matches anywhere
    return _Patterns(
        tail=re.compile(rf"(?P<per>{_per_words(forms.per)}){scale}{denominator}", re.IGNORECASE),
        prefix=re.compile(rf"{first_chars(forms.prefix_per)}(?:{alternation(list(forms.prefix_per))})\s*{scale}"
                          rf"{denominator}\s*$", re.IGNORECASE),
        phrase=re.compile(rf"{phrase_start}(?:(?<![A-Za-z])(?:{latin_per})\s+|(?:{other_per})\s*){scale}{denominator}",
                          re.IGNORECASE),
        cues=re.compile(first_chars(list(cue_units)) + f"(?:{alternation(list(cue_units))})", re.IGNORECASE),
        cue_units=cue_units,
        not_after=re.compile(rf"\s+(?:{alternation(list(forms.not_after))})(?![A-Za-z])", re.IGNORECASE),
        scaled_per=frozenset(word.lower() for word in forms.scaled_per),
        max_gap=int(cues["max_gap"]),
    )


def _expression(match: re.Match[str]) -> str:
    """``/(<scale> * <denominator>)`` for a matched denominator with its scale."""
    forms = surface_forms().rate
    written = match.group("den")
    unit = forms.written.get(written) or next(
        expression for form, expression in forms.written.items() if form.lower() == written.lower())
    scale = Decimal(match.group("digits").replace(",", "")) if match.group("digits") else Decimal(1)
    if match.group("scale"):
        scale *= next(value for word, value in forms.scales.items() if word.lower() == match.group("scale").lower())
    return f"/({scale} * {unit})" if scale != 1 else f"/{unit}"


def _unit_here(text: str, match: re.Match[str]) -> bool:
    """A denominator that is a unit only near cue words (度) has one in its sentence, and no blocker."""
    entry = surface_forms().contextual.get(match.group("den"))
    if entry is None:
        return True
    left, right = sentence_bounds(text, match.start(), match.end())
    sentence = text[left:right]
    return any(cue in sentence for cue in entry.cues) and not any(word in sentence for word in entry.blockers)


def _scaled(match: re.Match[str]) -> bool:
    return bool(match.group("digits") or match.group("scale"))


def tail_at(text: str, end: int) -> UnitMatch | None:
    """A denominator written after a figure's unit ending at ``end``: ``/千瓦时``, `` a barrel``."""
    patterns = _patterns()
    match = patterns.tail.match(text, end)
    if match is None or patterns.not_after.match(text, match.end()) or not _unit_here(text, match):
        return None
    if _scaled(match) and match.group("per").strip().lower() not in patterns.scaled_per:
        return None  # "a 1,000 people" is no rate
    return UnitMatch(match.start(), match.end(), _expression(match))


def prefix_before(text: str, start: int) -> UnitMatch | None:
    """A 每-prefix right before a figure starting at ``start``: ``每平方米``, ``每万人口``."""
    left = max(0, start - PREFIX_REACH)
    match = _patterns().prefix.search(text, left, start)
    if match is None or not _unit_here(text, match):
        return None
    return UnitMatch(match.start(), start, _expression(match))


def context_before(text: str, start: int, unit: str) -> str | None:
    """The denominator a rate cue near the figure at ``start`` gives a money amount or a count:
    the last cue word or per phrase in its clause, at most ``max_gap`` characters before it."""
    if unit != "count" and not is_currency(unit):
        return None
    patterns = _patterns()
    left, _ = clause_bounds(text, start, start + 1)
    window = max(left, start - patterns.max_gap - PREFIX_REACH)
    found: list[tuple[int, str]] = []
    cues = [(match.start(), match.end(), patterns.cue_units[match.group().lower()])
            for match in patterns.cues.finditer(text, window, start)]  # read once: cue words and not-words
    not_words = [(left, right) for left, right, expression in cues if not expression]
    for match in patterns.phrase.finditer(text, window, start):
        if _unit_here(text, match) and not any(left <= match.start() < right for left, right in not_words):
            found.append((match.end(), _expression(match)))
    found += [(right, expression) for _, right, expression in cues if expression]
    near = [(end, expression) for end, expression in found if start - end <= patterns.max_gap]
    return max(near)[1] if near else None


def phrase_spans(text: str) -> list[tuple[int, int]]:
    """Spans of scaled per phrases (``每万人口``, ``per 1,000 people``): their digits are no figure."""
    return [match.span() for match in _patterns().phrase.finditer(text) if _scaled(match)]
