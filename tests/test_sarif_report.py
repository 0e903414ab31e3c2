"""``render_sarif``: a SARIF 2.1.0 log (checked against the official schema in ``tests/data``) that puts
each finding at its claims' lines and UTF-16 columns, with its fingerprint and its severity as level."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for

from factrecon.claims.model import Claim
from factrecon.reconcile import KINDS, SEVERITY, CheckResult, Finding
from factrecon.reports.inputs import read_inputs
from factrecon.reports.pipeline import check_claims, extract_articles
from factrecon.reports.sarif_report import FINGERPRINT_KEY, artifact_uri, render_sarif

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
# Line 2 opens with two emoji: two code points, four UTF-16 code units.
TEXT = "英伟达H200售价约4万美元。\n🚀📈据报道,H20的售价约为1.2万美元。\n"


def sarif_errors(log: dict[str, Any]) -> list[str]:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator_class(schema).iter_errors(log)]


def claim(text: str, number: str, source: str = "news/h20.txt", lang: str = "zh-Hans") -> Claim:
    start = text.index(number)
    return Claim(id=f"{source}:{start}", source=source, start=start, end=start + len(number), text=number,
                 quote=number, value=1.0, lower=1.0, upper=1.0, precision=1.0, unit="USD", qualifier="exact",
                 lang=lang)


def finding(kind: str, *claims: Claim) -> Finding:
    return Finding(id="F001", kind=kind, claims=tuple(c.id for c in claims),  # type: ignore[arg-type]
                   explanation="'4万美元' vs '1.2万美元'.", fingerprint="fr1:0123456789abcdef0123", check="values",
                   entity="NVIDIA H20", attribute="price")


@pytest.fixture(scope="module")
def corpus() -> tuple[CheckResult, dict[str, str]]:
    articles, _ = read_inputs([])
    texts = {article.source: article.text for article in articles}
    return check_claims(extract_articles(articles, {}, ()), None, (), texts, {}), texts


@pytest.fixture(scope="module")
def corpus_log(corpus: tuple[CheckResult, dict[str, str]]) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render_sarif(*corpus))
    return log


def test_corpus_log_is_valid_sarif(corpus_log: dict[str, Any]) -> None:
    assert corpus_log["version"] == "2.1.0"
    assert sarif_errors(corpus_log) == []


def test_one_run_by_factrecon_with_a_rule_per_kind(corpus_log: dict[str, Any]) -> None:
    [run] = corpus_log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("factrecon", version("factrecon"))
    assert [rule["id"] for rule in driver["rules"]] == list(KINDS)
    assert {rule["id"]: rule["defaultConfiguration"]["level"] for rule in driver["rules"]} == SEVERITY
    assert all(rule["shortDescription"]["text"] and rule["fullDescription"]["text"] for rule in driver["rules"])
    assert run["columnKind"] == "utf16CodeUnits"


def test_each_finding_is_a_result_with_its_level_and_fingerprint(corpus: tuple[CheckResult, dict[str, str]],
                                                                  corpus_log: dict[str, Any]) -> None:
    [run] = corpus_log["runs"]
    results, findings = run["results"], corpus[0].findings
    assert len(results) == len(findings)
    for result, found in zip(results, findings, strict=True):
        assert result["ruleId"] == found.kind == run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"]
        assert result["level"] == {"conflict": "error", "arithmetic_bad": "error", "tension": "warning"}.get(
            found.kind, "note")
        assert result["message"]["text"].startswith(found.explanation + "\nFrame: ")
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: found.fingerprint}
        assert found.fingerprint.startswith("fr1:")
        assert result["properties"]["claims"] == list(found.claims)
        assert len(result["locations"]) == len(found.claims)
    assert {result["level"] for result in results} == {"error", "warning", "note"}


def test_regions_give_back_each_claim_text(corpus: tuple[CheckResult, dict[str, str]],
                                           corpus_log: dict[str, Any]) -> None:
    result, texts = corpus
    claims = {c.id: c for c in result.claims}
    for sarif_result in corpus_log["runs"][0]["results"]:
        for claim_id, location in zip(sarif_result["properties"]["claims"], sarif_result["locations"], strict=True):
            physical = location["physicalLocation"]
            region = physical["region"]
            assert physical["artifactLocation"]["uri"] == claims[claim_id].source
            assert region["startLine"] == region["endLine"]
            line = texts[claims[claim_id].source].split("\n")[region["startLine"] - 1].encode("utf-16-le")
            span = line[(region["startColumn"] - 1) * 2:(region["endColumn"] - 1) * 2].decode("utf-16-le")
            assert span == claims[claim_id].text


def test_chinese_lines_and_utf16_columns_after_an_emoji() -> None:
    first, second = claim(TEXT, "4万美元"), claim(TEXT, "1.2万美元")
    log = json.loads(render_sarif(CheckResult((first, second), (finding("conflict", first, second),)),
                                  {"news/h20.txt": TEXT}))
    assert sarif_errors(log) == []
    regions = [location["physicalLocation"]["region"] for location in log["runs"][0]["results"][0]["locations"]]
    assert regions == [
        {"startLine": 1, "startColumn": 11, "endLine": 1, "endColumn": 15},
        {"startLine": 2, "startColumn": 17, "endLine": 2, "endColumn": 23},  # code points would say 15 and 21
    ]


def test_claims_without_findings_are_not_results() -> None:
    first, second, alone = claim(TEXT, "4万美元"), claim(TEXT, "1.2万美元"), claim(TEXT, "H20")
    log = json.loads(render_sarif(CheckResult((first, second, alone), (finding("tension", first, second),)),
                                  {"news/h20.txt": TEXT}))
    [result] = log["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("tension", "warning")
    assert result["properties"]["claims"] == [first.id, second.id]
    assert json.loads(render_sarif(CheckResult((alone,), ()), {"news/h20.txt": TEXT}))["runs"][0]["results"] == []


def test_a_claim_whose_text_is_unknown_has_no_region() -> None:
    first = claim(TEXT, "4万美元")
    log = json.loads(render_sarif(CheckResult((first,), (finding("agreement", first),)), {}))
    assert sarif_errors(log) == []
    assert log["runs"][0]["results"][0]["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "news/h20.txt"}}}]


@pytest.mark.parametrize(("source", "uri"), [
    ("a.txt", "a.txt"),
    ("./articles/a.txt", "articles/a.txt"),
    ("articles/h20 news.txt", "articles/h20%20news.txt"),
    ("新闻/英伟达.txt", "%E6%96%B0%E9%97%BB/%E8%8B%B1%E4%BC%9F%E8%BE%BE.txt"),
    ("/srv/news/a.txt", "file:///srv/news/a.txt"),
])
def test_artifact_uri(source: str, uri: str) -> None:
    assert artifact_uri(source) == uri


def test_message_names_the_frame_and_the_unknown_part() -> None:
    frame = {"scope": "China", "basis": "level", "status": "reported"}
    a, b = replace(claim(TEXT, "4万美元"), time="2025", **frame), replace(claim(TEXT, "1.2万美元", "b.txt"), **frame)
    [result] = json.loads(render_sarif(CheckResult((a, b), (finding("tension", a, b),)), {}))["runs"][0]["results"]
    assert result["message"]["text"] == ("'4万美元' vs '1.2万美元'.\n"
                                         "Frame: NVIDIA H20 · price · China · level · reported.\n"
                                         "Unknown: period not stated in b.txt.")
    assert result["properties"]["frame"] == {"period": None, "scope": "China", "basis": "level", "status": "reported",
                                             "unknown": ["period not stated in b.txt"]}


def test_message_shows_hidden_characters_as_escapes() -> None:
    text = "英伟达H200售价约\u202e4万美元。\n"
    a = replace(claim(text, "4万美元"), quote="售价约\u202e4万美元")
    spoofed = replace(finding("conflict", a), explanation="'4万美元' (售价约\u202e4万美元) vs '1.2万美元'.")
    log = render_sarif(CheckResult((a,), (spoofed,)), {a.source: text})
    [result] = json.loads(log)["runs"][0]["results"]
    assert result["message"]["text"].startswith("'4万美元' (售价约⟨U+202E⟩4万美元) vs '1.2万美元'.\nFrame: ")
    assert "\u202e" not in log and sarif_errors(json.loads(log)) == []


def test_output_is_deterministic(corpus: tuple[CheckResult, dict[str, str]]) -> None:
    assert render_sarif(*corpus) == render_sarif(*corpus)
