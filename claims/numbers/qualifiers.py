"""Qualifier words beside a number (约, 超过, 以上, 不足, 左右, 直逼, about, more than ...) and the
interval they allow.  The words and widths are data: claims/data/qualifiers.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..vocab import VocabError, alternation, first_chars, load

KINDS = ("approx", "approaching", "lower", "upper", "exact")
_CASELESS = "\u2e80"  # from here on (CJK) characters have no case


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
    distant: re.Pattern[str]
    reach: int
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    before_ends: frozenset[str] | None  # what a word before a number (or its filler) can end in


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
    distant = list(data.get("distant", []))
    for word in distant:
        if f"before:{word}" not in kinds:
            raise VocabError(f"qualifiers.toml:distant: {word!r} is not a 'before' word of any qualifier")
    return _Table(
        before=re.compile(rf"{first_chars(before)}(?:{alternation(before)})(?:{fillers})?$", re.IGNORECASE),
        after=re.compile(rf"\s?{first_chars(after)}(?:{alternation(after)})", re.IGNORECASE),
        kinds=kinds,
        longest_before=max(map(len, before)) + 2,
        distant=re.compile(alternation(distant) or "(?!)"),
        reach=int(data.get("reach", 0)),
        not_before=tuple(phrase.lower() for phrase in data.get("not_before", [])),
        not_after=tuple(data.get("not_after", [])),
        before_ends=_last_characters([*before, *data.get("fillers", [])]),
    )


def _last_characters(words: list[str]) -> frozenset[str] | None:
    """The characters ``words`` end in, in any case; None when one ends in a character that
    matches others than its upper and lower case ignoring case (then nothing is skipped)."""
    last = [word[-1] for word in words if word]
    if not all(char.isascii() or char >= _CASELESS for char in last):
        return None
    return frozenset(c for char in last for c in (char, char.lower(), char.upper()))



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
    last = window[-1:]
    if not last or last != "\n" and table.before_ends is not None and (last.isascii() or last >= _CASELESS) \
            and last not in table.before_ends:
        return _distant_before(text, start)  # no word or filler can end right before the number
    match = table.before.search(window)  # the earliest start of a word (and fillers) ending at ``start``
    while match is not None:
        best = _word("before", text, window_start + match.start(), start)
        if best is not None:
            break
        match = table.before.search(window, match.start() + 1)
    if best and best.start > 0 and re.match(r"[A-Za-z]", text[best.start - 1]) and \
            re.match(r"[A-Za-z]", text[best.start]):
        return None  # "over" inside "turnover"
    if best and any(phrase in text[max(0, best.start - 8):start + 1].lower() for phrase in table.not_before):
        return None
    if best and best.kind == "exact":  # 几乎达到40%: the emphasis word hides a qualifier before it
        return _distant_before(text, best.start) or best
    return best or _distant_before(text, start)


_MODEL_CODE = re.compile(r"[A-Za-z]+[0-9]+[A-Za-z0-9]*")  # 几乎是H100的2倍: H100 is no number
_BREAK = re.compile(r"[0-9一二三四五六七八九十百千万亿两,，;；。!！?？\n]")


def _distant_before(text: str, start: int) -> QualifierWord | None:
    """A ``distant`` word a few characters before the number, with no break or number between."""
    table = _table()
    window_start = max(0, start - table.reach - 4)
    found = None
    for match in table.distant.finditer(text, window_start, start):
        gap = text[match.end():start]
        if len(gap) <= table.reach and not _BREAK.search(_MODEL_CODE.sub("", gap)):
            found = _word("before", text, match.start(), match.end())
    return found


def qualifier_after(text: str, end: int) -> QualifierWord | None:
    """The longest qualifier word right after ``end`` ("左右", "以上", "or more")."""
    table = _table()
    match = table.after.match(text, end)
    if not match or text.startswith(table.not_after, match.start() + (match.group()[:1] == " ")):
        return None
    if re.match(r"[A-Za-z]", match.group()[-1:]) and re.match(r"[A-Za-z]", text[match.end():match.end() + 1]):
        return None
    return _word("after", text, match.start(), match.end())
