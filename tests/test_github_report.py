"""``render_github`` and ``summary_markdown``: GitHub Actions annotations at each finding's first claim,
escaped as the Actions toolkit escapes them, and a Markdown job summary."""

from __future__ import annotations

import pytest

from factrecon.claims.model import Claim
from factrecon.reconcile import CheckResult, Finding
from factrecon.reports.github_report import escape_data, escape_property, render_github, summary_markdown

# Line 2 opens with two emoji: two code points, four UTF-16 code units.
TEXT = "英伟达H200售价约4万美元。\n🚀📈据报道,H20的售价约为1.2万美元。\n"


def claim(number: str, source: str = "news/h20.txt", text: str = TEXT, **frame: str | None) -> Claim:
    start = text.index(number)
    return Claim(id=f"{source}:{start}", source=source, start=start, end=start + len(number), text=number,
                 quote=number, value=1.0, lower=1.0, upper=1.0, precision=1.0, unit="USD", qualifier="exact",
                 lang="zh-Hans", **frame)


PRICE = {"attribute": "price", "scope": "China", "basis": "level", "status": "reported"}
A, B = claim("4万美元", time="2025", **PRICE), claim("1.2万美元", time="2025", **PRICE)
C = claim("15%", source="wire/a,b:c.txt", text="份额为15%")  # its text is not given: no line or column
RESULT = CheckResult((A, B, C), (
    Finding(id="F001", kind="conflict", claims=(A.id, B.id),
            explanation="'4万美元' vs '1.2万美元': 100% apart,\r\nsee both.",
            fingerprint="fr1:0123456789abcdef0123", check="values", entity="NVIDIA H20", attribute="price"),
    Finding(id="F002", kind="tension", claims=(B.id, A.id), explanation="Prices 3 days apart.",
            fingerprint="fr1:1123456789abcdef0123", check="values", entity="AMD, Inc."),
    Finding(id="F003", kind="agreement", claims=(C.id,), explanation="15% | 15% \\ same", origins=2,
            fingerprint="fr1:2123456789abcdef0123", check="values"),
))


@pytest.mark.parametrize(("text", "data", "prop"), [
    ("plain", "plain", "plain"),
    ("50% off", "50%25 off", "50%25 off"),
    ("a\r\nb\nc\r", "a%0D%0Ab%0Ac%0D", "a%0D%0Ab%0Ac%0D"),
    ("conflict: a, b", "conflict: a, b", "conflict%3A a%2C b"),
    ("already %3A", "already %253A", "already %253A"),
])
def test_escaping(text: str, data: str, prop: str) -> None:
    assert (escape_data(text), escape_property(text)) == (data, prop)


def test_one_command_per_finding_at_its_first_claim() -> None:
    assert render_github(RESULT, {"news/h20.txt": TEXT}).splitlines(keepends=True) == [
        "::error file=news/h20.txt,line=1,col=11,endLine=1,endColumn=15,"
        "title=conflict%3A NVIDIA H20 · price · 2025 · China · level · reported"
        "::'4万美元' vs '1.2万美元': 100%25 apart,%0D%0Asee both.\n",
        "::warning file=news/h20.txt,line=2,col=17,endLine=2,endColumn=23,"
        "title=tension%3A AMD%2C Inc. · 2025 · China · level · reported::Prices 3 days apart.\n",
        "::notice file=wire/a%2Cb%3Ac.txt,title=agreement"
        "::15%25 | 15%25 \\ same%0AUnknown: period, scope, basis and status not stated in a,b:c.txt.\n",
    ]


def test_annotations_show_hidden_characters_and_the_unknown_part() -> None:
    text = "英伟达H200售价约4万美元\u202e。\n"
    a, b = claim("4万美元", text=text, time="2025", **PRICE), claim("4万美元", "b.txt", text=text, **PRICE)
    finding = Finding(id="F001", kind="tension", claims=(a.id, b.id), explanation="'4万美元' \u202evs '4万美元'",
                      fingerprint="fr1:0123456789abcdef0123", check="values", entity="NVIDIA\u200bH200",
                      attribute="price")
    assert render_github(CheckResult((a, b), (finding,)), {"news/h20.txt": text, "b.txt": text}) == (
        "::warning file=news/h20.txt,line=1,col=11,endLine=1,endColumn=15,"
        "title=tension%3A NVIDIA⟨U+200B⟩H200 · price · China · level · reported"
        "::'4万美元' ⟨U+202E⟩vs '4万美元'%0AUnknown: period not stated in b.txt.\n")


def test_no_findings_no_commands() -> None:
    assert render_github(CheckResult((A,), ()), {"news/h20.txt": TEXT}) == ""


def test_summary_is_a_markdown_table_with_counts() -> None:
    assert summary_markdown(RESULT) == (
        "## factrecon check\n"
        "\n"
        "3 findings: conflict 1, tension 1, agreement 1 (3 claims)\n"
        "\n"
        "| kind | frame | claims | explanation |\n"
        "|---|---|---|---|\n"
        "| conflict | NVIDIA H20 · price · 2025 · China · level · reported "
        "| 4万美元 (news/h20.txt:10); 1.2万美元 (news/h20.txt:30) | '4万美元' vs '1.2万美元': 100% apart, see both. |\n"
        "| tension | AMD, Inc. · 2025 · China · level · reported "
        "| 1.2万美元 (news/h20.txt:30); 4万美元 (news/h20.txt:10) | Prices 3 days apart. |\n"
        "| agreement |  | 15% (wire/a,b:c.txt:3) "
        "| 15% \\| 15% \\\\ same Unknown: period, scope, basis and status not stated in a,b:c.txt. |\n"
    )


def test_summary_without_findings_has_no_table() -> None:
    assert summary_markdown(CheckResult((), ())) == "## factrecon check\n\n0 findings (0 claims)\n"
