"""The ``factrecon check`` command: findings as JSON/CSV/table, --fail-on and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from factrecon.reports.cli import app
from factrecon.reports.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

FINDING_KEYS = {"id", "kind", "claims", "explanation", "severity", "fingerprint"}
A = "据报道,AMD的MI300X配备192GB HBM3内存。分析师称,2024年英特尔在服务器CPU市场的份额约为60%。\n"
B = "MI300X显存为192GB。有机构称,2024年英特尔在服务器CPU市场的份额约为80%。\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"NO_COLOR": "1", "COLUMNS": "160", "TERM": "dumb"})


@pytest.fixture
def articles(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in (("a.txt", A), ("b.txt", B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


def check_json(runner: CliRunner, *args: str) -> tuple[int, dict[str, list[dict[str, object]]]]:
    result = runner.invoke(app, ["check", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def test_json_has_claims_and_findings_in_the_contract_shape(runner: CliRunner, articles: list[str]) -> None:
    code, data = check_json(runner, *articles)
    assert code == EXIT_OK
    claim_ids = {c["id"] for c in data["claims"]}
    kinds = {f["kind"]: f for f in data["findings"]}
    assert set(kinds) == {"agreement", "conflict"}
    for finding in data["findings"]:
        assert FINDING_KEYS <= set(finding)
        assert set(finding["claims"]) <= claim_ids  # type: ignore[arg-type]
        assert finding["fingerprint"].startswith("fr1:")  # type: ignore[union-attr]
    assert kinds["conflict"]["severity"] == "error"
    assert kinds["agreement"]["severity"] == "note"


@pytest.mark.parametrize(("fail_on", "code"), [("conflict", EXIT_FINDINGS), ("tension", EXIT_FINDINGS)])
def test_fail_on_exits_one_when_such_findings_exist(runner: CliRunner, articles: list[str], fail_on: str,
                                                    code: int) -> None:
    assert runner.invoke(app, ["check", *articles, "--fail-on", fail_on]).exit_code == code


def test_fail_on_ignores_agreements(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("MI300X显存为192GB。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--fail-on", "tension"])
    assert result.exit_code == EXIT_OK
    assert "Also found: 1 agreement" in result.stdout


def test_input_error_exits_two_after_printing_findings(runner: CliRunner, articles: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", *articles, str(tmp_path / "missing.txt"), "--format", "json",
                                 "--fail-on", "conflict"])
    assert result.exit_code == EXIT_ERROR
    assert json.loads(result.stdout)["findings"]
    assert result.stderr.strip() == f"factrecon: error: {tmp_path / 'missing.txt'}: no such file"


def test_bad_tolerances_file_is_one_line_and_exit_two(runner: CliRunner, articles: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "tol.toml"
    bad.write_text("[relative\n", encoding="utf-8")
    result = runner.invoke(app, ["check", *articles, "--tolerances", str(bad)])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr.startswith(f"factrecon: error: --tolerances {bad}:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_tolerances_override_changes_verdicts(runner: CliRunner, articles: list[str], tmp_path: Path) -> None:
    loose = tmp_path / "loose.toml"
    loose.write_text("[qualifier]\napprox = 0.5\n", encoding="utf-8")
    code, data = check_json(runner, *articles, "--tolerances", str(loose))
    assert "conflict" not in {f["kind"] for f in data["findings"]}


def test_csv_one_row_per_finding_with_both_quotes(runner: CliRunner, articles: list[str]) -> None:
    result = runner.invoke(app, ["check", *articles, "--format", "csv"])
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf") and b"\r\n" in result.stdout_bytes
    frame = pd.read_csv(io.BytesIO(result.stdout_bytes), encoding="utf-8-sig")
    conflict = frame[frame["kind"] == "conflict"].iloc[0]
    assert conflict["texts"] == "60%; 80%"
    assert "60%" in conflict["quotes"] and "80%" in conflict["quotes"]


def test_table_counts_findings_per_kind_before_listing_them(runner: CliRunner, articles: list[str]) -> None:
    result = runner.invoke(app, ["check", *articles])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2 articles · ") and "2 findings: conflict 1, agreement 1" in lines[0]
    assert any(line.startswith("F001  ✗ CONFLICT") for line in lines)


def test_details_and_one_finding_on_the_command_line(runner: CliRunner, articles: list[str]) -> None:
    details = runner.invoke(app, ["check", *articles, "--details"])
    assert "╭─ ✗ CONFLICT F001" in details.stdout and "✓ AGREEMENT F002" in details.stdout
    one = runner.invoke(app, ["check", *articles, "--finding", "F002"])
    assert one.exit_code == EXIT_OK and "✓ AGREEMENT F002" in one.stdout and "F001" not in one.stdout
    missing = runner.invoke(app, ["check", *articles, "--finding", "F404"])
    assert missing.exit_code == EXIT_ERROR
    assert missing.stderr.strip() == "factrecon: error: --finding F404: no such finding (ids run F001 to F002)"


def test_default_corpus_is_checked_when_no_file(runner: CliRunner) -> None:
    code, data = check_json(runner)
    assert code == EXIT_OK
    assert {"conflict", "arithmetic_bad", "agreement"} <= {f["kind"] for f in data["findings"]}
