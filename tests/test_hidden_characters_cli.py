"""Hidden characters through the command line: an article with a right-to-left override (U+202E)
and a zero-width space gives one warning naming the file, shows them as ``⟨U+…⟩`` escapes in every
output a person reads (CSV, HTML, SARIF, GitHub annotations) and keeps them as read in JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factrecon.reports.cli import app
from factrecon.reports.errors import EXIT_OK

A = "据报道,AMD的MI300X配备192GB HBM3内存。分析师称,2024年英特尔在服务器\u202eCPU市场的份额约为6\u200b0%。\n"
B = "MI300X显存为192GB。有机构称,2024年英特尔在服务器CPU市场的份额约为80%。\n"
QUOTE = "分析师称,2024年英特尔在服务器\u202eCPU市场的份额约为6\u200b0%"
SHOWN = "分析师称,2024年英特尔在服务器⟨U+202E⟩CPU市场的份额约为6⟨U+200B⟩0%"
WARNING = "1 bidirectional control character and 1 zero-width character shown as ⟨U+…⟩ escapes"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"NO_COLOR": "1", "COLUMNS": "160", "TERM": "dumb"})


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(tmp_path)  # no project configuration from the surroundings
    for name, text in (("a.txt", A), ("b.txt", B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return ["a.txt", "b.txt"]


def test_check_warns_once_naming_the_file(runner: CliRunner, articles: list[str]) -> None:
    result = runner.invoke(app, ["check", *articles, "--format", "json"])
    assert result.exit_code == EXIT_OK, result.stderr
    assert result.stderr == f"factrecon: warning: a.txt: {WARNING}\n"


def test_json_keeps_the_text_and_offsets_exactly_as_read(runner: CliRunner, articles: list[str]) -> None:
    result = runner.invoke(app, ["check", *articles, "--format", "json"])
    claim = next(c for c in json.loads(result.stdout)["claims"] if c["source"] == "a.txt" and c["value"] == 60)
    assert claim["quote"] == QUOTE and claim["text"] == "6\u200b0%"
    assert A[claim["start"]:claim["end"]] == claim["text"]


@pytest.mark.parametrize("command", [["check", "--format", "csv"], ["extract", "--format", "csv"]])
def test_csv_shows_escapes(runner: CliRunner, articles: list[str], command: list[str]) -> None:
    result = runner.invoke(app, [command[0], *articles, *command[1:]])
    assert result.exit_code == EXIT_OK and SHOWN in result.stdout
    assert "\u202e" not in result.stdout and "\u200b" not in result.stdout


def test_html_shows_escapes_in_quotes_and_article_text(runner: CliRunner, articles: list[str]) -> None:
    html = runner.invoke(app, ["check", *articles, "--format", "html"]).stdout
    assert f'title="{SHOWN}"' in html
    assert "服务器⟨U+202E⟩CPU市场的份额约为<mark" in html and "6⟨U+200B⟩0%</mark>" in html
    assert "\u202e" not in html and "\u200b" not in html


def test_sarif_and_github_messages_show_escapes(runner: CliRunner, articles: list[str]) -> None:
    sarif = json.loads(runner.invoke(app, ["check", *articles, "--format", "sarif"]).stdout)
    conflict = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "conflict")
    assert "'6⟨U+200B⟩0%' (a.txt:57)" in conflict["message"]["text"]
    assert conflict["message"]["text"].endswith("\nFrame: Intel · market share · 2024 · whole · level · reported.")
    github = runner.invoke(app, ["check", *articles, "--format", "github"]).stdout
    assert "title=conflict%3A Intel · market share · 2024 · whole · level · reported::" in github
    assert "'6⟨U+200B⟩0%25' (a.txt:57)" in github and "\u200b" not in github


def test_gate_warns_for_new_and_accepted_articles(runner: CliRunner, articles: list[str], tmp_path: Path) -> None:
    (tmp_path / "published").mkdir()
    (tmp_path / "published" / "old.txt").write_text("英伟达\u2066H200\u2069显存为141GB。\n", encoding="utf-8")
    result = runner.invoke(app, ["gate", *articles, "--corpus", "published", "--no-cache"])
    assert result.stderr.splitlines() == [
        f"factrecon: warning: {Path('published', 'old.txt')}: 2 bidirectional control characters shown as ⟨U+…⟩ "
        "escapes",
        f"factrecon: warning: a.txt: {WARNING}",
    ]


def test_terminal_tables_show_escapes(runner: CliRunner, articles: list[str]) -> None:
    table = runner.invoke(app, ["extract", "a.txt", "--wide"])
    assert table.exit_code == EXIT_OK, table.stderr
    assert "6⟨U+200B⟩0%" in table.stdout and "服务器⟨U+202E⟩CPU" in table.stdout
    assert "\u202e" not in table.stdout and "\u200b" not in table.stdout
    report = runner.invoke(app, ["check", *articles, "--details", "-v"])
    assert report.exit_code == EXIT_OK, report.stderr
    assert "⟨U+202E⟩" in report.stdout and "\u202e" not in report.stdout and "\u200b" not in report.stdout
