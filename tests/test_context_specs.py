"""Claim-context specs: one test per [[case]] of tests/specs/context/{zh_hans,zh_hant,en}.toml.

Each case gives a text, optionally the article's date, and some of the claims in it with the
context they must carry (entity, also_applies_to, attribute, relative_to, time, origin). A listed
claim is looked up BY ITS TEXT among ``extract(text, source="spec", article_date=date)``; when a
case lists the same text twice, the second entry is the second claim with that text. Only the
fields a case gives are compared; ``""`` means the field must be empty (None), and
``also_applies_to`` is compared without regard to order. ``xfail = "why"`` marks a known gap and
runs strict, so a fix shows. Case ids read ``<file stem>::<case name>``, e.g.
``zh_hant::pronoun_gai_gongsi``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

import pytest
import spec_tables

FAMILY = "context"
SPEC_STEMS = spec_tables.SCRIPTS

CASE_KEYS = frozenset({"name", "text", "date", "claims", "xfail"})
SCALAR_FIELDS = ("entity", "attribute", "relative_to", "time", "origin")
CONTEXT_FIELDS = (*SCALAR_FIELDS, "also_applies_to")
CLAIM_KEYS = frozenset({"text", *CONTEXT_FIELDS})

# The attribute names the specs may use (the gold's short English names). A comparative claim is
# "<quantity> relative to <base>", e.g. "performance relative to AMD MI300X".
LEVELS = frozenset({
    "sales", "deliveries", "revenue", "operating profit", "net profit", "exports", "trade value",
    "battery installations", "market share", "revenue share", "share price", "share price close", "offer price",
    "market cap", "valuation", "proceeds", "IPO lottery win rate", "oversubscription", "GDP growth",
    "interest rate", "memory capacity", "memory bandwidth", "process node", "power",
    "FP16 dense compute", "FP16 sparse compute", "FP8 dense compute", "FP8 sparse compute",
    "yield", "shareholding", "unit price", "order volume", "parameter count",
})
# A change names its measure and direction (claims/data/attributes/changes.toml).
ATTRIBUTES = LEVELS | {f"{level} {change}" for level in LEVELS for change in ("growth", "decline")} | {
    "share price gain", "share price decline", "interest rate cut", "interest rate hike"}
COMPARED = ATTRIBUTES | {"performance"}  # quantities a comparative attribute may name
RELATIVE = " relative to "
PERIOD = r"\d{4}(?:Q[1-4]|H[12]|-\d{2}(?:-\d{2})?)?"
TIME = re.compile(rf"(?:{PERIOD}(?:\.\.{PERIOD})?|FY\d{{4}}(?:Q[1-4]|H[12])?)"
                  r"(?: \((?:forecast|target)\))?(?: \(implied\))?")

Case = spec_tables.Case


def load_cases(stem: str) -> tuple[Case, ...]:
    return spec_tables.load_cases(FAMILY, stem)


def all_cases() -> list[tuple[str, Case]]:
    return spec_tables.all_cases(FAMILY)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    spec_tables.parametrize(metafunc, "context_case", FAMILY)


# ---------------------------------------------------------------- the specs themselves


def _wanted(field: str, value: Any) -> Any:
    """The expected value in the engine's terms: "" is None, also_applies_to is order-free."""
    if field == "also_applies_to":
        return sorted(value)
    return value or None


def _got(claim: Any, field: str) -> Any:
    value = getattr(claim, field)
    return sorted(value) if field == "also_applies_to" else value


def _show(claim: Any) -> str:
    fields = " ".join(f"{field}={_got(claim, field)!r}" for field in CONTEXT_FIELDS)
    return f"{claim.text!r}@{claim.start} {fields}"


def test_context_spec(context_case: Case) -> None:
    from factrecon.claims import extract

    claims = list(extract(context_case["text"], source="spec", article_date=spec_tables.article_date(context_case)))
    listing = "\n  ".join(_show(claim) for claim in claims) or "(none)"
    by_text: defaultdict[str, list[Any]] = defaultdict(list)
    for claim in claims:
        by_text[claim.text].append(claim)
    seen: Counter[str] = Counter()
    problems = []
    for want in context_case["claims"]:
        text = want["text"]
        nth = seen[text]
        seen[text] += 1
        if nth >= len(by_text[text]):
            problems.append(f"{text!r} (#{nth + 1}): not extracted")
            continue
        got = by_text[text][nth]
        for field in CONTEXT_FIELDS:
            if field in want and _got(got, field) != _wanted(field, want[field]):
                problems.append(f"{text!r}: {field} {_got(got, field)!r} != expected {_wanted(field, want[field])!r}")
    assert not problems, "\n".join(problems) + f"\nextracted:\n  {listing}"


# ---------------------------------------------------------------- introspection of the spec data


def _attribute_problem(attribute: str) -> str | None:
    if attribute == "":
        return None
    quantity, relative, base = attribute.partition(RELATIVE)
    if quantity not in (COMPARED if relative else ATTRIBUTES):
        return f"unknown attribute {attribute!r}"
    if relative and not base:
        return f"attribute {attribute!r} names no base"
    return None


def _claim_problems(want: dict[str, Any], case_text: str, listed: Counter[str]) -> list[str]:
    text = want.get("text")
    if not isinstance(text, str) or not text:
        return [f"claim {want!r} has no text"]
    problems = []
    if unknown := want.keys() - CLAIM_KEYS:
        problems.append(f"claim {text!r} has unknown keys {sorted(unknown)}")
    if not want.keys() & set(CONTEXT_FIELDS):
        problems.append(f"claim {text!r} gives no context field, so it tests nothing")
    listed[text] += 1
    if case_text.count(text) < listed[text]:
        problems.append(f"claim text {text!r} occurs {case_text.count(text)} time(s) but is listed {listed[text]}")
    for field in SCALAR_FIELDS:
        if field in want and not isinstance(want[field], str):
            problems.append(f"claim {text!r}: {field} must be a string")
    others = want.get("also_applies_to", [])
    if not isinstance(others, list) or not all(isinstance(name, str) and name for name in others):
        problems.append(f"claim {text!r}: also_applies_to must be a list of names")
    if isinstance(attribute := want.get("attribute", ""), str) and (problem := _attribute_problem(attribute)):
        problems.append(f"claim {text!r}: {problem}")
    if isinstance(time := want.get("time", ""), str) and time and not TIME.fullmatch(time):
        problems.append(f"claim {text!r}: time {time!r} is not 2025, 2025Q3, 2025H1, 2025-12(-05), a span "
                        "A..B or FY2025 [+ (forecast), (implied)]")
    return problems


@pytest.mark.parametrize("stem", SPEC_STEMS)
def test_cases_are_well_formed(stem: str) -> None:
    """Known keys, a parseable date, claim texts present in the case text, field types and names."""
    problems = []
    for case in load_cases(stem):
        where = f"{stem}.toml:{case.get('name', '?')}"
        problems.extend(spec_tables.case_problems(case, where, CASE_KEYS))
        if {"name", "text", "claims"} - case.keys():
            continue
        if not case["claims"]:
            problems.append(f"{where}: lists no claims")
        listed: Counter[str] = Counter()
        for want in case["claims"]:
            problems.extend(f"{where}: {problem}" for problem in _claim_problems(want, case["text"], listed))
    assert not problems, "\n".join(problems)
