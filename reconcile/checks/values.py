"""Compare the figures of one quantity across sources: agreement, conflict, tension or change.

Passing: 000 says "H200显存141GB", 002 says "141GB HBM3e" -> ``agreement`` (2 origins).
Failing: A says "H20's share is 7.5% of H200", B says "H200是H20的6倍左右" (H20 ≈ 16.7% of H200)
-> ``conflict``, differing by 2.2×.

Figures are clustered by their intervals (clusters.py). Two clusters that disagree are judged on
the closest pair of figures from different articles whose frames do not differ (frames.py):
- every frame part shared: a ``conflict`` (a ``tension`` when one figure is a bound or the cited
  sources differ), and the explanation shows the frame both share;
- exactly one part unknown: at most a ``tension`` that names it ("period not stated in b.txt");
- two or more unknown: no finding; the pair is counted as not compared.
Figures whose frames differ only in time (a period, preliminary then final, "从95%降至0%") are a
``change``; any other difference makes them different series, never a contradiction. Values more
than the plausibility factor apart that are no 10/100/1000× unit slip are different quantities.
Only figures of different articles with a known measure can clash: an article giving two values
of one quantity usually means two conditions, and a figure whose measure is unknown never accuses.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from factrecon.units import is_currency

from ..alignment import Quantity
from ..clusters import central, cluster_facts, overlap
from ..context import Context, Draft, skipped
from ..explain import describe, number, short
from ..facts import Fact
from ..frames import Comparison, differing, frame_key
from ..periods import relation

NAME = "values"
AGREE_ACROSS = frozenset({"scope"})  # equal values read under two scope words are one figure, worded twice
EXPECTATIONS = frozenset({"forecast", "target", "consensus", "estimate"})  # two of them may differ honestly


def run(ctx: Context) -> Iterable[Draft]:
    changing = {c.change_from for c in ctx.claims if c.change_from} | {c.id for c in ctx.claims if c.change_from}
    for quantity in ctx.quantities:
        yield from _judge(quantity, ctx, changing)


def _judge(quantity: Quantity, ctx: Context, changing: set[str]) -> Iterable[Draft]:
    facts = list({f.id: f for f in quantity.facts if f.duplicate_of is None}.values())
    if len(facts) < 2:
        return
    clusters, slack_pairs = cluster_facts(facts, ctx.tolerances.slack_factor)
    for bound, value in slack_pairs:
        if ctx.compare(bound.claim, value.claim).comparable:
            yield _slack(quantity, bound, value)
    for cluster in clusters:
        if draft := _agreement(quantity, cluster, ctx):
            yield draft
    sides = [_Side(cluster, changing) for cluster in clusters]
    ambiguous = _ambiguous(clusters, changing)
    seen: dict[tuple[tuple[str | None, ...], tuple[str | None, ...]], tuple[str, ...]] = {}
    for i, first in enumerate(sides):
        for second in sides[i + 1 :]:
            if draft := _disagreement(quantity, first, second, ambiguous, seen, ctx):
                yield draft


def _key(fact: Fact) -> tuple[str | None, ...]:
    return frame_key(fact.claim)


def _ambiguous(clusters: list[list[Fact]], changing: set[str]) -> dict[str, str]:
    """Figures whose article gives other, incompatible values under the same frame: the frame as
    read does not tell them apart (a part was missed), so none of them can accuse. Maps each such
    figure's id to its source. Figures of a stated change ("从95%降至0%") differ by design."""
    seen: dict[tuple[str, tuple[str | None, ...]], set[int]] = {}
    for index, cluster in enumerate(clusters):
        for fact in cluster:
            if fact.id not in changing and not fact.bound:
                seen.setdefault((fact.source, _key(fact)), set()).add(index)
    crowded = {key for key, indices in seen.items() if len(indices) > 1}
    return {fact.id: fact.source for cluster in clusters for fact in cluster if (fact.source, _key(fact)) in crowded}


def _subject(quantity: Quantity, comparison: Comparison | None = None) -> str:
    """What the figures are about, with the frame they share: "BYD · sales · 2025 · BEV · level · reported"."""
    frame = comparison.shared_words() if comparison else ""
    return " · ".join(part for part in (quantity.entity, quantity.attribute or quantity.unit, frame) if part)


def _agreement(quantity: Quantity, cluster: list[Fact], ctx: Context) -> Draft | None:
    anchor = min(cluster, key=lambda f: (_key(f).count(None), f.period is None, f.id))
    members = [f for f in cluster if f is anchor or set(ctx.compare(anchor.claim, f.claim).different) <= AGREE_ACROSS]
    if ctx.tolerances.is_volatile(quantity.attribute):  # a price agrees with a price of the same day only
        members = [f for f in members if relation(f.period, anchor.period) == "same"]
    if len({f.source for f in members}) < 2:
        return None
    ids = tuple(f.id for f in members)
    origins = ctx.origins.count(ids)
    names = ", ".join(ctx.origins.names(ids))
    copied = ctx.origins.copied_among(ids)
    support = f"{origins} independent origin{'s' if origins != 1 else ''} ({names})"
    caveat = " One passage nearly copies the other, so independence is doubtful." if copied else ""
    shared = ctx.compare(members[0].claim, members[1].claim)
    said = f"{_subject(quantity, shared)}: {'; '.join(describe(f) for f in members)} are compatible."
    return Draft("agreement", ids, f"{said} Support: {support}.{caveat}", quantity.entity, quantity.attribute, origins)


def _slack(quantity: Quantity, bound: Fact, value: Fact) -> Draft:
    factor = value.point / bound.point if not bound.inverted else bound.point / value.point  # type: ignore[operator]
    said = f"{_subject(quantity)}: {describe(value)} formally satisfies {describe(bound)}, but sits {number(factor)}×"
    return Draft(
        "tension",
        (bound.id, value.id),
        f"{said} past the bound, more than a source writing 'at least' usually means.",
        quantity.entity,
        quantity.attribute,
    )


class _Side:
    """A cluster ready for pairing with another: its figures grouped by frame (and whether they
    are bounds) in id order, and which figures take part in a change ("从95%降至0%")."""

    def __init__(self, cluster: list[Fact], changing: set[str]) -> None:
        self.facts = cluster
        self.groups: dict[tuple[tuple[str | None, ...], bool], list[Fact]] = {}
        for fact in sorted(cluster, key=lambda f: f.id):
            self.groups.setdefault((_key(fact), fact.bound), []).append(fact)
        self.changing = [(position, fact) for position, fact in enumerate(cluster) if fact.id in changing]


def _linked(first: _Side, second: _Side, ctx: Context) -> tuple[Fact, Fact] | None:
    """The first pair (in cluster order) where one figure is a change from the other."""
    for _, a in first.changing:
        if linked := [(position, b) for position, b in second.changing if ctx.changed(a.id, b.id)]:
            return a, min(linked, key=lambda item: item[0])[1]
    return None


def _pairs(first: _Side, second: _Side, ambiguous: dict[str, str], ctx: Context,
           seen: dict[tuple[tuple[str | None, ...], tuple[str | None, ...]], tuple[str, ...]]
           ) -> Iterable[tuple[Fact, Fact, Comparison]]:
    """One pair of figures of different articles per pair of frame groups, one group from each
    side, with the comparison of their frames (figures of one group share a frame, so the choice
    of figures matters only for their articles): figures the other does not overlap, those whose
    article gives one value under the frame first. ``seen`` keeps the frame differences
    of group pairs already met in this quantity (its figures share measure and unit)."""
    for key, group in first.groups.items():
        stated = [f for f in group if f.attribute is not None]
        if not stated:
            continue
        for other_key, other in second.groups.items():
            if (key[0], other_key[0]) not in seen:
                seen[(key[0], other_key[0])] = differing(stated[0].claim, other[0].claim, ctx.rules)
            if seen[(key[0], other_key[0])] not in JUDGED:
                continue  # two series, neither one quantity nor its change
            if pair := _representatives(stated, other, ambiguous):
                yield pair[0], pair[1], ctx.compare(pair[0].claim, pair[1].claim)


JUDGED = ((), ("period",), ("status",))  # frame differences a pair is judged with (one quantity, a change)
TRIES = 64  # figure pairs tried per pair of groups for representatives (groups are rarely that large)


def _representatives(group: list[Fact], other: list[Fact], ambiguous: dict[str, str]) -> tuple[Fact, Fact] | None:
    best: tuple[int, Fact, Fact] | None = None
    tries = 0
    for a in group:
        for b in other:
            tries += 1
            if tries > TRIES:
                return (best[1], best[2]) if best else None
            if a.source == b.source or overlap(a.lo, a.hi, b.lo, b.hi):
                continue
            doubt = (a.id in ambiguous) + (b.id in ambiguous)
            if doubt == 0:
                return a, b
            if best is None or doubt < best[0]:
                best = (doubt, a, b)
    return (best[1], best[2]) if best else None


def _doubts(a: Fact, b: Fact, comparison: Comparison, ambiguous: dict[str, str]) -> list[str]:
    """What keeps a pair from being judged for sure: each unknown or uncertain frame part, and each
    figure whose article gives other values under the same frame."""
    doubts = comparison.doubts()
    doubts.extend(f"{short(ambiguous[f.id])} gives other values under the same frame" for f in (a, b)
                  if f.id in ambiguous)
    return doubts


def _closest(pairs: Iterable[tuple[Fact, Fact, Comparison]],
             ambiguous: dict[str, str]) -> tuple[Fact, Fact, Comparison] | None:
    """The comparable pair with the fewest doubts, points before bounds, then by id."""
    ranked = [(c.doubt_count + (a.id in ambiguous) + (b.id in ambiguous), a.bound or b.bound, a.id, b.id, a, b, c)
              for a, b, c in pairs if c.comparable]
    if not ranked:
        return None
    *_, a, b, comparison = min(ranked, key=lambda item: item[:4])
    return a, b, comparison


def _changed(pairs: Iterable[tuple[Fact, Fact, Comparison]], ctx: Context) -> tuple[Fact, Fact] | None:
    """A pair that differs only in time: disjoint periods, or a revision (preliminary, then final)."""
    for a, b, comparison in pairs:
        if comparison.different == ("period",) and relation(a.period, b.period) == "disjoint":
            return a, b
        first, second = a.claim.status, b.claim.status
        if comparison.different == ("status",) and first and second and ctx.rules.revised(first, second):
            return a, b
    return None


def _disagreement(quantity: Quantity, first: _Side, second: _Side, ambiguous: dict[str, str],
                  seen: dict[tuple[tuple[str | None, ...], tuple[str | None, ...]], tuple[str, ...]],
                  ctx: Context) -> Draft | None:
    subject = (quantity.entity, quantity.attribute)
    linked = _linked(first, second, ctx)
    pairs = list(_pairs(first, second, ambiguous, ctx, seen)) if linked is None else []
    closest = _closest(pairs, ambiguous)
    if closest is None:
        chosen = linked or _changed(pairs, ctx)
        if chosen is None:
            return None
        a, b = sorted(chosen, key=lambda f: (f.period.first if f.period else _order(f), _revision(f), f.id))
        revised = a.claim.status != b.claim.status
        how = f"{a.claim.status}, then {b.claim.status}: a revision" if revised else "different times of one quantity"
        said = f"{_subject(quantity)}: {describe(a)} then {describe(b)}: {how},"
        return Draft("change", (a.id, b.id), f"{said} a change rather than a contradiction.", *subject)
    a, b, comparison = closest
    factor = _ratio(a, b)
    slip = _unit_slip(factor, ctx)
    if math.isfinite(factor) and factor > ctx.tolerances.plausibility_factor and slip is None:
        return None  # too far apart to be one quantity misreported
    doubts = _doubts(a, b, comparison, ambiguous)
    volatile = ctx.tolerances.is_volatile(quantity.attribute)  # a price moves daily: its day must be known
    if len(doubts) > 1 or volatile and any(part == "period" for part, _ in comparison.unknown_sides):
        return skipped((a.id, b.id), "; ".join(doubts))
    gap = f" They differ by {number(factor)}×." if math.isfinite(factor) else ""
    said = f"{_subject(quantity, comparison)}: {describe(a)} vs {describe(b)}."
    reason = doubts[0] if doubts else _why_uncertain(a, b)
    if reason:
        return Draft("tension", (a.id, b.id), f"{said}{gap} Probably one quantity, but {reason}.", *subject)
    note = f" A factor of {number(slip)} suggests a unit slip." if slip else ""
    clash = f"{said}{gap}{note} Both cannot hold for the same entity, measure, period, scope, basis and status."
    return Draft("conflict", (a.id, b.id), clash, *subject)


def _ratio(a: Fact, b: Fact) -> float:
    values = [v for v in (central(a), central(b)) if math.isfinite(v)]
    if len(values) < 2 or min(values) <= 0:
        return math.inf
    return max(values) / min(values)


def _revision(fact: Fact) -> int:
    """Where a status stands in a revision: an estimate or preliminary figure comes first."""
    return 0 if fact.claim.status in ("estimate", "preliminary") else 1


def _order(fact: Fact) -> dt.date:
    """An undated figure's place in a change: the later figure ("降至0%") sorts last."""
    return dt.date.max if fact.claim.change_from else dt.date.min


def _why_uncertain(a: Fact, b: Fact) -> str | None:
    if a.bound or b.bound:
        return "one figure is only a bound"
    if truncated := _truncation(a, b) or _truncation(b, a):
        return truncated
    if a.claim.status in EXPECTATIONS and b.claim.status in EXPECTATIONS:
        kinds = " and ".join(dict.fromkeys((a.claim.status, b.claim.status)))
        return f"both figures are expectations ({kinds}), which may differ"
    if a.claim.origin and b.claim.origin and a.claim.origin != b.claim.origin:
        return f"the cited sources differ ({a.claim.origin} vs {b.claim.origin})"
    return None


def _truncation(coarse: Fact, fine: Fact) -> str | None:
    """Whether ``coarse`` is ``fine`` cut off at ``coarse``'s last digit instead of rounded ("225萬"
    for 2,256,714): a writer's habit with large counts and amounts, not a second value."""
    step, value, written = coarse.claim.precision, fine.claim.value, coarse.claim.value
    if not step or value is None or written is None or fine.claim.precision is None or fine.claim.precision >= step:
        return None
    if (coarse.unit != "count" and not is_currency(coarse.unit)) or abs(written) / step < 10:
        return None  # a rate or a one-digit figure ("2%" against 2.375%) is a value, not a cut
    if math.isclose(math.floor(value / step) * step, written, rel_tol=1e-9) or math.isclose(
            math.ceil(value / step) * step, written, rel_tol=1e-9):
        return f"{coarse.claim.text} is {fine.claim.text} cut off rather than rounded"
    return None


def _unit_slip(factor: float, ctx: Context) -> float | None:
    for slip in ctx.tolerances.slip_factors:
        if abs(factor / slip - 1) <= ctx.tolerances.slip_tolerance:
            return slip
    return None
