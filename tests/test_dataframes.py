"""The notebook API: ``factrecon.reports.to_dataframe`` over claims and findings."""

from __future__ import annotations

import math

import pytest

from factrecon.claims import extract
from factrecon.claims.model import CLAIM_FIELDS
from factrecon.reconcile import check
from factrecon.reconcile.model import FINDING_FIELDS
from factrecon.reports import to_dataframe

A = "2024年宁德时代的全球动力电池市场份额为37.9%,储能电池出货量超过100GWh。"
B = "Analysts said CATL's global EV battery market share in 2024 was 27%."


def test_claims_frame_has_a_row_per_claim_in_contract_columns() -> None:
    claims = extract(A, "a.txt") + extract(B, "b.txt")
    frame = to_dataframe(claims)
    assert list(frame.columns) == [*CLAIM_FIELDS, "fingerprint"]
    assert frame["id"].tolist() == [c.id for c in claims]
    share = frame.set_index("text").loc["37.9%"]
    assert (share["value"], share["unit"], share["entity"]) == (37.9, "percent", "CATL")
    (lower_bound,) = frame[frame["qualifier"] == "lower"].itertuples()
    assert lower_bound.lower == 100e9 and math.isnan(lower_bound.upper)  # an unbounded side: pandas' missing value
    assert frame["fingerprint"].str.startswith("c1:").all()


def test_findings_frame_lists_claim_ids_and_severity() -> None:
    result = check(extract(A, "a.txt") + extract(B, "b.txt"))
    frame = to_dataframe(result.findings)
    assert list(frame.columns) == list(FINDING_FIELDS)
    conflict = frame[frame["kind"] == "conflict"].iloc[0]
    assert conflict["severity"] == "error" and set(conflict["claims"]) == {"a.txt:21", "b.txt:64"}


def test_empty_input_needs_a_kind_and_mixed_input_is_refused() -> None:
    assert list(to_dataframe([], kind="claims").columns) == [*CLAIM_FIELDS, "fingerprint"]
    with pytest.raises(ValueError, match="needs kind"):
        to_dataframe([])
    claims = extract(A, "a.txt")
    findings = check(claims + extract(B, "b.txt")).findings
    with pytest.raises(TypeError, match="every record must be a Claim"):
        to_dataframe([*claims, *findings])  # type: ignore[list-item]
