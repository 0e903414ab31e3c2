"""A stated multiple or percent-of checked against the ratio of the two entities' own specs.

Passing: "P800 FP16算力达345TFLOPS" and "H20仅148 TFLOPS" give 345/148 = 2.33, and the article says
"是H20的2.3倍" -> ``arithmetic_ok``.
Failing: "H20性能僅為H200 7.5%" while the specs give 148/989 = 15.0% -> ``arithmetic_bad``; when
148/1,979 (dense over sparse) gives the stated 7.5%, the explanation says the figures were mixed.
A gap past the scope factor (300 PFLOPS system vs 148 TFLOPS chip against "3倍") is a
``tension``: the figures describe different scopes. Bases are data: derivations.toml.

Spec figures are paired in a fixed order (unit, numerator figure, denominator figure) and the
first pair that fits is reported. An entity's figures are kept once per (attribute, value), the
first of them, and sorted by value, so a stated ratio finds its pairs by bisection.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable

from ..alignment import attribute_key, memberships
from ..context import Context, Draft
from ..derivations import RatioBasis, load_derivations
from ..explain import amount, describe, number, short
from ..facts import Fact, numerator_denominator

NAME = "derived_ratio"
_LOOSE = 1e-9  # relative margin of the bisection; every candidate is then tested exactly
Pair = tuple[Fact, Fact, float]


class _Side:
    """One entity's usable figures in one unit, once per (attribute, value) (the first of them): in
    order of appearance, and per attribute sorted by value (positive ones; others are tried one by one)."""

    def __init__(self, facts: list[Fact], basis: RatioBasis) -> None:
        self.firsts: list[tuple[int, Fact]] = []
        self.ordered: dict[str | None, list[tuple[int, Fact]]] = defaultdict(list)
        seen: set[tuple[str | None, float | None]] = set()
        for index, fact in enumerate(facts):
            if not _usable(fact, basis):
                continue
            if not fact.claim.also_applies_to:  # a figure of several entities may meet itself: kept apart
                if (fact.attribute, fact.point) in seen:
                    continue
                seen.add((fact.attribute, fact.point))
            self.firsts.append((index, fact))
            self.ordered[fact.attribute].append((index, fact))
        self.by_point: dict[str | None, list[tuple[int, Fact]]] = {}
        self.points: dict[str | None, list[float]] = {}
        self.odd: dict[str | None, list[tuple[int, Fact]]] = {}
        for attribute, entries in self.ordered.items():
            positive = sorted((e for e in entries if _positive(e[1])), key=lambda e: e[1].point)  # type: ignore[arg-type, return-value]
            self.by_point[attribute] = positive
            self.points[attribute] = [fact.point for _, fact in positive]  # type: ignore[misc]
            self.odd[attribute] = [e for e in entries if not _positive(e[1])]


def _positive(fact: Fact) -> bool:
    return 0 < fact.point < math.inf  # type: ignore[operator]


class _Specs:
    """Spec figures by (entity, unit), their sides per basis, and which attributes pair up."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.facts: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        for fact in ctx.facts:
            if " / " not in fact.entity and fact.duplicate_of is None and fact.point and not fact.bound:
                for member in memberships(fact):
                    self.facts[(member.entity, member.unit)].append(member)
        self._sides: dict[tuple[str, str, tuple[str, ...]], _Side] = {}
        self._kinds: dict[tuple[str | None, str | None, str], str | None] = {}
        self._first_like: dict[tuple[str, str, RatioBasis], Pair | None] = {}

    def side(self, entity: str, unit: str, basis: RatioBasis) -> _Side:
        key = (entity, unit, basis.attributes)
        if key not in self._sides:
            self._sides[key] = _Side(self.facts.get((entity, unit), []), basis)
        return self._sides[key]

    def kind(self, top: str | None, bottom: str | None, unit: str) -> str | None:
        """``like`` for comparable attributes, ``mixed`` for dense against sparse, else None."""
        key = (top, bottom, unit)
        if key not in self._kinds:
            tolerances = self.ctx.tolerances
            top_key, bottom_key = attribute_key(top, unit, tolerances), attribute_key(bottom, unit, tolerances)
            if top_key.compatible(bottom_key, tolerances):
                self._kinds[key] = "like"
            elif top_key.sparsity != bottom_key.sparsity and top_key.family == bottom_key.family:
                self._kinds[key] = "mixed"
            else:
                self._kinds[key] = None
        return self._kinds[key]

    def first(self, relation: Fact, basis: RatioBasis, kind: str, within: tuple[float, float] | None) -> Pair | None:
        """The first (numerator, denominator) figure pair of ``kind`` whose ratio lies ``within`` (any if None)."""
        numerator, denominator = numerator_denominator(relation)
        for unit in basis.units:
            tops, bottoms = self.side(numerator, unit, basis), self.side(denominator, unit, basis)
            for _, top in tops.firsts:
                best: tuple[int, Fact] | None = None
                for attribute in bottoms.ordered:
                    if self.kind(top.attribute, attribute, unit) != kind:
                        continue
                    found = _earliest(top, bottoms, attribute, basis, within)
                    if found is not None and (best is None or found[0] < best[0]):
                        best = found
                if best is not None:
                    return top, best[1], _ratio(top, best[1], basis)
        return None

    def first_like(self, relation: Fact, basis: RatioBasis) -> Pair | None:
        key = (*numerator_denominator(relation), basis)
        if key not in self._first_like:
            self._first_like[key] = self.first(relation, basis, "like", None)
        return self._first_like[key]


def _earliest(
    top: Fact, bottoms: _Side, attribute: str | None, basis: RatioBasis, within: tuple[float, float] | None
) -> tuple[int, Fact] | None:
    """The earliest denominator figure of ``attribute`` pairing with ``top`` (ratio ``within``)."""
    if within is None:
        return next((e for e in bottoms.ordered[attribute] if _pairs(top, e[1], basis)), None)
    lo, hi = within
    entries = bottoms.odd[attribute]
    if _positive(top):
        low, high = _bottom_range(top.point, lo, hi, basis.inverse)  # type: ignore[arg-type]
        points = bottoms.points[attribute]
        start, stop = bisect.bisect_left(points, low), bisect.bisect_right(points, high)
        entries = entries + bottoms.by_point[attribute][start:stop]
    else:
        entries = entries + bottoms.by_point[attribute]
    fitting = [e for e in entries if _pairs(top, e[1], basis) and lo <= _ratio(top, e[1], basis) <= hi]
    return min(fitting, key=lambda e: e[0]) if fitting else None


def _bottom_range(top: float, lo: float, hi: float, inverse: bool) -> tuple[float, float]:
    """Positive denominator figures whose ratio with ``top`` may lie in ``[lo, hi]``, a little wide."""
    if inverse:  # ratio = bottom / top
        low, high = top * lo, top * hi
    else:  # ratio = top / bottom
        low = 0.0 if hi == math.inf else (top / hi if hi > 0 else math.inf)
        high = math.inf if lo <= 0 else top / lo
    return low * (1 - _LOOSE), high * (1 + _LOOSE)


def _ratio(top: Fact, bottom: Fact, basis: RatioBasis) -> float:
    return bottom.point / top.point if basis.inverse else top.point / bottom.point  # type: ignore[operator]


def _pairs(top: Fact, bottom: Fact, basis: RatioBasis) -> bool:
    """Whether ``bottom`` may pair with ``top``: another figure, with a ratio a float holds (141 PFLOPS /
    5e-324 TFLOPS overflows)."""
    return bottom.id != top.id and math.isfinite(_ratio(top, bottom, basis))


def run(ctx: Context) -> Iterable[Draft]:
    specs = _Specs(ctx)
    for relation in ctx.facts:
        if " / " in relation.entity and relation.duplicate_of is None:
            for basis in load_derivations().ratio_bases:
                if basis.explains(relation.attribute):
                    yield from _against(relation, basis, specs, ctx)


def _usable(fact: Fact, basis: RatioBasis) -> bool:
    if not basis.attributes:
        return True
    return any(word in (fact.attribute or "").lower() for word in basis.attributes)


def _window(relation: Fact, ctx: Context) -> tuple[float, float]:
    """The ratios that match ``relation``: its interval, widened by the derived-figure slack."""
    tolerances = ctx.tolerances
    slack = tolerances.derived_approx_agree if relation.claim.qualifier == "approx" else tolerances.derived_agree
    return relation.lo / (1 + slack), relation.hi * (1 + slack)


def _derivation(top: Fact, bottom: Fact, ratio: float, basis: RatioBasis) -> str:
    first, second = (bottom, top) if basis.inverse else (top, bottom)
    return f"{first.claim.text} / {second.claim.text} = {amount(ratio, 'times')}"


def _against(relation: Fact, basis: RatioBasis, specs: _Specs, ctx: Context) -> Iterable[Draft]:
    first_like = specs.first_like(relation, basis)
    if first_like is None:
        return
    numerator, denominator = numerator_denominator(relation)
    subject = f"{numerator} / {denominator}"
    window = _window(relation, ctx)
    if match := specs.first(relation, basis, "like", window):
        top, bottom, ratio = match
        yield Draft(
            "arithmetic_ok",
            (relation.id, top.id, bottom.id),
            f"{subject}: {_derivation(top, bottom, ratio, basis)} ({top.claim.attribute or top.unit}), "
            f"consistent with {describe(relation)}.",
            subject,
            relation.attribute,
            derived=(("ratio", ratio),),
        )
        return
    if not basis.verdict:
        return
    top, bottom, ratio = first_like
    stated = relation.point if relation.point else math.sqrt(max(relation.lo, 1e-300) * relation.hi)
    factor = max(ratio, stated) / min(ratio, stated) if min(ratio, stated) > 0 else math.inf
    said = (
        f"{subject}: the specs give {_derivation(top, bottom, ratio, basis)}, but {describe(relation)}; "
        f"they differ by {number(factor)}×."
    )
    if factor > ctx.tolerances.scope_factor:
        yield Draft(
            "tension",
            (relation.id, top.id, bottom.id),
            f"{said} A gap that large means the figures "
            "describe different scopes (a system against a chip, peak against measured).",
            subject,
            relation.attribute,
            derived=(("ratio", ratio),),
        )
        return
    if mix := specs.first(relation, basis, "mixed", window):
        sources = ", ".join(short(f.id) for f in mix[:2])
        said += (
            f" The stated figure only comes out as {_derivation(*mix, basis)} ({sources}), which sets a "
            "dense figure against a sparse one."
        )
    yield Draft(
        "arithmetic_bad",
        (relation.id, top.id, bottom.id),
        said,
        subject,
        relation.attribute,
        derived=(("ratio", ratio),),
    )
