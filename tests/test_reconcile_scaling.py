"""What keeps ``check`` near linear in the number of claims: checks that used to set every figure
against every other report once per pair of entities or per neighbour, and the indexed lookups
pick what trying every candidate in order would pick."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from factrecon.claims import Claim
from factrecon.reconcile import check, load_tolerances
from factrecon.reconcile.checks import derived_ratio
from factrecon.reconcile.clusters import _distance, _Nearest
from factrecon.reconcile.derivations import load_derivations
from factrecon.reconcile.facts import Fact, fact_of, numerator_denominator


def figure(
    source: str,
    start: int,
    text: str,
    value: float,
    unit: str,
    entity: str,
    attribute: str | None,
    *,
    time: str | None = None,
    relative_to: str | None = None,
    also: tuple[str, ...] = (),
) -> Claim:
    return Claim(
        id=f"{source}:{start}",
        source=source,
        start=start,
        end=start + len(text),
        text=text,
        quote=text,
        value=value,
        lower=value,
        upper=value,
        precision=None,
        unit=unit,
        qualifier="exact",
        lang="zh-Hans",
        entity=entity,
        attribute=attribute,
        time=time,
        relative_to=relative_to,
        also_applies_to=also,
    )


def test_system_scope_reports_one_finding_per_system_and_chip() -> None:
    system = figure("a.txt", 0, "300 PFLOPS", 3e17, "FLOPS", "Huawei CloudMatrix 384", "compute")
    chips = [
        figure(f"{name}.txt", 0, f"{value:g} PFLOPS", value * 1e15, "FLOPS", "NVIDIA B300", "FP16 dense compute")
        for name, value in (("b", 300), ("c", 320), ("d", 280))
    ]
    findings = [f for f in check([system, *chips]).findings if f.check == "system_scope"]
    assert [f.claims for f in findings] == [("c.txt:0", "a.txt:0")]  # the chip figure furthest from the system's


def test_implied_count_sets_each_quote_against_its_neighbour_in_time() -> None:
    claims = []
    for month, (price, cap) in enumerate(((10, 100), (11, 110), (10, 400), (12, 120)), start=1):
        source, time = f"{month}.txt", f"2025-{month:02d}"
        claims.append(figure(source, 0, f"{price}元/股", price, "CNY/share", "Acme", "share price", time=time))
        claims.append(figure(source, 20, f"{cap}亿元", cap * 1e8, "CNY", "Acme", "market cap", time=time))
    findings = [f for f in check(claims).findings if f.check == "implied_count"]
    assert sorted((f.claims[0][0], f.claims[2][0], f.kind) for f in findings) == [
        ("1", "2", "arithmetic_ok"),
        ("2", "3", "tension"),
        ("3", "4", "tension"),
    ]


values = st.sampled_from([-2.0, -0.5, 0.5, 1.0, 2.0, 3.0, 4.0, 1e-6, 1e6])


@given(st.lists(values, min_size=1, max_size=10), values, st.booleans())
def test_nearest_figure_to_a_bound_is_the_first_minimum(points: list[float], edge: float, lower: bool) -> None:
    claim = figure("a.txt", 0, "1", 1.0, "count", "A", None)
    cluster = [
        Fact(claim=claim, entity="A", attribute=None, unit="count", lo=p, hi=p, point=p, period=None) for p in points
    ]
    bound = Fact(
        claim=claim,
        entity="A",
        attribute=None,
        unit="count",
        lo=edge if lower else -float("inf"),
        hi=float("inf") if lower else edge,
        point=edge,
        period=None,
    )
    assert _Nearest(cluster)(bound) is min(cluster, key=lambda f: _distance(bound, f))


def first_pair_by_trying_all(
    specs: derived_ratio._Specs,
    relation: Fact,
    basis: derived_ratio.RatioBasis,
    kind: str,
    within: tuple[float, float] | None,
) -> derived_ratio.Pair | None:
    numerator, denominator = numerator_denominator(relation)
    for unit in basis.units:
        for top in specs.facts.get((numerator, unit), []):
            for bottom in specs.facts.get((denominator, unit), []):
                if (
                    top.id == bottom.id
                    or not derived_ratio._usable(top, basis)
                    or not derived_ratio._usable(bottom, basis)
                    or specs.kind(top.attribute, bottom.attribute, unit) != kind
                ):
                    continue
                ratio = derived_ratio._ratio(top, bottom, basis)
                if within is None or within[0] <= ratio <= within[1]:
                    return top, bottom, ratio
    return None


spec = st.tuples(
    st.sampled_from(["A", "B"]),
    st.sampled_from([100.0, 148.0, 296.0, 989.0, 1979.0]),
    st.sampled_from(["FP16 dense compute", "FP16 sparse compute", "FP8 compute", None]),
    st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(spec, min_size=1, max_size=14), st.sampled_from([0.075, 0.15, 0.5, 2.0, 6.68, 13.4]))
def test_derived_ratio_pairs_the_first_fitting_figures(
    specs: list[tuple[str, float, str | None, bool]], stated: float
) -> None:
    tolerances = load_tolerances()
    claims = [
        figure(
            "s.txt",
            index,
            f"{value:g} TFLOPS",
            value * 1e12,
            "FLOPS",
            entity,
            attribute,
            also=("B" if entity == "A" else "A",) if both else (),
        )
        for index, (entity, value, attribute, both) in enumerate(specs)
    ]
    claims.append(figure("r.txt", 0, f"{stated:g}倍", stated, "times", "A", "performance", relative_to="B"))
    facts = tuple(fact for claim in claims if (fact := fact_of(claim, tolerances)) is not None)
    indexed = derived_ratio._Specs(SimpleNamespace(facts=facts, tolerances=tolerances))  # type: ignore[arg-type]
    relation = facts[-1]
    for basis in load_derivations().ratio_bases:
        for kind, within in (
            ("like", None),
            ("like", derived_ratio._window(relation, SimpleNamespace(tolerances=tolerances))),
            ("mixed", (relation.lo, relation.hi)),
        ):  # type: ignore[arg-type]
            assert indexed.first(relation, basis, kind, within) == first_pair_by_trying_all(
                indexed, relation, basis, kind, within
            )
