"""Numbers written with no unit (or only 元) that still make a claim.

Rules and words: claims/data/bare_numbers.toml.
- after a change word, a bare number takes the unit of the claim before it in the paragraph
  when it ends a change ("份额从95%暴跌至0": 0 percent) or counts digits ("降至个位数");
- a digit-count word in a clause about shares or rates is a percentage ("份额仅为个位数");
- a bare amount with a scale word in a money clause is money in the implied currency
  ("市值一度突破3000亿": CNY), and its notes say so; outside one it is a count, unless its
  scale word is ambiguous (宽带1000兆: megabits, no claim);
- an English figure with a scale word ("2.26 million"), or an integer written with thousands
  separators outside a money clause ("shipments hit 97,171"), is a count;
- a generic 元 is the currency of the market the text speaks of (A股, 港股, 台股), else the
  article's local currency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..vocab import alternation, load

WAN = Decimal(10_000)


@dataclass(frozen=True, slots=True)
class BareReading:
    """The unit a bare number is given, and why."""

    unit: str
    note: str


@dataclass(frozen=True, slots=True)
class BareContext:
    """What the text around a bare number says (normalised text)."""

    lang: str
    clause: str                 # the comma-separated clause holding the number
    market_currency: str | None  # of the market named in the sentence or just before it (A股: CNY)
    text_before: str            # the few characters right before the number
    scale: Decimal              # the numeral's scale word (万 1e4, million 1e6), 1 when none
    latin_scale: str            # a Latin scale word after the digits ("B", "bn", "million")
    is_zero: bool
    is_digit_count: bool        # 个位数, single digits
    previous_unit: str | None   # the unit of the claim before it in the paragraph
    previous_opened_change: bool  # that claim followed 从/由/from: "从95%暴跌至0"
    earlier_currency: str | None  # the last currency written in the article
    local_currency: str
    grouped: bool = False       # an integer written with thousands separators ("97,171")
    last_char: str = ""         # the numeral's last character (兆 in 1000兆)


@dataclass(frozen=True, slots=True)
class _Words:
    inherit_after: re.Pattern[str]
    money_cues: tuple[str, ...]
    market_currency: dict[str, str]
    default_currency: str
    percent_cues: tuple[str, ...]
    local_currency_words: dict[str, tuple[str, ...]]
    market_base: re.Pattern[str]  # matches a comparison word right before a market word
    ambiguous_scales: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load("bare_numbers")
    return _Words(
        inherit_after=re.compile(rf"(?<![A-Za-z])(?:{alternation(data['inherit_after'])})\s*$", re.IGNORECASE),
        money_cues=tuple(cue.lower() for cue in data["money_cues"]),
        market_currency=dict(data["market_currency"]),
        default_currency=str(data["default_currency"]),
        percent_cues=tuple(cue.lower() for cue in data["percent_cues"]),
        local_currency_words={code: tuple(words) for code, words in data["local_currency"].items()},
        market_base=re.compile(rf"(?:{alternation(data['market_base'])})\s*$", re.IGNORECASE),
        ambiguous_scales=frozenset(data["ambiguous_scales"]),
    )


def local_currency(text: str, lang: str) -> str:
    """The currency a generic 元 means in ``text``: HKD or TWD in traditional-script text that
    writes that currency out more often than the other, else the default (CNY)."""
    words = _words()
    if lang != "zh-Hant":
        return words.default_currency
    counts = {code: sum(text.count(word) for word in forms) for code, forms in words.local_currency_words.items()}
    best = max(counts, key=lambda code: counts[code], default=None)
    return best if best and counts[best] else words.default_currency


def market_currency(context: str) -> str | None:
    """The currency of the market a passage speaks of (A股 -> CNY), or None. A market named as
    the base of a comparison (较A股收市价折让5%) is not the market the passage speaks of."""
    words = _words()
    for market, currency in words.market_currency.items():
        start = context.find(market)
        while start >= 0:
            if not words.market_base.search(context, 0, start):
                return currency
            start = context.find(market, start + len(market))
    return None


def _inherits(ctx: BareContext) -> bool:
    if ctx.previous_unit is None:
        return False
    if ctx.is_digit_count:
        return True
    after_change_word = bool(_words().inherit_after.search(ctx.text_before))
    return after_change_word and (ctx.is_zero or ctx.previous_opened_change)


def read_bare(ctx: BareContext) -> BareReading | None:
    """The reading of a bare number, or None when it is not a claim.

    A single Latin scale letter with no unit (``910B``, ``3M``) is a model code or a brand, not
    a figure, unless a unit follows it (handled before this, as for ``175B以上参数``); in Chinese
    text a Latin scale word never makes a bare number a claim.
    """
    words = _words()
    if _inherits(ctx) and ctx.previous_unit:
        return BareReading(ctx.previous_unit, f"unit not written: {ctx.previous_unit} from the figure before it")
    if ctx.is_digit_count and any(cue in ctx.clause.lower() for cue in words.percent_cues):
        return BareReading("percent", "unit not written: a share or rate, so percent")
    if len(ctx.latin_scale) == 1 or (ctx.latin_scale and ctx.lang != "en"):
        return None
    if ctx.scale >= WAN or (ctx.lang == "en" and ctx.scale > 1):
        if any(cue in ctx.clause.lower() for cue in words.money_cues):
            currency = ctx.market_currency or ctx.earlier_currency or ctx.local_currency
            return BareReading(currency, f"currency not written: {currency} implied by context")
        if ctx.last_char in words.ambiguous_scales:
            return None  # 宽带提速至1000兆: megabits, not 1e15 of anything
        return BareReading("count", "unit not written: a count")
    if ctx.grouped and ctx.lang == "en" and not any(cue in ctx.clause.lower() for cue in words.money_cues):
        return BareReading("count", "unit not written: a count")  # "shipments hit 97,171"
    return None


@lru_cache(maxsize=1)
def _one_counts() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    data = load("bare_numbers")["one_counts"]
    limit = re.compile(rf"(?:{alternation(data['limit_before'])})\s*$", re.IGNORECASE)
    return limit, frozenset(data["verbal_measures"]), frozenset(data["clause_end"])


def counts_one(text: str, start: int, numeral_end: int, end: int) -> bool:
    """Whether 一 + measure word at ``[start, end)`` counts one (仅降息一次, 另一名官员, 再降一次。)
    rather than being an article (一家公司, 一次中标)."""
    limit, verbal, clause_end = _one_counts()
    if limit.search(text, max(0, start - 4), start):
        return True
    return text[numeral_end:end] in verbal and text[end:end + 1] in clause_end
