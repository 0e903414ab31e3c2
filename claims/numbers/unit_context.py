"""Words before an amount that change what its unit means (claims/data/unit_context.toml).

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

from ..vocab import words

_CLAUSE_BREAK = re.compile(r"[,，;；。!！?？\n]")


@lru_cache(maxsize=1)
def _per_share_cues() -> tuple[str, ...]:
    return tuple(cue.lower() for cue in words("unit_context", "per_share"))


def per_share_unit(unit: str, text_before: str, scale: Decimal | int) -> str:
    """``unit`` + ``/share`` when an amount follows a share-price word in its clause."""
    if not is_currency(unit) or scale > 1:
        return unit
    clause = _CLAUSE_BREAK.split(text_before)[-1].lower()
    return f"{unit}/share" if any(cue in clause for cue in _per_share_cues()) else unit
