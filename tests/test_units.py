"""Unit conversion to canonical units, from factrecon's own pint definitions."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pint
import pytest

from factrecon.claims import extract
from factrecon.units import combine, conversion, emitted_units, is_canonical, registry

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
    ("mu", Decimal("666.666666666667"), "square_meter"),
    ("square_foot", Decimal("0.09290304"), "square_meter"),
    (combine("CNY", "/kilowatt_hour"), Decimal(1), "CNY/kilowatt_hour"),
    (combine("CNY", "/megawatt_hour"), Decimal("0.001"), "CNY/kilowatt_hour"),
    (combine("CNY", "/kilogram"), Decimal(1000), "CNY/tonne"),
    (combine("CNY", "/jin"), Decimal(2000), "CNY/tonne"),
    (combine("USD", "/barrel"), Decimal(1), "USD/barrel"),
    (combine("USD", "/liter"), Decimal(1), "USD/liter"),
    (combine("CNY", "/mu"), Decimal("0.0015"), "CNY/square_meter"),
    (combine("count", "/(1000 * person)"), Decimal("0.001"), "count/person"),
    (combine("USD", "/(1000000 * token)"), Decimal("0.000001"), "USD/token"),
    (combine("CNY", "/month"), Decimal(1), "CNY/month"),
)


@pytest.mark.parametrize(("expression", "factor", "unit"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_conversion_to_canonical_unit(expression: str, factor: Decimal, unit: str) -> None:
    result = conversion(expression)
    assert (result.factor, result.unit) == (factor, unit)


def test_a_percent_opens_no_rate() -> None:
    with pytest.raises(ValueError, match="no canonical unit"):
        conversion(combine("percent", "/year"))


@pytest.mark.parametrize("unit", emitted_units())
def test_definitions_define_every_unit_extraction_can_emit(unit: str) -> None:
    """Every listed canonical unit and every rate the rule forms parses and is its own canonical name."""
    assert is_canonical(unit)
    assert conversion(unit) == conversion(unit).__class__(factor=Decimal(1), unit=unit)


@pytest.mark.parametrize(("a", "b"), [("USD", "CNY"), ("byte", "percent"), ("count", "times"),
                                      ("CNY/person", "CNY/vehicle")])
def test_separate_dimensions_never_convert(a: str, b: str) -> None:
    with pytest.raises(pint.DimensionalityError):
        registry().Quantity(1, a).to(b)


def test_every_claim_of_the_sample_corpus_has_a_canonical_unit() -> None:
    corpus = Path(__file__).parents[1] / "reports" / "data" / "corpus"
    units = {claim.unit for path in corpus.glob("*.txt") for claim in extract(path.read_text(encoding="utf-8"))}
    assert units and all(is_canonical(unit) for unit in units), units
