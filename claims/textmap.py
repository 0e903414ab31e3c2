"""Normalised text for matching, with a map back to the original offsets.

Rules match on NFKC-folded, simplified-script text (so ``１２％``, ``萬`` and
``億`` read like ``12%``, ``万`` and ``亿``), but every offset a user sees must
index the ORIGINAL text.  ``normalize`` therefore folds one original character
at a time and records, for each normalised character, the original index it
came from.  Offsets are never computed on converted text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters dropped before matching: zero-width marks that split numbers (1\u200b000) and
# bidirectional controls, which change how a figure displays but not what it is (6\u202e0% is 60%).
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad"
                       "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` is the folded form of ``original``; ``origin[i]`` is the original index of ``text[i]``."""

    original: str
    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` covering normalised ``[start, end)``."""
        if end <= start:
            point = self.origin[start] if start < len(self.origin) else len(self.original)
            return point, point
        return self.origin[start], self.origin[end - 1] + 1


# Hyphens that are no dashes read as "-" ("half‑point", "battery‑electric"); en and em dashes
# stay, since they separate ranges.
_SPECIAL_HYPHENS = frozenset("\u2010\u2011\u2212")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2212": "-"})


def _fold(char: str) -> str:
    if char in _INVISIBLE:
        return ""
    return unicodedata.normalize("NFKC", char).translate(_HYPHENS)


def to_simplified(text: str) -> str:
    """OpenCC ``t2s`` of ``text`` when it keeps the length, else character by character."""
    converted: str = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c) == 1 else ch for ch, c in ((ch, _t2s().convert(ch)) for ch in text))


def normalize(original: str) -> NormalizedText:
    """Fold ``original`` (NFKC, invisible marks dropped, traditional → simplified) with an offset map."""
    if unicodedata.is_normalized("NFKC", original) and not _holds_any(original, _INVISIBLE) \
            and not _holds_any(original, _SPECIAL_HYPHENS):
        folded, origin = original, tuple(range(len(original)))
    else:
        folded, origin = _folded(original)
    return NormalizedText(original=original, text=to_simplified(folded), origin=origin)


def _holds_any(text: str, chars: frozenset[str]) -> bool:
    """Whether ``text`` holds one of ``chars`` (a substring search per character: no set of the
    text's characters is built)."""
    return any(char in text for char in chars)


def _folded(original: str) -> tuple[str, tuple[int, ...]]:
    """Each character of ``original`` folded on its own, and the original index of each folded
    one. Each distinct character is folded once; the text is rewritten in one ``translate``, and
    the offsets walk only the characters that fold to more or fewer than one (…, 1\u200b000)."""
    table = {ord(char): piece for char in set(original) if (piece := _fold(char)) != char}
    folded = original.translate(table)
    resized = "".join(sorted(chr(code) for code, piece in table.items() if len(piece) != 1))
    if not resized:
        return folded, tuple(range(len(original)))
    index: list[int] = []
    done = 0
    for found in re.finditer(f"[{re.escape(resized)}]", original):
        position = found.start()
        index.extend(range(done, position))
        index.extend([position] * len(table[ord(found.group())]))
        done = position + 1
    index.extend(range(done, len(original)))
    return folded, tuple(index)
