"""Every number written in a text, with its exact value: the first stage of claim extraction.

>>> [(n.start, n.end, n.value) for n in scan("营收3万4000元,增长十几万")]
[(2, 8, Decimal('34000')), (12, 15, Decimal('100000'))]

``scan`` reads NFKC-folded simplified text (``textmap.normalize(original).text``).  The
grammars live in ``chinese_numerals`` (Chinese, Arabic and mixed, over ``numeral_tokens``) and
``english_numerals`` (number words); their vocabulary is ``data/numerals.toml``.  This module
merges their readings (leftmost, then longest) and drops numerals that are only characters of
an ordinary word (一切, 四川, 队伍) or a lone character that is rarely a number alone (陆, 百).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..textmap import normalize
from ..vocab import VocabError, alternation, first_chars, load

if TYPE_CHECKING:
    from .chinese_numerals import ChineseGrammar
    from .english_numerals import EnglishGrammar

KINDS = ("arabic", "chinese", "mixed", "fraction", "percent", "multiple", "word")
VAGUE = (None, "lower", "range")
_LATIN = re.compile("[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Numeral:
    """One written number: ``[start, end)`` offsets into the scanned text and what it allows.

    ``value`` is the figure as written with scale words applied (十几 -> 10, its stated floor),
    None only for a pure range (数万, 个位数).  ``lower``/``upper`` bound what the words allow;
    ``precision`` is the step of the last written digit times the scale (None when exact);
    ``scale`` the multiplier of trailing scale words (万 1e4, bn 1e9), 1 when none.
    A ``percent`` value is in percent (百分之五 -> 5), a ``multiple`` in times (翻两番 -> 4).
    """

    start: int
    end: int
    value: Decimal | None
    lower: Decimal | None
    upper: Decimal | None
    precision: Decimal | None
    scale: Decimal
    vague: str | None
    kind: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad numeral span [{self.start}, {self.end})")
        if self.lower is not None and self.upper is not None and self.lower > self.upper:
            raise ValueError(f"numeral at {self.start}: lower {self.lower} > upper {self.upper}")
        if self.kind not in KINDS or self.vague not in VAGUE:
            raise ValueError(f"numeral at {self.start}: unknown kind {self.kind!r} or vague {self.vague!r}")
        if self.value is None and self.vague != "range":
            raise ValueError(f"numeral at {self.start}: only a range may have no value")


@dataclass(frozen=True, slots=True)
class _Filter:
    """Block words (one regex, longest first) and characters that are never a numeral alone."""

    words: dict[str, bool]       # lower-cased word -> True to block, False to keep
    pattern: re.Pattern[str]
    inside: frozenset[str]       # every character of a block or keep word
    reach: int                   # the longest word's length
    not_alone: frozenset[str]

    def drops(self, text: str, numeral: Numeral) -> bool:
        """Whether the longest block or keep word covering ``numeral`` blocks it."""
        start, end = numeral.start, numeral.end
        if text[start:end] in self.not_alone:
            return True
        if not self.inside.issuperset(text[start:end].lower()):
            return False
        best, blocked = 0, False
        for match in self.pattern.finditer(text, max(0, start - self.reach), end + self.reach):
            if match.start() <= start and match.end() >= end and match.end() - match.start() > best:
                best, blocked = match.end() - match.start(), self.words[match.group().lower()]
        return blocked


def _vocabulary() -> dict[str, Any]:
    vocab = load("numerals")
    chinese = vocab["chinese"]
    seen: dict[str, str] = {}
    for table in ("digits", "units", "scales", "zeros", "point", "negative"):
        for char in chinese[table]:
            if char in seen:
                raise VocabError(f"numerals.toml:chinese.{table}: {char!r} already in chinese.{seen[char]}")
            seen[char] = table
    return vocab


@lru_cache(maxsize=1)
def _engine() -> tuple[ChineseGrammar, EnglishGrammar, _Filter]:
    from .chinese_numerals import ChineseGrammar  # the grammars import Numeral from here
    from .english_numerals import EnglishGrammar

    vocab = _vocabulary()
    words = {word.lower(): True for word in vocab["block"]["words"]}
    words.update({word.lower(): False for word in vocab["block"]["keep"]})
    pattern = re.compile(first_chars(list(words)) + f"(?:{alternation(list(words))})", re.IGNORECASE)
    inside = frozenset("".join(words))
    filter_ = _Filter(words, pattern, inside, max(map(len, words)), frozenset(vocab["chinese"]["not_alone"]))
    english = vocab["english"]
    chinese = ChineseGrammar(vocab["chinese"], {**english["abbreviations"], **english["scales"]})
    return chinese, EnglishGrammar(english), filter_


def scan(text: str) -> list[Numeral]:
    """Every numeral in ``text``, left to right, non-overlapping, longest match."""
    chinese, english, filter_ = _engine()
    found = chinese.scan(text)
    if _LATIN.search(text):
        found += english.scan(text)
        found.sort(key=lambda numeral: (numeral.start, -numeral.end))
    kept: list[Numeral] = []
    reached = 0
    for numeral in found:
        if numeral.start >= reached and not filter_.drops(text, numeral):
            kept.append(numeral)
            reached = numeral.end
    return kept


def parse(numeral_text: str) -> Decimal:
    """The value of a string that is exactly one numeral (folded first): ``parse("兩百") == 200``."""
    text = normalize(numeral_text).text.strip()
    found = scan(text)
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(text)) or found[0].value is None:
        raise ValueError(f"not a single numeral with a value: {numeral_text!r}")
    return found[0].value
