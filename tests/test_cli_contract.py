"""The command-line contract (tests/specs/cli/contract.toml): exact exit codes and stderr lines
for every command, run through typer's CliRunner."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factrecon.reports.cli import app

CASES = tomllib.loads((Path(__file__).parent / "specs" / "cli" / "contract.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_cli_contract(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no project configuration from the surroundings
    for name, text in case.get("files", {}).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")

    def fill(text: str) -> str:
        return text.replace("{tmp}", str(tmp_path))

    result = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "200", "TERM": "dumb"}).invoke(
        app, [fill(arg) for arg in case["args"]], input=case.get("stdin"))
    assert result.exit_code == case["exit"], result.output
    if "stderr" in case:
        assert result.stderr == fill(case["stderr"])
    else:
        assert fill(case["stderr_has"]) in result.stderr
    if "stdout_has" in case:
        assert fill(case["stdout_has"]) in result.stdout


def test_cases_are_well_formed() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names))
    assert {case["args"][0] for case in CASES} >= {"extract", "check", "gate", "text", "waive", "--version"}
    for case in CASES:
        assert set(case) <= {"name", "files", "stdin", "args", "exit", "stderr", "stderr_has", "stdout_has"}
        assert ("stderr" in case) != ("stderr_has" in case), case["name"]
        assert case["exit"] in (0, 1, 2)
