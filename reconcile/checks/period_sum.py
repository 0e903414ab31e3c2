"""The parts of a period add up to the whole: four quarters, two halves or twelve months of one
quantity against the figure for the year (or the half).

Passing: "Q1–Q4 sales were 1.2m, 1.3m, 1.1m and 1.4m" beside "5.0m for the year" -> 5.0m,
``arithmetic_ok``.
Failing: "各季度营收分别为80亿元、95亿元、90亿元和110亿元" beside "全年营收365亿元" -> 375亿元 ≠ 365亿元:
``arithmetic_bad``.

Only flows add up (sales, revenue, profit: units and measures in derivations.toml ``additive``).
The parts come from one article, one value per sub-period, all with the frame of the whole
(entity, measure, scope, basis, status); the whole is the article's own figure, or another
article's whose frame is known to match. A gap beyond ``sum_slip`` (derivations.toml) means the
parts and the whole measure different things, not a slip of arithmetic: no finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..alignment import Quantity
from ..context import Context, Draft
from ..derivations import load_derivations
from ..explain import amount, describe
from ..facts import Fact
from ..periods import Period

NAME = "period_sum"
SUBPERIODS = {4: "Q", 2: "H", 12: "-"}  # parts per whole period, and how their labels read


def run(ctx: Context) -> Iterable[Draft]:
    derivations = load_derivations()
    for quantity in ctx.quantities:
        if derivations.additive(quantity.unit, quantity.attribute) and " / " not in quantity.entity:
            yield from _sums(quantity, ctx, derivations.sum_slip)


def _frame(fact: Fact) -> tuple[str | None, ...]:
    claim = fact.claim
    return claim.scope, claim.basis, claim.status


def _sums(quantity: Quantity, ctx: Context, slip: float) -> Iterable[Draft]:
    facts = [f for f in quantity.facts if f.duplicate_of is None and f.period is not None and not f.bound
             and not f.claim.change_from]
    parts: dict[tuple[str, tuple[str | None, ...], str], list[Fact]] = defaultdict(list)
    for fact in facts:
        label = _whole_of(fact.period)  # type: ignore[arg-type]
        if label is not None and None not in _frame(fact):
            parts[(fact.source, _frame(fact), label)].append(fact)
    for (source, frame, whole_label), members in sorted(parts.items(), key=lambda item: repr(item[0])):
        listing = _complete(members)
        if listing is None:
            continue
        wholes = [f for f in facts if f.period and f.period.label == whole_label and _frame(f) == frame]
        whole = next((f for f in wholes if f.source == source), None) or next(
            (f for f in wholes if all(not ctx.compare(f.claim, p.claim).different for p in listing)), None)
        if whole is not None:
            yield from _judge(quantity, listing, whole, slip)


def _whole_of(period: Period) -> str | None:
    """The year (or half) a quarter, half or month belongs to: "2025Q3" -> "2025"."""
    label = period.label
    if len(label) == 6 and label[4] in "QH":
        return label[:4]
    if len(label) == 7 and label[4] == "-":
        return label[:4]
    return None


def _complete(members: Sequence[Fact]) -> list[Fact] | None:
    """The parts in order when they cover their whole exactly once (four quarters, two halves or
    twelve months), else None; two values for one sub-period leave the listing ambiguous."""
    by_label: dict[str, list[Fact]] = defaultdict(list)
    for fact in members:
        by_label[fact.period.label].append(fact)  # type: ignore[union-attr]
    if any(len(group) > 1 for group in by_label.values()):
        return None
    labels = sorted(by_label)
    year = labels[0][:4]
    for count, mark in SUBPERIODS.items():
        wanted = [f"{year}{mark}{n:02d}" if mark == "-" else f"{year}{mark}{n}" for n in range(1, count + 1)]
        if labels == wanted:
            return [by_label[label][0] for label in labels]
    return None


def _judge(quantity: Quantity, parts: list[Fact], whole: Fact, slip: float) -> Iterable[Draft]:
    low, high = sum(p.lo for p in parts), sum(p.hi for p in parts)
    total = sum((p.point if p.point is not None else (p.lo + p.hi) / 2) for p in parts)
    listing = " + ".join(p.claim.text for p in parts)
    said = (f"{quantity.entity} {quantity.attribute or ''}: {listing} = {amount(total, quantity.unit)} for "
            f"{whole.period.label}; the whole is {describe(whole)}")  # type: ignore[union-attr]
    ids = (*(p.id for p in parts), whole.id)
    derived = (("sum", total),)
    if low <= whole.hi and whole.lo <= high:
        yield Draft("arithmetic_ok", ids, f"{said}, which the parts add up to.", quantity.entity,
                    quantity.attribute, derived=derived)
        return
    reference = whole.point if whole.point else (whole.lo + whole.hi) / 2
    if reference and abs(total - reference) / abs(reference) <= slip:
        gap = amount(abs(total - reference), quantity.unit)
        yield Draft("arithmetic_bad", ids, f"{said}: the parts are {gap} {'over' if total > reference else 'short'}.",
                    quantity.entity, quantity.attribute, derived=derived)
