"""Fill the context of an article's claims: entity, also_applies_to, attribute, relative_to,
time and origin (each rule in its own module; this one only puts them together)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..lexicon import Lexicon
from ..model import Claim
from ..textmap import NormalizedText
from .entities import find_mentions
from .measures import AttributeFinder
from .origins import find_citations, origin_for
from .periods import find_times, time_for
from .repeats import first_copies, repeat_source
from .subjects import SubjectResolver

RATIO_UNITS = frozenset({"times", "percent"})
UNIT_FROM_BEFORE = "from the figure before it"  # the note of a bare figure whose unit is inherited (bare.py)


def add_context(norm: NormalizedText, located: list[tuple[Claim, int, int]], lexicon: Lexicon,
                article_date: dt.date | None) -> list[Claim]:
    """``located`` pairs each claim with its ``[start, end)`` in the normalised text."""
    text = norm.text
    mentions = find_mentions(text, lexicon, lambda start, end: norm.original.__getitem__(slice(*norm.span(start, end))))
    resolver = SubjectResolver(text, mentions, [(start, end) for _, start, end in located])
    attributes = AttributeFinder(text, lexicon)
    times = find_times(text)
    citations = find_citations(text, lexicon)
    repeats = first_copies(text)
    annotated: list[Claim] = []
    by_start: dict[int, Claim] = {}
    for claim, start, end in located:
        first = repeat_source(repeats, text, start)
        if first is not None and first in by_start:
            original = by_start[first]
            annotated.append(replace(
                original, id=claim.id, start=claim.start, end=claim.end, quote=claim.quote,
                change_from=claim.change_from,
                notes="; ".join(filter(None, [claim.notes, f"duplicate of {original.id}"])),
            ))
            continue
        subject = resolver.resolve(start, end, claim.unit)
        if subject.relative_to and claim.unit in RATIO_UNITS:
            compared = attributes.attribute(start, end, "times") or "performance"
            attribute: str | None = f"{compared} relative to {subject.relative_to}"
        else:
            attribute = attributes.attribute(start, end, claim.unit)
        by_start[start] = replace(
            claim, entity=subject.entity, relative_to=subject.relative_to,
            also_applies_to=subject.also_applies_to, attribute=attribute,
            time=time_for(text, start, end, times, article_date),
            origin=origin_for(text, start, end, citations),
        )
        annotated.append(by_start[start])
    return _inherit_across_changes(annotated)


def _inherit_across_changes(claims: list[Claim]) -> list[Claim]:
    """The later figure of a change measures what the earlier one did: "营收占比由20%—25%降至个位数"
    gives 个位数 the attribute (and entity) of 20%—25% when its own clause names none; so does a
    bare figure that took its unit from the figure before it ("个位数也早已变成了0")."""
    by_id = {claim.id: claim for claim in claims}
    inherited: list[Claim] = []
    for claim in claims:
        earlier = by_id.get(claim.change_from or "")
        if earlier is None and UNIT_FROM_BEFORE in (claim.notes or "") and inherited:
            earlier = by_id[inherited[-1].id]
        if earlier is not None:
            claim = replace(claim, attribute=claim.attribute or earlier.attribute,
                            entity=claim.entity or earlier.entity)
            by_id[claim.id] = claim
        inherited.append(claim)
    return inherited
