"""Waiver files and project configuration: what reads, and the one-line error (file:line) for
what does not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factrecon.reports.cli import app
from factrecon.reports.config import ConfigError, find_config
from factrecon.reports.errors import EXIT_ERROR, EXIT_FINDINGS
from factrecon.reports.waivers import Waiver, WaiverFileError, load_waivers

FP = "fr1:" + "c" * 20
GOOD = f'[[waiver]]\nfingerprint = "{FP}"\nreason = "checked with the author"\nreviewer = "desk"\n'


@pytest.mark.parametrize(("text", "line", "reason"), [
    (GOOD + "expires = 2026-13-01\n", 5, "expected newline"),
    (GOOD + '\n[[waiver]]\nfingerprint = "fr1:x"\nreason = "r"\nreviewer = "d"\n', 6, "is not a fr1: fingerprint"),
    (GOOD + "\n[[waiver]]\nfingerprint = \"" + FP + "\"\nreviewer = \"d\"\n", 6, "'reason' is required"),
    (GOOD.replace('"desk"', '""'), 1, "'reviewer' is required"),
    (GOOD + 'expires = "next year"\n', 1, "'expires' must be a date"),
    (GOOD + 'status = "maybe"\n', 1, "'status' must be one of accepted, under-review"),
    (GOOD + "owner = \"x\"\n", 1, "unknown key 'owner'"),
    ("[waivers]\nx = 1\n", 1, "unknown table 'waivers'"),
    ("waiver = 3\n", 1, "'waiver' must be an array of tables"),
    ("[[waiver]\n", 1, "Expected"),
])
def test_a_malformed_waivers_file_names_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = tmp_path / "w.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WaiverFileError) as raised:
        load_waivers(path)
    assert str(raised.value).startswith(f"{path}:{line}: ")
    assert reason.lower() in str(raised.value).lower()


def test_waivers_cover_only_when_accepted_and_not_expired(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text(GOOD + "expires = 2026-06-30\n", encoding="utf-8")
    (waiver,) = load_waivers(path)
    assert waiver == Waiver(FP, "checked with the author", "desk", dt.date(2026, 6, 30), "accepted", 1)
    assert waiver.covers(FP, dt.date(2026, 6, 30)) and not waiver.covers(FP, dt.date(2026, 7, 1))
    assert not waiver.covers("fr1:" + "d" * 20, dt.date(2026, 1, 1))
    assert not Waiver(FP, "r", "d", status="under-review").covers(FP, dt.date(2026, 1, 1))
    assert load_waivers(tmp_path / "missing.toml") == []


def test_the_gate_exits_2_on_a_malformed_waivers_file(tmp_path: Path) -> None:
    (tmp_path / "published").mkdir()
    (tmp_path / "published" / "a.txt").write_text("2024年宁德时代的全球动力电池市场份额为37.9%。\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("2024年宁德时代的全球动力电池市场份额为27%。\n", encoding="utf-8")
    (tmp_path / "w.toml").write_text(GOOD + 'status = "maybe"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["gate", str(tmp_path / "draft.txt"), "--corpus", str(tmp_path / "published"),
                                      "--waivers", str(tmp_path / "w.toml"), "--no-cache"])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == (f"factrecon: error: {tmp_path / 'w.toml'}:1: 'status' must be one of accepted, "
                             "under-review\n")


def test_config_from_factrecon_toml_or_pyproject_with_paths_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.factrecon]\nfail-on = "tension"\nvocab = ["v"]\n', "utf-8")
    nested = tmp_path / "desk" / "drafts"
    nested.mkdir(parents=True)
    config = find_config(nested)
    assert config.values == {"fail_on": "tension", "vocab": [str(tmp_path / "v")]}
    (tmp_path / "desk" / "factrecon.toml").write_text('corpus = "published"\n', "utf-8")
    assert find_config(nested).values == {"corpus": str(tmp_path / "desk" / "published")}
    assert find_config(Path("/")).values == {}


@pytest.mark.parametrize(("text", "message"), [
    ('fail-on = 3\n', "fail-on must be a string"),
    ('vocab = "v"\n', "vocab must be a list of folders"),
    ('colour = "red"\n', "unknown key 'colour'"),
    ('fail-on = \n', "Invalid value"),
])
def test_a_malformed_config_is_one_error_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "factrecon.toml").write_text(text, "utf-8")
    with pytest.raises(ConfigError) as raised:
        find_config(tmp_path)
    assert str(raised.value).startswith(f"{tmp_path / 'factrecon.toml'}: ") and message in str(raised.value)


def test_the_command_line_takes_its_defaults_from_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("2024年宁德时代的全球动力电池市场份额为37.9%。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("分析师称,2024年宁德时代的全球动力电池市场份额为27%。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["check", "a.txt", "b.txt", "--format", "json"]).exit_code == 0
    (tmp_path / "factrecon.toml").write_text('fail-on = "conflict"\n', "utf-8")
    assert runner.invoke(app, ["check", "a.txt", "b.txt", "--format", "json"]).exit_code == EXIT_FINDINGS
    (tmp_path / "factrecon.toml").write_text('fail-on = "sometimes"\n', "utf-8")
    result = runner.invoke(app, ["check", "a.txt", "b.txt", "--format", "json"])
    assert result.exit_code == EXIT_ERROR and "sometimes" in result.stderr
    (tmp_path / "factrecon.toml").write_text('volume = 11\n', "utf-8")
    result = runner.invoke(app, ["check", "a.txt"])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr.startswith(f"factrecon: error: {tmp_path / 'factrecon.toml'}: unknown key 'volume'")


def test_version(tmp_path: Path) -> None:
    from importlib.metadata import version

    result = CliRunner().invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"factrecon {version('factrecon')}\n")
