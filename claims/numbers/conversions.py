"""Amounts converted into another currency, in brackets or after a conversion word:
"20万亿韩元(约合965亿元人民币)", "HK$35.7 billion (US$4.6 billion)", "500亿美元,折合约3606亿港元".

The converted amount is the same quantity in another unit (a price per share converts into a
price per share). Its claim's notes say
``conversion of <id>`` (the amount it converts), and the frame stage gives it that amount's
frame. Words: claims/data/conversions.toml.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from factrecon.units import is_currency

from ..model import Claim
from ..vocab import alternation, load

NOTE = "conversion of "
_NOTED = re.compile(re.escape(NOTE) + r"([^;]+)")


def converted_from(notes: str | None) -> str | None:
    """The id of the amount a claim converts, from its notes ("conversion of a.txt:15"), or None."""
    found = _NOTED.search(notes or "")
    return found.group(1) if found else None


@cache
def _between() -> tuple[re.Pattern[str], int]:
    data = load("conversions")
    openers = "".join(re.escape(opener) for opener in data["openers"])
    words, verbs = alternation(data["words"]), alternation(data["verbs"])
    lead = rf"(?:[{openers}]|[,，]?\s*(?:{verbs}))"
    return re.compile(rf"\s*{lead}\s*(?:(?:{words})\s*)*", re.IGNORECASE), int(data["max_gap"])


def _currency(unit: str) -> str | None:
    """The currency of an amount or a price per share, else None."""
    money = unit.split("/")[0]
    return money if is_currency(money) else None


def link_conversions(text: str, located: list[tuple[Claim, int, int]]) -> list[tuple[Claim, int, int]]:
    """``located`` (claim, start, end in normalised ``text``) with every bracketed conversion noted."""
    pattern, max_gap = _between()
    linked = list(located)
    for index in range(1, len(located)):
        amount, _, amount_end = linked[index - 1]
        claim, start, end = located[index]
        first, second = _currency(amount.unit), _currency(claim.unit)
        if not first or not second or first == second or start - amount_end > max_gap:
            continue
        if pattern.fullmatch(text, amount_end, start) is None:
            continue
        note = f"{NOTE}{amount.id}"
        unit = claim.unit
        if "/" in amount.unit and "/" not in unit:  # 258.58 yuan (HK$280.57): a price per share too
            unit = f"{second}/{amount.unit.split('/', 1)[1]}"
        linked[index] = (replace(claim, unit=unit, notes="; ".join(filter(None, [claim.notes, note]))), start, end)
    return linked
