"""Hidden characters made visible in what a person reads.

A bidirectional control (U+202E turns the text after it around), a zero-width character or any
other Unicode format character (category Cf) changes what an editor sees without showing itself.
Human-facing outputs (CSV cells, the HTML page, SARIF and GitHub messages, terminal tables) show
each one as an escape; JSON and claim offsets keep the text exactly as read.

>>> visible("份额约95%\u202e。")
'份额约95%⟨U+202E⟩。'
>>> hidden_warning(hidden_characters("a\u202eb\u200bc\u200b"))
'1 bidirectional control character and 2 zero-width characters shown as ⟨U+…⟩ escapes'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

__all__ = ["HIDDEN_CLASSES", "hidden_characters", "hidden_warning", "visible"]

HIDDEN_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("bidirectional control character",
     frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")),
    ("zero-width character", frozenset("\u200b\u200c\u200d\u2060\ufeff")),
)
"""Named classes of hidden characters, in the order a warning lists them; every other character
of category Cf is a ``format character``. Names are singular nouns ending in ``character``."""
OTHER_CLASS = "format character"
_PLANES = (range(0x0, 0x20000), range(0xE0000, 0xE1000))  # the planes Unicode puts format characters in


def escape(char: str) -> str:
    """One character as a visible escape: ``⟨U+202E⟩``."""
    return f"⟨U+{ord(char):04X}⟩"


@cache
def _hidden() -> re.Pattern[str]:
    """One character class of every format character (category Cf) of this Python's Unicode."""
    points = [point for plane in _PLANES for point in plane if unicodedata.category(chr(point)) == "Cf"]
    ranges: list[tuple[int, int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return re.compile("[" + "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]")


def visible(text: str) -> str:
    """``text`` with each hidden character shown as its escape (``⟨U+202E⟩``); nothing else changes."""
    return _hidden().sub(lambda match: escape(match[0]), text)


def hidden_characters(text: str) -> Counter[str]:
    """How often each hidden character occurs in ``text``."""
    return Counter(_hidden().findall(text))


def hidden_class(char: str) -> str:
    """The class a hidden character belongs to: ``bidirectional control character``, ..."""
    return next((name for name, chars in HIDDEN_CLASSES if char in chars), OTHER_CLASS)


def hidden_warning(counts: Counter[str]) -> str:
    """What a reader is told about an article's hidden characters: ``1 bidirectional control
    character shown as ⟨U+202E⟩``, or with several kinds, ``... shown as ⟨U+…⟩ escapes``;
    ``""`` when there are none."""
    by_class: Counter[str] = Counter()
    for char, count in counts.items():
        by_class[hidden_class(char)] += count
    order = [name for name, _ in HIDDEN_CLASSES] + [OTHER_CLASS]
    phrases = [f"{by_class[name]} {name}{'' if by_class[name] == 1 else 's'}" for name in order if by_class[name]]
    if not phrases:
        return ""
    listed = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]
    shown = escape(next(iter(counts))) if len(counts) == 1 else "⟨U+…⟩ escapes"
    return f"{listed} shown as {shown}"
