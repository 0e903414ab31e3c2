"""The claim store: incremental indexing, schema migration, concurrent writers, damaged files and
the look-up command."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factrecon.reports.cli import app
from factrecon.reports.errors import EXIT_ERROR, EXIT_OK
from factrecon.reports.inputs import read_inputs
from factrecon.reports.store import StoreError, find_claims, index_articles, open_store, summary
from factrecon.reports.store.schema import latest, migrate

ARTICLES = {
    "port.txt": "2025年，海港集装箱吞吐量达到3,250万标准箱，同比增长6.2%。\n",
    "airline.txt": "Harbor Air carried 4.1 million passengers in March, up 12% from a year earlier.\n",
    "rail.txt": "高鐵公司上半年載客3,200萬人次，營收新台幣285億元。\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def index(corpus: Path, store: Path, *, prune: bool = False, unreadable: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    articles, errors = read_inputs([str(corpus)])
    assert not errors
    connection = open_store(store)
    try:
        return index_articles(connection, articles, {}, prune=prune, unreadable=unreadable)
    finally:
        connection.close()


def stored(store: Path) -> dict[str, int]:
    with sqlite3.connect(store) as connection:
        return dict(connection.execute("SELECT path, (SELECT COUNT(*) FROM claims WHERE article_id = articles.id)"
                                       " FROM articles").fetchall())


def test_unchanged_files_are_skipped_and_changed_ones_replaced(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "factrecon.db"
    first = index(corpus, store)
    assert len(first.added) == 3 and first.claims == sum(stored(store).values()) > 0
    again = index(corpus, store)
    assert (again.added, again.changed, len(again.unchanged), again.claims) == ((), (), 3, 0)
    (corpus / "port.txt").write_text("2025年，海港集装箱吞吐量达到3,300万标准箱。\n", encoding="utf-8")
    edited = index(corpus, store)
    assert edited.changed == (str(corpus / "port.txt"),) and len(edited.unchanged) == 2
    connection = open_store(store)
    texts = [claim.text for claim in find_claims(connection) if claim.source.endswith("port.txt")]
    connection.close()
    assert texts == ["3,300万标准箱"]  # the old claims went with the old text


def test_prune_removes_deleted_files_but_never_unreadable_ones(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "factrecon.db"
    index(corpus, store)
    (corpus / "rail.txt").unlink()
    (corpus / "airline.txt").unlink()  # as if it failed to read this run
    pruned = index(corpus, store, prune=True, unreadable=(str(corpus / "airline.txt"),))
    assert pruned.removed == (str(corpus / "rail.txt"),)
    assert sorted(Path(path).name for path in stored(store)) == ["airline.txt", "port.txt"]


def test_prune_deletes_the_claims_of_removed_articles(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "factrecon.db"
    index(corpus, store)
    (corpus / "rail.txt").unlink()
    result = index(corpus, store, prune=True)
    assert result.removed == (str(corpus / "rail.txt"),)
    with sqlite3.connect(store) as connection:
        assert connection.execute("SELECT COUNT(*) FROM claims WHERE source LIKE '%rail.txt'").fetchone()[0] == 0


def test_an_older_store_is_migrated_with_its_data(tmp_path: Path) -> None:
    store = tmp_path / "old.db"
    with sqlite3.connect(store, isolation_level=None) as connection:
        assert migrate(connection, up_to=1) == 1
        connection.execute("INSERT INTO articles (path, content_hash, claims, timeline, glosses, indexed_at)"
                           " VALUES ('a.txt', 'x', 1, '{}', '{}', '2026-01-01')")
        connection.execute("INSERT INTO claims (id, article_id, source, start, \"end\", text, quote, value, unit,"
                           " qualifier, lang, fingerprint, record) VALUES ('a.txt:0', 1, 'a.txt', 0, 3, '5%', '5%',"
                           " 5, 'percent', 'exact', 'en', 'f', '{}'), ('a.txt:9', 1, 'a.txt', 9, 12, '$5', '$5', 5,"
                           " 'USD', 'exact', 'en', 'g', '{}')")
    connection = open_store(store)
    try:
        assert summary(connection).version == latest() >= 2
        dimensions = dict(connection.execute("SELECT id, dimension FROM claims").fetchall())
        assert dimensions == {"a.txt:0": "[ratio]", "a.txt:9": "money"}
        assert connection.execute("SELECT COUNT(*) FROM claims_with_articles").fetchone()[0] == 2
    finally:
        connection.close()


def test_a_store_from_a_newer_factrecon_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "new.db"
    with sqlite3.connect(store) as connection:
        connection.execute(f"PRAGMA user_version = {latest() + 1}")
    with pytest.raises(StoreError, match="written by a newer factrecon"):
        open_store(store)


def test_a_damaged_store_is_one_line_and_exit_two(tmp_path: Path) -> None:
    store = tmp_path / "damaged.db"
    store.write_bytes(b"this is no database\n" * 100)
    result = CliRunner().invoke(app, ["claims", "--store", str(store)])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"factrecon: error: {store}: not a factrecon store (file is not a database)\n"
    missing = CliRunner().invoke(app, ["claims", "--store", str(tmp_path / "none.db")])
    assert missing.exit_code == EXIT_ERROR and "no such store" in missing.stderr


def test_a_failed_article_leaves_the_store_as_it_was(corpus: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "factrecon.db"
    index(corpus, store)
    before = stored(store)
    for name in ARTICLES:
        (corpus / name).write_text(ARTICLES[name].replace("2", "7"), encoding="utf-8")
    import factrecon.claims

    calls = {"n": 0}
    real = factrecon.claims.read_article

    def crash_on_second(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return real(*args, **kwargs)

    monkeypatch.setattr(factrecon.claims, "read_article", crash_on_second)
    with pytest.raises(RuntimeError):
        index(corpus, store)
    after = stored(store)
    assert set(after) == set(before)  # every article is there, either as it was or as it is now
    with sqlite3.connect(store) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_processes_indexing_at_once_leave_one_consistent_store(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "factrecon.db"
    for number in range(12):
        (corpus / f"extra{number}.txt").write_text(f"Harbor Air carried {number + 1}.5 million passengers.\n",
                                                  encoding="utf-8")
    command = [str(Path(sys.executable).with_name("factrecon")), "index", str(corpus), "--store", str(store)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [EXIT_OK, EXIT_OK], outputs
    with sqlite3.connect(store) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 15
        duplicates = connection.execute("SELECT COUNT(*) - COUNT(DISTINCT id) FROM claims").fetchone()[0]
        assert duplicates == 0


def test_the_lookup_lists_what_was_published(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "factrecon.db"
    runner = CliRunner()
    built = runner.invoke(app, ["index", str(corpus), "--store", str(store)])
    assert built.exit_code == EXIT_OK, built.stderr
    assert built.stderr.strip() == f"{store}: 3 added, 0 changed, 0 unchanged, 0 removed " \
                                   f"({sum(stored(store).values())} claims written)"
    found = runner.invoke(app, ["claims", "--store", str(store), "--entity", "harbor air", "--format", "json"])
    claims = json.loads(found.stdout)["claims"]
    assert {claim["text"] for claim in claims} >= {"4.1 million passengers", "12%"}
    assert all(claim["entity"] == "Harbor Air" for claim in claims)
    none = runner.invoke(app, ["claims", "--store", str(store), "--entity", "Harbor Air", "--time", "2024"])
    assert none.exit_code == EXIT_OK and none.stdout.startswith("0 claims")


DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset" / "articles"


def gate_findings(runner: CliRunner, new: Path, corpus_option: list[str]) -> set[tuple[object, ...]]:
    result = runner.invoke(app, ["gate", str(new), *corpus_option, "--today", "2026-01-10", "--no-cache",
                                 "--format", "json", "--fail-on", "tension"])
    assert result.exit_code in (EXIT_OK, 1), result.stderr
    return {(f["kind"], tuple(sorted(f["claims"])), f["fingerprint"], f["explanation"])
            for f in json.loads(result.stdout)["findings"]}


def split_corpus(source: list[Path], tmp_path: Path, new_name: str) -> tuple[Path, Path]:
    corpus = tmp_path / "published"
    corpus.mkdir()
    new = tmp_path / "draft" / new_name
    new.parent.mkdir()
    for path in source:
        (new.parent if path.name.startswith(Path(new_name).stem) else corpus).joinpath(path.name).write_bytes(
            path.read_bytes())
    return corpus, new


def test_store_backed_gate_finds_what_the_corpus_gate_finds_on_the_samples(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from factrecon.reports.inputs import default_corpus

    monkeypatch.chdir(tmp_path)
    corpus, new = split_corpus([Path(p) for p in default_corpus()], tmp_path, "002_ceb1bfa1f6720235.txt")
    runner = CliRunner()
    assert runner.invoke(app, ["index", str(corpus), "--store", "s.db"]).exit_code == EXIT_OK
    from_store = gate_findings(runner, new, ["--store", "s.db"])
    assert from_store and from_store == gate_findings(runner, new, ["--corpus", str(corpus)])


DRAFTS = ["ev_zh-Hans_1_byd-tesla-china-com.txt", "fed_en_2_fed-dec-cut-tnnews.txt",
          "samsung_zh-Hant_1_samsung-q4-prelim-ltn.txt", "catl_en_3_catl-hk-debut-yicaiglobal.txt",
          "fed_zh-Hant_2_fed-dec-cut-am730.txt", "samsung_en_3_samsung-q4-final-reuters-cna.txt",
          "catl_zh-Hans_1_catl-hk-debut-ne21.txt"]


@pytest.mark.parametrize("new_name", DRAFTS)
def test_store_backed_gate_finds_what_the_corpus_gate_finds_on_the_dev_stories(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_name: str) -> None:
    if not DEVSET.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{DEVSET} is required when CI=true")
        pytest.skip("the development stories are not beside this clone")
    monkeypatch.chdir(tmp_path)
    corpus, new = split_corpus(sorted(DEVSET.iterdir()), tmp_path, new_name)
    runner = CliRunner()
    assert runner.invoke(app, ["index", str(corpus), "--store", "s.db"]).exit_code == EXIT_OK
    from_store = gate_findings(runner, new, ["--store", "s.db"])
    assert from_store and from_store == gate_findings(runner, new, ["--corpus", str(corpus)])


def test_gate_needs_a_corpus_and_a_store_wins_over_a_folder(tmp_path: Path, corpus: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    neither = runner.invoke(app, ["gate", str(corpus / "port.txt")])
    assert neither.exit_code == EXIT_ERROR
    assert neither.stderr == "factrecon: error: gate: give the accepted corpus as --corpus DIR or --store FILE\n"
    (tmp_path / "factrecon.toml").write_text('store = "s.db"\n', encoding="utf-8")
    assert runner.invoke(app, ["index", str(corpus)]).exit_code == EXIT_OK  # the configured store
    assert (tmp_path / "s.db").is_file()
    both = runner.invoke(app, ["gate", str(corpus / "port.txt"), "--corpus", str(tmp_path / "nowhere"),
                               "--today", "2026-01-10"])
    assert both.exit_code == EXIT_OK, both.stderr
    assert "corpus from the store" in both.stdout
