"""One figure, two framings: the same value of one entity under related but different attributes.

Passing: "销售额的25%将上缴美国政府" in two articles -> one attribute, an agreement (values.py);
nothing here.
Failing: A says "中方将为此支付25%的额外费用" (a surcharge paid by buyers), B says "芯片销售收入的
25%将上缴美国政府" (a cut of the seller's sales) -> ``tension``: who pays, and on what base, differs.
Related attributes are data: ``related_attributes`` in derivations.toml. Zeros and bounds say
nothing about framing and are left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..context import Context, Draft
from ..derivations import load_derivations
from ..facts import Fact
from ..periods import relation
from .values import describe

NAME = "framing"


def run(ctx: Context) -> Iterable[Draft]:
    derivations = load_derivations()
    blocks: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in ctx.facts:
        if fact.duplicate_of is None and fact.attribute and fact.point and not fact.bound and " / " not in fact.entity:
            blocks[(fact.entity, fact.unit)].append(fact)
    for (entity, _unit), facts in sorted(blocks.items()):
        sides: dict[tuple[str, str], tuple[list[Fact], list[Fact]]] = {}
        for i, first in enumerate(facts):
            for second in facts[i + 1:]:
                if first.source == second.source or not derivations.related(first.attribute, second.attribute):
                    continue
                if max(first.lo, second.lo) > min(first.hi, second.hi):
                    continue
                if relation(first.period, second.period) == "disjoint":
                    continue
                one, other = sorted((first, second), key=lambda f: f.attribute or "")
                left, right = sides.setdefault((one.attribute or "", other.attribute or ""), ([], []))
                left.extend(f for f in (one,) if f not in left)
                right.extend(f for f in (other,) if f not in right)
        for (left_name, right_name), (left, right) in sides.items():
            yield Draft("tension", tuple(f.id for f in left + right),
                        f"{entity}: {'; '.join(describe(f) for f in left)} frame the figure as {left_name}, "
                        f"{'; '.join(describe(f) for f in right)} as {right_name}. The same figure, but who pays "
                        "or what it is a share of differs: check which one the sources mean.",
                        entity, f"{left_name} / {right_name}")
