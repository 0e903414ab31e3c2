"""Parts of a whole: shares listed together must not exceed 100%, and a member's share must not
exceed its group's.

Passing: "2024年中国数据中心加速卡有57.6%是推理卡, 超过训练卡的33%" -> 57.6% + 33% = 90.6% ≤ 100%,
``arithmetic_ok``.
Failing: "华为AI芯片市场份额已冲到40%" beside IDC's "国产AI芯片份额30%" for the whole domestic
group -> a member above its group: ``tension`` (``arithmetic_bad`` when both name the same period).
Group membership is vocabulary: ``members`` of a group entity (claims/data/entities).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from factrecon.claims import Claim

from ..context import Context, Draft
from ..derivations import Derivations, load_derivations
from ..explain import describe, number
from ..facts import Fact
from ..periods import relation
from .nearby import by_article, windows

NAME = "parts"
LISTED_TOGETHER = 60  # characters: shares of one whole written side by side


def run(ctx: Context) -> Iterable[Draft]:
    yield from _sums(ctx)
    yield from _members(ctx)


def _sums(ctx: Context) -> Iterable[Draft]:
    derivations = load_derivations()
    for claims in by_article(ctx.claims).values():
        for first, following in windows(claims, LISTED_TOGETHER):
            if not _share_part(first, derivations):
                continue
            parts = [first] + [c for c in following if _share_part(c, derivations) and c.entity == first.entity
                               and c.attribute == first.attribute and c.time == first.time
                               and not c.change_from and c.value != first.value]
            if len(parts) < 2 or parts[1].start - first.end > LISTED_TOGETHER:
                continue
            total = sum(c.value for c in parts)  # type: ignore[misc]
            listing = " + ".join(c.text for c in parts)
            if total <= 100 + 0.5:
                yield Draft("arithmetic_ok", tuple(c.id for c in parts), f"{first.entity}: {listing} = "
                            f"{number(total)}% ≤ 100%, leaving {number(100 - total)}% for the rest.",
                            first.entity, first.attribute, derived=(("sum", total),))
            elif derivations.is_share(first.attribute):
                yield Draft("arithmetic_bad", tuple(c.id for c in parts), f"{first.entity}: {listing} = "
                            f"{number(total)}%, more than the whole.", first.entity, first.attribute,
                            derived=(("sum", total),))


def _share_part(claim: Claim, derivations: Derivations) -> bool:
    return (claim.unit == "percent" and claim.qualifier == "exact" and claim.value is not None
            and 0 < claim.value < 100 and claim.entity is not None and not claim.relative_to
            and (claim.attribute is None or derivations.is_share(claim.attribute)))


def _members(ctx: Context) -> Iterable[Draft]:
    groups = {entry.name: set(entry.lists.get("members", [])) for entry in ctx.lexicon.entities}
    derivations = load_derivations()
    shares = [f for f in ctx.facts if f.unit == "percent" and " / " not in f.entity and f.duplicate_of is None
              and derivations.is_share(f.attribute)]
    by_entity: dict[str, list[Fact]] = defaultdict(list)
    for fact in shares:
        by_entity[fact.entity].append(fact)
    for group, members in groups.items():
        for whole in by_entity.get(group, []):
            for member in members:
                for part in by_entity.get(member, []):
                    if part.attribute != whole.attribute or part.lo <= whole.hi:
                        continue
                    timing = relation(part.period, whole.period)
                    if timing == "disjoint":
                        continue
                    kind = "arithmetic_bad" if timing == "same" else "tension"
                    yield Draft(kind, (part.id, whole.id), f"{whole.attribute}: {member} alone at {describe(part)} "
                                f"exceeds {describe(whole)} for all of {group}, of which it is a part "
                                f"({number(part.point or part.lo)}% > {number(whole.point or whole.hi)}%).",
                                group, whole.attribute)
