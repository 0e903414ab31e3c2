"""Chinese and Arabic numerals: 3万4000, 二十万亿, 十几万, 1.2万, 4.6bn, 三分之一, 百分之五, 七成.

One token regex, built once from the vocabulary, finds the numeral material of a text; tokens
separated by nothing or spaces form a group, and a small grammar reads each group left to right
into numerals.  The grammar: a section of digits and units (三千四百五), scales that multiply
everything since the last larger scale (四万亿, 五兆六十二亿), a 点-decimal, the vague markers
(十余, 十几, 数万, 上百), and the fraction and percent words around a number (三分之一, 百分之五).
Reading yields a list of operations that is evaluated twice, at the low and the high end of
what the words allow, so 二百余万 is [2000000, 3000000].
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .numeral_tokens import (
    AR,
    CHAIN,
    CHENG,
    DIGIT,
    FEN,
    FEW,
    JI,
    MORE,
    MULT,
    NEG,
    ONE,
    PLACES,
    POINT,
    SCALE,
    SLASH,
    TEN,
    TIMES,
    UNIT,
    WORD,
    YOU,
    ZERO,
    ZERO_D,
    Lexer,
    Token,
)
from .numerals import Numeral

HUNDRED = Decimal(100)
ARABIC_OP = "arabic"   # an operation: a number written in Arabic digits

Op = tuple[str, Decimal, Decimal, Decimal | None]  # kind, low value, high value, precision/step


@dataclass(slots=True)
class Reading:
    """The operations one numeral's integer-and-decimal part stands for, and how it was written."""

    ops: list[Op]
    end: int                 # index of the token after it
    vague: str | None
    arabic: bool
    chinese: bool
    bare: Decimal | None     # the value of a lone unit or scale token (百 of 百分之)
    single: bool             # a lone Chinese digit or 十 (七 of 七成)


def evaluate(ops: list[Op], high: bool) -> tuple[Decimal, Decimal | None, Decimal]:
    """Value, precision and trailing scale of ``ops``, reading vague digits at their ``high`` end."""
    terms: list[tuple[Decimal, Decimal]] = []   # (value, scale it carries)
    section, tail, factor = ZERO_D, ZERO_D, ONE
    digit: Decimal | None = None
    digit_step, step, trail = ONE, ONE, ONE
    previous = ""
    for kind, low, up, precision in ops:
        value = up if high else low
        if kind in (DIGIT, ARABIC_OP):
            digit, digit_step = value, precision or ONE
            step, trail = digit_step, ONE
        elif kind == UNIT:
            section += (ONE if digit is None else digit) * value
            step = (ONE if digit is None else digit_step) * value
            trail = value if previous == ARABIC_OP else ONE
            digit = None
        elif kind == SCALE:
            current = section + (digit or ZERO_D)
            popped, popped_scale = ZERO_D, ONE
            while terms and terms[-1][1] <= value:
                popped += terms[-1][0]
                popped_scale = max(popped_scale, terms.pop()[1])
            carried = value * popped_scale if current == 0 else value
            terms.append(((popped + current) * value, carried))
            section, digit = ZERO_D, None
            step, trail = step * value, trail * value
        elif kind == POINT:
            if digit is None and section == 0 and terms:
                tail += value
            else:
                section += (digit or ZERO_D) + value
                digit = None
            step, trail = precision or ONE, ONE
        elif kind == MORE:
            section += digit or ZERO_D
            digit = None
            if high:
                section += precision if precision is not None else step
        elif kind == TIMES:
            factor = value
        previous = kind
    total = sum((term for term, _ in terms), ZERO_D) + section + (digit or ZERO_D) + tail
    return total * factor, step * factor, trail


class ChineseGrammar:
    """Reads Chinese, Arabic and mixed numerals; built once from the ``[chinese]`` vocabulary."""

    def __init__(self, chinese: dict[str, Any], abbreviations: dict[str, int]) -> None:
        self.lexer = Lexer(chinese, abbreviations)

    def _reading(self, toks: list[Token], i: int) -> Reading | None:
        """The longest integer-and-decimal numeral starting at ``toks[i]``, or None."""
        n = len(toks)
        ops: list[Op] = []
        prev: str | None = None
        zero, decimal = False, False
        unit: Decimal | None = None
        scale: Decimal | None = None
        only: frozenset[str] | None = None
        vague: str | None = None
        j = i
        run = i   # a run of adjacent digits: 二〇一九 read digit by digit, 三四 a range
        while run + 1 < n and toks[run + 1].kind in (DIGIT, ZERO) and not toks[run + 1].gap:
            run += 1
        if toks[i].kind in (DIGIT, ZERO) and run > i:
            digits = toks[i:run + 1]
            if len(digits) > 2 or any(t.kind == ZERO for t in digits):
                value = Decimal("".join(str(int(t.value)) for t in digits))
                return Reading([(DIGIT, value, value, ONE)], run + 1, None, False, True, None, False)
            if digits[1].value == digits[0].value + 1:
                ops.append((DIGIT, digits[0].value, digits[1].value, ONE))
                prev, vague, j = DIGIT, "range", i + 2
        while j < n:
            t = toks[j]
            kind, nxt = t.kind, (toks[j + 1].kind if j + 1 < n else None)
            if only is not None and kind not in only:
                break
            if kind == DIGIT:
                if prev not in (None, UNIT, SCALE, ZERO):
                    break
                value, step = t.value, ONE
                if prev in (UNIT, SCALE) and not zero and nxt not in (UNIT, SCALE):  # 一千三 = 1300
                    step = (unit if prev == UNIT else scale) or ONE
                    step = step / TEN
                    value = value * step
                ops.append((DIGIT, value, value, step))
            elif kind == ZERO:
                if prev is None and nxt not in (UNIT, POINT):
                    ops.append((DIGIT, ZERO_D, ZERO_D, ONE))
                    j, prev = j + 1, DIGIT
                    break
                if prev not in (None, UNIT, SCALE) or nxt not in (DIGIT, UNIT, AR, JI, POINT):
                    break
                zero = True
            elif kind == UNIT:
                if prev not in (None, DIGIT, AR, FEW, ZERO) or (unit is not None and t.value >= unit):
                    break
                ops.append((UNIT, t.value, t.value, None))
                unit, zero = t.value, False
            elif kind == SCALE:
                if prev in (None, ZERO) or (prev == SCALE and scale is not None and t.value < scale):
                    break
                if decimal and scale is not None:
                    break
                ops.append((SCALE, t.value, t.value, None))
                unit, scale, zero = None, t.value, False
            elif kind == POINT:
                if decimal or prev not in (DIGIT, UNIT, SCALE, ZERO):   # not after digits: 3点5 is a time
                    break
                m, figures = j + 1, ""
                while (m < n and toks[m].kind in (DIGIT, ZERO) and (m == j + 1 or not toks[m].gap)
                       and toks[m].text not in self.lexer.not_after_point):
                    figures += str(int(toks[m].value))
                    m += 1
                if not figures:
                    break
                fraction = Decimal("0." + figures)
                ops.append((POINT, fraction, fraction, ONE.scaleb(-len(figures))))
                decimal, only = True, (frozenset() if scale is not None else frozenset({SCALE}))
                j, prev = m, POINT
                continue
            elif kind == MORE:
                arabic = toks[j - 1].arabic if prev == AR else None
                round_arabic = arabic is not None and arabic.integer and arabic.round_step > 1
                if vague or not (prev in (UNIT, SCALE) or round_arabic):
                    break
                ops.append((MORE, ZERO_D, ZERO_D, arabic.round_step if arabic else None))
                vague, only = "lower", frozenset({SCALE})
            elif kind == JI:
                if prev in (UNIT, ZERO) and not vague:   # 十几, 一百零几
                    ops.append((DIGIT, ZERO_D, TEN, ONE))
                    vague, only = "lower", frozenset({SCALE})
                elif prev is None and nxt in (UNIT, SCALE):   # 几十, 几万
                    low, high = self.lexer.before_unit[t.text]
                    ops.append((DIGIT, low, high, ONE))
                    vague, kind = "range", FEW
                else:
                    break
            elif kind == FEW:
                if prev is not None:
                    break
                low, high = self.lexer.before_unit[t.text]
                ops.append((DIGIT, low, high, ONE))
                vague = "lower" if t.text in self.lexer.lower_before else "range"
            elif kind == AR:
                arabic = t.arabic
                assert arabic is not None
                if t.gap and prev is not None and nxt not in (UNIT, SCALE):   # 20亿 2023年: not one number
                    break
                written: Decimal | None = ONE
                if prev is None:
                    value, written = arabic.value, arabic.precision
                elif not arabic.integer or arabic.closed:
                    break
                elif prev in (SCALE, ZERO) or (prev == UNIT and not zero and arabic.single):
                    value = arabic.value
                    if prev != ZERO and not zero and arabic.single and nxt not in (UNIT, SCALE):   # 3万4
                        written = ((unit if prev == UNIT else scale) or TEN) / TEN
                        value = value * written
                else:
                    break
                ops.append((ARABIC_OP, value, value, written))
                if arabic.closed:
                    j, prev = j + 1, AR
                    break
            elif kind == TIMES:
                if prev not in (DIGIT, UNIT, AR) or scale is not None or decimal or vague:
                    break
                ops.append((TIMES, t.value, t.value, None))
                j, prev = j + 1, TIMES
                break
            else:
                break
            prev = kind
            j += 1
        if prev == ZERO:   # a 零 whose follower was refused is not part of the numeral
            j -= 1
        if not ops:
            return None
        used = toks[i:j]
        kinds = {t.kind for t in used}
        bare = used[0].value if len(used) == 1 and used[0].kind in (UNIT, SCALE) else None
        single = len(used) == 1 and (used[0].kind == DIGIT or (used[0].kind == UNIT and used[0].value == TEN)
                                     or (used[0].arabic is not None and used[0].arabic.single))
        return Reading(ops, j, vague, AR in kinds, bool(kinds - {AR}), bare, single)

    def _numeral(self, toks: list[Token], i: int) -> tuple[Numeral, int] | None:
        """The numeral starting at ``toks[i]`` with the index after it, or None."""
        t, n = toks[i], len(toks)
        if t.kind == PLACES:
            places = self.lexer.places[t.text[0]]
            low, high = TEN ** (places - 1), TEN**places - 1
            return Numeral(t.start, t.end, None, low, high, None, ONE, "range", "chinese"), i + 1
        if t.kind == MULT:
            value = self.lexer.multiples.get(t.text) or 2 ** self.lexer.digits[t.text[-2]]
            return Numeral(t.start, t.end, value, value, value, ONE, ONE, None, "multiple"), i + 1
        if t.kind == WORD:
            value, kind = self.lexer.words[t.text]
            precision = None if kind == "fraction" else ONE
            return Numeral(t.start, t.end, value, value, value, precision, ONE, None, kind), i + 1
        if t.kind == SCALE and i + 1 < n and toks[i + 1].kind == FEN:   # 万分之三
            first: Reading | None = Reading([(SCALE, t.value, t.value, None)], i + 1, None, False, True,
                                            t.value, False)
        else:
            first = self._signed(toks, i)
        if first is None:
            return None
        negative = toks[i].kind == NEG
        end = first.end
        nxt = toks[end].kind if end < n else None
        if nxt == FEN:
            fraction = self._fraction(toks, i, first, negative)
            if fraction:
                return fraction
        if nxt == YOU and end + 1 < n:
            whole = self._value(first, negative)
            part = self._reading(toks, end + 1)
            if whole and part and part.end < n and toks[part.end].kind == FEN:
                fraction = self._fraction(toks, end + 1, part, False)
                if fraction and fraction[0].value is not None:
                    value = whole + fraction[0].value if not negative else whole - fraction[0].value
                    return self._exact(toks[i].start, fraction[0].end, value, "fraction"), fraction[1]
        if first.arabic and not first.chinese and len(first.ops) == 1 and toks[end - 1].arabic:
            mixed = self._slash(toks, i, end)
            if mixed:
                return mixed
        if nxt == CHENG and first.single and not negative:   # 七成 = 70 percent, 三成五 = 35
            value, step, stop = self._value(first, False) or ZERO_D, TEN, end + 1
            if stop < n and toks[stop].kind == DIGIT and not toks[stop].gap and (
                    stop + 1 >= n or toks[stop + 1].kind not in (UNIT, SCALE)):
                value, step, stop = value * TEN + toks[stop].value, ONE, stop + 1
            else:
                value = value * TEN
            return Numeral(toks[i].start, toks[stop - 1].end, value, value, value, step, ONE, None,
                           "percent"), stop
        return self._build(toks, i, first, negative), end

    def _signed(self, toks: list[Token], i: int) -> Reading | None:
        if toks[i].kind == NEG:
            return self._reading(toks, i + 1) if i + 1 < len(toks) else None
        return self._reading(toks, i)

    def _value(self, reading: Reading, negative: bool) -> Decimal | None:
        """The exact value of a reading (None when vague)."""
        if reading.vague:
            return None
        value = evaluate(reading.ops, False)[0]
        return -value if negative else value

    def _fraction(self, toks: list[Token], i: int, base: Reading,
                  negative: bool) -> tuple[Numeral, int] | None:
        """``base`` 分之 numerator: a percent after a bare 百/千/万, else a fraction."""
        fen = base.end
        if fen + 1 >= len(toks):
            return None
        numerator = self._signed(toks, fen + 1)
        if numerator is None:
            return None
        minus = toks[fen + 1].kind == NEG
        start, end = toks[i].start, toks[numerator.end - 1].end
        if base.bare is not None and base.bare in self.lexer.percent_bases.values() and not negative:
            factor = HUNDRED / base.bare
            low, step, _ = evaluate(numerator.ops, False)
            high = evaluate(numerator.ops, True)[0]
            if minus:
                low, high = -high, -low
            value = None if numerator.vague == "range" else (high if minus else low) * factor
            precision = None if step is None else step * factor
            return Numeral(start, end, value, low * factor, high * factor, precision, ONE, numerator.vague,
                           "percent"), numerator.end
        over, under = self._value(numerator, minus), self._value(base, negative)
        if over is None or not under:
            return None
        return self._exact(start, end, over / under, "fraction"), numerator.end

    def _slash(self, toks: list[Token], i: int, end: int) -> tuple[Numeral, int] | None:
        """1/6, -3/2, and the mixed 1 3/5; not a date 2024/12/05."""
        n, start = len(toks), toks[i].start
        whole = ZERO_D
        if end < n and toks[end].kind == AR and toks[end].gap and end + 2 < n and toks[end + 1].kind == SLASH:
            head = toks[end - 1].arabic
            if head is None or not head.integer:
                return None
            whole, i, end = head.value, end, end + 1
        if end + 1 >= n or toks[end].kind != SLASH or toks[end + 1].kind != AR:
            return None
        if (i > 0 and toks[i - 1].kind == SLASH) or (end + 2 < n and toks[end + 2].kind == SLASH):
            return None
        over, under = toks[i].arabic, toks[end + 1].arabic
        if over is None or under is None or over.closed or under.closed or not under.value:
            return None
        return self._exact(start, toks[end + 1].end, whole + over.value / under.value, "fraction"), end + 2

    @staticmethod
    def _exact(start: int, end: int, value: Decimal, kind: str) -> Numeral:
        return Numeral(start, end, value, value, value, None, ONE, None, kind)

    def _build(self, toks: list[Token], i: int, reading: Reading, negative: bool) -> Numeral:
        low, step, scale = evaluate(reading.ops, False)
        high = evaluate(reading.ops, True)[0] if reading.vague else low
        value = None if reading.vague == "range" else low
        if negative:
            value, low, high = (None if value is None else -value), -high, -low
        kind = "mixed" if reading.arabic and reading.chinese else "arabic" if reading.arabic else "chinese"
        if kind == "arabic" and reading.ops[-1][0] == UNIT:   # 5千: a Chinese unit after digits
            kind = "mixed"
        last = toks[reading.end - 1]
        if last.arabic is not None and last.arabic.scale > scale:  # 175B, 4.6bn: the abbreviation
            scale = last.arabic.scale
        return Numeral(toks[i].start, last.end, value, low, high, step, scale, reading.vague, kind)

    def scan(self, text: str) -> list[Numeral]:
        """Every Chinese, Arabic or mixed numeral in ``text``, left to right."""
        found: list[Numeral] = []
        for toks in self.lexer.groups(text):
            i = 0
            while i < len(toks):
                t = toks[i]
                if t.kind == CHAIN:   # 1.2.3, 2024.12.05: each part an integer
                    position = t.start
                    for part in t.text.split("."):
                        value = Decimal(part)
                        end = position + len(part)
                        found.append(Numeral(position, end, value, value, value, ONE, ONE, None, "arabic"))
                        position += len(part) + 1
                    i += 1
                    continue
                result = self._numeral(toks, i)
                if result is None:
                    i += 1
                    continue
                found.append(result[0])
                i = result[1]
        return found
