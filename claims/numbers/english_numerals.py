"""English number words: six, twenty-five, one hundred and five, a dozen, two-thirds, a quarter of,
sixfold, 15-fold, doubled, single digits, hundreds of thousands, several hundred million.

Digits with an English scale (2.26 million, $4.6bn, 40k) are read with the Arabic numerals, in
numeral_tokens; this module reads numbers written in words, case-insensitively, on word
boundaries (no "one" in someone, no "ten" in often).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..vocab import alternation
from .numerals import Numeral

ONE = Decimal(1)
SMALL, TENS, HUNDRED, SCALE, ARTICLE, AND = "small", "tens", "hundred", "scale", "article", "and"
OPEN = "open"  # several: a digit left open


class EnglishGrammar:
    """Reads English number words; built once from the ``[english]`` vocabulary."""

    def __init__(self, english: dict[str, Any]) -> None:
        self.words: dict[str, tuple[str, Decimal]] = {}
        for key, kind in (("small", SMALL), ("tens", TENS), ("hundred", HUNDRED), ("scales", SCALE)):
            self.words.update({word: (kind, Decimal(v)) for word, v in english[key].items()})
        self.words.update({word: (ARTICLE, ONE) for word in english["article"]})
        self.words.update({word: (OPEN, ONE) for word in english["open_digit"]})
        self.open_digit = {word: (Decimal(lo), Decimal(hi)) for word, (lo, hi) in english["open_digit"].items()}
        self.fractions = {word: Decimal(v) for word, v in english["fractions"].items()}
        self.multiples = {word: Decimal(str(v)) for word, v in english["multiples"].items()}
        self.ranges = {word: (Decimal(lo), Decimal(hi)) for word, (lo, hi) in english["ranges"].items()}
        self.plurals = {word: Decimal(v) for word, v in english["plurals"].items()}
        number = alternation([*english["small"], *english["tens"], *english["hundred"], *english["scales"]])
        counts = alternation([*english["small"], *english["article"]])
        after_article = alternation([*english["hundred"], *english["scales"]])
        leading = alternation([*english["article"], *english["open_digit"]])
        need_next = english["fractions_need_next"]
        following = alternation(english["fractions_next"]).replace(r"\ ", r"[\s-]+")
        fractions = "|".join([alternation([w for w in self.fractions if w not in need_next]),
                              f"(?:{alternation(need_next)})(?=[\\s-]+(?:{following})\\b)"])
        plurals, big = alternation(list(self.plurals)), alternation([f"{w}s" for w in english["scales"]])
        phrase = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                          for w in sorted(self.ranges, key=len, reverse=True))
        self.pattern = re.compile(   # the lookahead and the shared \b let the engine skip, fast, what starts no word
            rf"(?=[A-Za-z0-9])\b(?:(?P<range>\b(?:{phrase})\b)"
            rf"|(?P<plural>\b(?:{plurals})(?:\s+of\s+(?:{big})\b(?:\s+of\b)?|\s+of\b))"
            rf"|(?P<fold>\b(?:{number}|[0-9]+(?:\.[0-9]+)?)[- ]?{re.escape(english['fold'])}\b)"
            rf"|(?P<mult>\b(?:{alternation(list(self.multiples))})\b(?![- ]digit))"
            rf"|(?P<fraction>\b(?:{counts})[ -](?:{fractions})\b|\bhalf\b)"
            rf"|(?P<words>\b(?:(?:{leading})\s+(?=(?:{after_article})\b))?(?:{number})\b"
            rf"(?:(?:\s*-\s*|\s+(?:and\s+)?)(?:{number})\b)*))",
            re.IGNORECASE,
        )
        self.word = re.compile(r"[a-z]+", re.IGNORECASE)

    def scan(self, text: str) -> list[Numeral]:
        """Every English numeral in ``text``, left to right."""
        found: list[Numeral] = []
        for match in self.pattern.finditer(text):
            kind, start, end = match.lastgroup, match.start(), match.end()
            words = match.group().lower().split()
            if kind == "range":
                low, high = self.ranges[" ".join(words)]
                found.append(Numeral(start, end, None, low, high, None, ONE, "range", "word"))
            elif kind == "plural":   # hundreds of thousands (of) = 2..9 x 100 x 1000
                scales = [word for word in words[1:] if word != "of"]
                unit = self.plurals[words[0]] * (self._scale(scales[0]) if scales else ONE)
                found.append(Numeral(start, end, None, 2 * unit, 9 * unit, None, ONE, "range", "word"))
            elif kind == "fold":
                head = re.sub(r"[- ]?fold$", "", match.group().lower())
                value = Decimal(head) if head[0].isdigit() else self.words[head][1]
                found.append(Numeral(start, end, value, value, value, None, ONE, None, "multiple"))
            elif kind == "mult":
                value = self.multiples[words[0]]
                found.append(Numeral(start, end, value, value, value, None, ONE, None, "multiple"))
            elif kind == "fraction":
                parts = re.split(r"[ -]", match.group().lower())
                count = ONE if len(parts) == 1 else self.words[parts[0]][1]
                value = count / self.fractions[parts[-1]]
                found.append(Numeral(start, end, value, value, value, None, ONE, None, "fraction"))
            else:
                found.extend(self._words(match))
        return found

    def _scale(self, plural: str) -> Decimal:
        return self.words[plural[:-1]][1]

    def _words(self, match: re.Match[str]) -> list[Numeral]:
        """Split a run of number words into numerals (one two -> 1, 2) and read each."""
        found: list[Numeral] = []
        tokens = [(m.start() + match.start(), m.end() + match.start(), m.group().lower())
                  for m in self.word.finditer(match.group())]
        i = 0
        while i < len(tokens):
            numeral, i = self._read(tokens, i)
            if numeral:
                found.append(numeral)
        return found

    def _read(self, tokens: list[tuple[int, int, str]], i: int) -> tuple[Numeral | None, int]:
        total, current, step, trail = Decimal(0), Decimal(0), ONE, ONE
        previous, last_scale, j, end = "", None, i, i
        while j < len(tokens):
            word = tokens[j][2]
            kind, value = self.words.get(word, (AND, ONE))
            following = self.words.get(tokens[j + 1][2], (AND, ONE))[0] if j + 1 < len(tokens) else ""
            if kind == AND:
                if previous not in (HUNDRED, SCALE) or following not in (SMALL, TENS):
                    break
            elif kind in (ARTICLE, OPEN):
                if previous:
                    break
                current = ONE
            elif kind == SMALL:
                if previous == SMALL or (previous == TENS and value >= 10):
                    break
                current, step, trail = current + value, ONE, ONE
                end = j + 1
            elif kind == TENS:
                if previous in (SMALL, TENS):
                    break
                current, step, trail = current + value, Decimal(10), ONE
                end = j + 1
            elif kind == HUNDRED:
                if previous not in (SMALL, ARTICLE, OPEN, TENS):
                    break
                current, step, trail = current * value, value, ONE
                end = j + 1
                if value == 12:   # a dozen ends the number
                    j += 1
                    break
            else:   # thousand, million ...
                if previous not in (SMALL, TENS, HUNDRED, ARTICLE, OPEN) or (last_scale and value >= last_scale):
                    break
                total, current, last_scale = total + current * value, Decimal(0), value
                step, trail = step * value, value
                end = j + 1
            previous = kind
            j += 1
        if end == i:
            return None, i + 1
        value = total + current
        start, stop = tokens[i][0], tokens[end - 1][1]
        if tokens[i][2] in self.open_digit:  # several hundred million = 2..9 x 1e8
            low, high = self.open_digit[tokens[i][2]]
            return Numeral(start, stop, None, value * low, value * high, None, trail, "range", "word"), end
        return Numeral(start, stop, value, value, value, step, trail, None, "word"), end
