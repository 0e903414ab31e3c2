"""The ``status`` of a figure (SDMX's observation status): reported, preliminary, final,
estimate, forecast, target or consensus.

A status word attached right after the figure, else the nearest one before it in its sentence,
else one in the lead of its paragraph ("初步核算结果显示：") gives the status; a figure with none
is ``reported``. Expectations a result is measured against are the consensus ("beat the 4.6
billion forecast"); the base of a change is reported ("from 100 billion"); a forecast of a
period just over is preliminary. A forecast's, consensus's or target's period is marked in
its ``time``: "2026 (forecast)", "2026 (target)". Words and the full rules: claims/data/status.toml.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ..document import Document, Place
from ..literals import Hit
from ..vocab import VocabError, load
from .cues import Cues, CueTable, phrase_pattern

REPORTED = "reported"
STATUSES = ("reported", "preliminary", "final", "estimate", "forecast", "target", "consensus")
# marks of ``time``: a consensus is the market's forecast
TIME_MARKS = {"forecast": " (forecast)", "consensus": " (forecast)", "target": " (target)"}
EXPECTATIONS = frozenset({"forecast", "estimate", "consensus"})
ROLES = ("earlier_forecast", "compared", "base", "lead")  # word lists beside [words] that name no status
BASE_GAP = 4      # characters between a base word and its figure ("from about 100")
LEAD_GAP = 16     # characters between a paragraph's status word and its lead word or colon
_DIGIT = re.compile(r"[0-9]")
_OPENERS = " \t\r\n\"'“‘(（「『-—•*#"  # what may stand before a sentence's first word
_CONVERSION = re.compile(r"\s*[(（][^0-9)）]{0,8}")  # between a figure and its bracketed conversion
_DAY = re.compile(r"-[0-9]{2}-[0-9]{2}$")  # a period label that ends on a day: "2025-05-12", "..2025-05-12"
_PERIOD_END = re.compile(  # the last period of a label: "2025", "2025Q3", "2025H1", "2025-12", "2025-12-05", "a..b"
    r"(?:.*\.\.)?(?P<y>[0-9]{4})(?:Q(?P<q>[1-4])|H(?P<h>[12])|-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?$")


@cache
def _recent() -> dt.timedelta:
    days = load("status")["recent_days"]
    if not isinstance(days, int) or days < 0:
        raise VocabError("status.toml:recent_days: expected a whole number of days")
    return dt.timedelta(days=days)


@cache
def _table() -> tuple[CueTable, re.Pattern[str]]:
    data = load("status")
    words: dict[str, list[str]] = data["words"]
    for status in words:
        if status not in STATUSES and status != "none":  # words.none: words that hold one and are none
            raise VocabError(f"status.toml:words.{status}: not one of {', '.join(STATUSES)}, none")
    groups = {**words, **{role: data[role] for role in ROLES}}
    attach = re.compile(rf"(?:\s|{phrase_pattern(data['attach']).pattern})*")
    return CueTable.build("status", groups), attach


class StatusFinder:
    """The statuses of one article's figures (status words found once, looked up per figure)."""

    def __init__(self, doc: Document) -> None:
        table, self.attach = _table()
        self.doc = doc
        self.text = doc.text
        self.cues = Cues(table, doc.text)
        self.cues.drop(self._is_name)
        self.leads = self._leads()
        self.last = (len(doc.text) + 1, REPORTED)  # the end and status of the figure asked for last

    def _is_name(self, hit: Hit) -> bool:
        """A Latin word written as a name inside a sentence (Target, Will) is no status word."""
        first, second = self.text[hit.start], self.text[hit.start + 1:hit.start + 2]
        if not (first.isascii() and first.isupper() and second.islower()):
            return False
        left, _ = self.doc.sentence(hit.start, hit.end)
        return bool(self.text[left:hit.start].strip(_OPENERS))

    def _leads(self) -> dict[int, tuple[int, str]]:
        """Paragraph start -> (where its lead ends, the status it states)."""
        leads: dict[int, tuple[int, str]] = {}
        for hit in self.cues.hits:
            status = self.cues.kind(hit)
            if status not in STATUSES or status == REPORTED:
                continue
            left, _ = self.doc.paragraph(hit.start)
            clause_left, clause_right = self.doc.clause(hit.start, hit.end)
            if left in leads or clause_left > left or _DIGIT.search(self.text, left, hit.start):
                continue
            colon = self.text[clause_right:clause_right + 1] in (":", "：") and clause_right - hit.end <= LEAD_GAP
            word = any(self.cues.kind(after) == "lead" and after.start - hit.end <= LEAD_GAP
                       for after in self.cues.after(hit.end, clause_right))
            if colon or word:
                leads[left] = (clause_right, status)
        return leads

    def status(self, place: Place, period: tuple[str, bool] | None = None) -> str:
        """The status of the figure at ``place``; ``period`` is its (label, year inferred).
        Figures are asked for in text order: one in brackets right after another is its
        conversion and shares its status ("1.2万亿日元（约合人民币580亿元）")."""
        last_end, last_status = self.last
        if last_end <= place.start and _CONVERSION.fullmatch(self.text, last_end, place.start):
            status = last_status
        else:
            status = self._status(place, period)
        self.last = (place.end, status)
        return status

    def _status(self, place: Place, period: tuple[str, bool] | None) -> str:
        found = self._attached_after(place) or self._before(place)
        if found is None:
            lead = self.leads.get(place.paragraph[0])
            return lead[1] if lead and lead[0] <= place.start else REPORTED
        status, hit = found
        if status in EXPECTATIONS and self._compared(hit):
            attached = hit.start > place.start or self._attached(hit.end, place.start)
            return "consensus" if attached else REPORTED  # "missed forecasts, while shipping 3 million"
        if status == REPORTED and self._attached(hit.end, place.start) and _DIGIT.search(
                self.text, place.sentence[0], hit.start) and self._names_expectation(hit):
            return "consensus"  # "净利润50亿元，高于预期的46亿元"
        return self._by_period(status, hit, period)

    def _attached(self, left: int, right: int) -> bool:
        return self.attach.fullmatch(self.text, left, right) is not None

    def _attached_after(self, place: Place) -> tuple[str, Hit] | None:
        for hit in self.cues.after(place.end, place.clause[1]):
            status = self.cues.kind(hit)
            if status in STATUSES and status != REPORTED and self._attached(place.end, hit.start):
                return status, hit
            break
        return None

    def _before(self, place: Place) -> tuple[str, Hit] | None:
        for hit in self.cues.before(place.start, place.sentence[0]):
            kind = self.cues.kind(hit)
            if kind == "base" and place.start - hit.end <= BASE_GAP:
                return REPORTED, hit
            if kind == "earlier_forecast":
                kind = "forecast"
            if kind in EXPECTATIONS and self._consensus_heads(hit):
                return "consensus", hit  # "economists polled by Reuters had expected 4.1%"
            if kind in STATUSES:
                return kind, hit
        return None

    def _consensus_heads(self, hit: Hit) -> bool:
        """A consensus word earlier in the clause of a forecast word."""
        left, _ = self.doc.clause(hit.start, hit.end)
        return any(self.cues.kind(word) == "consensus" for word in self.cues.before(hit.start, left))

    def _compared(self, hit: Hit) -> bool:
        """An expectation word after a result-against-expectation word of its clause ("beat the
        forecast", "超过分析师所预测的")."""
        left, _ = self.doc.clause(hit.start, hit.end)
        return any(self.cues.kind(word) == "compared" for word in self.cues.before(hit.start, left))

    def _names_expectation(self, hit: Hit) -> bool:
        """A reported phrase that ends in an expectation word (高于预期, beat estimates)."""
        return any(self.cues.kinds.get(hit.key[cut:]) in EXPECTATIONS for cut in range(1, len(hit.key)))

    def _by_period(self, status: str, hit: Hit, period: tuple[str, bool] | None) -> str:
        """A forecast of a period just over is preliminary, of one long over a past fact; an
        estimate of a period not yet over is a forecast (with the article's date to tell). A
        period read against that date (今年, the fourth quarter) tells as well as one written
        out; "(implied)" says only where its year came from. A past day is no period whose
        results await their report: a forecast dated by one is a condition or a plan ("若行使
        超额配售权，集资额将增至…" under a day named earlier), and stays a forecast."""
        date = self.doc.date or self.doc.hint  # an undated article's story date tells as well
        if status not in ("forecast", "estimate") or period is None or date is None:
            return status
        end = period_end(period[0])
        if end is None or self.cues.kind(hit) == "earlier_forecast":
            return status
        if status == "forecast" and end < date and not _DAY.search(period[0]):
            return "preliminary" if date - end <= _recent() else REPORTED
        if status == "estimate" and end >= date:
            return "forecast"
        return status


def period_end(label: str) -> dt.date | None:
    """The last day of a period label ("2025" -> 2025-12-31, "2025Q3" -> 2025-09-30)."""
    match = _PERIOD_END.match(label)
    if match is None:
        return None
    year = int(match["y"])
    if match["d"]:
        try:
            return dt.date(year, int(match["m"]), int(match["d"]))
        except ValueError:
            return None
    if match["m"]:
        month = int(match["m"])
    else:
        month = 3 * int(match["q"]) if match["q"] else 6 * int(match["h"]) if match["h"] else 12
    if not 1 <= month <= 12:
        return None
    following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return following - dt.timedelta(days=1)


def _start(label: str) -> dt.date:
    """The first day of the (last) period of a label that ``period_end`` reads ("2025-05" -> 2025-05-01)."""
    match = _PERIOD_END.match(label)
    assert match is not None
    year = int(match["y"])
    if match["d"]:
        return dt.date(year, int(match["m"]), int(match["d"]))
    if match["m"]:
        return dt.date(year, int(match["m"]), 1)
    if match["q"]:
        return dt.date(year, 3 * int(match["q"]) - 2, 1)
    return dt.date(year, 6 * int(match["h"]) - 5, 1) if match["h"] else dt.date(year, 1, 1)


def marked_time(period: tuple[str, bool] | None, status: str, date: dt.date | None = None,
                term: bool = False) -> str | None:
    """The ``time`` of a claim: its period, marked "(forecast)" for a forecast or a consensus (a
    consensus of a period already over at the article's ``date`` is no forecast: its status says it
    was expected; nor is the expected ``term`` of a deal running in the period that holds that date,
    "募资总额有望达到410亿港元": its status says so), "(target)" for a target, else "(implied)" when the
    year was inferred."""
    if period is None:
        return None
    label, implied = period
    end = period_end(label)
    if status == "consensus" and date is not None and end is not None and end < date:
        status = ""
    if term and status == "forecast" and date is not None and end is not None and end >= date >= _start(label):
        status = ""
    return label + (TIME_MARKS.get(status) or (" (implied)" if implied else ""))
