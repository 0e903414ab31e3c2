"""Words around an amount that change what its unit means (claims/data/unit_context.toml).

>>> per_share_unit("CNY", "第二天继续上涨,收盘价达到", scale=1)
'CNY/share'
>>> per_share_unit("CNY", "对应总市值直逼", scale=1)
'CNY'
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from factrecon.units import is_currency

from ..vocab import load, words

_CLAUSE_BREAK = re.compile(r"[,，;；。!！?？\n]")


@lru_cache(maxsize=1)
def _per_share_cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (tuple(cue.lower() for cue in words("unit_context", "per_share")),
            tuple(cue.lower() for cue in words("unit_context", "per_share_after")))


def per_share_unit(unit: str, text_before: str, scale: Decimal | int, text_after: str = "") -> str:
    """``unit`` + ``/share`` when an amount follows a share-price word in its clause, or a
    price-per-share word follows it ("a $131 price target")."""
    if not is_currency(unit) or scale > 1:
        return unit
    before, after = _per_share_cues()
    clause = _CLAUSE_BREAK.split(text_before)[-1].lower()
    following = text_after.lower().lstrip()
    if any(cue in clause for cue in before) or any(following.startswith(cue) for cue in after):
        return f"{unit}/share"
    return unit


@lru_cache(maxsize=1)
def _symbol_currencies() -> dict[str, dict[str, tuple[str, ...]]]:
    table = load("unit_context")["symbol_currency"]
    return {symbol: {code: tuple(cue.lower() for cue in cues) for code, cues in by_code.items()}
            for symbol, by_code in table.items()}


def shares_symbol(symbol: str) -> bool:
    """Whether ``symbol`` is written for more than one currency (¥), so its sentence decides."""
    return symbol in _symbol_currencies()


def symbol_currency(unit: str, symbol: str, sentence: str) -> str:
    """The currency a shared symbol means in its sentence: ``¥`` is yen beside 日本 or Japan,
    yuan otherwise (the unit it was given: ``unit``); the rest of ``unit`` (/share) is kept."""
    by_code = _symbol_currencies().get(symbol)
    if not by_code:
        return unit
    lowered = sentence.lower()
    for code, cues in by_code.items():
        if any(cue in lowered for cue in cues):
            money, _, rest = unit.partition("/")
            return code + (f"/{rest}" if rest else "") if is_currency(money) else unit
    return unit
