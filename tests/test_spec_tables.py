"""Introspection of every spec table family: unique names, and no two cases that test the same
rule with other digits."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest
import spec_tables

FRAME_PARTS = sorted(folder.name for folder in (spec_tables.SPECS / "frames").iterdir() if folder.is_dir())
FAMILIES = (*spec_tables.families("claims"), "context", *(f"frames/{part}" for part in FRAME_PARTS))


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("stem", spec_tables.SCRIPTS)
def test_case_names_are_unique_per_file(family: str, stem: str) -> None:
    counts = Counter(case["name"] for case in spec_tables.load_cases(family, stem))
    assert not [name for name, n in counts.items() if n > 1], f"{family}/{stem}.toml: duplicate case names"


@pytest.mark.parametrize("family", FAMILIES)
def test_no_two_cases_differ_only_in_digits(family: str) -> None:
    """Two cases whose texts match once every digit run is replaced by 0 test the same rule twice."""
    by_shape: defaultdict[str, list[str]] = defaultdict(list)
    for stem, case in spec_tables.all_cases(family):
        by_shape[re.sub(r"\d+", "0", case["text"])].append(f"{stem}::{case['name']}")
    clashes = [ids for ids in by_shape.values() if len(ids) > 1]
    assert not clashes, f"cases that differ only in their digits: {clashes}"
