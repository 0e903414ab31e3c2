"""Index points, rate moves and exchange rates: the modules' examples, and the units they emit."""

from __future__ import annotations

import doctest
from decimal import Decimal
from types import ModuleType

import pytest

from factrecon.claims.numbers import cue_words, exchange_rates, index_points, rate_moves
from factrecon.units import conversion, is_canonical


@pytest.mark.parametrize("module", [cue_words, index_points, rate_moves, exchange_rates], ids=lambda m: m.__name__)
def test_module_examples(module: ModuleType) -> None:
    failed, attempted = doctest.testmod(module)
    assert attempted and not failed


@pytest.mark.parametrize(("unit", "canonical"), [
    ("index_point", True), ("CNY/USD", True), ("JPY/USD", True), ("USD/EUR", True),
    ("USD/USD", False), ("CNY/share", True), ("byte/CNY", False),
])
def test_exchange_rates_and_index_points_are_canonical(unit: str, canonical: bool) -> None:
    assert is_canonical(unit) is canonical


def test_an_exchange_rate_converts_to_itself() -> None:
    assert (conversion("CNY/USD").factor, conversion("CNY/USD").unit) == (Decimal(1), "CNY/USD")


@pytest.mark.parametrize(("first", "second", "unit"), [
    ("CNY", "USD", "CNY/USD"), ("USD", "CNY", "CNY/USD"), ("EUR", "USD", "USD/EUR"),
    ("USD", "JPY", "JPY/USD"), ("HKD", "CNY", "CNY/HKD"),
])
def test_a_pair_is_quoted_per_one_unit_of_its_base(first: str, second: str, unit: str) -> None:
    assert exchange_rates.quoted(first, second) == unit
