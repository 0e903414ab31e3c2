"""Indexing on a Dask cluster (two local worker processes) writes the store the single-machine
index writes: same articles, same claims, byte for byte; and runs again incrementally."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factrecon.reports.cli import app
from factrecon.reports.errors import EXIT_ERROR, EXIT_OK

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset" / "articles"
ARTICLES = {
    "port.txt": "2025年，海港集装箱吞吐量达到3,250万标准箱，同比增长6.2%。\n",
    "airline.txt": "Harbor Air carried 4.1 million passengers in March, up 12% from a year earlier.\n",
    "rail.txt": "高鐵公司上半年載客3,200萬人次，營收新台幣285億元。\n",
    "empty.txt": "   \n",
}
ARTICLE_ROWS = "SELECT path, content_hash, date, title, language, claims, timeline, glosses FROM articles ORDER BY path"
CLAIM_ROWS = "SELECT id, record, dimension, fingerprint FROM claims ORDER BY id"


def dask_installed() -> None:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail('Dask is required when CI=true: pip install -e ".[test,dask]"')
        pytest.skip("Dask is not installed")


def rows(store: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(store) as connection:
        return connection.execute(ARTICLE_ROWS).fetchall(), connection.execute(CLAIM_ROWS).fetchall()


def test_dask_index_writes_the_single_machine_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dask_installed()
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    sources = ["archive", *([str(DEVSET)] if DEVSET.is_dir() else [])]
    runner = CliRunner()
    single = runner.invoke(app, ["index", *sources, "--store", "single.db"])
    on_dask = runner.invoke(app, ["index", *sources, "--store", "dask.db", "--engine", "dask", "--workers", "2"])
    assert single.exit_code == on_dask.exit_code == EXIT_ERROR  # empty.txt: unreadable, reported by both
    assert "empty.txt: empty file" in on_dask.stderr
    assert rows(tmp_path / "single.db") == rows(tmp_path / "dask.db")
    assert len(rows(tmp_path / "dask.db")[1]) > 10
    assert sorted(path.name for path in (tmp_path / "dask.db.parquet" / "claims").iterdir())
    (folder / "empty.txt").unlink()
    (folder / "port.txt").write_text("2025年，海港集装箱吞吐量达到3,300万标准箱。\n", encoding="utf-8")
    again = runner.invoke(app, ["index", *sources, "--store", "dask.db", "--engine", "dask", "--prune"])
    assert again.exit_code == EXIT_OK, again.stderr
    assert " 0 added, 1 changed, " in again.stderr


def check_json(runner: CliRunner, files: list[str], *extra: str) -> str:
    result = runner.invoke(app, ["check", *files, "--format", "json", *extra])
    assert result.exit_code == EXIT_OK, result.stderr
    return result.stdout


@pytest.mark.parametrize("corpus", ["samples", "devset"])
def test_dask_check_finds_what_one_check_finds(corpus: str) -> None:
    dask_installed()
    if corpus == "devset":
        if not DEVSET.is_dir():
            if os.environ.get("CI") == "true":
                pytest.fail(f"{DEVSET} is required when CI=true")
            pytest.skip("the development stories are not beside this clone")
        files = sorted(str(path) for path in DEVSET.glob("*.txt"))
    else:
        from factrecon.reports.inputs import default_corpus

        files = default_corpus()
    runner = CliRunner()
    single = check_json(runner, files)
    assert check_json(runner, files, "--engine", "dask", "--workers", "2") == single
    assert '"findings": [' in single and '"F001"' in single
