"""Compare the figures of one quantity across sources: agreement, conflict, tension or change.

Passing: 000 says "H200显存141GB", 002 says "141GB HBM3e" -> ``agreement`` (2 origins).
Failing: A says "H20's share is 7.5% of H200", B says "H200是H20的6倍左右" (H20 ≈ 16.7% of H200)
-> ``conflict``, differing by 2.2×.

Point figures (exact, approx, ranges) are clustered by overlapping intervals; open bounds (超过,
不足) join the cluster they fit, and a value far past a bound meets it only formally (``tension``).
Clusters that disagree are a ``change`` when the figures are time-ordered (different periods, or
"从95%降至0%"), a ``tension`` when the period, a forecast, the cited sources or a bound make the
clash uncertain, and a ``conflict`` otherwise; a gap of 10/100/1000× is called a likely unit slip.
Only figures of different articles with a known attribute can clash: an article giving two values
of one quantity usually means two conditions (441 Token/s at 1 request, 52977 at 7037), and a
figure whose attribute is unknown may agree but never accuses.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable, Sequence

from ..alignment import Quantity
from ..context import Context, Draft
from ..explain import amount, number, stated
from ..facts import Fact, numerator_denominator
from ..periods import Period, relation

NAME = "values"
_TIME_RANK = {"same": 0, "unknown": 1, "nested": 2}


def run(ctx: Context) -> Iterable[Draft]:
    changing = {c.change_from for c in ctx.claims if c.change_from} | {c.id for c in ctx.claims if c.change_from}
    for quantity in ctx.quantities:
        yield from _judge(quantity, ctx, changing)


def _judge(quantity: Quantity, ctx: Context, changing: set[str]) -> Iterable[Draft]:
    facts = _distinct(f for f in quantity.facts if f.duplicate_of is None)
    if len(facts) < 2:
        return
    clusters, slack_pairs = _clusters(facts, ctx)
    for bound, value in slack_pairs:
        yield _slack(quantity, bound, value, ctx)
    for cluster in clusters:
        if draft := _agreement(quantity, cluster, ctx):
            yield draft
    sides = [_Side(cluster, changing) for cluster in clusters]
    for i, first in enumerate(sides):
        for second in sides[i + 1 :]:
            if draft := _disagreement(quantity, first, second, ctx):
                yield draft


def _distinct(facts: Iterable[Fact]) -> list[Fact]:
    seen: dict[str, Fact] = {}
    for fact in facts:
        seen.setdefault(fact.id, fact)
    return list(seen.values())


def _overlap(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    return max(a_lo, b_lo) <= min(a_hi, b_hi)


def _hull(cluster: Sequence[Fact]) -> tuple[float, float]:
    return min(f.lo for f in cluster), max(f.hi for f in cluster)


def _clusters(facts: list[Fact], ctx: Context) -> tuple[list[list[Fact]], list[tuple[Fact, Fact]]]:
    """Point clusters by sweeping sorted intervals, then bounds attached where they fit."""
    points = sorted((f for f in facts if not f.bound), key=lambda f: (f.lo, f.hi, f.id))
    clusters: list[list[Fact]] = []
    reach = -math.inf
    for fact in points:
        if clusters and fact.lo <= reach:
            clusters[-1].append(fact)
            reach = max(reach, fact.hi)
        else:
            clusters.append([fact])
            reach = fact.hi
    point_clusters = [list(c) for c in clusters]
    slack: list[tuple[Fact, Fact]] = []
    loose: list[list[Fact]] = []
    hulls = [_hull(cluster) for cluster in point_clusters]
    lookups: dict[int, _Nearest] = {}
    for bound in sorted((f for f in facts if f.bound), key=lambda f: f.id):
        fitting = []
        for index, (cluster, hull) in enumerate(zip(point_clusters, hulls, strict=True)):
            if _overlap(bound.lo, bound.hi, *hull):
                nearest = (lookups.get(index) or lookups.setdefault(index, _Nearest(cluster)))(bound)
                if _formal_only(bound, nearest, ctx):
                    slack.append((bound, nearest))
                else:
                    fitting.append((_distance(bound, nearest), index))
        if fitting:
            clusters[min(fitting)[1]].append(bound)
        elif home := next((c for c in loose if all(_overlap(bound.lo, bound.hi, f.lo, f.hi) for f in c)), None):
            home.append(bound)
        elif not any(bound in pair for pair in slack):
            loose.append([bound])
    return clusters + loose, slack


def _edge(fact: Fact) -> float:
    return fact.lo if math.isfinite(fact.lo) else fact.hi


def _value(fact: Fact) -> float:
    return fact.point if fact.point is not None else (fact.lo + fact.hi) / 2


def _gap(value: float, edge: float) -> float:
    """How far ``value`` is from ``edge``: the log of their ratio (taken apart, as 1e-310 / 1e15
    underflows to 0) when both are positive, else the difference."""
    return abs(math.log(value) - math.log(edge)) if value > 0 and edge > 0 else abs(value - edge)


def _distance(bound: Fact, fact: Fact) -> float:
    return _gap(_value(fact), _edge(bound))


class _Nearest:
    """The first figure of a cluster nearest a bound's edge (``min`` by ``_distance``), found by
    bisecting the distinct values: the gap only grows away from the edge on either side of it, and
    on the non-positive side of a positive edge."""

    def __init__(self, cluster: list[Fact]) -> None:
        self.cluster = cluster
        self.first: dict[float, int] = {}
        for position, fact in enumerate(cluster):
            self.first.setdefault(_value(fact), position)
        self.values = sorted(self.first)
        self.finite = all(math.isfinite(value) for value in self.values)

    def __call__(self, bound: Fact) -> Fact:
        edge, values = _edge(bound), self.values
        if not self.finite or not math.isfinite(edge):
            return min(self.cluster, key=lambda f: _distance(bound, f))
        split = bisect.bisect_right(values, 0.0) if edge > 0 else 0  # values below split are measured apart
        at = bisect.bisect_left(values, edge, split)
        found: list[tuple[float, float]] = []  # (gap, value) at the least gap of each run away from the edge
        for run in (range(at - 1, split - 1, -1), range(at, len(values)), range(split - 1, -1, -1)):
            least = None
            for index in run:
                gap = _gap(values[index], edge)
                if least is not None and gap != least:
                    break
                least = gap
                found.append((gap, values[index]))
        best = min(gap for gap, _ in found)
        return self.cluster[min(self.first[value] for gap, value in found if gap == best)]


def _formal_only(bound: Fact, fact: Fact, ctx: Context) -> bool:
    """A lower bound (as written) met only by a value more than ``slack_factor`` past it: "6倍以上"
    against 13.3×."""
    if bound.claim.qualifier != "lower" or fact.point is None or fact.point <= 0 or bound.claim.value is None:
        return False
    edge = bound.point
    if not edge or edge <= 0:
        return False
    ratio = fact.point / edge if not bound.inverted else edge / fact.point
    return ratio > ctx.tolerances.slack_factor


def describe(fact: Fact) -> str:
    """A fact in words, with its claim's own text: "'7.5%' (001.txt:1155) puts NVIDIA H20 at 7.5% of
    NVIDIA H200, i.e. NVIDIA H200 ≈ 13.3× NVIDIA H20"."""
    claim = fact.claim
    if " / " not in fact.entity:
        return f"{stated(claim)}"
    numerator, denominator = numerator_denominator(fact)
    if fact.point is None:
        return f"{stated(claim)} puts {numerator} / {denominator} in [{number(fact.lo)}, {number(fact.hi)}]"
    return f"{stated(claim)} puts {numerator} at {amount(fact.point, 'times')} {denominator}"


def _subject(quantity: Quantity) -> str:
    return f"{quantity.entity} {quantity.attribute or quantity.unit}".strip()


def _agreement(quantity: Quantity, cluster: list[Fact], ctx: Context) -> Draft | None:
    anchor = next((f for f in cluster if f.period is not None), cluster[0])
    members = [f for f in cluster if relation(f.period, anchor.period) != "disjoint"]
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
    said = f"{_subject(quantity)}: {'; '.join(describe(f) for f in members)} are compatible."
    return Draft("agreement", ids, f"{said} Support: {support}.{caveat}", quantity.entity, quantity.attribute, origins)


def _slack(quantity: Quantity, bound: Fact, value: Fact, ctx: Context) -> Draft:
    factor = value.point / bound.point if not bound.inverted else bound.point / value.point  # type: ignore[operator]
    said = f"{_subject(quantity)}: {describe(value)} formally satisfies {describe(bound)}, but sits {number(factor)}×"
    return Draft(
        "tension",
        (bound.id, value.id),
        f"{said} past the bound, more than a source writing 'at least' usually means.",
        quantity.entity,
        quantity.attribute,
    )


def _ratio(a: Fact, b: Fact) -> float:
    values = [v for v in (_value(a), _value(b)) if math.isfinite(v)]
    if len(values) < 2 or min(values) <= 0:
        return math.inf
    return max(values) / min(values)


class _Side:
    """A cluster ready for pairing with another: its figures by (period, bound) in id order, where
    each period first appears, and which figures take part in a change ("从95%降至0%")."""

    def __init__(self, cluster: list[Fact], changing: set[str]) -> None:
        self.facts = cluster
        self.groups: dict[tuple[Period | None, bool], list[Fact]] = {}
        self.stated: dict[tuple[Period | None, bool], list[Fact]] = {}  # figures with a known attribute
        self.first_at: dict[Period | None, int] = {}
        for position, fact in enumerate(cluster):
            self.first_at.setdefault(fact.period, position)
        for fact in sorted(cluster, key=lambda f: f.id):
            self.groups.setdefault((fact.period, fact.bound), []).append(fact)
            if fact.attribute is not None:
                self.stated.setdefault((fact.period, fact.bound), []).append(fact)
        self.changing = [(position, fact) for position, fact in enumerate(cluster) if fact.id in changing]


def _linked(first: _Side, second: _Side, ctx: Context) -> tuple[Fact, Fact] | None:
    """The first pair (in cluster order) where one figure is a change from the other."""
    for _, a in first.changing:
        if linked := [(position, b) for position, b in second.changing if ctx.changed(a.id, b.id)]:
            return a, min(linked, key=lambda item: item[0])[1]
    return None


def _timed(first: _Side, second: _Side) -> tuple[Fact, Fact] | None:
    """The first pair (in cluster order) of figures from disjoint periods."""
    for a in first.facts:
        if later := [at for period, at in second.first_at.items() if relation(a.period, period) == "disjoint"]:
            return a, second.facts[min(later)]
    return None


def _comparable(first: _Side, second: _Side, volatile: bool) -> tuple[Fact, Fact] | None:
    """The pair of different articles that can clash, closest in time (same period first), points
    before bounds, then by id; the smaller cluster is walked, the other looked up by group."""
    best: tuple[tuple[int, bool, str, str], Fact, Fact] | None = None
    walk_first = sum(map(len, first.stated.values())) <= len(second.facts)
    walked = [f for group in first.stated.values() for f in group] if walk_first else second.facts
    for fact in walked:
        for (period, _bound), group in (second.groups if walk_first else first.stated).items():
            timing = relation(fact.period, period)
            if timing == "disjoint" or volatile and timing != "same":
                continue
            other = next((f for f in group if f.source != fact.source), None)
            if other is not None:
                a, b = (fact, other) if walk_first else (other, fact)
                key = (_TIME_RANK[timing], a.bound or b.bound, a.id, b.id)
                if best is None or key < best[0]:
                    best = (key, a, b)
    return None if best is None else (best[1], best[2])


def _disagreement(quantity: Quantity, first: _Side, second: _Side, ctx: Context) -> Draft | None:
    subject = (quantity.entity, quantity.attribute)
    linked = _linked(first, second, ctx)
    comparable = None if linked else _comparable(first, second, ctx.tolerances.is_volatile(quantity.attribute))
    if comparable is None:
        chosen = linked or _timed(first, second)
        if chosen is None:
            return None
        a, b = sorted(chosen, key=lambda f: (f.period.first if f.period else _order(f), f.id))
        said = f"{_subject(quantity)}: {describe(a)} then {describe(b)}: different times of one quantity,"
        return Draft("change", (a.id, b.id), f"{said} a change rather than a contradiction.", *subject)
    a, b = comparable
    factor = _ratio(a, b)
    gap = f" They differ by {number(factor)}×." if math.isfinite(factor) else ""
    said = f"{_subject(quantity)}: {describe(a)} vs {describe(b)}."
    reason = _why_uncertain(a, b)
    if reason:
        return Draft("tension", (a.id, b.id), f"{said}{gap} Probably one quantity, but {reason}.", *subject)
    slip = _unit_slip(factor, ctx)
    note = f" A factor of {number(slip)} suggests a unit slip." if slip else ""
    clash = f"{said}{gap}{note} Both cannot hold for the same entity, attribute and time."
    return Draft("conflict", (a.id, b.id), clash, *subject)


def _order(fact: Fact) -> dt.date:
    """An undated figure's place in a change: the later figure ("降至0%") sorts last."""
    return dt.date.max if fact.claim.change_from else dt.date.min


def _why_uncertain(a: Fact, b: Fact) -> str | None:
    if relation(a.period, b.period) == "nested":
        first, second = (f.period.label if f.period else "?" for f in (a, b))
        return f"the periods differ in scope ({first} vs {second})"
    if a.bound or b.bound:
        return "one figure is only a bound"
    forecasts = [bool(f.period and f.period.forecast) for f in (a, b)]
    if any(forecasts):
        one = "one figure is a forecast and the other an actual"
        return "both figures are forecasts, which may differ" if all(forecasts) else one
    cited = a.claim.origin and b.claim.origin and a.claim.origin != b.claim.origin
    if cited and (a.period is None or b.period is None):
        return f"the sources differ ({a.claim.origin} vs {b.claim.origin}) and a period is not stated"
    return None


def _unit_slip(factor: float, ctx: Context) -> float | None:
    for slip in ctx.tolerances.slip_factors:
        if abs(factor / slip - 1) <= ctx.tolerances.slip_tolerance:
            return slip
    return None
