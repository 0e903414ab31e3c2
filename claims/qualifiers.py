"""Qualifier words beside a number (约, 超过, 以上, 不足, 左右, 直逼, about, more than ...) and the
interval they allow.  The words and widths are data: claims/data/qualifiers.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .vocab import VocabError, alternation, load

KINDS = ("approx", "approaching", "lower", "upper", "exact")


@dataclass(frozen=True, slots=True)
class QualifierWord:
    """A qualifier word found at ``[start, end)`` of the normalised text."""

    kind: str
    start: int
    end: int
    width: Decimal


@dataclass(frozen=True, slots=True)
class _Table:
    before: re.Pattern[str]
    after: re.Pattern[str]
    kinds: dict[str, tuple[str, Decimal]]
    longest_before: int


@lru_cache(maxsize=1)
def _table() -> _Table:
    data = load("qualifiers")
    kinds: dict[str, tuple[str, Decimal]] = {}
    before: list[str] = []
    after: list[str] = []
    for index, entry in enumerate(data.get("qualifier", [])):
        kind = entry.get("kind")
        if kind not in KINDS:
            raise VocabError(f"qualifiers.toml:qualifier[{index}].kind: unknown kind {kind!r}")
        width = Decimal(str(entry.get("width", 0)))
        for side, bucket in (("before", before), ("after", after)):
            for word in entry.get(side, []):
                key = f"{side}:{word.lower()}"
                if key in kinds:
                    raise VocabError(f"qualifiers.toml:qualifier[{index}].{side}: {word!r} listed twice")
                kinds[key] = (kind, width)
                bucket.append(word)
    fillers = alternation(data.get("fillers", []))
    return _Table(
        before=re.compile(rf"(?:{alternation(before)})(?:{fillers})?$", re.IGNORECASE),
        after=re.compile(rf"\s?(?:{alternation(after)})", re.IGNORECASE),
        kinds=kinds,
        longest_before=max(map(len, before)) + 2,
    )


def _word(side: str, text: str, start: int, end: int) -> QualifierWord | None:
    table = _table()
    written = text[start:end].strip().lower()
    for length in range(len(written), 0, -1):  # filler stripped: 超过了 -> 超过
        kind_width = table.kinds.get(f"{side}:{written[:length]}")
        if kind_width:
            return QualifierWord(kind_width[0], start, end, kind_width[1])
    return None


def qualifier_before(text: str, start: int) -> QualifierWord | None:
    """The longest qualifier word ending right before ``start`` (fillers such as 了 allowed)."""
    table = _table()
    window_start = max(0, start - table.longest_before)
    window = text[window_start:start]
    best: QualifierWord | None = None
    for offset in range(len(window)):
        match = table.before.match(window, offset)
        if match:
            found = _word("before", text, window_start + offset, start)
            if found and (best is None or found.start < best.start):
                best = found
    if best and best.start > 0 and re.match(r"[A-Za-z]", text[best.start - 1]) and \
            re.match(r"[A-Za-z]", text[best.start]):
        return None  # "over" inside "turnover"
    return best


def qualifier_after(text: str, end: int) -> QualifierWord | None:
    """The longest qualifier word right after ``end`` ("左右", "以上", "or more")."""
    match = _table().after.match(text, end)
    if not match:
        return None
    if re.match(r"[A-Za-z]", match.group()[-1:]) and re.match(r"[A-Za-z]", text[match.end():match.end() + 1]):
        return None
    return _word("after", text, match.start(), match.end())
