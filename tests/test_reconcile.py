"""Properties of ``factrecon.reconcile.check`` that hold for every input: explanations quote their
claims, the result does not depend on input order, fingerprints ignore offsets, each check is
documented with a passing and a failing example, and tolerances are data."""

from __future__ import annotations

import doctest
import random
from pathlib import Path

import pytest

from factrecon import reconcile
from factrecon.claims import Claim, extract, label_sparsity
from factrecon.reconcile import SEVERITY, check, load_tolerances
from factrecon.reconcile import periods as periods_module
from factrecon.reconcile.checks import CHECKS
from factrecon.reports.inputs import default_corpus, read_inputs


@pytest.fixture(scope="module")
def corpus_claims() -> list[Claim]:
    articles, errors = read_inputs([str(p) for p in default_corpus()])
    assert not errors
    return label_sparsity([c for a in articles for c in extract(a.text, a.source)])


def test_every_explanation_quotes_each_listed_claim(corpus_claims: list[Claim]) -> None:
    by_id = {claim.id: claim for claim in corpus_claims}
    findings = check(corpus_claims).findings
    assert findings
    for finding in findings:
        for claim_id in finding.claims:
            assert by_id[claim_id].text in finding.explanation, (finding.id, by_id[claim_id].text)


def test_result_does_not_depend_on_claim_order(corpus_claims: list[Claim]) -> None:
    expected = [(f.kind, f.claims, f.fingerprint) for f in check(corpus_claims).findings]
    shuffled = list(corpus_claims)
    random.Random(7).shuffle(shuffled)
    assert [(f.kind, f.claims, f.fingerprint) for f in check(shuffled).findings] == expected


def test_fingerprints_survive_edits_elsewhere_in_an_article() -> None:
    a, b = "MI300X显存为192GB。\n", "据悉,MI300X配备192GB HBM3内存。\n"
    before = {f.kind: f.fingerprint for f in check(extract(a, "a.txt") + extract(b, "b.txt")).findings}
    after = {f.kind: f.fingerprint for f in check(extract("(更新)\n\n" + a, "a.txt") + extract(b, "b.txt")).findings}
    assert before == after == {"agreement": before["agreement"]}


def test_severity_follows_sarif_levels() -> None:
    assert {k: v for k, v in SEVERITY.items() if v != "note"} == {
        "conflict": "error", "arithmetic_bad": "error", "tension": "warning"}


@pytest.mark.parametrize("module", CHECKS, ids=lambda m: m.NAME)
def test_each_check_documents_a_passing_and_a_failing_example(module: object) -> None:
    doc = module.__doc__ or ""
    assert "Passing" in doc and ("Failing" in doc or "only outcome" in doc)


def test_doctests_of_the_public_api_and_periods() -> None:
    for module in (reconcile, periods_module):
        failed, attempted = doctest.testmod(module)
        assert attempted and not failed


def test_a_repeat_is_never_corroboration() -> None:
    paragraph = "英特尔服务器CPU市场份额为60%,较上年下降。\n"
    claims = extract(paragraph + "其他消息。\n" + paragraph, "a.txt")
    kinds = {f.kind for f in check(claims).findings}
    assert "agreement" not in kinds and "not_a_conflict" in kinds


def test_same_cited_origin_counts_once() -> None:
    a = "据IDC数据,小米手机在全球市场份额为14%。\n"
    b = "IDC数据显示,小米手机在全球市场份额为14%。\n"
    agreement = next(f for f in check(extract(a, "a.txt") + extract(b, "b.txt")).findings if f.kind == "agreement")
    assert agreement.origins == 1 and "1 independent origin (IDC)" in agreement.explanation


def test_tolerance_file_overrides_only_its_keys(tmp_path: Path) -> None:
    override = tmp_path / "t.toml"
    override.write_text("[relative]\npercent = 0.5\n", encoding="utf-8")
    packaged, loaded = load_tolerances(), load_tolerances(override)
    assert loaded.relative["percent"] == 0.5
    assert loaded.relative["byte"] == packaged.relative["byte"] and loaded.scope_factor == packaged.scope_factor
