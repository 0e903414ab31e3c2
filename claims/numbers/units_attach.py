"""Find the unit written around a number: ``141GB``, ``每秒4.8TB``, ``HK$263 a share``, ``16896个``.

Written forms come from ``factrecon.units`` (surface_forms.toml); this module only matches them
in normalised text.  A match is reported as the written span and a pint expression, which
``factrecon.units.conversion`` turns into a factor and a canonical unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factrecon.units import conversion, surface_forms

from ..clauses import sentence_bounds
from ..vocab import alternation, first_chars

_LATIN = re.compile(r"[A-Za-z]")
# English counted nouns may follow a number after up to three describing words, names and quoted
# words among them ("1.64 million battery-electric vehicles", "19 FOMC members", "two 'no' votes");
# any plural noun right after a number counts too ("40 dealers"), but not the few -s words that
# are no nouns. Neither a function word nor a per word of a rate ("7,500 per vehicle") describes;
# surface_forms.toml [not_counters] lists nouns that count nothing ("38 degrees").
_FUNCTION_WORDS = ("a|an|the|of|in|on|at|to|for|by|and|or|with|from|as|than|that|which|who|is|was|are|were|be|"
                   "been|has|have|had|will|would|its|their|his|her|each|every|this|these|those|more than")
_DESCRIBING_WORD = r"[\"“”‘’']?[A-Za-z][A-Za-z\-]*[\"“”‘’']?\s"
_NOT_NOUNS = "is|was|has|as|us|this|its|thus|plus|less|versus|across|yes|his|does|goes"


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit written at ``[start, end)`` of the normalised text, as a pint expression."""

    start: int
    end: int
    expression: str
    generic_currency: bool = False


@dataclass(frozen=True, slots=True)
class _Patterns:
    symbols: re.Pattern[str]
    words: re.Pattern[str]
    counters_en: re.Pattern[str]
    plural_noun: re.Pattern[str]
    prefixes: dict[str, str]
    prefix_lengths: tuple[int, ...]
    expressions: dict[str, str]
    folded: dict[str, str]  # lower-cased word forms


def _is_word(form: str) -> bool:
    return form.isascii() and form.lower() == form and any(ch.isalpha() for ch in form)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    forms = surface_forms()
    expressions = {form: expr for form, expr in forms.suffix.items()}
    expressions.update(forms.generic_currency)
    zh_counters = [word for word in forms.counters if not word.isascii()]
    en_counters = [word for word in forms.counters if word.isascii()]
    for word in zh_counters:
        expressions.setdefault(word, "count")
    symbols = [form for form in expressions if not _is_word(form)]
    words = [form for form in expressions if _is_word(form)]
    per_words = alternation([word for word in forms.rate.per if word.isascii() and word.isalpha()])
    describing = rf"(?:(?!(?:{_FUNCTION_WORDS}|{per_words})\b){_DESCRIBING_WORD}){{0,3}}?"
    not_nouns = alternation(list(forms.not_counters)) + "|" + _NOT_NOUNS
    return _Patterns(
        symbols=re.compile(rf" ?{first_chars(symbols)}(?:{alternation(symbols)})"),
        words=re.compile(rf"[ -]?{first_chars(words)}(?:{alternation(words)})(?![A-Za-z])", re.IGNORECASE),
        counters_en=re.compile(rf" {describing}(?:{alternation(en_counters)})(?![A-Za-z])"),
        plural_noun=re.compile(rf" (?!(?:{not_nouns})\b)[a-z]{{2,}}s(?![A-Za-z])"),
        prefixes=dict(forms.prefix),
        prefix_lengths=tuple(sorted({len(form) for form in forms.prefix}, reverse=True)),
        expressions=expressions,
        folded={form.lower(): expressions[form] for form in words},
    )


def convertible(expression: str) -> bool:
    """Whether ``expression`` has a canonical unit: ``token`` alone has none (``每秒…token`` has)."""
    try:
        conversion(expression)
    except ValueError:
        return False
    return True


def suffix_at(text: str, end: int) -> UnitMatch | None:
    """The longest unit written right after a number ending at ``end``."""
    patterns = _patterns()
    best: re.Match[str] | None = None
    for pattern in (patterns.symbols, patterns.words):
        match = pattern.match(text, end)
        if match and (best is None or match.end() > best.end()):
            best = match
    if best is not None and not (_LATIN.match(best.group()[-1:]) and _LATIN.match(text[best.end():best.end() + 1])):
        # (a Latin symbol glued to more letters is a name, not a unit: "7nmX")
        form = best.group().lstrip(" ")
        expression = patterns.expressions.get(form) or patterns.folded.get(form.lower())
        if expression is None:  # "50-bp": the hyphen joins, it is not part of the unit
            form = form[1:]
            expression = patterns.expressions.get(form) or patterns.folded[form.lower()]
        generic = form in surface_forms().generic_currency
        return UnitMatch(best.end() - len(form), best.end(), expression, generic)
    counter = patterns.counters_en.match(text, end) or patterns.plural_noun.match(text, end)
    if counter:
        return UnitMatch(counter.start() + 1, counter.end(), "count")
    return None


def prefix_before(text: str, start: int) -> UnitMatch | None:
    """The longest unit written right before a number starting at ``start`` ("$", "HK$", "每秒")."""
    patterns = _patterns()
    for gap in (0, 1):
        if gap and text[start - 1:start] != " ":
            break
        stop = start - gap
        for length in patterns.prefix_lengths:
            form = text[stop - length:stop] if stop - length >= 0 else ""
            if form in patterns.prefixes:
                if _LATIN.match(form[:1]) and _LATIN.match(text[stop - length - 1:stop - length]):
                    continue
                return UnitMatch(stop - length, stop, patterns.prefixes[form])
    return None


def contextual_at(text: str, start: int, end: int) -> UnitMatch | None:
    """A bare symbol that is a unit only near its cue words (and none of its blockers): ``1979T``
    beside 算力 is TFLOPS, ``1200度`` beside 用电量 kWh, ``30度`` beside 气温 nothing."""
    for form, entry in surface_forms().contextual.items():
        stop = end + len(form)
        if text[end:stop] == form and not _LATIN.match(text[stop:stop + 1]):
            left, right = sentence_bounds(text, start, end)
            sentence = text[left:right]
            if any(cue in sentence for cue in entry.cues) and not any(word in sentence for word in entry.blockers):
                return UnitMatch(end, stop, entry.unit)
    return None
