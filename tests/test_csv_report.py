"""CSV for editors: one row per finding or claim, UTF-8 with BOM, CRLF, fixed columns, formula
cells neutralised; checked by reading back with pandas and by a LibreOffice round trip."""

from __future__ import annotations

import codecs
import io
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from factrecon.claims.model import CLAIM_FIELDS, Claim
from factrecon.reconcile import CheckResult, Finding
from factrecon.reports.csv_report import FINDING_COLUMNS, claims_to_csv, findings_to_csv, neutralise
from factrecon.reports.inputs import default_corpus, read_articles
from factrecon.reports.pipeline import check_claims, extract_articles

INJECTIONS = (
    "=1+1", "+1+1", "-1+1", "@SUM(1+1)", "=cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", "-cmd|' /C calc'!A0",
    "@cmd|' /C calc'!A0", '=HYPERLINK("http://example.com","x")', " =1+1", "   @SUM(A1:A9)", "\u3000=1+1",
    "\n=1+1", "\t=1+1", "\r=1+1", "\tcalc", "\rcalc", "=", "-", "+", "@", "-H20; B300", "-5%abc",
)
"""Cells a spreadsheet would run: each gets a leading ``'``."""
UNTOUCHED = (
    "-5%", "+3.2%", "-0.5", "1,234", "-1,234.5", "+3", "-.5", "1e-3", " -5%", "\t5", "-5; 3", "60%; 80%",
    "[-5, 3]", "", "a = b", "H200", "6倍", "英特尔=1", "约-5%",
)
"""Numbers and plain text that must come out exactly as they went in."""
LIBREOFFICE_FILTER = "44,34,76,1"  # comma, double quote, UTF-8, from line 1


def read_back(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def claim(claim_id: str, source: str, text: str, quote: str, value: float, *, start: int = 0,
          lower: float | None = None, upper: float | None = None) -> Claim:
    return Claim(id=claim_id, source=source, start=start, end=start + len(text), text=text, quote=quote, value=value,
                 lower=value if lower is None else lower, upper=value if upper is None else upper, precision=None,
                 unit="percent", qualifier="exact" if lower is None else "approx", lang="zh-Hans")


def result_of(claims: list[Claim], **finding: str) -> CheckResult:
    fields = {"id": "F001", "kind": "conflict", "explanation": "60% vs 80%", "fingerprint": "fr1:0",
              "check": "values"} | finding
    return CheckResult(tuple(claims), (Finding(claims=tuple(c.id for c in claims), **fields),))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def corpus() -> CheckResult:
    articles, errors = read_articles(default_corpus())
    assert not errors
    texts = {article.source: article.text for article in articles}
    return check_claims(extract_articles(articles, {}, ()), None, (), texts, {})


@pytest.mark.parametrize("cell", INJECTIONS, ids=repr)
def test_formula_cells_get_a_leading_apostrophe(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", UNTOUCHED, ids=repr)
def test_numbers_and_plain_text_stay_untouched(cell: str) -> None:
    assert neutralise(cell) == cell


def test_findings_csv_has_a_row_per_finding_in_the_fixed_columns(corpus: CheckResult) -> None:
    frame = read_back(findings_to_csv(corpus))
    assert list(frame.columns) == list(FINDING_COLUMNS)
    assert frame["id"].tolist() == [f.id for f in corpus.findings]
    assert frame["kind"].tolist() == [f.kind for f in corpus.findings]
    assert frame["severity"].tolist() == [f.severity for f in corpus.findings]
    conflict = frame[frame["kind"] == "conflict"].iloc[0]
    assert "6倍" in conflict["quotes"] and "輝達" in conflict["quotes"]  # simplified and traditional
    assert conflict["texts"] == "7.5%; 6倍"


def test_claims_csv_has_a_row_per_claim_with_its_chinese_quote(corpus: CheckResult) -> None:
    frame = read_back(claims_to_csv(corpus.claims))
    assert list(frame.columns) == list(CLAIM_FIELDS)
    assert len(frame) == len(corpus.claims)
    assert frame["quote"].tolist() == [c.quote for c in corpus.claims]


@pytest.mark.parametrize("render", [findings_to_csv, lambda result: claims_to_csv(result.claims)],
                         ids=["findings", "claims"])
def test_bytes_start_with_bom_and_every_line_ends_with_crlf(corpus: CheckResult,
                                                           render: Callable[[CheckResult], bytes]) -> None:
    data = render(corpus)
    assert data.startswith(codecs.BOM_UTF8)
    assert data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n")
    assert data.count(b"\r\n") == len(read_back(data)) + 1  # the corpus quotes hold no line breaks


def test_finding_row_lists_each_claims_quote_source_offsets_value_unit_and_interval() -> None:
    a = claim("a.txt:12", "a.txt", "60%", "分析师称,英特尔的份额约为60%", 60.0, start=12, lower=57.0, upper=63.0)
    b = claim("b.txt:9", "b.txt", "-5%", "有機構稱,英特爾份額下降-5%", -5.0, start=9)
    row = read_back(findings_to_csv(result_of([a, b], entity="英特尔", attribute="market share"))).iloc[0]
    assert (row["kind"], row["severity"], row["explanation"]) == ("conflict", "error", "60% vs 80%")
    assert row["quotes"] == "分析师称,英特尔的份额约为60%; 有機構稱,英特爾份額下降-5%"
    assert (row["texts"], row["sources"], row["offsets"]) == ("60%; -5%", "a.txt; b.txt", "[12, 15); [9, 12)")
    assert (row["values"], row["units"], row["intervals"]) == ("60; -5", "percent; percent", "[57, 63]; [-5, -5]")
    assert (row["claims"], row["entity"], row["attribute"]) == ("a.txt:12; b.txt:9", "英特尔", "market share")


def test_finding_row_gives_the_shared_frame_and_the_unknown_part() -> None:
    frame = {"entity": "BYD", "attribute": "sales", "scope": "whole", "basis": "level", "status": "reported"}
    a = replace(claim("a.txt:0", "a.txt", "60%", "比亚迪2025年销量份额60%", 60.0), time="2025", **frame)
    b = replace(claim("b.txt:0", "b.txt", "80%", "比亚迪销量份额80%", 80.0), time=None, **frame)
    row = read_back(findings_to_csv(result_of([a, b], kind="tension", entity="BYD", attribute="sales"))).iloc[0]
    assert [row[c] for c in ("period", "scope", "basis", "status")] == ["", "whole", "level", "reported"]
    assert row["unknown"] == "period not stated in b.txt"
    row = read_back(findings_to_csv(result_of([a, replace(b, time="2025")]))).iloc[0]
    assert (row["period"], row["unknown"]) == ("2025", "")


def test_hidden_characters_in_text_cells_are_shown_as_escapes() -> None:
    a = claim("a.txt:0", "a.txt", "60%", "份额\u202e约为60%", 60.0)
    b = claim("b.txt:0", "b.txt", "8\u200b0%", "份额80%", 80.0)
    row = read_back(findings_to_csv(result_of([a, b], explanation="'8\u200b0%' vs '60%'"))).iloc[0]
    assert row["quotes"] == "份额⟨U+202E⟩约为60%; 份额80%"
    assert (row["texts"], row["explanation"]) == ("60%; 8⟨U+200B⟩0%", "'8⟨U+200B⟩0%' vs '60%'")
    claims = read_back(claims_to_csv([a, b]))
    assert claims["quote"].tolist() == ["份额⟨U+202E⟩约为60%", "份额80%"]
    assert claims["text"].tolist() == ["60%", "8⟨U+200B⟩0%"]


def payload_result() -> CheckResult:
    """A finding whose every text field is an injection payload."""
    claims = [claim(f"{payload}:0", payload, payload, payload, 1.0) for payload in INJECTIONS[:3]]
    return result_of(claims, id="=1+1", explanation="@SUM(1+1)", entity="=cmd|' /C calc'!A0",
                     attribute=" =1+1", check="+cmd|' /C calc'!A0", fingerprint="-2+3")


def test_payloads_in_findings_and_claims_come_back_neutralised() -> None:
    result = payload_result()
    row = read_back(findings_to_csv(result)).iloc[0]
    for column in ("id", "explanation", "entity", "attribute", "check", "fingerprint", "texts", "quotes", "sources"):
        assert row[column].startswith("'"), column
    assert row["entity"] == "'=cmd|' /C calc'!A0"
    claims = read_back(claims_to_csv(result.claims))
    for column in ("id", "source", "text", "quote"):
        assert all(cell.startswith("'") for cell in claims[column]), column


def soffice() -> str:
    """LibreOffice's binary: skipped when missing, but a failure when ``CI=true``."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required for the CSV round trip when CI=true")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


@pytest.mark.parametrize(("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_missing_libreoffice_skips_except_on_ci(monkeypatch: pytest.MonkeyPatch, ci: str, outcome: type) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome):
        soffice()


def libreoffice_round_trip(tmp_path: Path, files: dict[str, bytes]) -> dict[str, pd.DataFrame]:
    """Each CSV opened in LibreOffice Calc as UTF-8 and saved again as CSV, read back as text."""
    binary = soffice()
    source, target = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for name, data in files.items():
        (source / name).write_bytes(data)
    command = [binary, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
               f"--infilter=CSV:{LIBREOFFICE_FILTER}", "--convert-to",
               f"csv:Text - txt - csv (StarCalc):{LIBREOFFICE_FILTER}", "--outdir", str(target),
               *(str(source / name) for name in files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return {name: read_back((target / name).read_bytes()) for name in files}


def test_libreoffice_keeps_chinese_and_reads_payloads_as_text(corpus: CheckResult, tmp_path: Path) -> None:
    control = "kind,cell\r\nformula,=1+1\r\n".encode("utf-8-sig")  # the same payload, not neutralised
    frames = libreoffice_round_trip(tmp_path, {"control.csv": control, "corpus.csv": findings_to_csv(corpus),
                                               "payloads.csv": findings_to_csv(payload_result())})
    assert frames["control.csv"]["cell"].tolist() == ["2"], "LibreOffice no longer evaluates a raw formula"
    assert frames["corpus.csv"]["quotes"].tolist() == read_back(findings_to_csv(corpus))["quotes"].tolist()
    assert "輝達只能向中國投放性能僅為H200 7.5%的H20晶片" in frames["corpus.csv"]["quotes"].iloc[0]
    row = frames["payloads.csv"].iloc[0]
    assert (row["id"], row["explanation"], row["attribute"]) == ("'=1+1", "'@SUM(1+1)", "' =1+1")
    assert (row["entity"], row["check"]) == ("'=cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")
    assert row["fingerprint"] == "'-2+3"
