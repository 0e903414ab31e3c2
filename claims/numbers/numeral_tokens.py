"""The tokens of written numbers: one regex, built once from the ``[chinese]`` vocabulary.

A token is an Arabic number (with its sign, exponent and English abbreviation: -2.5 M, 4.6bn,
2e5), a Chinese digit, unit or scale character, or a word of the numeral grammar (点, 分之, 又,
余, 几, 数, 成, 打, 个位数, 翻两番).  Tokens separated by nothing or by spaces form a group; the
grammar in chinese_numerals reads each group.  The regex opens with a lookahead of every
character a token can start with, so the engine skips the rest of a text fast.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NamedTuple

from ..vocab import alternation

ONE, TEN, ZERO_D = Decimal(1), Decimal(10), Decimal(0)

# Token kinds: the regex group names.
CHAIN, AR, PLACES, MULT, WORD, NEG, ZERO, FEW, JI, DIGIT = (
    "chain", "ar", "places", "mult", "word", "neg", "zero", "few", "ji", "digit")
UNIT, SCALE, POINT, FEN, YOU, SLASH, TIMES, CHENG, MORE = (
    "unit", "scale", "point", "fen", "you", "slash", "times", "cheng", "more")

_ARABIC = (
    r"(?P<sign>(?<![0-9A-Za-z.\-−{dash_after}])[-−])?"
    r"(?P<num>(?>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|(?<![.0-9])\.[0-9]+))"
    r"(?:[eE](?P<exp>[-+]?[0-9]{1,4})(?![A-Za-z0-9])|\^(?P<pow>[-+]*[0-9]{1,3})(?![0-9]))?"
    r"(?P<abbr> ?(?:{abbr})(?![A-Za-z0-9/]))?"
)


class Arabic(NamedTuple):
    """What an Arabic token writes: value with sign, exponent and abbreviation applied."""

    value: Decimal
    precision: Decimal | None
    integer: bool      # plain integer digits, no sign, no exponent, no abbreviation
    single: bool       # one digit (3万4 reads like 三万四)
    round_step: Decimal  # 10^(trailing zeros): the step 余/多 adds (500余万 -> 100)
    closed: bool       # exponent, power or abbreviation: nothing may follow
    scale: Decimal = Decimal(1)  # the abbreviation's multiplier (175B -> 1e9), 1 when none


class Token(NamedTuple):
    """One piece of numeral material, ``[start, end)`` in the scanned text."""

    kind: str
    start: int
    end: int
    text: str
    value: Decimal
    gap: bool          # spaces before it, inside its group
    arabic: Arabic | None = None


class Lexer:
    """The vocabulary's tables and the token regex built from them."""

    def __init__(self, chinese: dict[str, Any], abbreviations: dict[str, int]) -> None:
        """``abbreviations``: English scale words and abbreviations after digits (million, bn, k)."""
        self.digits = {char: Decimal(v) for char, v in chinese["digits"].items()}
        self.units = {char: Decimal(v) for char, v in chinese["units"].items()}
        self.scales = {char: Decimal(v) for char, v in chinese["scales"].items()}
        self.bound_digits = {char: Decimal(v) for char, v in chinese["bound_digits"].items()}
        half = chinese["half"]
        self.words = {word: (Decimal(v), "chinese") for word, v in chinese["words"].items()}
        self.words.update({word: (Decimal(v), "fraction") for word, v in [*chinese["fractions"].items(),
                                                                           (half["word"], half["value"])]})
        self.times = {word: Decimal(v) for word, v in chinese["multipliers"].items()}
        self.abbreviations = {word: Decimal(v) for word, v in abbreviations.items()}
        vague, fraction, multiples = chinese["vague"], chinese["fraction"], chinese["multiples"]
        self.lower_before = frozenset(vague["lower_before"])
        before = {**vague["range_before"], **vague["lower_before"]}
        self.before_unit = {c: (Decimal(lo), Decimal(hi)) for c, (lo, hi) in before.items()}
        self.places = {c: int(v) for c, v in vague["places"].items()}
        self.percent_bases = {c: Decimal(v) for c, v in fraction["percent_bases"].items()}
        self.multiples = {w: Decimal(v) for w, v in multiples["words"].items()}
        self.not_after_point = frozenset(chinese["not_after_point"])
        self.token = re.compile(self._pattern(chinese, abbreviations))

    def _pattern(self, chinese: dict[str, Any], abbreviations: dict[str, int]) -> str:
        def cls(chars: Any) -> str:   # an empty class never matches
            chars = "".join(re.escape(c) for c in chars)
            return f"[{chars}]" if chars else "(?!)"

        def alt(words: Any) -> str:
            return alternation(list(words)) or "(?!)"

        vague, fraction, multiples = chinese["vague"], chinese["fraction"], chinese["multiples"]
        digits, zeros = cls(self.digits), cls(chinese["zeros"])
        after_point = cls([*(set(self.digits) - set(chinese["not_after_point"])), *chinese["zeros"]])
        units_scales = cls([*self.units, *self.scales])   # 余/多 follow these
        prefix_of: dict[str, list[str]] = chinese["prefix_of"]

        def with_prefix(chars: dict[str, Decimal]) -> str:
            pieces = [re.escape(c) + (f"(?!{alt(prefix_of[c])})" if c in prefix_of else "") for c in chars]
            return "|".join(pieces) or "(?!)"

        few = [c for c in self.before_unit if c not in vague["placeholder"]]
        half = chinese["half"]
        turn_digits = cls(c for c in self.digits if self.digits[c] <= 5)
        groups = {
            CHAIN: r"[0-9]+(?:\.[0-9]+){2,}",
            AR: _ARABIC.replace("{abbr}", alt(abbreviations))
                       .replace("{dash_after}", "".join(re.escape(c) for c in chinese["dash_after"])),
            PLACES: cls(self.places) + re.escape(vague["places_suffix"]),
            MULT: f"(?:{alt(multiples['turn'])}){turn_digits}{re.escape(multiples['turns'])}"
                  f"|{alt(self.multiples)}",
            WORD: f"{alt(set(self.words) - {half['word']})}"
                  f"|(?<!{cls(half['not_after'])}){re.escape(half['word'])}(?={alt(half['before'])})",
            NEG: cls(chinese["negative"]) + f"(?= *(?:[0-9.]|{digits}|{zeros}|{cls(self.units)}))",
            ZERO: zeros,
            FEW: f"(?<!{cls(vague['not_after'])}){cls(few)}(?= *{cls(vague['units'])})",
            JI: f"(?<={cls([*self.units, *chinese['zeros']])}){cls(vague['placeholder'])}"
                f"|{cls(vague['placeholder'])}(?= *{cls(vague['units'])})",
            DIGIT: f"{digits}|{cls(self.bound_digits)}(?={cls(chinese['bound_to'])})",
            UNIT: with_prefix(self.units),
            SCALE: with_prefix(self.scales),
            POINT: f"{cls(chinese['point'])}(?= *{after_point})|(?<={digits}|{zeros})\\.(?={after_point})",
            FEN: " *".join(re.escape(c) for c in fraction["of"]),
            YOU: alt(fraction["and"]),
            SLASH: r"(?<=[0-9])/(?=[-−]?[0-9])",
            TIMES: f"(?<={cls([*self.digits, *self.units])})(?:{alt(self.times)})",
            CHENG: f"(?<=[0-9]|{cls([*self.digits, *(u for u, v in self.units.items() if v == TEN)])})"
                   f"{re.escape(fraction['tenths'])}(?!{cls(fraction.get('tenths_not_before', []))})",
            MORE: f"(?<=[0-9 ]|{units_scales}){cls(vague['more'])}",
        }
        starts = cls(sorted({word[:1] for word in (
            *"0123456789.-−/", *self.digits, *self.units, *self.scales, *self.words, *self.times,
            *self.multiples, *self.places, *multiples["turn"], *chinese["zeros"], *chinese["point"],
            *chinese["negative"], *vague["more"], *vague["placeholder"], *self.before_unit,
            *self.bound_digits,
            fraction["of"], *fraction["and"], fraction["tenths"])}))
        # The lookahead lets the regex engine skip, fast, the characters no token starts with.
        return f"(?={starts})(?:" + "|".join(f"(?P<{name}>{body})" for name, body in groups.items()) + ")"

    def _arabic(self, match: re.Match[str]) -> tuple[Arabic, int]:
        num = match["num"].replace(",", "")
        value = Decimal(num)
        decimals = len(num) - num.index(".") - 1 if "." in num else 0
        precision: Decimal | None = ONE.scaleb(-decimals)
        end, closed, scale = match.end(), False, ONE
        if match["exp"]:
            exponent = int(match["exp"])
            value, precision, closed = value.scaleb(exponent), ONE.scaleb(exponent - decimals), True
        elif match["pow"]:
            power = int(match["pow"].lstrip("+-")) * (-1 if match["pow"].count("-") % 2 else 1)
            value, precision, closed = value**power, None, True
        abbr = match["abbr"]
        if abbr:
            word = abbr.strip()
            integer_digits = len(num.split(".")[0])
            if len(word) == 1 and (integer_digits > 3 or (abbr[0] == " " and word.islower())):
                end = match.start("abbr")
            else:
                scale = self.abbreviations[word]
                value, closed = value * scale, True
                precision = None if precision is None else precision * scale
        if match["sign"]:
            value = -value
        integer = not (closed or match["sign"] or "." in num)
        stripped = num.rstrip("0")
        step = TEN ** (len(num) - len(stripped)) if integer and stripped else ONE
        return Arabic(value, precision, integer, integer and len(num) == 1, step, closed, scale), end

    def groups(self, text: str) -> list[list[Token]]:
        """The tokens of ``text``, in groups that touch or are separated by spaces only."""
        groups: list[list[Token]] = []
        current: list[Token] = []
        last_end = -1
        for match in self.token.finditer(text):
            kind, start, end = match.lastgroup or "", match.start(), match.end()
            arabic, value = None, ONE
            if kind == AR:
                arabic, end = self._arabic(match)
                value = arabic.value
            elif kind in (DIGIT, UNIT, SCALE):
                char = match.group()
                table = {DIGIT: self.digits, UNIT: self.units, SCALE: self.scales}[kind]
                value = table.get(char) or self.bound_digits[char]
            elif kind == ZERO:
                value = ZERO_D
            elif kind == TIMES:
                value = self.times[match.group()]
            gap_text = text[last_end:start] if current else ""
            joined = bool(current) and (gap_text == "" or gap_text.strip(" ") == "")
            if current and not joined:
                groups.append(current)
                current = []
            current.append(Token(kind, start, end, text[start:end], value, bool(gap_text) and joined, arabic))
            last_end = end
        if current:
            groups.append(current)
        return groups
