"""Repeated passages: figures printed twice are one statement, neither a conflict nor support.

Passing (the only outcome): an article that prints a paragraph twice gets one ``not_a_conflict``
note listing both copies of each figure, so an editor sees why they were not counted twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..context import Context, Draft
from ..explain import short

NAME = "repeats"


def run(ctx: Context) -> Iterable[Draft]:
    copies: dict[str, dict[str, str]] = defaultdict(dict)  # source -> {repeat id: first copy's id}
    for fact in ctx.facts:
        if fact.duplicate_of and fact.duplicate_of in ctx.by_id:
            copies[fact.source][fact.id] = fact.duplicate_of
    for source, firsts in copies.items():
        unique = tuple(dict.fromkeys(i for repeat, first in firsts.items() for i in (first, repeat)))
        texts = ", ".join(f"'{ctx.by_id[first].text}'" for first in dict.fromkeys(firsts.values()))
        yield Draft("not_a_conflict", unique, f"{short(source)} repeats a passage verbatim: {texts} appear twice. "
                    "Each counts once, neither as a conflict nor as corroboration.")
