"""The frame a finding's claims share, as the renderers show it: shared parts, parts that do not
apply to the measure left out, and each unknown part named with the articles that omit it."""

from __future__ import annotations

from typing import Any

import pytest

from factrecon.claims.model import Claim
from factrecon.reconcile import Finding
from factrecon.reports.finding_frame import FindingFrame, finding_frame

BYD_2025 = {"time": "2025", "scope": "whole", "basis": "level", "status": "reported"}


def claim(source: str, attribute: str = "sales", **frame: str | None) -> Claim:
    return Claim(id=f"{source}:0", source=f"news/{source}", start=0, end=2, text="1万", quote="1万辆", value=1e4,
                 lower=1e4, upper=1e4, precision=1.0, unit="count", qualifier="exact", lang="zh-Hans",
                 entity="BYD", attribute=attribute, **(BYD_2025 | frame))


CASES: list[tuple[str, list[dict[str, Any]], dict[str, Any]]] = [
    ("all_parts_shared", [{}, {}],
     {"period": "2025", "scope": "whole", "basis": "level", "status": "reported", "unknown": ()}),
    ("one_claim_alone", [{"scope": None}],
     {"period": "2025", "scope": None, "unknown": ("scope not stated in a.txt",)}),
    ("period_unknown_in_one_article", [{}, {"time": None}],
     {"period": None, "scope": "whole", "unknown": ("period not stated in b.txt",)}),
    ("scope_unknown_in_two_of_three", [{}, {"scope": None}, {"scope": None}],
     {"scope": None, "basis": "level", "unknown": ("scope not stated in b.txt and c.txt",)}),
    ("part_known_but_different", [{}, {"scope": "BEV"}], {"scope": None, "unknown": ()}),
    ("several_parts_unknown_in_part_order", [{"status": None}, {"time": None}],
     {"period": None, "status": None, "unknown": ("period not stated in b.txt", "status not stated in a.txt")}),
    ("parts_missing_from_the_same_articles_named_together",
     [{"time": None, "basis": None}, {"time": None, "basis": None, "status": None}, {}],
     {"basis": None, "unknown": ("period and basis not stated in a.txt and b.txt", "status not stated in b.txt")}),
    ("period_not_applicable_to_a_spec", [{"time": None, "scope": None}, {"time": "2024", "scope": None}],
     {"attribute": "memory capacity", "period": None, "scope": None, "basis": "level", "unknown": ()}),
    ("quarter_named_as_period", [{"time": "2025Q4"}, {"time": "2025Q4"}], {"period": "2025Q4"}),
]


@pytest.mark.parametrize(("frames", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_finding_frame(frames: list[dict[str, Any]], expected: dict[str, Any]) -> None:
    attribute = expected.get("attribute", "sales")
    claims = [claim(f"{name}.txt", attribute, **frame) for name, frame in zip("abc", frames, strict=False)]
    finding = Finding(id="F001", kind="tension", claims=tuple(c.id for c in claims), explanation="x",
                      fingerprint="fr1:0", check="values", entity="BYD", attribute=attribute)
    frame = finding_frame(finding, {c.id: c for c in claims})
    assert {key: getattr(frame, key) for key in expected} == expected


def test_words_leave_unknown_parts_out() -> None:
    frame = FindingFrame(entity="BYD", attribute="sales", period="2025", basis="level", status="reported")
    assert frame.words() == "BYD · sales · 2025 · level · reported"
    assert FindingFrame().words() == ""


def test_claims_missing_from_the_result_are_left_out() -> None:
    finding = Finding(id="F001", kind="conflict", claims=("gone.txt:0",), explanation="x", fingerprint="fr1:0",
                      check="values", entity="BYD")
    assert finding_frame(finding, {}) == FindingFrame(entity="BYD")
