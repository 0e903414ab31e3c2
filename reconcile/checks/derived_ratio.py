"""A stated multiple or percent-of checked against the ratio of the two entities' own specs.

Passing: "P800 FP16算力达345TFLOPS" and "H20仅148 TFLOPS" give 345/148 = 2.33, and the article says
"是H20的2.3倍" -> ``arithmetic_ok``.
Failing: "H20性能僅為H200 7.5%" while the specs give 148/989 = 15.0% -> ``arithmetic_bad``; when
148/1,979 (dense over sparse) gives the stated 7.5%, the explanation says the figures were mixed.
A gap past the scope factor (300 PFLOPS system vs 148 TFLOPS chip against "3倍") is a
``tension``: the figures describe different scopes. Bases are data: derivations.toml.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from ..alignment import attribute_key, memberships
from ..context import Context, Draft
from ..derivations import RatioBasis, load_derivations
from ..explain import amount, number, short
from ..facts import Fact, numerator_denominator
from .values import describe

NAME = "derived_ratio"


def run(ctx: Context) -> Iterable[Draft]:
    specs: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in ctx.facts:
        if " / " not in fact.entity and fact.duplicate_of is None and fact.point and not fact.bound:
            for member in memberships(fact):
                specs[(member.entity, member.unit)].append(member)
    for relation in ctx.facts:
        if " / " in relation.entity and relation.duplicate_of is None:
            for basis in load_derivations().ratio_bases:
                if basis.explains(relation.attribute):
                    yield from _against(relation, basis, specs, ctx)


def _pairs(relation: Fact, basis: RatioBasis, specs: dict[tuple[str, str], list[Fact]],
           ctx: Context) -> tuple[list[tuple[Fact, Fact, float]], list[tuple[Fact, Fact, float]]]:
    """(numerator spec, denominator spec, ratio) for like figures, and for dense/sparse mixes."""
    numerator, denominator = numerator_denominator(relation)
    like, mixed = [], []
    for unit in basis.units:
        for top in specs.get((numerator, unit), []):
            for bottom in specs.get((denominator, unit), []):
                if top.id == bottom.id or not _usable(top, basis) or not _usable(bottom, basis):
                    continue
                ratio = bottom.point / top.point if basis.inverse else top.point / bottom.point  # type: ignore[operator]
                top_key = attribute_key(top.attribute, unit, ctx.tolerances)
                bottom_key = attribute_key(bottom.attribute, unit, ctx.tolerances)
                if top_key.compatible(bottom_key, ctx.tolerances):
                    like.append((top, bottom, ratio))
                elif top_key.sparsity != bottom_key.sparsity and top_key.family == bottom_key.family:
                    mixed.append((top, bottom, ratio))
    return like, mixed


def _usable(fact: Fact, basis: RatioBasis) -> bool:
    if not basis.attributes:
        return True
    return any(word in (fact.attribute or "").lower() for word in basis.attributes)


def _matches(relation: Fact, ratio: float, ctx: Context) -> bool:
    tolerances = ctx.tolerances
    slack = tolerances.derived_approx_agree if relation.claim.qualifier == "approx" else tolerances.derived_agree
    return relation.lo / (1 + slack) <= ratio <= relation.hi * (1 + slack)


def _derivation(top: Fact, bottom: Fact, ratio: float, basis: RatioBasis) -> str:
    first, second = (bottom, top) if basis.inverse else (top, bottom)
    return f"{first.claim.text} / {second.claim.text} = {amount(ratio, 'times')}"


def _against(relation: Fact, basis: RatioBasis, specs: dict[tuple[str, str], list[Fact]],
             ctx: Context) -> Iterable[Draft]:
    like, mixed = _pairs(relation, basis, specs, ctx)
    if not like:
        return
    numerator, denominator = numerator_denominator(relation)
    subject = f"{numerator} / {denominator}"
    for top, bottom, ratio in like:
        if _matches(relation, ratio, ctx):
            yield Draft("arithmetic_ok", (relation.id, top.id, bottom.id),
                        f"{subject}: {_derivation(top, bottom, ratio, basis)} ({top.claim.attribute or top.unit}), "
                        f"consistent with {describe(relation)}.", subject, relation.attribute,
                        derived=(("ratio", ratio),))
            return
    if not basis.verdict:
        return
    top, bottom, ratio = like[0]
    stated = relation.point if relation.point else math.sqrt(max(relation.lo, 1e-300) * relation.hi)
    factor = max(ratio, stated) / min(ratio, stated) if min(ratio, stated) > 0 else math.inf
    said = (f"{subject}: the specs give {_derivation(top, bottom, ratio, basis)}, but {describe(relation)}; "
            f"they differ by {number(factor)}×.")
    if factor > ctx.tolerances.scope_factor:
        yield Draft("tension", (relation.id, top.id, bottom.id), f"{said} A gap that large means the figures "
                    "describe different scopes (a system against a chip, peak against measured).",
                    subject, relation.attribute, derived=(("ratio", ratio),))
        return
    mix = next(((t, b, r) for t, b, r in mixed if _matches(relation, r, ctx)), None)
    if mix is not None:
        sources = ", ".join(short(f.id) for f in mix[:2])
        said += (f" The stated figure only comes out as {_derivation(*mix, basis)} ({sources}), which sets a "
                 "dense figure against a sparse one.")
    yield Draft("arithmetic_bad", (relation.id, top.id, bottom.id), said, subject, relation.attribute,
                derived=(("ratio", ratio),))
