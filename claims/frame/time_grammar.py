"""The digits of time mentions: years (2025, 2025年, 2020-2025年, FY2025, 2025财年), quarters and
halves (2025Q4, 第四季度, 4Q25, H1), months and days (12月, 1-11月, 前11月, 12月10日, 10日, 十日) and
ISO dates, each rule tried only where its first digit, letter or CJK word stands. Each find is
an ``Atom``; names (months, weekdays, "fourth quarter") are time_names.py's, and a year and
the part of it named beside it are joined in time_mentions.py. Words: claims/data/time.toml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..vocab import alternation, first_chars, load
from .time_forms import DayOfMonth, Fiscal, Form, Stretch

YEAR = r"(?:19|20)[0-9]{2}"
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_LATIN = re.compile(r"[A-Za-z]")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Atom:
    """One piece of a time mention at ``[start, end)``. ``weak``: counts only with a year beside
    it (四季, a bare "May"); ``since``: runs from its start to the article's date (今年以来)."""

    start: int
    end: int
    form: Form
    weak: bool = False
    since: bool = False


Handler = Callable[[re.Match[str]], "tuple[Form, bool] | None"]


def words_pattern(words: list[str] | tuple[str, ...]) -> str:
    """An alternation of ``words``; Latin ones only as whole words."""
    latin = [w for w in words if _LATIN.search(w)]
    other = [w for w in words if not _LATIN.search(w)]
    parts = [rf"(?<![A-Za-z])(?:{alternation(latin)})(?![A-Za-z])"] if latin else []
    if other:
        parts.append(f"(?:{alternation(other)})")
    return f"{first_chars(words)}(?:{'|'.join(parts)})" if parts else "(?!)"


def ends_with(text: str, words: list[str]) -> bool:
    folded = text.lower().rstrip()
    return any(folded.endswith(word) and not (_LATIN.match(word[0]) and folded[:-len(word)][-1:].isalpha())
               for word in words)


def starts_with(text: str, words: list[str]) -> bool:
    folded = text.lower().lstrip()
    return any(folded.startswith(word) for word in words)


def _cjk_number(written: str) -> int:
    """十日 -> 10, 二十五 -> 25, 12 -> 12."""
    if written.isdigit():
        return int(written)
    if "十" in written:
        tens, _, ones = written.partition("十")
        return (_CJK_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CJK_DIGITS.get(ones, 0) if ones else 0)
    return _CJK_DIGITS.get(written, 0)


def two_digit_year(written: str | None) -> int | None:
    return 2000 + int(written) if written else None


def stretch(first: int, last: int, day: int = 0, last_day: int = 0, year: int | None = None) -> Stretch | None:
    if not (1 <= first <= 12 and 1 <= last <= 12 and 0 <= day <= 31 and 0 <= last_day <= 31):
        return None
    return Stretch(first, last, day, last_day, year)


class _Digits:
    """The compiled rules, built once from claims/data/time.toml."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        joiners = words_pattern(data["months"]["joiners"])
        suffix = words_pattern(data["years"]["suffix"])
        ordinals: dict[str, int] = data["quarters"]["ordinals"]
        self.ordinals = {k.lower(): v for k, v in ordinals.items()}
        cjk_ordinals = "".join(k for k in ordinals if not _LATIN.search(k))
        days = data["days"]
        day_suffix = words_pattern(days["suffix"])
        quarter_words = words_pattern(data["quarters"]["words"])
        # tried at a run of four digits that reads as a year (19xx, 20xx)
        by_year: list[tuple[str, Handler]] = [
            (rf"(?<![\d.])(?P<y>{YEAR})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?![\d.])", self._iso_day),
            (rf"(?<!\d,)(?<![\d.])(?P<y>{YEAR})(?:{suffix})?\s*(?:{joiners}|/)\s*(?P<y2>(?:19|20)?\d\d)"
             rf"(?:\s*(?:{suffix})|(?![\d%.]))", self._year_span),
            (rf"(?<!\d,)(?<![\d.])(?P<y>{YEAR})\s*(?:{words_pattern(data['years']['fiscal_suffix'])})", self._fiscal),
            (rf"(?<!\d,)(?<![\d.$€£¥#])(?P<y>{YEAR})(?:(?P<s>\s*(?:{suffix}))|(?![\d%]))", self._year),
        ]
        fiscal_prefix = words_pattern(data["years"]["fiscal_prefix"])
        self.fiscal_before = re.compile(rf"(?:{fiscal_prefix})\s*'?$", re.IGNORECASE)
        # tried at a fiscal word before a run of digits (FY2025, FY25, fiscal 2025)
        by_fiscal: list[tuple[str, Handler]] = [
            (rf"(?:{fiscal_prefix})\s*'?(?P<y>{YEAR}|\d\d)(?![\d%])", self._fiscal),
        ]
        # tried at a run of one or two digits (a month, a day, Q4, 4Q25, H1, 1H25)
        by_number: list[tuple[str, Handler]] = [
            (rf"(?<![\d.])(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})(?:{day_suffix})?\s*(?:{joiners})\s*(?:(?P<m2>\d{{1,2}})月)?"
             rf"(?P<d2>\d{{1,2}})(?:{day_suffix})", self._cjk_day_span),
            (rf"(?<![\d.])(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})(?:{day_suffix})", self._cjk_day),
            (rf"(?<![\d.])(?P<m>\d{{1,2}})月?(?:份)?\s*(?:{joiners})\s*(?P<m2>\d{{1,2}})月(?:份)?",
             self._cjk_month_span),
            (r"(?<![\d.])(?P<m>\d{1,2})月(?:份)?", self._cjk_month),
            (r"(?<![\d.月])(?P<d>\d{1,2})(?:日)?\s*(?:至|到|-)\s*(?P<d2>\d{1,2})日", self._day_only_span),
            (r"(?<![\d.月])(?P<d>\d{1,2})日", self._day_only),
            (r"(?<![A-Za-z0-9])(?P<q>[1-4])[Qq](?P<yy>\d\d)?(?![A-Za-z0-9])", self._letter_quarter),
            (r"(?<![A-Za-z0-9])(?P<h>[12])[Hh](?P<yy>\d\d)(?![A-Za-z0-9])", self._letter_half),
        ]
        first_n = data["first_months"]
        self.first_n_prefix = tuple(first_n["prefix"])
        # tried at the word before such a run: the first N months (前11月, 首10个月)
        by_prefix: list[tuple[str, Handler]] = [
            (rf"(?:{words_pattern(first_n['prefix'])})(?P<n>\d{{1,2}})(?:{words_pattern(first_n['measure'])})?月",
             self._first_months),
        ]
        # tried at the letter before such a run (Q4, Q4'25, H1)
        by_letter: list[tuple[str, Handler]] = [
            (r"(?<![A-Za-z])[Qq](?P<q>[1-4])(?:'(?P<yy>\d\d))?(?![A-Za-z0-9])", self._letter_quarter),
            (r"(?<![A-Za-z])[Hh](?P<h>[12])(?:'(?P<yy>\d\d))?(?![A-Za-z0-9])", self._letter_half),
        ]
        # tried where a CJK quarter word or 日 stands, from a few characters before it
        by_cjk: list[tuple[str, Handler]] = [
            (rf"(?P<p>{words_pattern(data['quarters']['prefix'])})?(?P<q>[{cjk_ordinals}])(?P<w>{quarter_words})",
             self._cjk_quarter),
            (r"(?<![\d.月一二三四五六七八九十])(?P<d>[一二三四五六七八九十]{1,3})日", self._day_only),
        ]
        def compiled(rules: list[tuple[str, Handler]]) -> list[tuple[re.Pattern[str], Handler]]:
            return [(re.compile(pattern, re.IGNORECASE), handler) for pattern, handler in rules]

        self.by_year, self.by_number, self.by_letter = compiled(by_year), compiled(by_number), compiled(by_letter)
        self.by_prefix, self.by_fiscal = compiled(by_prefix), compiled(by_fiscal)
        self.by_cjk = compiled(by_cjk)
        self.cjk_anchor = re.compile(f"{quarter_words}|日")

    def atoms(self, text: str) -> Iterator[Atom]:
        for run in _DIGITS.finditer(text):
            start, size = run.start(), run.end() - run.start()
            fiscal = self.fiscal_before.search(text, max(0, start - 14), start) if size in (2, 4) else None
            if fiscal:
                yield from tried(self.by_fiscal, text, fiscal.start())
            if size == 4 and text.startswith(("19", "20"), start):
                yield from tried(self.by_year, text, start)
            elif size <= 2:
                yield from tried(self.by_number, text, start)
                if start and text[start - 1] in "QqHh":
                    yield from tried(self.by_letter, text, start - 1)
                for prefix in self.first_n_prefix:
                    if text.startswith(prefix, start - len(prefix)):
                        yield from tried(self.by_prefix, text, start - len(prefix))
        for anchor in self.cjk_anchor.finditer(text):
            for start in range(max(0, anchor.start() - 3), anchor.start()):
                yield from tried(self.by_cjk, text, start)

    # ------------------------------------------------------------ years

    def _iso_day(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        month, day = int(m["m"]), int(m["d"])
        found = stretch(month, month, day, day, int(m["y"]))
        return (found, False) if found else None

    def _year_span(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        first, written = int(m["y"]), m["y2"]
        last = int(written) if len(written) == 4 else first // 100 * 100 + int(written)
        if len(written) == 2 and "-" in m.group() and 1 <= int(written) <= 12 and last <= first:
            return Stretch(int(written), int(written), year=first), False  # 2025-12: a month
        if not first < last <= first + 50:
            return None
        return Stretch(year=first, last_year=last, whole_year=True), False

    def _year(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        following = m.string[m.end():m.end() + 1]
        if not m["s"] and following and ("\u2e80" <= following <= "\u9fff"):
            return None  # 2025美国..., 2025万: digits of a name or an amount
        return Stretch(year=int(m["y"]), whole_year=True), False

    def _fiscal(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        return fiscal_year(m["y"]), False

    # ------------------------------------------------------------ quarters and halves

    def _cjk_quarter(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        quarter = self.ordinals.get(m["q"], 0)
        if not quarter or (m["q"].isdigit() and m.string[m.start() - 1:m.start()].isdigit()):
            return None
        return quarter_months(quarter), not m["p"] and len(m["w"]) == 1

    def _letter_quarter(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        months = quarter_months(int(m["q"]))
        return Stretch(months.first, months.last, year=two_digit_year(m["yy"])), False

    def _letter_half(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        half = int(m["h"])
        return Stretch(6 * half - 5, 6 * half, year=two_digit_year(m["yy"])), False

    # ------------------------------------------------------------ months and days

    def _cjk_day_span(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        first = int(m["m"])
        found = stretch(first, int(m["m2"] or first), int(m["d"]), int(m["d2"]))
        return (found, False) if found else None

    def _cjk_day(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        found = stretch(int(m["m"]), int(m["m"]), int(m["d"]), int(m["d"]))
        return (found, False) if found else None

    def _cjk_month_span(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        found = stretch(int(m["m"]), int(m["m2"]))
        return (found, False) if found and found.first != found.last else None

    def _cjk_month(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        found = stretch(int(m["m"]), int(m["m"]))
        return (found, False) if found else None

    def _first_months(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        found = stretch(1, int(m["n"]))
        return (found, False) if found and found.last > 1 else None

    def _day_only_span(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        first, last = int(m["d"]), int(m["d2"])
        return (DayOfMonth(first, last), False) if 1 <= first < last <= 31 and self._day_cue(m, True) else None

    def _day_only(self, m: re.Match[str]) -> tuple[Form, bool] | None:
        day = _cjk_number(m["d"])
        return (DayOfMonth(day, day), False) if 1 <= day <= 31 and self._day_cue(m, m["d"].isdigit()) else None

    def _day_cue(self, m: re.Match[str], digits: bool) -> bool:
        """Whether a day written without its month is a date: never beside a word of a duration
        or count (近5日, 30日内); a Chinese-numeral day also needs a cue word around it."""
        words = self.data["days"]
        before, after = m.string[max(0, m.start() - 6):m.start()], m.string[m.end():m.end() + 4]
        if ends_with(before, words["never_before"]) or starts_with(after, words["never_after"]):
            return False
        return digits or ends_with(before, words["only_before"]) or starts_with(after, words["only_after"])


def tried(rules: list[tuple[re.Pattern[str], Handler]], text: str, start: int) -> Iterator[Atom]:
    """The atoms of the ``rules`` that match at ``start``."""
    for pattern, handler in rules:
        match = pattern.match(text, start)
        found = handler(match) if match else None
        if match and found is not None:
            yield Atom(match.start(), match.end(), found[0], found[1])


def quarter_months(number: int) -> Stretch:
    return Stretch(3 * number - 2, 3 * number)


def fiscal_year(written: str) -> Fiscal:
    """FY2025, FY25, 2025财年."""
    return Fiscal(int(written) if len(written) == 4 else 2000 + int(written))


@cache
def _digits() -> _Digits:
    return _Digits(load("time"))


def digit_atoms(text: str) -> Iterator[Atom]:
    """The atoms of normalised ``text`` that start with a digit or a CJK quarter or day word."""
    return _digits().atoms(text)
