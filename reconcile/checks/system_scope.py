"""A chip figure set against a system's: one chip cannot do the work of a rack.

Passing: "CloudMatrix 384 算力300 PFLOPS" and "B300 FP16稠密算力2.5 PFLOPS" -> a B300 is about 3×
one of the 384 chips' share (0.78 PFLOPS): plausible, no finding.
Failing: "B300单卡算力达320 PFLOPS" beside "CloudMatrix 384 实现了300 PFLOPS" -> one card would
equal about 200 of the system's 384 chips (even counting its sparse figure as half dense):
``tension``, a per-card and a system figure are probably mixed.
Systems are vocabulary: an entity with ``chips = N`` (claims/data/entities).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..alignment import attribute_key
from ..context import Context, Draft
from ..explain import amount, number
from ..facts import Fact
from .values import describe

NAME = "system_scope"
UNITS = ("FLOPS", "OPS")


def run(ctx: Context) -> Iterable[Draft]:
    chips = {entry.name: int(entry.fields["chips"]) for entry in ctx.lexicon.entities if "chips" in entry.fields}
    facts = [f for f in ctx.facts if f.unit in UNITS and f.point and f.duplicate_of is None and " / " not in f.entity]
    systems = [f for f in facts if f.entity in chips]
    for system in systems:
        count = chips[system.entity]
        per_chip = _dense(system, ctx) / count
        for chip in facts:
            if chip.entity in chips or chip.unit != system.unit:
                continue
            share = _dense(chip, ctx) / per_chip
            if share <= ctx.tolerances.scope_factor:
                continue
            exceeds = " and alone exceeds the whole system" if chip.point >= system.point else ""  # type: ignore[operator]
            yield Draft("tension", (chip.id, system.id), f"{describe(chip)} for one {chip.entity} chip against "
                        f"{describe(system)} for the {count}-chip {system.entity}: one chip would do the work of "
                        f"{number(share)} of its chips ({amount(per_chip, system.unit)} each, dense){exceeds}. "
                        "A per-card and a system figure are probably mixed.", chip.entity, chip.attribute)


def _dense(fact: Fact, ctx: Context) -> float:
    key = attribute_key(fact.attribute, fact.unit, ctx.tolerances)
    value = fact.point or 0.0
    return value / ctx.tolerances.sparse_factor if key.sparsity == "sparse" else value
