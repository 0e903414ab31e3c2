"""One figure, two framings: the same value of one entity under related but different attributes.

Passing: "销售额的25%将上缴美国政府" in two articles -> one attribute, an agreement (values.py);
nothing here.
Failing: A says "中方将为此支付25%的额外费用" (a surcharge paid by buyers), B says "芯片销售收入的
25%将上缴美国政府" (a cut of the seller's sales) -> ``tension``: who pays, and on what base, differs.
Related attributes are data: ``related_attributes`` in derivations.toml. Zeros and bounds say
nothing about framing and are left out.

Figures are grouped by attribute first; each figure of one attribute looks up the figures of a
related attribute whose intervals overlap it (sorted by lower end), so unrelated figures are never
paired.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..context import Context, Draft
from ..derivations import load_derivations
from ..explain import describe
from ..facts import Fact
from ..periods import relation

NAME = "framing"


def run(ctx: Context) -> Iterable[Draft]:
    derivations = load_derivations()
    framed = {name for group in derivations.related_attributes for name in group}
    blocks: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in ctx.facts:
        if fact.duplicate_of is None and fact.attribute and fact.point and not fact.bound and " / " not in fact.entity:
            if fact.attribute.lower() in framed:
                blocks[(fact.entity, fact.unit)].append(fact)
    for (entity, _unit), facts in sorted(blocks.items()):
        by_attribute: dict[str, list[int]] = defaultdict(list)
        for index, fact in enumerate(facts):
            by_attribute[fact.attribute or ""].append(index)
        lookups = {name: _Lookup(facts, indices) for name, indices in by_attribute.items()}
        names = sorted(by_attribute)
        sides = []
        for i, one in enumerate(names):
            for other in names[i + 1 :]:
                if not derivations.related(one, other):
                    continue
                ones, others = lookups[other].partners(by_attribute[one]), lookups[one].partners(by_attribute[other])
                if ones:
                    sides.append((min(ones.values()), one, other, _by_first_pair(ones), _by_first_pair(others)))
        for _, left_name, right_name, left_ids, right_ids in sorted(sides, key=lambda side: side[0]):
            left, right = [facts[i] for i in left_ids], [facts[i] for i in right_ids]
            yield Draft(
                "tension",
                tuple(f.id for f in left + right),
                f"{entity}: {'; '.join(describe(f) for f in left)} frame the figure as {left_name}, "
                f"{'; '.join(describe(f) for f in right)} as {right_name}. The same figure, but who pays "
                "or what it is a share of differs: check which one the sources mean.",
                entity,
                f"{left_name} / {right_name}",
            )


def _by_first_pair(partners: dict[int, tuple[int, int]]) -> list[int]:
    """Figures in the order the pairwise scan would first meet them."""
    return sorted(partners, key=partners.__getitem__)


class _Lookup:
    """The figures of one attribute by lower end, in classes of similar width (so an overlap search
    only looks a class's widest interval back)."""

    def __init__(self, facts: Sequence[Fact], indices: list[int]) -> None:
        self.facts = facts
        classes: dict[int, list[int]] = defaultdict(list)
        self.unbounded: list[int] = []  # infinite or undefined widths: tried one by one
        for index in indices:
            width = facts[index].hi - facts[index].lo
            if math.isfinite(width):
                classes[math.frexp(width)[1]].append(index)
            else:
                self.unbounded.append(index)
        self.classes = []
        for members in classes.values():
            members.sort(key=lambda i: facts[i].lo)
            widest = max(facts[i].hi - facts[i].lo for i in members)
            self.classes.append((widest, [facts[i].lo for i in members], members))

    def partners(self, indices: list[int]) -> dict[int, tuple[int, int]]:
        """For each of ``indices`` that pairs with a figure here, its first pair (lower index first)."""
        first: dict[int, tuple[int, int]] = {}
        for index in indices:
            fact = self.facts[index]
            candidates = list(self.unbounded)
            for widest, starts, members in self.classes:
                reach = fact.lo - widest * (1 + 1e-9) - abs(fact.lo) * 1e-12
                candidates += members[bisect.bisect_left(starts, reach) : bisect.bisect_right(starts, fact.hi)]
            pairs = [(min(index, other), max(index, other)) for other in candidates]
            fitting = [pair for pair in pairs if _framed(self.facts[pair[0]], self.facts[pair[1]])]
            if fitting:
                first[index] = min(fitting)
        return first


def _framed(first: Fact, second: Fact) -> bool:
    """Two figures of different articles that overlap in value and in time."""
    if first.source == second.source or max(first.lo, second.lo) > min(first.hi, second.hi):
        return False
    return relation(first.period, second.period) != "disjoint"
