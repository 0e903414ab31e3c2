"""The `extract` table at real terminal widths: one line per claim, numbers never broken."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factrecon.claims.model import Claim
from factrecon.reports.cli import app
from factrecon.reports.display import shown

ARTICLES = {
    "harbor_air.txt": "Harbor Air carried 4.1 million passengers in March, up 12% from a year earlier, and its "
                      "shares closed at HK$12.40. The carrier expects revenue of about $1.2bn in 2026, with fuel "
                      "costs of 25% to 30% of sales and a fleet of 96 aircraft by the end of the year.\n",
    "grid_zh.txt": "2025年，全省全社会用电量达到3,000亿千瓦时，同比增长5.6%。居民电价为每千瓦时0.58元，"
                   "新建储能装机超过120万千瓦，总投资约410亿元。\n",
    "rail_zh_hant.txt": "高鐵公司上半年載客3,200萬人次，營收新台幣285億元，較去年同期增加7.5%，"
                        "票價維持每公里4.65元，預計全年載客突破7,000萬人次。\n",
}


def write_articles(folder: Path) -> list[str]:
    paths = []
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def claims_of(paths: list[str]) -> list[Claim]:
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", *paths])
    fields = set(Claim.__dataclass_fields__)
    return [Claim(**{key: tuple(value) if isinstance(value, list) else value
                     for key, value in json.loads(line).items() if key in fields})
            for line in result.stdout.splitlines()]


def table_at(width: int, paths: list[str], *extra: str) -> str:
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": str(width), "TERM": "dumb"})
    result = runner.invoke(app, ["extract", *extra, *paths])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [80, 120, 200])
def test_every_claim_takes_one_line_with_its_figure_whole(tmp_path: Path, width: int) -> None:
    paths = write_articles(tmp_path)
    claims = claims_of(paths)
    assert len(claims) >= 15
    lines = table_at(width, paths).splitlines()
    assert max(len(line) for line in lines) <= width
    # per source: a heading, the column header and its rule; then the footnote on implied periods
    footnote = next(index for index, line in enumerate(lines) if line.startswith("* period implied"))
    assert footnote == len(claims) + 3 * len(ARTICLES)
    for claim in claims:
        assert sum(shown(claim) in line for line in lines) >= 1, (width, shown(claim))


def test_a_wide_table_adds_the_frame_and_the_whole_quote(tmp_path: Path) -> None:
    paths = write_articles(tmp_path)
    narrow, wide = table_at(200, paths), table_at(200, paths, "--wide")
    header = next(line for line in wide.splitlines() if line.startswith("line"))
    assert "basis" in header and "status" in header and "basis" not in narrow
    assert "票價維持每公里4.65元" in wide


def test_narrow_terminals_drop_columns_in_the_stated_order(tmp_path: Path) -> None:
    paths = write_articles(tmp_path)
    headers = {width: next(line for line in table_at(width, paths).splitlines() if line.startswith("line")).split()
               for width in (60, 120, 200)}
    assert headers[200][:3] == ["line", "text", "value"] and "quote" in headers[200]
    assert "quote" not in headers[60] and headers[60][:3] == ["line", "text", "value"]


def tmux() -> str:
    """tmux's binary: skipped when missing, but a failure when ``CI=true``."""
    found = shutil.which("tmux")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tmux is required for the terminal capture when CI=true")
        pytest.skip("tmux is not installed")
    return found


def screen_of(command: list[str], width: int, tmp_path: Path, done: str) -> str:
    """What a ``width``-column tmux pane shows once ``command`` printed ``done``."""
    binary = tmux()
    session = f"factrecon-{width}-{tmp_path.name}"[:60]
    script = " ".join([str(Path(sys.executable).with_name("factrecon")), *command]) + "; sleep 30"
    subprocess.run([binary, "new-session", "-d", "-s", session, "-x", str(width), "-y", "80",
                    "env", "NO_COLOR=1", "sh", "-c", script], check=True)
    try:
        for _ in range(150):
            screen = subprocess.run([binary, "capture-pane", "-p", "-t", session], capture_output=True,
                                    text=True, check=True).stdout
            if done in screen:
                return screen
            time.sleep(0.1)
    finally:
        subprocess.run([binary, "kill-session", "-t", session], check=False)
    raise AssertionError(f"{done!r} never shown:\n{screen}")


@pytest.mark.parametrize("width", [80, 120, 200])
def test_a_real_terminal_shows_each_figure_on_one_line(tmp_path: Path, width: int) -> None:
    paths = write_articles(tmp_path)
    claims = claims_of(paths)
    screen = screen_of(["extract", *paths], width, tmp_path, "* period implied")
    for claim in claims:
        assert any(shown(claim) in line for line in screen.splitlines()), (width, shown(claim))


@pytest.mark.parametrize("width", [80, 120])
def test_a_real_terminal_shows_the_check_summary_first(tmp_path: Path, width: int) -> None:
    screen = screen_of(["check"], width, tmp_path, "Details: ")
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[0].startswith("3 articles · 117 claims · 37 findings: conflict 1")
    first_row = next(index for index, line in enumerate(lines) if line.startswith("F0"))
    assert lines[first_row].startswith("F001  ✗ CONFLICT") and "Needs an editor: 11" in lines[first_row - 3]
