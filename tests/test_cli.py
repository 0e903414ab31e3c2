"""The ``factrecon extract`` command: exit codes, error lines, encodings, output formats."""

from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from factrecon.claims.model import CLAIM_FIELDS, Claim
from factrecon.reports import cli
from factrecon.reports.cli import app
from factrecon.reports.csv_report import claims_to_csv
from factrecon.reports.errors import EXIT_ERROR, EXIT_OK
from factrecon.reports.inputs import default_corpus

WIDTH = 200
ARTICLE = "英伟达在中国AI芯片市场的份额约95%。\n特朗普称销售额的25%将归美国政府。\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"NO_COLOR": "1", "COLUMNS": str(WIDTH), "TERM": "dumb"})


def article(tmp_path: Path, name: str = "news.txt", data: bytes = ARTICLE.encode()) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def jsonl(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines()]


def claim_at(records: list[dict[str, object]], text: str, number: str) -> dict[str, object]:
    """The one record whose span in ``text`` holds ``number``; its offsets index ``text`` exactly."""
    found = [r for r in records if number in str(r["text"])]
    assert len(found) == 1, records
    record = found[0]
    start, end = int(str(record["start"])), int(str(record["end"]))
    assert text[start:end] == record["text"]
    assert start <= text.index(number) < end
    return record


def test_help_lists_the_extract_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == EXIT_OK and "extract" in result.stdout


def test_unknown_format_is_a_usage_error_exiting_two(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "--format", "xml", article(tmp_path)])
    assert result.exit_code == EXIT_ERROR and result.stdout == ""


def test_missing_file_exits_two_and_names_it(runner: CliRunner, tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    result = runner.invoke(app, ["extract", "--format", "jsonl", missing])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"factrecon: error: {missing}: no such file\n"
    assert result.stdout == ""


def test_good_and_bad_files_prints_good_claims_and_exits_two(runner: CliRunner, tmp_path: Path) -> None:
    good = article(tmp_path)
    missing = str(tmp_path / "missing.txt")
    result = runner.invoke(app, ["extract", "--format", "jsonl", missing, good])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"factrecon: error: {missing}: no such file\n"
    records = jsonl(result.stdout)
    assert {r["source"] for r in records} == {good}
    claim_at(records, ARTICLE, "95%")


def test_binary_file_exits_two(runner: CliRunner, tmp_path: Path) -> None:
    fake = article(tmp_path, "report.txt", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n")
    result = runner.invoke(app, ["extract", "--format", "jsonl", fake])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"factrecon: error: {fake}: binary file (looks like PDF)\n"


def test_empty_file_exits_two(runner: CliRunner, tmp_path: Path) -> None:
    empty = article(tmp_path, "empty.txt", b"\n \n")
    result = runner.invoke(app, ["extract", "--format", "jsonl", empty])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"factrecon: error: {empty}: empty file\n"


def test_directory_without_articles_exits_two(runner: CliRunner, tmp_path: Path) -> None:
    article(tmp_path / "scans", "page.pdf", b"%PDF-1.4")
    directory = str(tmp_path / "scans")
    result = runner.invoke(app, ["extract", "--format", "jsonl", directory])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"factrecon: error: {directory}: no readable article (.txt, .md, .html) found\n"


def test_directory_articles_are_named_by_joined_path(runner: CliRunner, tmp_path: Path) -> None:
    article(tmp_path / "desk" / "sub", "a.md")
    article(tmp_path / "desk", "b.txt")
    directory = str(tmp_path / "desk")
    result = runner.invoke(app, ["extract", "--format", "jsonl", directory])
    assert result.exit_code == EXIT_OK, result.stderr
    sources = list(dict.fromkeys(r["source"] for r in jsonl(result.stdout)))
    assert sources == [os.path.join(directory, "b.txt"), os.path.join(directory, "sub", "a.md")]


def test_big5_file_is_decoded(runner: CliRunner, tmp_path: Path) -> None:
    text = "英偉達市場份額95%"
    path = article(tmp_path, data=text.encode("big5"))
    result = runner.invoke(app, ["extract", "--format", "jsonl", path])
    assert result.exit_code == EXIT_OK, result.stderr
    assert claim_at(jsonl(result.stdout), text, "95%")["value"] == 95


def test_gb18030_file_is_decoded(runner: CliRunner, tmp_path: Path) -> None:
    text = "英伟达市场份额95%"
    path = article(tmp_path, data=text.encode("gb18030"))
    result = runner.invoke(app, ["extract", "--format", "jsonl", path])
    assert result.exit_code == EXIT_OK, result.stderr
    assert claim_at(jsonl(result.stdout), text, "95%")["value"] == 95


def test_bom_is_dropped_and_offsets_count_after_it(runner: CliRunner, tmp_path: Path) -> None:
    path = article(tmp_path, data=codecs.BOM_UTF8 + ARTICLE.encode())
    result = runner.invoke(app, ["extract", "--format", "jsonl", path])
    assert result.exit_code == EXIT_OK, result.stderr
    assert claim_at(jsonl(result.stdout), ARTICLE, "95%")["start"] == ARTICLE.index("95%")


def test_crlf_kept_offsets_index_original(runner: CliRunner, tmp_path: Path) -> None:
    text = ARTICLE.replace("\n", "\r\n")
    result = runner.invoke(app, ["extract", "--format", "jsonl", article(tmp_path, data=text.encode())])
    assert result.exit_code == EXIT_OK, result.stderr
    assert claim_at(jsonl(result.stdout), text, "25%")["start"] == text.index("25%")


def test_jsonl_one_claim_per_line_with_contract_fields(runner: CliRunner, tmp_path: Path) -> None:
    path = article(tmp_path)
    result = runner.invoke(app, ["extract", "--format", "jsonl", path])
    assert result.exit_code == EXIT_OK, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 2 and result.stdout.endswith("\n")
    for line in lines:
        record = json.loads(line)
        assert list(record) == [*CLAIM_FIELDS, "fingerprint"]
        assert record["source"] == path and record["id"] == f"{path}:{record['start']}"
    assert "95%" in result.stdout  # ensure_ascii=False: text is kept as written


def test_json_document_holds_the_same_claims(runner: CliRunner, tmp_path: Path) -> None:
    path = article(tmp_path)
    as_json = runner.invoke(app, ["extract", "--format", "json", path])
    as_jsonl = runner.invoke(app, ["extract", "--format", "jsonl", path])
    assert as_json.exit_code == EXIT_OK
    assert json.loads(as_json.stdout) == {"claims": jsonl(as_jsonl.stdout)}


def test_csv_has_bom_crlf_and_reads_back_with_pandas(runner: CliRunner, tmp_path: Path) -> None:
    path = article(tmp_path)
    result = runner.invoke(app, ["extract", "--format", "csv", path])
    assert result.exit_code == EXIT_OK, result.stderr
    data = result.stdout_bytes
    assert data.startswith(codecs.BOM_UTF8 + ",".join(CLAIM_FIELDS).encode() + b"\r\n")
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert data.endswith(b"\r\n") and data.count(b"\r\n") >= len(frame) + 1  # quoted cells may hold \n
    assert list(frame.columns) == list(CLAIM_FIELDS)
    expected = jsonl(runner.invoke(app, ["extract", "--format", "jsonl", path]).stdout)
    assert frame["text"].tolist() == [r["text"] for r in expected]
    assert frame["start"].tolist() == [r["start"] for r in expected]


def test_csv_neutralises_formula_cells() -> None:
    claim = Claim(
        id="x:0", source="=HYPERLINK(\"http://evil\")", start=0, end=3, text="-5%", quote="@SUM(A1:A9)",
        value=-5.0, lower=-5.0, upper=-5.0, precision=None, unit="percent", qualifier="exact", lang="en",
        entity="+cmd|' /C calc'!A0", also_applies_to=("-H20", "B300"), attribute="+3.2%",
        relative_to="\t=1+1", time="-0.5", origin="\r=2", notes="a = b",
    )
    data = io.BytesIO(claims_to_csv([claim]))
    row = pd.read_csv(data, encoding="utf-8-sig", dtype=str, keep_default_na=False).iloc[0]
    assert row["source"] == "'=HYPERLINK(\"http://evil\")"
    assert row["quote"] == "'@SUM(A1:A9)"
    assert row["entity"] == "'+cmd|' /C calc'!A0"
    assert row["also_applies_to"] == "'-H20; B300"
    assert row["relative_to"] == "'\t=1+1"
    assert row["origin"] == "'\r=2"
    assert (row["text"], row["attribute"], row["time"], row["notes"]) == ("-5%", "+3.2%", "-0.5", "a = b")


def test_table_lists_claims_and_counts_per_source(runner: CliRunner, tmp_path: Path) -> None:
    path = article(tmp_path)
    result = runner.invoke(app, ["extract", path])
    assert result.exit_code == EXIT_OK, result.stderr
    assert "95%" in result.stdout and "\x1b[" not in result.stdout
    count = len(jsonl(runner.invoke(app, ["extract", "--format", "jsonl", path]).stdout))
    assert result.stdout.rstrip().splitlines()[-1] == f"{count} claims: {path} (zh-Hans) {count}"


@pytest.mark.parametrize("width", [40, 80])
def test_table_fits_a_narrow_terminal(tmp_path: Path, width: int) -> None:
    narrow = CliRunner(env={"NO_COLOR": "1", "COLUMNS": str(width), "TERM": "dumb"})
    result = narrow.invoke(app, ["extract", article(tmp_path)])
    assert result.exit_code == EXIT_OK, result.stderr
    assert "95%" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= width


def test_default_corpus_used_when_no_file(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "--format", "jsonl"])
    assert result.exit_code == EXIT_OK, result.stderr
    sources = {r["source"] for r in jsonl(result.stdout)}
    assert sources == {os.path.basename(p) for p in default_corpus()}
    assert "000_4774084d0a6e70d6.txt" in sources


def test_output_file_written_atomically(runner: CliRunner, tmp_path: Path) -> None:
    path = article(tmp_path / "in")
    out = tmp_path / "out" / "claims.jsonl"
    out.parent.mkdir()
    out.write_text("stale\n", encoding="utf-8")
    to_file = runner.invoke(app, ["extract", "--format", "jsonl", "-o", str(out), path])
    assert to_file.exit_code == EXIT_OK and to_file.stdout == ""
    to_stdout = runner.invoke(app, ["extract", "--format", "jsonl", path])
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
    assert os.listdir(out.parent) == ["claims.jsonl"]  # no temp file left behind


def test_unwritable_output_exits_two_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "no-such-dir" / "claims.csv")
    argv = ["factrecon", "extract", "--format", "csv", "-o", out, article(tmp_path)]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == EXIT_ERROR
    assert capsys.readouterr().err == f"factrecon: error: {out}: no such file or directory\n"


def test_stdout_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("factrecon")
    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "LC_ALL": "C", "NO_COLOR": "1"}
    command = [str(script), "extract", "--format", "jsonl", article(tmp_path)]
    done = subprocess.run(command, capture_output=True, env=env, timeout=120)
    assert done.returncode == EXIT_OK, done.stderr
    assert "95%" in done.stdout.decode("utf-8") and "份额" in done.stdout.decode("utf-8")
