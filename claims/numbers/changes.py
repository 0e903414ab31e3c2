"""Changes of one figure within a sentence: "份额从95%骤降至接近0%", "fell from 9% to 4%".

The later figure of such a pair is a new value of the same quantity, not a rival one: its claim's
``change_from`` names the earlier claim, and the reconciler reads the pair as a timeline.
Words: ``change_words`` and ``change_openers`` in claims/data/ranges.toml.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..clauses import sentence_bounds
from ..model import Claim
from ..vocab import alternation, load

MAX_GAP = 16  # characters between the two figures: "95%暴跌至接近0%", "9% in 2023 to 4%"


@cache
def _change_between() -> re.Pattern[str]:
    return re.compile(alternation(load("ranges")["change_words"]), re.IGNORECASE)


@cache
def _plain_to() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:to|至|到)\s*", re.IGNORECASE)


@cache
def _opener() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(load('ranges')['change_openers'])})\s*\S{{0,4}}$", re.IGNORECASE)


def link_changes(text: str, located: list[tuple[Claim, int, int]]) -> list[tuple[Claim, int, int]]:
    """``located`` (claim, start, end in normalised ``text``) with ``change_from`` set on the later
    figure of every change pair."""
    linked = list(located)
    for index in range(1, len(located)):
        before, before_start, before_end = located[index - 1]
        claim, start, end = located[index]
        if claim.unit != before.unit or start - before_end > MAX_GAP:
            continue
        if sentence_bounds(text, start, end)[0] > before_start:
            continue
        between = text[before_end:start]
        opened = bool(_opener().search(text, max(0, before_start - 12), before_start))
        if _change_between().search(between) or (opened and _plain_to().match(between)):
            linked[index] = (replace(claim, change_from=before.id), start, end)
    return linked
