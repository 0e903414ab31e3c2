"""Exchange rates as one claim in a currency per another: ``CNY/USD`` is yuan per one US dollar.

Four ways news writes one, each read from words kept as data (claims/data/exchange_rates.toml):
a pair named before a figure (``人民币兑美元汇率升至7.07``, ``USD/CNY 7.1``, ``新台幣兌美元30.5元``),
a figure with "per" and a currency after it (``150 yen per dollar``), a currency that "buys" a
figure (``the dollar bought 150 yen``), and two amounts joined (``7.1元兑1美元``, see ``joined``).
Which currency is "per one" follows the market's order of base currencies (``bases``).

>>> rate_at("人民币兑美元汇率升至7.07附近", 10, 14, None)
RateMatch(start=10, end=14, unit='CNY/USD')
>>> rate_at("150 yen per dollar", 0, 3, "JPY", 7)
RateMatch(start=0, end=18, unit='JPY/USD')
>>> joined("7.1元兑1美元", "CNY", Decimal(7.1), 4, "USD", Decimal(1), 5) is not None
True
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from factrecon.units import conversion, is_currency, surface_forms

from ..clauses import sentence_bounds
from ..literals import LiteralIndex
from ..vocab import load, words
from .cue_words import CueWords, clause_start
from .numerals import Numeral
from .units_attach import UnitMatch, convertible

ROUND_SIDES = (Decimal(1), Decimal(100), Decimal(1000))  # the "one" of 1美元兑7.1元, 100日元兑4.7元
_DIGIT = re.compile(r"[0-9]")


@dataclass(frozen=True, slots=True)
class RateMatch:
    """An exchange rate written at ``[start, end)``: the figure with its currency words."""

    start: int
    end: int
    unit: str


@dataclass(frozen=True, slots=True)
class _Words:
    names: dict[str, str]          # folded name -> ISO code
    name: str                      # regex of any name (group-free)
    index: LiteralIndex            # every name, found once per text
    gap: re.Pattern[str]           # what joins two names into a pair (兑, /, rose 0.3% against the)
    connector: re.Pattern[str]     # between two amounts, whole
    per: re.Pattern[str]           # per-word then a name, right after a figure
    buys: re.Pattern[str]          # a name then a buys-word, right before a figure
    levels: CueWords
    between: CueWords
    bases: tuple[str, ...]


def _fold(name: str) -> str:
    return " ".join(name.lower().split())


def _alternation(forms: list[str] | tuple[str, ...] | set[str]) -> str:
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        part = re.escape(form).replace(r"\ ", r"\s+")
        if form[:1].isascii() and form[:1].isalpha():
            part = rf"(?<![A-Za-z]){part}"
        if form[-1:].isascii() and form[-1:].isalpha():
            part = rf"{part}(?![A-Za-z])"
        parts.append(part)
    return "|".join(parts)


@lru_cache(maxsize=1)
def _words() -> _Words:
    forms = surface_forms()
    names = {_fold(code): code for code in forms.canonical if "/" not in code and is_currency(code)}
    names.update({_fold(form): expr for form, expr in forms.suffix.items() if expr in names.values()})
    names.update({_fold(form): code for form, code in load("exchange_rates")["names"].items()})
    name = _alternation(list(names))
    connectors = _alternation(words("exchange_rates", "connectors"))
    after_verb = _alternation(words("exchange_rates", "verb_connectors"))
    return _Words(
        names=names, name=name,
        index=LiteralIndex(names),
        gap=re.compile(rf"\s*(?:{connectors})\s*|(?:\s+[^\s,;]+){{1,5}}?\s+(?:{after_verb})\s+", re.IGNORECASE),
        connector=re.compile(rf"\s*(?:{connectors})\s*", re.IGNORECASE),
        per=re.compile(rf"\s*(?:{_alternation(words('exchange_rates', 'per'))})\s+(?P<b>{name})", re.IGNORECASE),
        buys=re.compile(rf"(?P<b>{name})\s*(?:{_alternation(words('exchange_rates', 'buys'))})\s*$", re.IGNORECASE),
        levels=CueWords.of(words("exchange_rates", "levels")),
        between=CueWords.of(words("exchange_rates", "between")),
        bases=words("exchange_rates", "bases"),
    )


def _code(table: _Words, name: str) -> str:
    return table.names[_fold(name)]


def quoted(first: str, second: str) -> str:
    """The unit of a pair named ``first`` then ``second``, by the market's base order."""
    bases = _words().bases
    ranks = [bases.index(code) if code in bases else len(bases) for code in (first, second)]
    base, quote = (second, first) if ranks[1] < ranks[0] else (first, second)
    return f"{quote}/{base}"


def rate_at(text: str, start: int, end: int, currency: str | None, unit_end: int | None = None,
            unit_start: int | None = None) -> RateMatch | None:
    """The exchange rate a figure ``text[start:end]`` states, if its words make it one.

    ``currency`` is the ISO code written with the figure (None: a bare figure or a generic 元);
    ``[unit_start, unit_end)`` spans the figure with its currency words (default: the figure)."""
    table = _words()
    left = start if unit_start is None else unit_start
    right = end if unit_end is None else unit_end
    after = table.per.match(text, right)
    if after:
        quote = currency or _named_before(table, text, clause_start(text, start, end), left)
        base = _code(table, after.group("b"))
        return RateMatch(left, after.end(), f"{quote}/{base}") if quote and quote != base else None
    buyer = table.buys.search(text, max(0, left - 40), left) if currency else None
    if buyer and buyer.start() >= clause_start(text, start, end) and _code(table, buyer.group("b")) != currency:
        return RateMatch(left, right, f"{currency}/{_code(table, buyer.group('b'))}")
    pair = _pair_before(table, text, start, left)
    if pair is None:
        return None
    if currency is not None and currency not in pair:
        return None
    unit = quoted(*pair)
    if currency is not None and not unit.startswith(currency):
        unit = f"{currency}/{pair[0] if pair[1] == currency else pair[1]}"
    return RateMatch(left, right, unit)


def _currency(expression: str) -> str | None:
    """The ISO code ``expression`` is, if it is one currency with no scale ("dollars" -> USD)."""
    unit = conversion(expression)
    return unit.unit if unit.factor == 1 and is_currency(unit.unit) else None


def rate_of(text: str, numeral: Numeral, prefix: UnitMatch | None, suffix: UnitMatch | None) -> RateMatch | None:
    """The exchange rate ``numeral`` states with the currency words written around it, if any;
    ``prefix`` and ``suffix`` are the units written right before and after it (``prefix_before``,
    ``suffix_at``)."""
    if numeral.scale != 1 or numeral.vague:
        return None
    if suffix is not None:
        if suffix.generic_currency:  # 新台币兑美元30.5元: the pair says which 元
            return rate_at(text, numeral.start, numeral.end, None, suffix.end)
        currency = _currency(suffix.expression) if convertible(suffix.expression) else None
        return rate_at(text, numeral.start, numeral.end, currency, suffix.end) if currency else None
    currency = _currency(prefix.expression) if prefix and convertible(prefix.expression) else None
    if currency and prefix:
        return rate_at(text, numeral.start, numeral.end, currency, numeral.end, prefix.start)
    return rate_at(text, numeral.start, numeral.end, None)


@lru_cache(maxsize=4)
def _pairs(text: str) -> tuple[list[int], list[tuple[int, str, str]]]:
    """Every pair named in ``text`` (searched once per text): their ends, and (start, a, b)."""
    table = _words()
    hits = table.index.find(text)
    found = [(second.end, (first.start, table.names[first.key], table.names[second.key]))
             for first, second in zip(hits, hits[1:], strict=False)
             if table.gap.fullmatch(text, first.end, second.start)]
    return [end for end, _ in found], [pair for _, pair in found]


def _pair_before(table: _Words, text: str, start: int, left: int) -> tuple[str, str] | None:
    """The pair named before a figure: in its clause with no figure between, or earlier in its
    sentence when a level word stands right before it."""
    ends, pairs = _pairs(text)
    index = bisect_right(ends, left) - 1
    if index < 0:
        return None
    sentence_left, _ = sentence_bounds(text, start, start)
    pair_start, first, second = pairs[index]
    if pair_start < sentence_left:
        return None
    near = pair_start >= clause_start(text, start, start) and not _DIGIT.search(text, ends[index], left)
    if not near and not table.levels.ends_before(text, table.between.strip_end(text, left, sentence_left)):
        return None
    return first, second


def _named_before(table: _Words, text: str, clause_left: int, position: int) -> str | None:
    found = list(re.finditer(table.name, text[clause_left:position], re.IGNORECASE))
    return _code(table, found[-1].group()) if found else None


def joined(text: str, first: str, first_value: Decimal, first_end: int,
           second: str, second_value: Decimal, second_start: int) -> tuple[str, Decimal] | None:
    """Two amounts joined into one rate (``7.1元兑1美元``): the unit and the value per one unit of
    the round side, or None when they are two amounts (a conversion, a list)."""
    table = _words()
    if first == second or not table.connector.fullmatch(text, first_end, second_start):
        return None
    if second_value in ROUND_SIDES:
        unit, value = f"{first}/{second}", first_value / second_value
    elif first_value in ROUND_SIDES:
        unit, value = f"{second}/{first}", second_value / first_value
    else:
        return None
    return unit, value
