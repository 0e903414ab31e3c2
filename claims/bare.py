"""Numbers written with no unit that still make a claim (rules and words: bare_numbers.toml).

- after a change word, a bare number takes the unit of the claim before it in the paragraph
  ("份额从95%暴跌至0": 0 percent; "降至个位数": [1, 9] percent);
- a bare amount with a scale word in a money clause is money in the implied currency
  ("市值一度突破3000亿": CNY), and says so in its notes;
- an English figure with a scale word ("2.26 million") is a count.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .vocab import load

WAN = Decimal(10_000)


@dataclass(frozen=True, slots=True)
class BareReading:
    """The unit a bare number is given, and why."""

    unit: str
    note: str


@dataclass(frozen=True, slots=True)
class _Words:
    inherit_after: tuple[str, ...]
    money_cues: tuple[str, ...]
    market_currency: dict[str, str]
    default_currency: str
    percent_cues: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load("bare_numbers")
    return _Words(
        inherit_after=tuple(data["inherit_after"]),
        money_cues=tuple(cue.lower() for cue in data["money_cues"]),
        market_currency=dict(data["market_currency"]),
        default_currency=str(data["default_currency"]),
        percent_cues=tuple(cue.lower() for cue in data["percent_cues"]),
    )


def inherits_unit(text_before: str, is_digit_count: bool) -> bool:
    """Whether a bare number preceded by ``text_before`` takes the previous claim's unit."""
    return is_digit_count or text_before.rstrip().lower().endswith(_words().inherit_after)


def implied_currency(clause: str, sentence: str, earlier_currency: str | None) -> str | None:
    """The currency of a bare amount in ``clause``, or None when the clause is not about money."""
    words = _words()
    if not any(cue in clause.lower() for cue in words.money_cues):
        return None
    for market, currency in words.market_currency.items():
        if market in sentence:
            return currency
    return earlier_currency or words.default_currency


def read_bare(*, scale: Decimal, latin_scale: str, lang: str, clause: str, sentence: str,
              earlier_currency: str | None, previous_unit: str | None, text_before: str,
              is_digit_count: bool) -> BareReading | None:
    """The reading of a bare number, or None when it is not a claim.

    ``latin_scale`` is the Latin scale word written after the digits ("B", "bn", "million").
    A single letter with no unit (``910B``, ``3M``) is a model code or a brand, not a figure,
    unless a unit follows it (handled before this, as for ``175B以上参数``); in Chinese text a
    Latin scale word never makes a bare number a claim.
    """
    if previous_unit and inherits_unit(text_before, is_digit_count):
        return BareReading(previous_unit, f"unit not written: {previous_unit} from the figure before it")
    if is_digit_count and any(cue in clause.lower() for cue in _words().percent_cues):
        return BareReading("percent", "unit not written: a share or rate, so percent")
    if len(latin_scale) == 1 or (latin_scale and lang != "en"):
        return None
    if scale >= WAN or (lang == "en" and scale > 1):
        currency = implied_currency(clause, sentence, earlier_currency)
        if currency:
            return BareReading(currency, f"currency not written: {currency} implied by context")
        if lang == "en" or scale >= WAN:
            return BareReading("count", "unit not written: a count")
    return None
