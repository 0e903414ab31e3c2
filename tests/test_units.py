"""Unit conversion to canonical units, from factrecon's own pint definitions."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pint
import pytest

from factrecon.claims import extract
from factrecon.units import combine, conversion, is_canonical, registry

EXAMPLES = (
    ("terabyte/second", Decimal("1e12"), "byte/second"),
    ("teraFLOPS", Decimal("1e12"), "FLOPS"),
    ("nanometer", Decimal("1e-9"), "meter"),
    ("gibibyte", Decimal(2**30), "byte"),
    ("basis_point", Decimal("0.01"), "percentage_point"),
    ("25 * basis_point", Decimal("0.25"), "percentage_point"),
    ("day", Decimal(1), "day"),
    ("month", Decimal(1), "month"),
    ("kilowatt_hour", Decimal(1000), "watt_hour"),
    (combine("HKD", "/share"), Decimal(1), "HKD/share"),
    (combine("/second", "terabyte"), Decimal("1e12"), "byte/second"),
)


@pytest.mark.parametrize(("expression", "factor", "unit"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_conversion_to_canonical_unit(expression: str, factor: Decimal, unit: str) -> None:
    result = conversion(expression)
    assert (result.factor, result.unit) == (factor, unit)


@pytest.mark.parametrize(("a", "b"), [("USD", "CNY"), ("byte", "percent"), ("count", "times")])
def test_separate_dimensions_never_convert(a: str, b: str) -> None:
    with pytest.raises(pint.DimensionalityError):
        registry().Quantity(1, a).to(b)


def test_every_claim_of_the_sample_corpus_has_a_canonical_unit() -> None:
    corpus = Path(__file__).parents[1] / "reports" / "data" / "corpus"
    units = {claim.unit for path in corpus.glob("*.txt") for claim in extract(path.read_text(encoding="utf-8"))}
    assert units and all(is_canonical(unit) for unit in units), units
