"""Reviewed corrections: an editor fixes a misread claim (or drops a non-claim) by its
fingerprint; check and gate apply them and report the ones that no longer match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factrecon.claims import extract
from factrecon.reports.cli import app
from factrecon.reports.corrections import claim_fingerprint, load_corrections
from factrecon.reports.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from factrecon.reports.reviewed import ReviewedFileError

A = "2024年宁德时代的全球动力电池市场份额为37.9%。\n"
B = "分析师称,2024年宁德时代的全球动力电池市场份额为27%。\n"  # the source table gives 27% for BYD: a misread
C = "2024年寧德時代全球動力電池市佔率約38%。\n"


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    for name, text in (("a.txt", A), ("b.txt", B), ("c.txt", C)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def fingerprint_of(path: Path, text: str) -> str:
    (claim,) = [c for c in extract(path.read_text(encoding="utf-8"), str(path)) if c.text == text]
    return claim_fingerprint(claim)


def run_check(desk: Path, corrections: str) -> tuple[int, dict[str, list[dict[str, object]]], str]:
    (desk / "fix.toml").write_text(corrections, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", *(str(desk / n) for n in ("a.txt", "b.txt", "c.txt")), "--format",
                                      "json", "--fail-on", "conflict", "--corrections", str(desk / "fix.toml")])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_the_fingerprint_ignores_offsets_but_not_words() -> None:
    (first,) = extract("宁德时代的份额为37.9%。", "x/a.txt")
    (moved,) = extract("据报道,宁德时代的份额为37.9%。", "y/a.txt")
    (other,) = extract("宁德时代的份额为37.8%。", "x/a.txt")
    assert claim_fingerprint(first) != claim_fingerprint(other)
    assert claim_fingerprint(first).startswith("c1:") and len(claim_fingerprint(first)) == 19
    assert first.start != moved.start and claim_fingerprint(first) != claim_fingerprint(moved)  # quote differs


def test_a_corrected_entity_removes_a_false_conflict(desk: Path) -> None:
    code, report, _ = run_check(desk, "")
    assert code == EXIT_FINDINGS
    fix = fingerprint_of(desk / "b.txt", "27%")
    code, report, stderr = run_check(desk, f'[[correction]]\nclaim = "{fix}"\nreason = "BYD figure per source table"\n'
                                           'set = { entity = "BYD" }\n')
    assert (code, stderr) == (EXIT_OK, "")
    corrected = next(c for c in report["claims"] if c["text"] == "27%")
    assert corrected["entity"] == "BYD" and "corrected: BYD figure per source table" in str(corrected["notes"])
    assert not [f for f in report["findings"] if f["kind"] == "conflict"]


def test_a_dropped_claim_is_gone_and_a_stale_correction_is_reported(desk: Path) -> None:
    drop = fingerprint_of(desk / "b.txt", "27%")
    code, report, stderr = run_check(desk, f'[[correction]]\nclaim = "{drop}"\nreason = "not a claim"\ndrop = true\n'
                                           '\n[[correction]]\nclaim = "c1:0000000000000000"\nreason = "old"\n'
                                           'drop = true\n')
    assert code == EXIT_OK and "27%" not in [c["text"] for c in report["claims"]]
    assert stderr == (f"factrecon: warning: {desk / 'fix.toml'}:6: correction c1:0000000000000000 matches no "
                      "claim\n")


@pytest.mark.parametrize(("text", "message"), [
    ('[[correction]]\nclaim = "c1:0000000000000000"\nreason = "r"\n', "give either 'set' (a table) or 'drop = true'"),
    ('[[correction]]\nclaim = "c1:0000000000000000"\nreason = "r"\ndrop = true\nset = { entity = "x" }\n',
     "give either 'set' (a table) or 'drop = true'"),
    ('[[correction]]\nclaim = "c1:0000000000000000"\nreason = "r"\nset = { value = "3" }\n',
     "'set' may change entity, attribute, time, scope, basis, status, relative_to, origin, not 'value'"),
    ('[[correction]]\nclaim = "fr1:00"\nreason = "r"\ndrop = true\n', "is not a c1: claim fingerprint"),
    ('[[correction]]\nclaim = "c1:0000000000000000"\ndrop = true\n', "'reason' is required"),
])
def test_a_malformed_corrections_file_is_one_error_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "fix.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReviewedFileError) as raised:
        load_corrections(path)
    assert message in str(raised.value) and str(raised.value).startswith(f"{path}:1: ")
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path / "a.txt"), "--corrections", str(path)])
    assert result.exit_code == EXIT_ERROR and result.stderr.startswith(f"factrecon: error: {path}:1: ")


def test_the_gate_applies_corrections_to_corpus_and_new_articles(desk: Path) -> None:
    (desk / "published").mkdir()
    for name in ("a.txt", "c.txt"):
        (desk / name).rename(desk / "published" / name)
    args = ["gate", str(desk / "b.txt"), "--corpus", str(desk / "published"), "--no-cache",
            "--waivers", str(desk / "w.toml"), "--corrections", str(desk / "fix.toml")]
    assert CliRunner().invoke(app, args).exit_code == EXIT_FINDINGS
    fix = fingerprint_of(desk / "b.txt", "27%")
    (desk / "fix.toml").write_text(f'[[correction]]\nclaim = "{fix}"\nreason = "BYD figure"\n'
                                   'set = { entity = "BYD" }\n', encoding="utf-8")
    assert CliRunner().invoke(app, args).exit_code == EXIT_OK
