"""The JSON schemas shipped for ``extract --format json|jsonl`` and ``check --format json`` accept the
real output on the bundled corpus, agree with the models, and reject documents that break the contract."""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from factrecon.claims.model import CLAIM_FIELDS, QUALIFIERS, TEXT_BASES
from factrecon.reconcile import FINDING_FIELDS, FINGERPRINT_SCHEME, KINDS, SEVERITY, CheckResult
from factrecon.reports.cli import app
from factrecon.reports.corrections import claim_fingerprint
from factrecon.reports.finding_frame import FRAME_COLUMNS
from factrecon.reports.inputs import read_inputs
from factrecon.reports.json_report import check_to_json, claim_record, claims_to_json, claims_to_jsonl
from factrecon.reports.pipeline import check_claims, extract_articles

MISSING = object()


def schema(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(files("factrecon.reports").joinpath("data", name).read_text("utf-8"))
    Draft202012Validator.check_schema(document)
    return document


def strict_loads(text: str) -> Any:
    """JSON as RFC 8259 has it: the ``NaN``/``Infinity`` tokens Python would accept are an error."""

    def refuse(token: str) -> None:
        raise ValueError(f"not JSON: {token}")

    return json.loads(text, parse_constant=refuse)


def errors(schema_name: str, document: Any) -> list[str]:
    return [error.message for error in Draft202012Validator(schema(schema_name)).iter_errors(document)]


@pytest.fixture(scope="module")
def corpus() -> CheckResult:
    articles, read_errors = read_inputs([])
    assert not read_errors
    claims = extract_articles(articles, {}, ())
    return check_claims(claims, None, (), {article.source: article.text for article in articles}, {})


@pytest.fixture(scope="module")
def check_document(corpus: CheckResult) -> dict[str, Any]:
    document: dict[str, Any] = strict_loads(check_to_json(corpus))
    return document


def test_check_output_on_the_corpus_is_valid(check_document: dict[str, Any]) -> None:
    assert check_document["findings"], "the corpus should give findings"
    assert errors("check.schema.json", check_document) == []


def test_check_command_output_is_valid() -> None:
    result = CliRunner().invoke(app, ["check", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert errors("check.schema.json", strict_loads(result.stdout)) == []


def test_findings_carry_the_frame_their_claims_share(check_document: dict[str, Any]) -> None:
    claims = {claim["id"]: claim for claim in check_document["claims"]}
    findings = check_document["findings"]
    assert sum(bool(f["frame"]["basis"] and f["frame"]["status"]) for f in findings) > len(findings) / 2
    for finding in findings:
        listed = [claims[i] for i in finding["claims"]]
        for part in ("scope", "status"):
            if finding["frame"][part] is not None:
                assert {claim[part] for claim in listed} == {finding["frame"][part]}, (finding["id"], part)
        for phrase in finding["frame"]["unknown"]:
            parts, _, names = phrase.partition(" not stated in ")
            for part in parts.replace(" and ", ", ").split(", "):
                field = "time" if part == "period" else part
                for name in names.replace(" and ", ", ").split(", "):
                    assert any(claim["source"].endswith(name) and claim[field] is None for claim in listed), phrase
    assert any(f["kind"] == "tension" and f["frame"]["unknown"] for f in findings)


def test_claims_output_on_the_corpus_is_valid(corpus: CheckResult) -> None:
    assert errors("claims.schema.json", strict_loads(claims_to_json(corpus.claims))) == []


def test_each_jsonl_line_is_a_valid_claim(corpus: CheckResult) -> None:
    claim_schema = {"$ref": "#/$defs/claim", "$defs": schema("claims.schema.json")["$defs"]}
    validator = Draft202012Validator(claim_schema)
    lines = claims_to_jsonl(corpus.claims).splitlines()
    assert len(lines) == len(corpus.claims)
    assert [error.message for line in lines for error in validator.iter_errors(strict_loads(line))] == []


def test_a_claim_record_is_the_claims_contract_record_and_its_fingerprint(corpus: CheckResult) -> None:
    assert corpus.claims
    for claim in corpus.claims:
        record = claim_record(claim)
        assert record.pop("fingerprint") == claim_fingerprint(claim)
        assert list(record.items()) == list(claim.to_dict().items())


def test_schemas_follow_the_models() -> None:
    claims, check = schema("claims.schema.json"), schema("check.schema.json")
    claim, finding = claims["$defs"]["claim"], check["$defs"]["finding"]
    assert claim["required"] == [*CLAIM_FIELDS, "fingerprint"] == list(claim["properties"])
    assert finding["required"] == [*FINDING_FIELDS, "frame"] == list(finding["properties"])
    assert finding["properties"]["frame"]["required"] == [*FRAME_COLUMNS, "unknown"]
    assert finding["properties"]["frame"]["properties"]["status"]["enum"] == claim["properties"]["status"]["enum"]
    assert claim["properties"]["qualifier"]["enum"] == list(QUALIFIERS)
    assert claim["properties"]["text_basis"]["enum"] == list(TEXT_BASES)
    assert finding["properties"]["kind"]["enum"] == list(KINDS)
    assert set(finding["properties"]["severity"]["enum"]) == set(SEVERITY.values())
    assert finding["properties"]["fingerprint"]["pattern"].startswith(f"^{FINGERPRINT_SCHEME}:")
    assert {key: value for key, value in check["$defs"].items() if key != "finding"} == claims["$defs"]


def test_severity_rules_follow_the_model() -> None:
    rules = schema("check.schema.json")["$defs"]["finding"]["allOf"]
    by_kind = {}
    for rule in rules:
        kinds = rule["if"]["properties"]["kind"]
        for kind in kinds.get("enum", [kinds.get("const")]):
            by_kind[kind] = rule["then"]["properties"]["severity"]["const"]
    assert by_kind == SEVERITY


def test_output_has_no_nan_or_infinity_tokens(corpus: CheckResult) -> None:
    strict_loads(check_to_json(corpus))
    with pytest.raises(ValueError, match="NaN"):
        strict_loads('{"value": NaN}')


BROKEN: list[tuple[str, tuple[Any, ...], Any]] = [
    ("extra_top_level_key", ("generated_at",), "2025-12-10"),
    ("missing_findings", ("findings",), MISSING),
    ("claims_not_a_list", ("claims",), {}),
    ("claim_missing_unit", ("claims", 0, "unit"), MISSING),
    ("claim_extra_field", ("claims", 0, "confidence"), 0.9),
    ("claim_value_nan_string", ("claims", 0, "value"), "NaN"),
    ("claim_lower_infinity_string", ("claims", 0, "lower"), "Infinity"),
    ("claim_upper_nan_lowercase", ("claims", 0, "upper"), "nan"),
    ("claim_value_numeric_string", ("claims", 0, "value"), "25"),
    ("claim_start_string", ("claims", 0, "start"), "138"),
    ("claim_start_negative", ("claims", 0, "start"), -1),
    ("claim_start_float", ("claims", 0, "start"), 138.5),
    ("claim_empty_text", ("claims", 0, "text"), ""),
    ("claim_bad_qualifier", ("claims", 0, "qualifier"), "about"),
    ("claim_range_with_value", ("claims", 0, "qualifier"), "range"),
    ("claim_exact_without_value", ("claims", 0, "value"), None),
    ("claim_bad_lang", ("claims", 0, "lang"), "zh"),
    ("claim_bad_text_basis", ("claims", 0, "text_basis"), "html"),
    ("claim_missing_text_basis", ("claims", 0, "text_basis"), MISSING),
    ("claim_entity_empty", ("claims", 0, "entity"), ""),
    ("claim_also_applies_to_string", ("claims", 0, "also_applies_to"), "NVIDIA H20"),
    ("claim_missing_scope", ("claims", 0, "scope"), MISSING),
    ("claim_empty_basis", ("claims", 0, "basis"), ""),
    ("claim_empty_time", ("claims", 0, "time"), ""),
    ("claim_bad_status", ("claims", 0, "status"), "rumoured"),
    ("claim_missing_status", ("claims", 0, "status"), MISSING),
    ("finding_bad_kind", ("findings", 0, "kind"), "contradiction"),
    ("finding_missing_fingerprint", ("findings", 0, "fingerprint"), MISSING),
    ("finding_fingerprint_without_scheme", ("findings", 0, "fingerprint"), "777ef0d5a10b614a1692"),
    ("finding_fingerprint_other_scheme", ("findings", 0, "fingerprint"), "fr0:777ef0d5a10b614a1692"),
    ("finding_bad_severity", ("findings", 0, "severity"), "critical"),
    ("finding_severity_against_kind", ("findings", 0, "severity"), "note"),
    ("finding_no_claims", ("findings", 0, "claims"), []),
    ("finding_claims_string", ("findings", 0, "claims"), "000_4774084d0a6e70d6.txt:138"),
    ("finding_bad_id", ("findings", 0, "id"), "1"),
    ("finding_origins_zero", ("findings", 0, "origins"), 0),
    ("finding_origins_string", ("findings", 0, "origins"), "2"),
    ("finding_derived_string", ("findings", 0, "derived"), {"ratio": "0.15"}),
    ("finding_derived_nan_string", ("findings", 0, "derived"), {"ratio": "NaN"}),
    ("finding_extra_field", ("findings", 0, "waived"), True),
    ("finding_missing_frame", ("findings", 0, "frame"), MISSING),
    ("finding_frame_missing_period", ("findings", 0, "frame", "period"), MISSING),
    ("finding_frame_empty_scope", ("findings", 0, "frame", "scope"), ""),
    ("finding_frame_bad_status", ("findings", 0, "frame", "status"), "rumoured"),
    ("finding_frame_extra_part", ("findings", 0, "frame", "region"), "China"),
    ("finding_frame_unknown_string", ("findings", 0, "frame", "unknown"), "period not stated in b.txt"),
    ("finding_frame_unknown_not_a_part", ("findings", 0, "frame", "unknown"), ["mood not stated in b.txt"]),
]


@pytest.mark.parametrize(("path", "value"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN])
def test_schema_rejects_a_broken_document(check_document: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    assert check_document["claims"][0]["qualifier"] == "exact" and check_document["findings"][0]["kind"] == "conflict"
    document = copy.deepcopy(check_document)
    *parents, last = path
    target = document
    for key in parents:
        target = target[key]
    if value is MISSING:
        del target[last]
    else:
        target[last] = value
    assert errors("check.schema.json", document)
