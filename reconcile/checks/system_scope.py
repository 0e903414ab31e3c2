"""A chip figure set against a system's: one chip cannot do the work of a rack.

Passing: "CloudMatrix 384 算力300 PFLOPS" and "B300 FP16稠密算力2.5 PFLOPS" -> a B300 is about 3×
one of the 384 chips' share (0.78 PFLOPS): plausible, no finding.
Failing: "B300单卡算力达320 PFLOPS" beside "CloudMatrix 384 实现了300 PFLOPS" -> one card would
equal about 200 of the system's 384 chips (even counting its sparse figure as half dense):
``tension``, a per-card and a system figure are probably mixed.
Systems are vocabulary: an entity with ``chips = N`` (claims/data/entities). A chip and a system
get one finding, for the pair of their figures that sets them furthest apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..alignment import attribute_key
from ..context import Context, Draft
from ..explain import amount, describe, number
from ..facts import Fact

NAME = "system_scope"
UNITS = ("FLOPS", "OPS")
Figure = tuple[float, int, Fact]  # dense value (per chip, for a system), position among the facts, fact


def run(ctx: Context) -> Iterable[Draft]:
    chips = {entry.name: int(entry.fields["chips"]) for entry in ctx.lexicon.entities if "chips" in entry.fields}
    facts = [f for f in ctx.facts if f.unit in UNITS and f.point and f.duplicate_of is None and " / " not in f.entity]
    systems: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    others: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for position, fact in enumerate(facts):
        if fact.entity in chips:
            systems[(fact.entity, fact.unit)].append((_dense(fact, ctx) / chips[fact.entity], position, fact))
        else:
            others[(fact.entity, fact.unit)].append((_dense(fact, ctx), position, fact))
    extremes = {key: _extremes(figures) for key, figures in others.items()}
    strongest: dict[tuple[str, str], tuple[float, int, int, Fact, Fact]] = {}
    for (system_entity, unit), figures in systems.items():
        per_chip = _extremes(figures)
        for (chip_entity, chip_unit), chip_figures in extremes.items():
            for chip in chip_figures if chip_unit == unit else ():
                for system in per_chip:
                    candidate = (chip[0] / system[0], -chip[1], -system[1], chip[2], system[2])
                    best = strongest.get((system_entity, chip_entity))
                    if best is None or candidate[:3] > best[:3]:
                        strongest[(system_entity, chip_entity)] = candidate
    for (system_entity, _), (share, _, _, chip_fact, system_fact) in strongest.items():
        if share > ctx.tolerances.scope_factor:
            yield _mixed(chip_fact, system_fact, share, chips[system_entity], ctx)


def _extremes(figures: list[Figure]) -> list[Figure]:
    """The earliest figures with the lowest and the highest value on each side of zero: a quotient
    of two figures is largest at one of them."""
    chosen = []
    for side in ([f for f in figures if f[0] > 0], [f for f in figures if f[0] < 0]):
        if side:
            chosen += [min(side, key=lambda f: (f[0], f[1])), max(side, key=lambda f: (f[0], -f[1]))]
    return list({figure[1]: figure for figure in chosen}.values())


def _mixed(chip: Fact, system: Fact, share: float, count: int, ctx: Context) -> Draft:
    per_chip = _dense(system, ctx) / count
    exceeds = " and alone exceeds the whole system" if chip.point >= system.point else ""  # type: ignore[operator]
    return Draft(
        "tension",
        (chip.id, system.id),
        f"{describe(chip)} for one {chip.entity} chip against "
        f"{describe(system)} for the {count}-chip {system.entity}: one chip would do the work of "
        f"{number(share)} of its chips ({amount(per_chip, system.unit)} each, dense){exceeds}. "
        "A per-card and a system figure are probably mixed.",
        chip.entity,
        chip.attribute,
    )


def _dense(fact: Fact, ctx: Context) -> float:
    key = attribute_key(fact.attribute, fact.unit, ctx.tolerances)
    value = fact.point or 0.0
    return value / ctx.tolerances.sparse_factor if key.sparsity == "sparse" else value
