"""``factrecon gate`` and ``factrecon waive`` end to end: the accepted corpus is the baseline, only
findings that involve a new article count, reviewed waivers cover them until they expire."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factrecon.reports.cli import app
from factrecon.reports.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from factrecon.reports.inputs import default_corpus

SAMPLE_NEW = "001_5fd6b2ad8b53fa98.txt"  # says H20 = 7.5% of H200; the accepted two say ≈ 1/6
# Another story (EV batteries), in three scripts: a published pair and drafts.
BATTERY_ACCEPTED = {
    "catl.txt": "2024年宁德时代的全球动力电池市场份额为37.9%,连续多年位居第一。\n比亚迪的全球动力电池市场份额为17%。\n",
    "catl_tw.txt": "2024年寧德時代全球動力電池市佔率約38%,比亞迪則為17%。\n",
}
BATTERY_CONFLICT = "In 2024, CATL's global EV battery market share was 27%, analysts said.\n"
BATTERY_REPEAT = "In 2024, CATL's global EV battery market share was about 38%, analysts said.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"NO_COLOR": "1", "COLUMNS": "160", "TERM": "dumb"})


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """An accepted corpus of two sample articles, the third beside it as the new draft."""
    (tmp_path / "published").mkdir()
    for path in map(Path, default_corpus()):
        target = tmp_path / path.name if path.name == SAMPLE_NEW else tmp_path / "published" / path.name
        shutil.copy(path, target)
    return tmp_path


@pytest.fixture
def battery(tmp_path: Path) -> Path:
    root = tmp_path / "battery"
    (root / "published").mkdir(parents=True)
    for name, text in BATTERY_ACCEPTED.items():
        (root / "published" / name).write_text(text, encoding="utf-8")
    (root / "draft.txt").write_text(BATTERY_CONFLICT, encoding="utf-8")
    (root / "repeat.txt").write_text(BATTERY_REPEAT, encoding="utf-8")
    return root


def gate(runner: CliRunner, root: Path, *args: str) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(app, ["gate", *args, "--corpus", str(root / "published"), "--cache",
                                 str(root / "cache"), "--waivers", str(root / "waivers.toml"), "--format", "json"])
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else {}, result.stderr


def waive(runner: CliRunner, root: Path, fingerprint: str, *extra: str) -> None:
    result = runner.invoke(app, ["waive", fingerprint, "--reason", "reviewed", "--reviewer", "desk",
                                 "--waivers", str(root / "waivers.toml"), *extra])
    assert result.exit_code == EXIT_OK, result.output


def test_the_sample_draft_fails_on_the_h20_conflict_until_waived_and_again_when_the_waiver_expires(
        runner: CliRunner, samples: Path) -> None:
    code, report, _ = gate(runner, samples, str(samples / SAMPLE_NEW))
    assert code == EXIT_FINDINGS
    by_print = {f["fingerprint"]: f for f in report["findings"]}  # type: ignore[union-attr]
    failing = [by_print[p] for p in report["failing"]]  # type: ignore[union-attr]
    conflict = next(f for f in failing if f["kind"] == "conflict")
    assert "7.5%" in conflict["explanation"] and "6倍" in conflict["explanation"]
    assert {f["kind"] for f in failing} <= {"conflict", "arithmetic_bad"}
    assert all(any(SAMPLE_NEW in claim for claim in f["claims"]) for f in failing)
    for fingerprint in report["failing"]:  # type: ignore[union-attr]
        waive(runner, samples, fingerprint, "--expires", "2030-01-01")
    code, report, _ = gate(runner, samples, str(samples / SAMPLE_NEW), "--today", "2029-12-31")
    assert (code, report["passed"], len(report["waived"])) == (EXIT_OK, True, len(failing))  # type: ignore[arg-type]
    code, report, _ = gate(runner, samples, str(samples / SAMPLE_NEW), "--today", "2030-01-02")
    assert code == EXIT_FINDINGS and report["waived"] == []


def test_a_draft_that_only_repeats_accepted_figures_passes(runner: CliRunner, samples: Path, battery: Path) -> None:
    published = samples / "published" / "000_4774084d0a6e70d6.txt"
    lines = published.read_text(encoding="utf-8").splitlines()
    repeat = samples / "repeat.txt"
    repeat.write_text("\n".join(line for line in lines if "141GB" in line or "4.8TB" in line) + "\n", encoding="utf-8")
    code, report, _ = gate(runner, samples, str(repeat))
    assert code == EXIT_OK and report["passed"] is True
    assert report["baseline"] > 0  # the corpus's own findings are there, and never fail the gate
    code, report, _ = gate(runner, battery, str(battery / "repeat.txt"))
    assert code == EXIT_OK and any(f["kind"] == "agreement" for f in report["findings"])  # type: ignore[union-attr]


def test_another_story_fails_on_a_contradicting_draft_and_a_waiver_covers_it(runner: CliRunner,
                                                                             battery: Path) -> None:
    code, report, _ = gate(runner, battery, str(battery / "draft.txt"))
    assert code == EXIT_FINDINGS
    (fingerprint,) = report["failing"]  # type: ignore[misc]
    waive(runner, battery, fingerprint)
    assert gate(runner, battery, str(battery / "draft.txt"))[0] == EXIT_OK
    assert gate(runner, battery, str(battery / "draft.txt"), "--fail-on", "tension")[0] == EXIT_OK


def test_an_edited_published_article_replaces_its_accepted_version(runner: CliRunner, battery: Path) -> None:
    edited = battery / "published" / "catl.txt"
    code, report, _ = gate(runner, battery, str(edited))
    assert code == EXIT_OK and report["new_sources"] == [str(edited)]
    assert not [f for f in report["findings"] if f["kind"] == "not_a_conflict"]  # type: ignore[union-attr]
    edited.write_text("2024年宁德时代的全球动力电池市场份额为27%。\n", encoding="utf-8")
    assert gate(runner, battery, str(edited))[0] == EXIT_FINDINGS


def test_a_stale_waiver_is_reported_and_fails_only_when_strict(runner: CliRunner, battery: Path) -> None:
    waive(runner, battery, "fr1:" + "0" * 20)
    code, report, stderr = gate(runner, battery, str(battery / "repeat.txt"))
    assert code == EXIT_OK and report["stale"] == ["fr1:" + "0" * 20]
    assert f"factrecon: warning: {battery / 'waivers.toml'}:1: stale waiver fr1:{'0' * 20} matches no finding" in stderr
    assert gate(runner, battery, str(battery / "repeat.txt"), "--strict-waivers")[0] == EXIT_FINDINGS


def test_an_under_review_waiver_covers_nothing(runner: CliRunner, battery: Path) -> None:
    fingerprint = gate(runner, battery, str(battery / "draft.txt"))[1]["failing"][0]  # type: ignore[index]
    waive(runner, battery, fingerprint, "--status", "under-review")
    assert gate(runner, battery, str(battery / "draft.txt"))[0] == EXIT_FINDINGS


def test_the_corpus_is_read_from_the_cache_on_the_second_run(runner: CliRunner, battery: Path) -> None:
    gate(runner, battery, str(battery / "draft.txt"))
    entries = sorted((battery / "cache").glob("*.json"))
    assert len(entries) == len(BATTERY_ACCEPTED)
    for entry in entries:  # a cache entry that is served must be the one used: damage one, it is re-read
        entry.write_text("{not json", encoding="utf-8")
    code, report, _ = gate(runner, battery, str(battery / "draft.txt"))
    assert code == EXIT_FINDINGS and len(report["failing"]) == 1  # type: ignore[arg-type]
    assert all(json.loads(e.read_text(encoding="utf-8"))["claims"] for e in entries)


def test_input_errors_exit_2_even_when_the_gate_fails(runner: CliRunner, battery: Path) -> None:
    code, report, stderr = gate(runner, battery, str(battery / "draft.txt"), str(battery / "missing.txt"))
    assert code == EXIT_ERROR and report["failing"]
    assert f"factrecon: error: {battery / 'missing.txt'}: no such file" in stderr


def test_a_missing_corpus_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "draft.txt").write_text(BATTERY_CONFLICT, encoding="utf-8")
    result = runner.invoke(app, ["gate", str(tmp_path / "draft.txt"), "--corpus", str(tmp_path / "nowhere")])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"factrecon: error: --corpus {tmp_path / 'nowhere'}: not a folder\n"


@pytest.mark.parametrize(("args", "message"), [
    (["fr1:123", "--reason", "x", "--reviewer", "y"], "fingerprint 'fr1:123' is not a fr1: fingerprint"),
    (["fr1:" + "a" * 20, "--reason", " ", "--reviewer", "y"], "a waiver needs a reason and a reviewer"),
    (["fr1:" + "a" * 20, "--reason", "x", "--reviewer", "y", "--expires", "soon"],
     "--expires soon: expected YYYY-MM-DD"),
])
def test_waive_refuses_bad_waivers(runner: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["waive", *args, "--waivers", str(tmp_path / "w.toml")])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"factrecon: error: {message}\n"
    assert not (tmp_path / "w.toml").exists()


def test_waive_appends_a_block_that_reads_back(runner: CliRunner, tmp_path: Path) -> None:
    from factrecon.reports.waivers import load_waivers

    waive(runner, tmp_path, "fr1:" + "a" * 20, "--expires", "2027-01-31")
    waive(runner, tmp_path, "fr1:" + "b" * 20, "--status", "under-review")
    waivers = load_waivers(tmp_path / "waivers.toml")
    assert [(w.fingerprint[-1], w.expires and w.expires.isoformat(), w.status, w.line) for w in waivers] == [
        ("a", "2027-01-31", "accepted", 1), ("b", None, "under-review", 8)]
    again = runner.invoke(app, ["waive", "fr1:" + "a" * 20, "--reason", "r", "--reviewer", "d",
                                "--waivers", str(tmp_path / "waivers.toml")])
    assert again.exit_code == EXIT_ERROR and "is already waived" in again.stderr


def test_cached_corpus_claims_are_served_and_give_the_same_findings(battery: Path) -> None:
    import datetime as dt

    from factrecon.reports.claim_cache import ClaimCache
    from factrecon.reports.gate import run_gate
    from factrecon.reports.inputs import read_articles

    corpus, _ = read_articles([str(battery / "published")])
    draft, _ = read_articles([str(battery / "draft.txt")])
    runs = []
    for _ in range(2):
        cache = ClaimCache(battery / "cache")
        runs.append(run_gate(draft, corpus, waivers=[], fail_on="conflict", today=dt.date(2026, 1, 1), cache=cache))
        runs[-1] = (cache.hits, runs[-1].result)
    (first_hits, first), (second_hits, second) = runs
    assert (first_hits, second_hits) == (0, len(BATTERY_ACCEPTED))
    assert first == second


def test_github_format_annotates_new_findings_and_writes_the_step_summary(battery: Path) -> None:
    summary = battery / "summary.md"
    runner = CliRunner(env={"GITHUB_STEP_SUMMARY": str(summary), "NO_COLOR": "1"})
    result = runner.invoke(app, ["gate", str(battery / "draft.txt"), "--corpus", str(battery / "published"),
                                 "--no-cache", "--waivers", str(battery / "w.toml"), "--format", "github"])
    assert result.exit_code == EXIT_FINDINGS
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and f"file={battery / 'draft.txt'},line=1," in errors[0] and "27%25" in errors[0]
    assert "| conflict |" in summary.read_text(encoding="utf-8")


def test_sarif_format_of_the_gate_is_sarif(battery: Path) -> None:
    result = CliRunner().invoke(app, ["gate", str(battery / "draft.txt"), "--corpus", str(battery / "published"),
                                      "--no-cache", "--waivers", str(battery / "w.toml"), "--format", "sarif"])
    log = json.loads(result.stdout)
    assert result.exit_code == EXIT_FINDINGS and log["version"] == "2.1.0"
    assert [r["ruleId"] for r in log["runs"][0]["results"] if r["level"] == "error"] == ["conflict"]
