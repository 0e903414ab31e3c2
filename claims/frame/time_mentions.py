"""Time mentions: the atoms of time_grammar.py and time_words.py joined into whole mentions (a
year and the part of it named beside it: 2025年第四季度, Q4 2025, the fourth quarter of last
year, Thursday, Jan. 8, 2026), each with the role its neighbours give it: the base of a
comparison (较2024年), a span "since" it (自9月以来), a record's reference (2019年以来首次), a
plan (计划2026年), a running total's date (截至12月10日) or the article's own date line.
Words: claims/data/time.toml.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from ..clauses import clause_bounds, line_breaks, sentence_bounds
from ..vocab import alternation, load
from .time_ended import ended_period
from .time_forms import Back, DayOfMonth, Fiscal, Form, QuarterSet, Stretch, Weekday
from .time_grammar import Atom, digit_atoms, words_pattern
from .time_names import name_atoms
from .time_words import folded, word_atoms

_TITLE = re.compile(r"《[^《》\n]{0,80}》")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?|[\W\d_]+", re.UNICODE)
_DAY_LABEL_WEEKDAY_GAP = ("", " ", ",", ", ", "(", " (")


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A period named at ``[start, end)`` of the normalised text, and its role there."""

    start: int
    end: int
    form: Form
    since: bool = False    # runs from its start to the article's date: 今年以来, 自9月以来, 2025年至今
    base: bool = False     # the base of a comparison: 较2024年, up 7% from 2024, 与去年同期相比
    record: bool = False   # a record's, an ordinal's or an event's reference: 2019年以来首次, 年内第三次降息,
                           # its final meeting of 2025
    planned: bool = False  # in a plan or forecast clause (预计, 计划, 目标是): no clue to the present
    as_of: bool = False    # a running total's or stock's date: 截至12月10日, as of Dec. 10
    stamp: bool = False    # on the article's own date line ("Published: 20 May 2025")
    lead_clause: bool = False  # in the first clause of its sentence: it may govern the sentences after
    closes: int = 0        # where a "since" phrase closes after words of its own (自2019年那宗交易以来: at 以来)

    @property
    def year(self) -> int | None:
        """The year as written (None: from the article's date or context)."""
        return self.form.year if isinstance(self.form, (Stretch, Fiscal)) else None

    @property
    def relative(self) -> int | None:
        """Years from the article's year, for 今年 (0), 去年 (-1) ..."""
        return self.form.relative if isinstance(self.form, Stretch) else None

    @property
    def label(self) -> str:
        """What follows the year in this mention's period, when it is one calendar unit: "" (a
        year), "Q3", "H1", "-12", "-12-05" (the timeline dates events by the last); else ""."""
        form = self.form
        if not isinstance(form, Stretch) or form.whole_year:
            return ""
        if form.day:
            return f"-{form.first:02d}-{form.day:02d}" if form.first == form.last and form.day == form.last_day else ""
        if form.first == form.last:
            return f"-{form.first:02d}"
        if form.last - form.first == 2 and form.first % 3 == 1:
            return f"Q{form.last // 3}"
        if form.last - form.first == 5 and form.first in (1, 7):
            return f"H{form.last // 6}"
        return ""


def mentions(text: str, folded_text: str) -> list[TimeMention]:
    """Every time mention of normalised ``text`` (``folded_text``: lower-cased), left to right;
    years inside titles 《》 are names."""
    atoms = sorted((*digit_atoms(text), *name_atoms(text, folded_text), *word_atoms(text, folded_text)),
                   key=lambda a: (a.start, a.start - a.end))
    kept: list[Atom] = []
    for atom in atoms:
        if not kept or atom.start >= kept[-1].end:
            kept.append(atom)
    titles = [m.span() for m in _TITLE.finditer(text)]
    title_starts = [start for start, _ in titles]
    found: list[TimeMention] = []
    for atom in _joined(text, kept):
        inside = bisect_right(title_starts, atom.start) - 1
        if inside >= 0 and titles[inside][1] >= atom.end:
            continue
        ended = ended_period(text, atom.start, atom.end, atom.form) if isinstance(atom.form, Stretch) else None
        if atom.weak and not ended:  # a bare "March" counts in "the three months to March"
            continue
        if ended:
            # 截至6月30日止六个月: the first half, not a running total at the day; "the year" of
            # "the year ended December 31" is a part of it
            while found and found[-1].end > ended[0]:
                found.pop()
            found.append(replace(_with_roles(text, Atom(*ended)), as_of=False))
            continue
        found.append(_with_roles(text, atom))
    return _stamped(text, found)


def _joined(text: str, atoms: Sequence[Atom]) -> Iterable[Atom]:
    """Atoms with a year beside a part of it joined into one (2025年 + 第四季度, Q4 + 2025)."""
    joins = {join.lower() for join in load("time")["joins"]["year_and_part"]}
    current: Atom | None = None
    for atom in atoms:
        if (current is not None and not (current.since or atom.since)
                and text[current.end:atom.start].lower() in joins):
            joined = _join(current, atom, text[current.end:atom.start])
            if joined is not None:
                current = Atom(current.start, atom.end, joined, False, current.since or atom.since)
                continue
        if current is not None:
            yield current
        current = atom
    if current is not None:
        yield current


def _join(a: Atom, b: Atom, gap: str) -> Form | None:
    left, right = a.form, b.form
    if isinstance(left, Weekday) and isinstance(right, (Stretch, DayOfMonth)) and gap in _DAY_LABEL_WEEKDAY_GAP:
        return right  # Thursday, Jan. 8 / 周四(8日): the date says which
    if isinstance(right, Weekday) and isinstance(left, (Stretch, DayOfMonth)) and gap in _DAY_LABEL_WEEKDAY_GAP:
        return left
    for year, part in ((left, right), (right, left)):
        if _is_year(year) and isinstance(part, Stretch) and not part.whole_year and not part.has_year:
            return replace(part, year=year.year, relative=year.relative)  # type: ignore[union-attr]
    if _is_year(left) and isinstance(right, Back) and right.grain == "year" and not right.years:
        return left  # 2025年全年
    if _is_year(left) and isinstance(right, QuarterSet):
        return QuarterSet(left.year, left.relative)  # type: ignore[union-attr]
    for fiscal, part in ((left, right), (right, left)):
        if isinstance(fiscal, Fiscal) and not fiscal.part and isinstance(part, Stretch) and not part.has_year:
            span = part.last - part.first
            if span == 2 and not part.day:
                return Fiscal(fiscal.year, part.last // 3)
            if span == 5 and not part.day:
                return Fiscal(fiscal.year, 4 + part.last // 6)
    return None


def _is_year(form: Form) -> bool:
    return isinstance(form, Stretch) and form.whole_year and form.last_year is None and form.has_year


@cache
def _role_words() -> dict[str, re.Pattern[str]]:
    data = load("time")["words"]
    status = load("status")["words"]
    return {
        "base_before": re.compile(rf"(?:{words_pattern(data['base_before'])})\s*$", re.IGNORECASE),
        "base_after_figure": re.compile(rf"\d[^,;:，；]*(?:{words_pattern(data['base_after_figure'])})\s*$",
                                        re.IGNORECASE),
        "base_after": re.compile(rf"\s*(?:{words_pattern(data['base_after'])})", re.IGNORECASE),
        "since_before": re.compile(rf"(?:{words_pattern(data['since_before'])})\s*$", re.IGNORECASE),
        "since_after": re.compile(rf"\s*(?:{words_pattern(data['since_after'])})", re.IGNORECASE),
        "record": re.compile(words_pattern(data["record"]), re.IGNORECASE),
        "ordinal": re.compile(rf"\s*(?:{words_pattern(data['ordinal_after'])})", re.IGNORECASE),
        "event": re.compile(rf"(?:{words_pattern(data['event_before'])})\s*$", re.IGNORECASE),
        "opener": re.compile(rf"(?:{words_pattern(load('time')['months']['openers'])})\s*$", re.IGNORECASE),
        "as_of": re.compile(rf"(?:{words_pattern(data['as_of'])})\s*$", re.IGNORECASE),
        "planned": re.compile(words_pattern(status["forecast"] + data["plan"]), re.IGNORECASE),
        "deadline": re.compile(alternation(data["deadline_after"])),
    }


def _with_roles(text: str, atom: Atom) -> TimeMention:
    words = _role_words()
    before, after = text[max(0, atom.start - 16):atom.start], text[atom.end:atom.end + 16]
    opened = _two_ended(atom.form) and bool(words["opener"].search(before))
    if opened:
        before = ""  # from January to November, 自1月至11月: the span's own opening word
    starts_since = bool(words["since_before"].search(before))
    since = atom.since or starts_since or bool(words["since_after"].match(after))
    left = sentence_bounds(text, atom.start, atom.end)[0]
    clause_left, clause_right = clause_bounds(text, atom.start, atom.end)
    closing = None if atom.since or not starts_since or words["since_after"].match(after) \
        else words["since_after"].search(text, atom.end, clause_right)
    closed = closing.end() if closing else atom.end
    record = since and bool(words["record"].search(text, max(0, atom.start - 24), atom.start)
                            or words["record"].search(text, closed, closed + 14))
    record = record or bool(words["ordinal"].match(after) or words["event"].search(before))
    base = bool(words["base_before"].search(before) or words["base_after"].match(after)
                or (not opened and words["base_after_figure"].search(text, clause_left, atom.start)))
    planned = bool(words["planned"].search(text, left, atom.start) or words["deadline"].match(text, atom.end))
    return TimeMention(
        atom.start, atom.end, atom.form, since=since and not record, base=base, record=record,
        planned=planned, as_of=bool(words["as_of"].search(before)),
        lead_clause=clause_left == left or not text[left:clause_left].strip(),
        closes=closing.start() if closing else 0,
    )


def _two_ended(form: Form) -> bool:
    """A span written with both its ends (1-11月, January to November, 2020-2025年)."""
    if not isinstance(form, Stretch):
        return False
    return form.last_year is not None or (form.first != form.last and not form.whole_year)


@cache
def _stamp_words() -> frozenset[str]:
    return frozenset(folded(word) for word in load("time")["words"]["stamp"])


def _stamped(text: str, found: list[TimeMention]) -> list[TimeMention]:
    """Mark the mentions of a line that holds nothing but dates, clock times and stamp words."""
    breaks = line_breaks(text)
    by_line: dict[int, list[int]] = {}
    for number, mention in enumerate(found):
        by_line.setdefault(bisect_right(breaks, mention.start), []).append(number)
    stamp_words = _stamp_words()
    for line, numbers in by_line.items():
        left = breaks[line - 1] + 1 if line else 0
        right = breaks[line] if line < len(breaks) else len(text)
        if right - left > 120:
            continue
        rest, cursor = [], left
        for number in numbers:
            rest.append(text[cursor:found[number].start])
            cursor = found[number].end
        rest.append(text[cursor:right])
        residue = [word for word in _CLOCK.split(" ".join(rest).lower()) if word]
        if all(word in stamp_words for word in residue):
            for number in numbers:
                found[number] = replace(found[number], stamp=True)
    return found
