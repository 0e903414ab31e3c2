"""Numbers with their units, and ranges: the measured quantities of a text, before any claim filter.

``find_quantities`` works on normalised text (see textmap); ``scan_quantities`` is the same for
raw text with offsets mapped back to it.  A quantity with ``unit=None`` is a bare number: the
claim stage decides whether it counts (it rarely does in Chinese).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from factrecon.units import Conversion, combine, conversion, is_currency

from ..textmap import normalize
from ..vocab import alternation, first_chars, load
from .exchange_rates import joined, rate_of
from .index_points import index_point_at, is_index_level
from .numerals import Numeral, scan
from .rate_moves import rate_move_at
from .rates import context_before, phrase_spans, tail_at
from .rates import prefix_before as per_prefix_before
from .units_attach import UnitMatch, contextual_at, convertible, prefix_before, suffix_at

_NUMERAL_CHAR = "0-9〇零一二三四五六七八九十百千万亿两.,"

HUNDRED = Decimal(100)
IMPLIED_UNITS = {"percent": "percent", "multiple": "times"}  # 百分之五, 七成; sixfold, 翻番
MAX_RANGE_RATIO = 1000  # "1.39 million people to 1.408 billion": a change, not a range
OPEN_ENDED = 10  # a vague figure whose upper bound is 10x its floor (上百亿) is open-ended


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written with its unit: ``[start, end)`` covers prefix, digits and suffix."""

    start: int
    end: int
    value: Decimal | None
    lower: Decimal | None
    upper: Decimal | None
    precision: Decimal | None
    unit: str | None
    numeral: Numeral
    is_range: bool = False
    unit_written: bool = True
    magnitude: bool = False  # a scale word alone (万亿参数): an order of magnitude
    generic_currency: str | None = None  # the default currency a bare 元 was given ("CNY")
    unit_from_cues: bool = False  # no unit written: cue words gave it (道指收报48,000: index_point)


_Affixes = tuple[UnitMatch | None, UnitMatch | None]  # the units written right before and right after a numeral


def _scaled(number: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if number is None else number * factor


@dataclass(frozen=True, slots=True)
class _WrittenUnit:
    start: int
    end: int
    expression: str
    generic_currency: str | None = None


def _written_unit(text: str, numeral: Numeral, affixes: _Affixes) -> _WrittenUnit | None:
    """The unit written around ``numeral`` (``HK$263 a share``), with the denominator of a rate
    written after it (``0.58元/千瓦时``) or named near it (``人均可支配收入4.1万元``)."""
    written = _unit_around(text, numeral, affixes)
    if written is None or "/" in written.expression:
        return written
    tail = tail_at(text, written.end)
    if tail is not None and convertible(rated := combine(written.expression, tail.expression)):
        return replace(written, end=tail.end, expression=rated)
    cue = context_before(text, written.start, conversion(written.expression).unit)
    if cue is not None and convertible(rated := combine(written.expression, cue)):
        return replace(written, expression=rated)
    return written


def _unit_around(text: str, numeral: Numeral, affixes: _Affixes) -> _WrittenUnit | None:
    """The unit written around ``numeral``: a suffix, a prefix, or both (``HK$263 a share``)."""
    written_before, written_after = affixes
    suffix = (index_point_at(text, numeral.start, numeral.end) or rate_move_at(text, numeral.start, numeral.end)
              or written_after or contextual_at(text, numeral.start, numeral.end))
    prefix = written_before or per_prefix_before(text, numeral.start)
    if prefix and prefix.expression.startswith("/") and not suffix:
        prefix = None  # 每秒 or 每股 with nothing after the number
    generic = suffix.expression if suffix and suffix.generic_currency else None
    if prefix and suffix:
        if generic and not prefix.expression.startswith("/"):
            return _WrittenUnit(prefix.start, suffix.end, prefix.expression)  # 人民币2111.94亿元
        try:  # HK$263 a share; 每秒4.8TB; 每股263元 (still a generic 元)
            expression = combine(prefix.expression, suffix.expression)
        except ValueError:
            expression = ""
        if expression and convertible(expression):  # not 每秒5%: no canonical unit
            return _WrittenUnit(prefix.start, suffix.end, expression, generic)
        if suffix.expression == "count" and not prefix.expression.startswith("/"):
            return _WrittenUnit(prefix.start, numeral.end, prefix.expression)  # "$40 billion cut": money
        prefix = None
    if suffix and convertible(suffix.expression):  # not "100 tokens": token alone is no canonical unit
        return _WrittenUnit(numeral.start, suffix.end, suffix.expression, generic)
    if prefix:
        return _WrittenUnit(prefix.start, numeral.end, prefix.expression)
    return None


def _measure(text: str, numeral: Numeral) -> Quantity:
    """Attach the unit written around ``numeral`` (or the one its own words imply)."""
    if numeral.kind in IMPLIED_UNITS:
        return _build(numeral.start, numeral.end, numeral, conversion(IMPLIED_UNITS[numeral.kind]))
    affixes = prefix_before(text, numeral.start), suffix_at(text, numeral.end)  # read once for rate and unit
    rate = rate_of(text, numeral, *affixes)
    if rate is not None:
        return _build(rate.start, rate.end, numeral, conversion(rate.unit))
    written = _written_unit(text, numeral, affixes)
    if written is not None:
        return _build(written.start, written.end, numeral, conversion(written.expression),
                      generic_currency=written.generic_currency)
    if numeral.kind == "fraction":  # 三分之一 of something: a share, in percent
        return _build(numeral.start, numeral.end, numeral, Conversion(HUNDRED, "percent"), unit_written=False)
    if numeral.scale == 1 and not numeral.vague and is_index_level(text, numeral.start, numeral.end):
        level = _build(numeral.start, numeral.end, numeral, conversion("index_point"), unit_written=False)
        return replace(level, unit_from_cues=True)
    return _build(numeral.start, numeral.end, numeral, None)


def _merge_rate(text: str, first: Quantity, second: Quantity) -> Quantity | None:
    """``7.1元兑1美元``, ``1美元兑7.1元人民币``: two amounts joined into one exchange rate."""
    if first.is_range or second.is_range or first.unit is None or second.unit is None:
        return None
    if first.value is None or second.value is None or not (is_currency(first.unit) and is_currency(second.unit)):
        return None
    if first.numeral.scale != 1 or second.numeral.scale != 1:
        return None
    rate = joined(text, first.unit, first.value, first.end, second.unit, second.value, second.start)
    if rate is None:
        return None
    unit, value = rate
    numerator, per = (first, second.value) if unit.startswith(first.unit) else (second, first.value)
    precision = None if numerator.precision is None else numerator.precision / per
    return Quantity(start=first.start, end=second.end, value=value, lower=value, upper=value,
                    precision=precision, unit=unit, numeral=numerator.numeral,
                    generic_currency=first.generic_currency or second.generic_currency)


def _build(start: int, end: int, numeral: Numeral, unit: Conversion | None, *,
           unit_written: bool = True, generic_currency: str | None = None) -> Quantity:
    factor = unit.factor if unit else Decimal(1)
    return Quantity(
        start=start, end=end,
        value=_scaled(numeral.value, factor),
        lower=_scaled(numeral.lower, factor),
        upper=_scaled(numeral.upper, factor),
        precision=_scaled(numeral.precision, factor),
        unit=unit.unit if unit else None,
        numeral=numeral,
        unit_written=unit_written and unit is not None,
        generic_currency=generic_currency,
    )


@cache
def _separator() -> re.Pattern[str]:
    words = load("ranges")
    return re.compile(rf"\s*(?:{alternation(words['separators'])})\s*", re.IGNORECASE)


def opens_change(text: str, start: int) -> bool:
    """Whether a change word (从, 由, from) opens the figure at ``start``: "从95%降至0"."""
    return _range_opening(text, start) == "change"


def _range_opening(text: str, start: int) -> str | None:
    """The word that opens a range before ``start`` (between, 介于), or a change word (from, 从)."""
    change_openers, openers = _openers()
    before = text[max(0, start - 12):start].rstrip().lower()
    if before.endswith(change_openers):
        return "change"
    if before.endswith(openers):
        return "range"
    return None


@cache
def _openers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The change words and the range words that open a figure, each as one ``endswith`` tuple."""
    words = load("ranges")
    return tuple(words["change_openers"]), tuple(words["openers"])


def _merge_range(text: str, first: Quantity, second: Quantity, separator: re.Pattern[str]) -> Quantity | None:
    """``20亿至50亿美元``, ``20至50亿美元``, ``3.50%-3.75%``, ``$32.2–33.4 billion``,
    ``between 5 and 6 percent`` as one range; ``from 95% to 0%`` stays two claims."""
    gap = separator.fullmatch(text, first.end, second.start)
    if gap is None or (first.unit is None and second.unit is None):
        return None
    ends = _ends(first, second)
    if ends is None:
        return None
    if second.unit_from_cues:  # "fell 300 points to 42,100": a move, then the level it reached
        return None
    opening = _range_opening(text, first.start)
    if opening == "change" or ("and" in gap.group().lower() and opening != "range"):
        return None
    shared = _range_unit(first, second)
    if shared is None:
        return None
    unit, generic = shared
    low, high = ends
    borrow = second.numeral.scale if first.numeral.scale == 1 and second.numeral.scale > 1 else Decimal(1)
    if borrow > 1 and first.numeral.value is not None and second.numeral.value is not None \
            and first.numeral.value * borrow > second.numeral.value:
        borrow = Decimal(1)  # "3000至5亿": no shared scale
    if first.unit is None:
        lower = low * borrow * _unit_factor(second)
        upper = high
    else:
        lower = low * borrow
        upper = high * (_unit_factor(first) if second.unit is None else 1)
    if not lower < upper or (lower > 0 and upper / lower > MAX_RANGE_RATIO):  # 0至1%: a range from zero
        return None
    precisions = [p for p in (first.precision, second.precision) if p is not None]
    return Quantity(
        start=first.start, end=second.end, value=None, lower=lower, upper=upper,
        precision=min(precisions) if precisions else None, unit=unit, numeral=first.numeral,
        is_range=True, generic_currency=generic,
    )


def _ends(first: Quantity, second: Quantity) -> tuple[Decimal, Decimal] | None:
    """The low end of ``first`` and the high end of ``second``, or None when they make no range.

    Exact figures give their values. Two vague magnitudes make a range too (数十亿至上百亿元):
    each side gives its outer bound (数十亿 from 2e9, 数百亿 up to 9e10, 二十几亿 up to 3e9), but
    a side open up to the next order of magnitude gives its floor (上百亿: 1e10, not 1e11).
    A vague side beside an exact one is left as two claims.
    """
    vague = (first.numeral.vague, second.numeral.vague)
    if not any(vague):
        return (first.value, second.value) if first.value is not None and second.value is not None else None
    if not all(vague) or first.lower is None or second.upper is None:
        return None
    floor = second.value
    return first.lower, floor if floor is not None and second.upper >= floor * OPEN_ENDED else second.upper


def _range_unit(first: Quantity, second: Quantity) -> tuple[str | None, str | None] | None:
    """The unit the range of ``first`` and ``second`` takes, and the default currency it holds
    when a generic 元 alone wrote it; None when the two sides disagree. A currency written on
    one side decides a generic 元 on the other (新台幣200億至350億元 is TWD on both ends)."""
    sides = [side for side in (first, second) if side.unit is not None]
    written = {side.unit for side in sides if not side.generic_currency}
    generic = [side for side in sides if side.generic_currency]
    if len(written) > 1:
        return None
    if not written:
        return sides[0].unit, sides[0].generic_currency
    unit = next(iter(written))
    for side in generic:
        if side.unit != unit and not (side.unit == side.generic_currency and is_currency(unit)):
            return None
    return unit, None


def _unit_factor(quantity: Quantity) -> Decimal:
    """The factor that took ``quantity``'s written figure to its canonical unit."""
    if not quantity.numeral.value or quantity.value is None:
        return Decimal(1)
    return quantity.value / quantity.numeral.value


@cache
def _magnitude_pattern() -> tuple[re.Pattern[str], dict[str, Decimal]]:
    table = {word.lower(): Decimal(str(value)) for word, value in load("bare_numbers")["magnitudes"].items()}
    pattern = re.compile(rf"{first_chars(list(table))}(?<![{_NUMERAL_CHAR}])(?:{alternation(list(table))})",
                         re.IGNORECASE)
    return pattern, table


def _magnitudes(text: str, numerals: list[Numeral]) -> list[Quantity]:
    """Scale words standing alone before a unit: ``万亿参数``, ``千亿美元``."""
    pattern, table = _magnitude_pattern()
    taken = {position for numeral in numerals for position in range(numeral.start, numeral.end)}
    found = []
    for match in pattern.finditer(text):
        if match.start() in taken:
            continue
        scale = table[match.group().lower()]
        numeral = Numeral(match.start(), match.end(), scale, scale, scale, scale, scale, None, "word")
        quantity = _measure(text, numeral)
        if quantity.unit is not None and quantity.unit_written:
            found.append(replace(quantity, magnitude=True))
    return found


def _outside_earlier(measured: list[Quantity]) -> list[Quantity]:
    """Quantities not starting inside an earlier one's span (the 千 of ``元/千瓦时``)."""
    kept: list[Quantity] = []
    for quantity in measured:
        if not kept or quantity.start >= kept[-1].end:
            kept.append(quantity)
    return kept


def find_quantities(text: str) -> list[Quantity]:
    """Every number in normalised ``text`` with its unit; ranges merged into one quantity."""
    per_phrases = phrase_spans(text)  # 每万人口, per 1,000 people: their digits are no figure
    numerals = [numeral for numeral in scan(text)
                if not any(left <= numeral.start and numeral.end <= right for left, right in per_phrases)]
    measured = [_measure(text, numeral) for numeral in numerals]
    measured = _outside_earlier(sorted(measured + _magnitudes(text, numerals), key=lambda quantity: quantity.start))
    separator = _separator()
    merged: list[Quantity] = []
    index = 0
    while index < len(measured):
        current = measured[index]
        if index + 1 < len(measured):
            following = measured[index + 1]
            pair = _merge_rate(text, current, following) or _merge_range(text, current, following, separator)
            if pair is not None:
                merged.append(pair)
                index += 2
                continue
        merged.append(current)
        index += 1
    return merged


def scan_quantities(raw: str) -> list[Quantity]:
    """``find_quantities`` on raw text, offsets mapped back to ``raw``."""
    normalized = normalize(raw)
    located = []
    for quantity in find_quantities(normalized.text):
        start, end = normalized.span(quantity.start, quantity.end)
        located.append(replace(quantity, start=start, end=end))
    return located
