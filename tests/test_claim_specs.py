"""Claim-extraction specs: one test per [[case]] of tests/specs/claims/{zh_hans,zh_hant,en}.toml
and of each family folder beside them (tests/specs/claims/<family>/{zh_hans,zh_hant,en}.toml).

Each case gives a text and every claim expected in it, in order. A case passes when ``extract``
returns the same number of claims and, pairwise, the same text (at offsets that index the
original text), unit and qualifier, with value/lower/upper within 1e-6 relative where the case
gives them. ``xfail = "why"`` in the data marks a known gap; it runs strict, so a fix shows.
Case ids read ``[<family>/]<file stem>::<case name>``, e.g. ``zh_hans::range_with_scale_both_sides``.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
import spec_tables

FAMILY = "claims"
FAMILIES = spec_tables.families(FAMILY)  # claims/<script>.toml and claims/<group>/<script>.toml
SPEC_STEMS = spec_tables.SCRIPTS
REL_TOL = 1e-6

QUALIFIERS = frozenset({"exact", "approx", "lower", "upper", "range", "approaching"})
CASE_KEYS = frozenset({"name", "text", "claims", "xfail"})
CLAIM_KEYS = frozenset({"text", "unit", "qualifier", "value", "lower", "upper"})
NUMBERS = ("value", "lower", "upper")

Case = spec_tables.Case


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    spec_tables.parametrize(metafunc, "spec_case", FAMILY, *FAMILIES[1:])


# ---------------------------------------------------------------- the specs themselves


def _close(got: float | None, want: float | None) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return math.isclose(got, want, rel_tol=REL_TOL, abs_tol=0.0)


def _show(claim: Any) -> str:
    bounds = f" [{claim.lower}, {claim.upper}]" if claim.lower is not None or claim.upper is not None else ""
    return (
        f"{claim.text!r}@{claim.start}:{claim.end} value={claim.value}{bounds} "
        f"unit={claim.unit} qualifier={claim.qualifier}"
    )


def _mismatches(index: int, got: Any, want: dict[str, Any], source: str) -> list[str]:
    problems = []
    span = source[got.start : got.end]
    if span != got.text:
        problems.append(f"offsets [{got.start}:{got.end}] give {span!r}, not {got.text!r}")
    for field in ("text", "unit", "qualifier"):
        if getattr(got, field) != want[field]:
            problems.append(f"{field} {getattr(got, field)!r} != expected {want[field]!r}")
    for field in NUMBERS:
        if field in want and not _close(getattr(got, field), want[field]):
            problems.append(f"{field} {getattr(got, field)!r} != expected {want[field]!r}")
    return [f"claim {index} ({want['text']!r}): {problem}" for problem in problems]


def test_claim_spec(spec_case: Case) -> None:
    from factrecon.claims import extract

    source = spec_case["text"]
    expected = spec_case["claims"]
    claims = list(extract(source, source="spec"))
    listing = "\n  ".join(_show(claim) for claim in claims) or "(none)"
    wanted = [want["text"] for want in expected]
    assert len(claims) == len(expected), (
        f"expected {len(expected)} claims {wanted}, got {len(claims)}:\n  {listing}"
    )
    problems = [
        problem
        for index, (got, want) in enumerate(zip(claims, expected, strict=True))
        for problem in _mismatches(index, got, want, source)
    ]
    assert not problems, "\n".join(problems) + f"\nextracted:\n  {listing}"


# ---------------------------------------------------------------- introspection of the spec data


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("stem", SPEC_STEMS)
def test_cases_are_well_formed(family: str, stem: str) -> None:
    """Known keys, known qualifiers, value xor range bounds, and claim texts found in order."""
    problems = []
    for case in spec_tables.load_cases(family, stem):
        where = f"{family}/{stem}.toml:{case.get('name', '?')}"
        if missing := {"name", "text", "claims"} - case.keys():
            problems.append(f"{where}: missing {sorted(missing)}")
            continue
        if unknown := case.keys() - CASE_KEYS:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        cursor = 0
        for want in case["claims"]:
            if unknown := want.keys() - CLAIM_KEYS:
                problems.append(f"{where}: claim {want.get('text')!r} has unknown keys {sorted(unknown)}")
            if {"text", "unit", "qualifier"} - want.keys():
                problems.append(f"{where}: claim {want!r} needs text, unit and qualifier")
                continue
            if want["qualifier"] not in QUALIFIERS:
                problems.append(f"{where}: claim {want['text']!r}: unknown qualifier {want['qualifier']!r}")
            is_range = want["qualifier"] == "range"
            if is_range != ("value" not in want) or (is_range and not {"lower", "upper"} <= want.keys()):
                problems.append(f"{where}: claim {want['text']!r}: give value, or lower and upper if a range")
            found = case["text"].find(want["text"], cursor)
            if found < 0:
                problems.append(f"{where}: claim text {want['text']!r} not found in order in the case text")
            else:
                cursor = found + len(want["text"])
    assert not problems, "\n".join(problems)
