"""Reconciliation specs: one test per [[case]] of tests/specs/reconcile/{zh_hans,zh_hant,en}.toml
(format: tests/specs/reconcile/README.md)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
import spec_tables

from factrecon.claims import Claim, Timeline, extract, label_sparsity, link_entities, read_glosses, read_timeline
from factrecon.reconcile import KINDS, check

FAMILY = "reconcile"
CASE_KEYS = frozenset({"name", "topic", "articles", "expect", "absent", "not_compared", "dates", "xfail"})
TOPICS = frozenset({"agreement", "conflict", "tension", "change", "arithmetic_ok", "arithmetic_bad", "reciprocal",
                    "dense_sparse", "bound", "forecast", "timeline", "repeat", "same_origin", "not_flagged", "dates",
                    "frame"})


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    spec_tables.parametrize(metafunc, "reconcile_case", FAMILY)


def _dates(case: dict[str, Any]) -> dict[str, dt.date]:
    return {name: dt.date.fromisoformat(value) for name, value in case.get("dates", {}).items()}


def claims_of(case: dict[str, Any]) -> list[Claim]:
    """The cases' claims as ``factrecon check`` reads them: extracted, then linked across the articles."""
    dates = _dates(case)
    claims = label_sparsity([claim for name, text in case["articles"].items()
                             for claim in extract(text, name, article_date=dates.get(name))])
    return link_entities(claims, [read_glosses(text) for text in case["articles"].values()])


def timelines_of(case: dict[str, Any], claims: list[Claim]) -> list[Timeline]:
    dates = _dates(case)
    return [read_timeline(text, name, [c for c in claims if c.source == name], article_date=dates.get(name))
            for name, text in case["articles"].items()]


def resolve(claims: list[Claim], ref: str) -> str:
    """``"a.txt:6倍#2"`` -> the id of the second claim reading 6倍 in a.txt."""
    source, _, text = ref.partition(":")
    text, _, nth = text.partition("#")
    matching = [c for c in claims if c.source == source and c.text == text]
    index = int(nth or 1) - 1
    assert index < len(matching), f"no claim {ref!r}; {source} has {[c.text for c in claims if c.source == source]}"
    return matching[index].id


def test_reconcile_case(reconcile_case: dict[str, Any]) -> None:
    claims = claims_of(reconcile_case)
    result = check(claims, timelines=timelines_of(reconcile_case, claims))
    findings = result.findings
    shown = "\n".join(f"  {f.kind}: {[i for i in f.claims]} {f.explanation[:150]}" for f in findings)
    for expect in reconcile_case.get("expect", []):
        wanted = {resolve(claims, ref) for ref in expect["claims"]}
        words = expect.get("explains", "")
        assert any(f.kind == expect["kind"] and wanted <= set(f.claims) and words in f.explanation for f in findings), (
            f"expected {expect['kind']} over {expect['claims']} saying {words!r}; findings:\n{shown}")
    for pair in reconcile_case.get("not_compared", []):
        wanted = {resolve(claims, ref) for ref in pair["claims"]}
        skipped = "\n".join(f"  {p.claims} {p.unknown}" for p in result.not_compared)
        assert any(wanted <= set(p.claims) and pair.get("explains", "") in p.unknown for p in result.not_compared), (
            f"expected {pair['claims']} not compared; not compared:\n{skipped or '  (none)'}\nfindings:\n{shown}")
    for absent in reconcile_case.get("absent", []):
        named = {resolve(claims, ref) for ref in absent["claims"]}
        need = min(2, len(named))
        for finding in findings:
            assert not (finding.kind in absent["kinds"] and len(named & set(finding.claims)) >= need), (
                f"unexpected {finding.kind} over {absent['claims']}: {finding.explanation}")


def test_cases_are_well_formed() -> None:
    names: Counter[tuple[str, str]] = Counter()
    for stem, case in spec_tables.all_cases(FAMILY):
        names[(stem, case["name"])] += 1
        assert set(case) <= CASE_KEYS, f"{stem}::{case['name']}: unknown keys {set(case) - CASE_KEYS}"
        assert case.get("topic") in TOPICS, f"{stem}::{case['name']}: topic {case.get('topic')!r}"
        assert case.get("expect") or case.get("absent") or case.get("not_compared"), (
            f"{stem}::{case['name']}: nothing to check")
        for expect in case.get("expect", []):
            assert expect["kind"] in KINDS and expect["claims"]
        for absent in case.get("absent", []):
            assert set(absent["kinds"]) <= set(KINDS) and absent["claims"]
    assert not [key for key, count in names.items() if count > 1], "case names repeat"


def test_every_script_and_topic_is_covered() -> None:
    cases = spec_tables.all_cases(FAMILY)
    assert len(cases) >= 60
    for stem in spec_tables.SCRIPTS:
        assert sum(1 for s, _ in cases if s == stem) >= 15, stem
    assert {case["topic"] for _, case in cases} == TOPICS
