"""Clusters of figures about one quantity by their intervals: point figures (exact, approx,
ranges) whose widened intervals overlap form one cluster; an open bound (超过, 不足) joins the
cluster it fits, or is met only formally by a value far past it (``slack``).

Sorting the intervals once keeps this near linear in the number of figures.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from .facts import Fact


def overlap(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    return max(a_lo, b_lo) <= min(a_hi, b_hi)


def _hull(cluster: Sequence[Fact]) -> tuple[float, float]:
    return min(f.lo for f in cluster), max(f.hi for f in cluster)


def _sweep(points: list[Fact]) -> list[list[Fact]]:
    """Clusters of overlapping intervals, by one sweep over them sorted."""
    clusters: list[list[Fact]] = []
    reach = -math.inf
    for fact in sorted(points, key=lambda f: (f.lo, f.hi, f.id)):
        if clusters and fact.lo <= reach:
            clusters[-1].append(fact)
            reach = max(reach, fact.hi)
        else:
            clusters.append([fact])
            reach = fact.hi
    return clusters


class _Cores:
    """Exact figures grouped so that every figure of a group overlaps every other (their
    intervals share a point), narrowest first: each joins the group nearest its centre whose
    common interval it meets, so a coarse "460萬" never chains 4,550,036 and 4,602,436."""

    def __init__(self) -> None:
        self.members: list[list[Fact]] = []
        self.spans: list[tuple[float, float, int]] = []  # (low, high, group) of each common interval, by low

    def nearest(self, fact: Fact) -> int | None:
        """The position in ``spans`` of the group whose common interval meets the fact's with the
        centre nearest the fact's, or None. Groups were made of figures no wider than this one,
        so each common interval is at most ``width`` wide: the search stops once the centres can
        only get farther."""
        if not self.spans:
            return None
        middle, width = central(fact), fact.hi - fact.lo
        start = bisect.bisect_left(self.spans, (middle, -math.inf, -1))
        best: tuple[float, int] | None = None
        for index in range(start, len(self.spans)):  # groups starting at or after the centre
            low, high, _ = self.spans[index]
            if low > fact.hi or (best is not None and low - middle > best[0]):
                break
            best = self._better(best, index, fact)
        for index in range(start - 1, -1, -1):  # groups starting before it
            low, high, _ = self.spans[index]
            if low + width < fact.lo or (best is not None and middle - (low + width) > best[0]):
                break
            best = self._better(best, index, fact)
        return best[1] if best is not None else None

    def _better(self, best: tuple[float, int] | None, index: int, fact: Fact) -> tuple[float, int] | None:
        low, high, _ = self.spans[index]
        if high < fact.lo or low > fact.hi:
            return best
        distance = abs((low + high) / 2 - central(fact))
        return (distance, index) if best is None or distance < best[0] else best

    def add(self, fact: Fact) -> None:
        at = self.nearest(fact) if math.isfinite(fact.hi - fact.lo) else None
        if at is None:
            self.members.append([fact])
            bisect.insort(self.spans, (fact.lo, fact.hi, len(self.members) - 1))
        else:
            low, high, group = self.spans.pop(at)
            self.members[group].append(fact)
            bisect.insort(self.spans, (max(low, fact.lo), min(high, fact.hi), group))


def _point_clusters(points: list[Fact]) -> list[list[Fact]]:
    """Exact figures in groups that all overlap (``_Cores``); a looser figure (约, a range) joins
    the group it overlaps with the nearest centre, so "约8%" never chains 7.1% and 7.73%."""
    cores = _Cores()
    for fact in sorted((f for f in points if f.claim.qualifier == "exact"), key=lambda f: (f.hi - f.lo, f.lo, f.id)):
        cores.add(fact)
    tight = cores.members
    hulls = [_hull(cluster) for cluster in tight]
    order = sorted(range(len(tight)), key=lambda i: hulls[i])
    starts = [hulls[i][0] for i in order]
    widest = max((hull[1] - hull[0] for hull in hulls if math.isfinite(hull[1] - hull[0])), default=0.0)
    stray: list[Fact] = []
    for fact in (f for f in points if f.claim.qualifier != "exact"):
        index = bisect.bisect_right(starts, fact.hi) - 1
        candidates = []
        while index >= 0 and starts[index] >= fact.lo - widest:
            if hulls[order[index]][1] >= fact.lo:
                candidates.append(order[index])
            index -= 1
        if not candidates:
            stray.append(fact)
            continue
        middle = central(fact)
        home = min(candidates, key=lambda i: (abs((hulls[i][0] + hulls[i][1]) / 2 - middle), i))
        tight[home].append(fact)
    return tight + _sweep(stray)


def cluster_facts(facts: list[Fact], slack_factor: float) -> tuple[list[list[Fact]], list[tuple[Fact, Fact]]]:
    """Point clusters (exact figures by overlap, looser ones joining them), then bounds attached
    where they fit."""
    clusters = _point_clusters([f for f in facts if not f.bound])
    point_clusters = [list(c) for c in clusters]
    slack: list[tuple[Fact, Fact]] = []
    loose: list[list[Fact]] = []
    hulls = [_hull(cluster) for cluster in point_clusters]
    lookups: dict[int, _Nearest] = {}
    for bound in sorted((f for f in facts if f.bound), key=lambda f: f.id):
        fitting = []
        for index, (cluster, hull) in enumerate(zip(point_clusters, hulls, strict=True)):
            if overlap(bound.lo, bound.hi, *hull):
                nearest = (lookups.get(index) or lookups.setdefault(index, _Nearest(cluster)))(bound)
                if formal_only(bound, nearest, slack_factor):
                    slack.append((bound, nearest))
                else:
                    fitting.append((_distance(bound, nearest), index))
        if fitting:
            clusters[min(fitting)[1]].append(bound)
        elif home := next((c for c in loose if all(overlap(bound.lo, bound.hi, f.lo, f.hi) for f in c)), None):
            home.append(bound)
        elif not any(bound in pair for pair in slack):
            loose.append([bound])
    return clusters + loose, slack


def _edge(fact: Fact) -> float:
    return fact.lo if math.isfinite(fact.lo) else fact.hi


def central(fact: Fact) -> float:
    return fact.point if fact.point is not None else (fact.lo + fact.hi) / 2


def _gap(value: float, edge: float) -> float:
    """How far ``value`` is from ``edge``: the log of their ratio (taken apart, as 1e-310 / 1e15
    underflows to 0) when both are positive, else the difference."""
    return abs(math.log(value) - math.log(edge)) if value > 0 and edge > 0 else abs(value - edge)


def _distance(bound: Fact, fact: Fact) -> float:
    return _gap(central(fact), _edge(bound))


class _Nearest:
    """The first figure of a cluster nearest a bound's edge (``min`` by ``_distance``), found by
    bisecting the distinct values: the gap only grows away from the edge on either side of it, and
    on the non-positive side of a positive edge."""

    def __init__(self, cluster: list[Fact]) -> None:
        self.cluster = cluster
        self.first: dict[float, int] = {}
        for position, fact in enumerate(cluster):
            self.first.setdefault(central(fact), position)
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


def formal_only(bound: Fact, fact: Fact, slack_factor: float) -> bool:
    """A lower bound (as written) met only by a value more than ``slack_factor`` past it: "6倍以上"
    against 13.3×."""
    if bound.claim.qualifier != "lower" or fact.point is None or fact.point <= 0 or bound.claim.value is None:
        return False
    edge = bound.point
    if not edge or edge <= 0:
        return False
    ratio = fact.point / edge if not bound.inverted else edge / fact.point
    return ratio > slack_factor
