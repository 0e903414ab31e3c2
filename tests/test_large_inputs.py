"""Large plain-text files are streamed block by block (bounded memory) with the same claims and
offsets as a whole read; the thresholds are lowered here so small files exercise the path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factrecon.reports import large
from factrecon.reports.cli import app
from factrecon.reports.errors import EXIT_ERROR, EXIT_OK
from factrecon.reports.readers import stream

PARAGRAPHS = [
    "2024年宁德时代的全球动力电池市场份额为37.9%,连续多年位居第一。",
    "2024年寧德時代全球動力電池市佔率約38%,比亞迪則為17%。",
    "Analysts said CATL's global EV battery market share was about 38% in 2025.",
    "H200显存带宽约4.8TB/s,容量为141GB;H20的FP16算力为148 TFLOPS。",
]


@pytest.fixture
def small_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(large, "STREAM_BYTES", 2_000)
    monkeypatch.setattr(stream, "BLOCK_CHARS", 700)
    monkeypatch.setattr(stream, "SAMPLE_BYTES", 1_000)


def claims_of(runner: CliRunner, *args: str) -> tuple[int, list[dict[str, object]], str]:
    result = runner.invoke(app, ["extract", *args, "--format", "jsonl"])
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()], result.stderr


@pytest.mark.parametrize(("encoding", "newline"), [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("gb18030", "\n"),
                                                   ("utf-16", "\r\n")])
def test_a_streamed_file_gives_the_claims_of_a_whole_read(tmp_path: Path, small_thresholds: None, encoding: str,
                                                          newline: str) -> None:
    text = newline.join(PARAGRAPHS[i % len(PARAGRAPHS)] + f" 第{i}段" for i in range(200)) + newline
    if encoding == "gb18030":
        text = text.replace("2024年寧德時代全球動力電池市佔率約38%,比亞迪則為17%。", "宁德时代全球动力电池份额约38%。")
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode(encoding))
    assert large.is_large(str(path))
    code, streamed, stderr = claims_of(CliRunner(), str(path))
    assert (code, stderr) == (EXIT_OK, "")
    whole = [c for c in claims_of(CliRunner(), str(path), "--max-bytes", "10M")[1]]
    assert len(streamed) >= 250
    assert [(c["start"], c["end"], c["text"], c["unit"], c["value"]) for c in streamed] == [
        (c["start"], c["end"], c["text"], c["unit"], c["value"]) for c in whole]


def test_offsets_of_a_streamed_file_index_its_text(tmp_path: Path, small_thresholds: None) -> None:
    text = "\n".join(PARAGRAPHS * 60) + "\n"
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8", newline="")
    code, claims, _ = claims_of(CliRunner(), str(path))
    assert code == EXIT_OK and claims
    assert all(text[c["start"]:c["end"]] == c["text"] for c in claims)  # type: ignore[misc]
    assert len({c["id"] for c in claims}) == len(claims)


def test_a_stream_that_fails_to_decode_keeps_the_other_files(tmp_path: Path, small_thresholds: None) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PARAGRAPHS[0], encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(("\n".join(PARAGRAPHS * 40) + "\n").encode("utf-8") + b"\xff\xfe\xfa" * 400)
    code, claims, stderr = claims_of(CliRunner(), str(bad), str(good))
    assert code == EXIT_ERROR
    assert stderr.startswith(f"factrecon: error: {bad}: cannot decode text as utf-8")
    assert any(c["source"] == str(good) for c in claims)


def test_blocks_end_at_line_ends_and_join_to_the_text(tmp_path: Path) -> None:
    text = "".join(f"第{i}行:份额{i}%。\n" for i in range(500))
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    blocks = list(stream.text_blocks(path, "utf-8", block_chars=300))
    assert "".join(blocks) == text and len(blocks) > 10
    assert all(block.endswith("\n") for block in blocks)
