"""Fill the frame of an article's claims: entity, also_applies_to, attribute (the measure),
relative_to, time (the period), scope, basis, status and origin. Each part is read by its own
module; this one only puts them together, handing each the figure's ``Place`` in the document."""

from __future__ import annotations

from dataclasses import replace

from ..document import Document
from ..lexicon import Lexicon
from ..model import Claim
from ..numbers.conversions import converted_from
from .basis import BasisFinder
from .economies import EconomyFinder
from .measures import AttributeFinder
from .origins import find_citations, origin_for
from .periods import is_deal_term, period_for
from .repeats import first_copies, repeat_source
from .report_status import carry_report_status
from .scope import ScopeFinder
from .status import StatusFinder, marked_time
from .subjects import SubjectResolver

RATIO_UNITS = frozenset({"times", "percent"})
UNIT_FROM_BEFORE = "from the figure before it"  # the note of a bare figure whose unit is inherited (bare.py)


def add_context(doc: Document, located: list[tuple[Claim, int, int]], lexicon: Lexicon) -> list[Claim]:
    """``located`` pairs each claim with its ``[start, end)`` in the normalised text."""
    text = doc.text
    places = [doc.place(start, end) for _, start, end in located]  # segmented once, read by every reader
    mentions = doc.mentions(lexicon)
    resolver = SubjectResolver(text, mentions, [(start, end) for _, start, end in located])
    attributes = AttributeFinder(text, lexicon, [(start, end, claim.unit) for claim, start, end in located])
    economies = EconomyFinder(text, mentions, lexicon)
    times = doc.times(places)
    statuses = StatusFinder(doc)
    bases = BasisFinder(doc, times)
    citations = find_citations(text, lexicon, mentions)
    scopes = ScopeFinder(doc, lexicon, places, mentions, [(c.start, c.end) for c in citations])
    repeats = first_copies(text)
    annotated: list[Claim] = []
    by_start: dict[int, Claim] = {}
    for (claim, start, end), place in zip(located, places, strict=True):
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
            compared = attributes.attribute(place, "times") or "performance"
            attribute: str | None = f"{compared} relative to {subject.relative_to}"
        else:
            attribute = attributes.attribute(place, claim.unit)
        period = period_for(place, times, doc.date or doc.hint, attribute, doc.date is None, doc.story)
        status = statuses.status(place, period)
        by_start[start] = replace(
            claim, entity=economies.entity(place, subject.entity), relative_to=subject.relative_to,
            also_applies_to=subject.also_applies_to, attribute=attribute,
            time=marked_time(period, status, doc.date or doc.hint, is_deal_term(attribute)),
            scope=scopes.scope(place, subject.entity), basis=bases.basis(place, claim.unit, attribute, period),
            status=status, origin=origin_for(place, text, citations),
        )
        annotated.append(by_start[start])
    return carry_report_status(_inherit_conversions(_inherit_across_changes(annotated)), text)


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


def _inherit_conversions(claims: list[Claim]) -> list[Claim]:
    """A bracketed conversion ("20万亿韩元(约合965亿元人民币)") is its amount in another currency:
    it takes that amount's frame (numbers/conversions.py notes which amount it converts)."""
    by_id = {claim.id: claim for claim in claims}
    converted = []
    for claim in claims:
        amount = by_id.get(converted_from(claim.notes) or "")
        if amount is not None:
            claim = replace(claim, entity=amount.entity, also_applies_to=amount.also_applies_to,
                            attribute=amount.attribute, time=amount.time, scope=amount.scope, basis=amount.basis,
                            status=amount.status)
        converted.append(claim)
    return converted
