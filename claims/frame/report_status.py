"""A report's status, stated once, carries to its other figures.

An article that names a report preliminary or final ("In a preliminary earnings report, the
company said ...", "初步财务数据显示": the ``[report]`` phrases of claims/data/status.toml) gives
that status to its other plainly reported figures of the entity and period the report's own
figures have: "Sales rose 22.7 percent to 93 trillion won" two paragraphs later is part of the
same preliminary report, and a later final report's 93.8 trillion revises it rather than
contradicting it. An article that gives both statuses for one entity and period (a final report
recalling the earlier estimate) carries neither.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import cache

from ..literals import LiteralIndex, fold
from ..model import Claim
from ..textmap import normalize
from ..vocab import load
from .status import REPORTED


@cache
def _phrases() -> tuple[LiteralIndex, dict[str, str]]:
    by_phrase = {fold(normalize(phrase).text): status for status, phrases in load("status")["report"].items()
                 for phrase in phrases}
    return LiteralIndex(by_phrase), by_phrase


def _key(claim: Claim) -> tuple[str, str] | None:
    """The entity and period of a figure (its period without marks), if both are known."""
    if not claim.entity or not claim.time or "(" in claim.time.replace("(implied)", ""):
        return None
    return claim.entity, claim.time.replace(" (implied)", "")


def carry_report_status(claims: list[Claim], text: str) -> list[Claim]:
    """``claims`` of one article (normalised ``text``), plainly reported figures taking the status
    of the report the article names."""
    index, by_phrase = _phrases()
    named = {by_phrase[hit.key] for hit in index.find(text)}
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        if claim.status in named and (key := _key(claim)) is not None:
            stated[key].add(claim.status)
    if not stated:
        return claims
    carried = []
    for claim in claims:
        key = _key(claim)
        statuses = stated.get(key, set()) if key else set()
        if claim.status == REPORTED and len(statuses) == 1:
            status = next(iter(statuses))
            note = f"status {status} from the article's report"
            claim = replace(claim, status=status, notes="; ".join(filter(None, [claim.notes, note])))
        carried.append(claim)
    return carried
