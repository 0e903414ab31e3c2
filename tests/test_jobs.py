"""``--jobs N`` reads articles (and the blocks of a large file) in N processes with output
byte-identical to ``--jobs 1``: the same claims, findings, errors (in the same order) and exit
code, on the bundled corpus, on generated articles and, where it is present, the dev set."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factrecon.reports import large, progress, workers
from factrecon.reports.cli import app
from factrecon.reports.config import ConfigError, find_config
from factrecon.reports.errors import EXIT_ERROR, EXIT_OK
from factrecon.reports.pipeline import worker_count
from factrecon.reports.readers import stream
from factrecon.reports.workers import Workers

DEVSET = Path("/work/shared/devset/articles")
PARAGRAPHS = [
    "2024年宁德时代的全球动力电池市场份额为37.9%,连续多年位居第一。",
    "2024年寧德時代全球動力電池市佔率約38%,比亞迪則為17%。",
    "Analysts said CATL's global EV battery market share was about 38% in 2025.",
    "分析师称,2024年宁德时代的全球动力电池市场份额为27%。",
    "天顶机器人今年出货1200台,营收增长62%。",
    "H200显存带宽约4.8TB/s,容量为141GB;H20的FP16算力为148 TFLOPS。",
]
VOCAB = """[[entity]]
name = "Zenith Robotics"
kind = "company"
aliases = ["天顶机器人"]
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def same_with_jobs(*args: str, jobs: Iterable[str] = ("2",)) -> Result:
    """Run ``args`` with ``--jobs 1`` and each of ``jobs``; assert identical stdout, stderr and exit code."""
    one = run(*args, "--jobs", "1")
    for count in jobs:
        many = run(*args, "--jobs", count)
        assert (many.exit_code, many.stderr) == (one.exit_code, one.stderr)
        assert many.stdout_bytes == one.stdout_bytes
    return one


def generated(folder: Path, count: int = 8) -> list[str]:
    """``count`` small articles mixing the paragraphs, two of them dated."""
    folder.mkdir(exist_ok=True)
    paths = []
    for number in range(count):
        front = f"---\ndate: 2025-0{number % 9 + 1}-15\n---\n" if number % 4 == 0 else ""
        body = "\n".join(PARAGRAPHS[(number + k) % len(PARAGRAPHS)] for k in range(3))
        path = folder / f"a{number}.txt"
        path.write_text(front + body + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_extract_and_check_of_the_bundled_corpus_are_the_same_with_jobs() -> None:
    assert same_with_jobs("extract", "--format", "jsonl", jobs=("2", "0")).exit_code == EXIT_OK
    assert same_with_jobs("check", "--format", "json").exit_code == EXIT_OK


def test_generated_articles_with_a_user_vocabulary_are_the_same_with_jobs(tmp_path: Path) -> None:
    paths = generated(tmp_path / "articles")
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "robots.toml").write_text(VOCAB, encoding="utf-8")
    options = ("--vocab", str(tmp_path / "vocab"), "--date", f"{paths[1]}=2025-03-01")
    result = same_with_jobs("extract", *paths, "--format", "jsonl", *options)
    assert "Zenith Robotics" in result.stdout  # the workers read the user's vocabulary
    same_with_jobs("check", *paths, "--format", "json", *options)
    same_with_jobs("extract", *paths, "--format", "csv", *options)


def test_a_fresh_worker_process_gives_the_same_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "start_method", lambda: "forkserver" if os.name == "posix" else "spawn")
    same_with_jobs("extract", *generated(tmp_path), "--format", "jsonl")


@pytest.mark.skipif(not DEVSET.is_dir() and os.environ.get("CI") != "true", reason="no dev set on this machine")
def test_the_dev_set_is_the_same_with_jobs() -> None:
    articles = str(DEVSET)
    assert same_with_jobs("extract", articles, "--format", "jsonl").stdout
    assert same_with_jobs("check", articles, "--format", "json").stdout


def test_input_errors_come_in_the_same_order_and_keep_the_other_results(tmp_path: Path) -> None:
    paths = generated(tmp_path / "articles", 5)
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"%PDF-1.7\x00\x01")
    mixed = [str(tmp_path / "missing.txt"), paths[0], str(tmp_path / "empty.txt"), *paths[1:3],
             str(tmp_path / "binary.txt"), *paths[3:]]
    result = same_with_jobs("extract", *mixed, "--format", "jsonl")
    assert result.exit_code == EXIT_ERROR
    assert [line.split(": ")[2] for line in result.stderr.splitlines()] == [
        str(tmp_path / name) for name in ("missing.txt", "empty.txt", "binary.txt")]
    assert {path for path in paths} <= {line.split('"source": "')[1].split('"')[0]
                                        for line in result.stdout.splitlines()}
    same_with_jobs("check", *mixed, "--format", "json")


def test_gate_is_the_same_with_jobs(tmp_path: Path) -> None:
    corpus = tmp_path / "published"
    generated(corpus, 6)
    draft = tmp_path / "draft.txt"
    draft.write_text("2024年宁德时代的全球动力电池市场份额为17%。\n", encoding="utf-8")
    result = same_with_jobs("gate", str(draft), "--corpus", str(corpus), "--format", "json", "--no-cache",
                            "--today", "2026-01-01")
    assert '"findings"' in result.stdout


def test_gate_fills_a_cache_that_later_runs_read(tmp_path: Path) -> None:
    corpus = tmp_path / "published"
    generated(corpus, 6)
    draft = tmp_path / "draft.txt"
    draft.write_text("2024年宁德时代的全球动力电池市场份额为17%。\n", encoding="utf-8")
    args = ("gate", str(draft), "--corpus", str(corpus), "--format", "json", "--cache", str(tmp_path / "cache"),
            "--today", "2026-01-01")
    first = run(*args, "--jobs", "2")
    assert len(list((tmp_path / "cache").glob("*.json"))) == 6
    assert run(*args, "--jobs", "2").stdout_bytes == first.stdout_bytes == run(*args, "--no-cache").stdout_bytes


@pytest.fixture
def small_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamed from 2 kB, in blocks of 4,000 characters (each block starts a fresh worker)."""
    monkeypatch.setattr(large, "STREAM_BYTES", 2_000)
    monkeypatch.setattr(stream, "BLOCK_CHARS", 4_000)
    monkeypatch.setattr(stream, "SAMPLE_BYTES", 1_000)


def test_a_streamed_file_is_the_same_with_jobs(tmp_path: Path, small_thresholds: None) -> None:
    big = tmp_path / "big.txt"
    big.write_text("\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] + f" 第{i}段" for i in range(300)) + "\n",
                   encoding="utf-8")
    small = generated(tmp_path / "articles", 3)
    result = same_with_jobs("extract", small[0], str(big), *small[1:], "--format", "jsonl", jobs=("2", "3"))
    assert result.exit_code == EXIT_OK and len(result.stdout.splitlines()) > 300


def test_a_stream_that_fails_midway_is_the_same_error_with_jobs(tmp_path: Path, small_thresholds: None) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(("\n".join(PARAGRAPHS * 40) + "\n").encode("utf-8") + b"\xff\xfe\xfa" * 400)
    good = generated(tmp_path / "articles", 2)
    result = same_with_jobs("extract", str(bad), *good, "--format", "jsonl")
    assert result.exit_code == EXIT_ERROR and result.stderr.startswith(f"factrecon: error: {bad}: cannot decode")
    assert all(path in result.stdout for path in good)


def test_workers_keep_the_order_and_the_bar_counts_finished_items(monkeypatch: pytest.MonkeyPatch) -> None:
    counted: list[tuple[str, int | None, int]] = []

    def recording(items: Iterable[object], label: str, *, total: int | None = None) -> Iterator[object]:
        seen = 0
        for item in items:
            seen += 1
            yield item
        counted.append((label, total, seen))

    monkeypatch.setattr(progress, "progress", recording)
    items = [f"{n:03d}" * (50 - n) for n in range(50)]
    with Workers(2) as pool:
        assert pool.map(len, items, "measuring") == [len(item) for item in items]
    assert counted == [("measuring", 50, 50)]


def test_a_stream_whose_items_fail_gives_the_results_before_the_error() -> None:
    def items() -> Iterator[str]:
        yield from ("a", "bb", "ccc")
        raise OSError("disk gone")

    for jobs in (1, 2):
        results: list[int] = []
        with Workers(jobs) as pool, pytest.raises(OSError, match="disk gone"):
            results.extend(pool.stream(len, items()))
        assert results == [1, 2, 3]


def test_jobs_zero_is_one_per_core_and_negative_jobs_exit_two() -> None:
    assert worker_count(0) == (getattr(os, "process_cpu_count", os.cpu_count)() or 1)
    assert worker_count(3) == 3
    result = run("extract", "--jobs", "-1")
    assert result.exit_code == EXIT_ERROR and "--jobs" in result.stderr


def test_the_config_may_set_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "factrecon.toml").write_text("jobs = 2\n", "utf-8")
    assert find_config(tmp_path).values == {"jobs": 2}
    paths = generated(tmp_path / "articles", 4)
    monkeypatch.chdir(tmp_path)
    assert run("extract", *paths, "--format", "jsonl").stdout_bytes == run(
        "extract", *paths, "--format", "jsonl", "--jobs", "1").stdout_bytes
    for value in ('"2"', "true", "1.5"):
        (tmp_path / "factrecon.toml").write_text(f"jobs = {value}\n", "utf-8")
        with pytest.raises(ConfigError, match="jobs must be a whole number"):
            find_config(tmp_path)
