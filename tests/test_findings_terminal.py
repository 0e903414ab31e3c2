"""The terminal report of findings: summary first, what needs an editor one line each, panels on
request, a symbol per verdict, readable without colour down to 60 columns; the theme file; the
stderr progress bar."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator

import pytest
from rich.cells import cell_len

from factrecon.claims.model import Claim
from factrecon.reconcile import KINDS, CheckResult, Finding
from factrecon.reports.check_terminal import CheckView, render_check
from factrecon.reports.display import shown
from factrecon.reports.findings_terminal import breaks, findings_summary, number_span
from factrecon.reports.inputs import default_corpus, read_articles
from factrecon.reports.pipeline import check_claims, extract_articles
from factrecon.reports.progress import MIN_ITEMS, progress
from factrecon.reports.terminal import line_col, line_starts
from factrecon.reports.theme import ThemeError, load_theme, parse_theme

WIDTHS = (60, 80, 120)
BORDERS = re.compile(r"[\s│╭╮╰╯─]+")
BREAKS = (  # (text, width, keep, offsets a line starts at)
    ("ab cd", 3, None, [3]),
    ("显存为141GB", 7, None, [3]),
    ("显存为141GB", 7, (2, 8), [2]),
    ("显存为141GB", 4, None, [2, 3, 7]),
    ("仅«148 TFLOPS»的", 12, (1, 13), [1, 13]),
    ("a/b/c.txt:1:2", 4, None, [4, 8, 12]),
    ("x\ny", 80, None, [2]),
)


@pytest.fixture(scope="module")
def corpus() -> tuple[CheckResult, dict[str, str]]:
    articles, errors = read_articles(default_corpus())
    assert not errors
    texts = {article.source: article.text for article in articles}
    return check_claims(extract_articles(articles, {}, ()), None, (), texts, {}), texts


def finding(number: int, kind: str, topic: str) -> Finding:
    return Finding(id=f"F{number:03d}", kind=kind, claims=("a.txt:0",), explanation=f"{kind} about {topic}",  # type: ignore[arg-type]
                   fingerprint=f"fr1:{number}", check="values", entity=topic, attribute="share")


def one_claim_result(findings: tuple[Finding, ...]) -> CheckResult:
    claim = Claim(id="a.txt:0", source="a.txt", start=0, end=3, text="60%", quote="60%的份额", value=60.0, lower=60.0,
                  upper=60.0, precision=None, unit="percent", qualifier="exact", lang="zh-Hans")
    return CheckResult((claim,), findings)


def flat(text: str) -> str:
    """``text`` without whitespace and panel borders: what wrapping may not lose."""
    return BORDERS.sub("", text)


def report(result: CheckResult, texts: dict[str, str], width: int = 120, color: bool = False, **view: object) -> str:
    return render_check(result, texts, width=width, color=color, view=CheckView(**view))  # type: ignore[arg-type]


@pytest.mark.parametrize("width", WIDTHS)
def test_summary_comes_first_then_what_needs_an_editor_one_line_each(
        corpus: tuple[CheckResult, dict[str, str]], width: int) -> None:
    result, texts = corpus
    lines = report(result, texts, width).splitlines()
    assert max(cell_len(line) for line in lines) <= width
    opening = f"3 articles · {len(result.claims)} claims · {len(result.findings)} findings: "
    assert " ".join(lines[:3]).startswith(opening)
    first_finding = min(index for index, line in enumerate(lines) if re.match(r"F\d{3} ", line))
    assert any("Needs an editor: 11" == line for line in lines[:first_finding])
    urgent = [f.id for f in result.findings if f.kind in ("conflict", "arithmetic_bad", "tension")]
    rows = [line.split()[0] for line in lines if re.match(r"F\d{3} ", line)]
    assert rows == urgent  # one line per finding, in the result's order; agreements only counted
    assert "Also found: 11 agreements, 11 arithmetic checks that hold, 3 changes" in " ".join(lines)


def test_verbose_lists_agreements_and_changes_one_line_each(corpus: tuple[CheckResult, dict[str, str]]) -> None:
    result, texts = corpus
    rows = [line.split()[0] for line in report(result, texts, verbose=True).splitlines() if re.match(r"F\d{3} ", line)]
    assert rows == [f.id for f in result.findings]


def test_kind_and_entity_filters_choose_what_is_listed(corpus: tuple[CheckResult, dict[str, str]]) -> None:
    result, texts = corpus
    output = report(result, texts, kinds=("agreement",), entity="h200", verbose=True)
    rows = [line.split()[0] for line in output.splitlines() if re.match(r"F\d{3} ", line)]
    expected = [f.id for f in result.findings if f.kind == "agreement" and "h200" in (f.entity or "").lower()]
    assert rows == expected and len(expected) >= 3
    assert f"Listing {len(expected)} of {len(result.findings)} findings (agreement; entity containing 'h200')" in output


def test_a_finding_alone_in_full(corpus: tuple[CheckResult, dict[str, str]]) -> None:
    result, texts = corpus
    output = report(result, texts, finding="F001")
    assert "✗ CONFLICT F001" in output and "F002" not in output and "Needs an editor" not in output
    assert f"fingerprint {result.findings[0].fingerprint}" in output


@pytest.mark.parametrize("width", WIDTHS)
def test_details_lose_nothing_at_any_width(corpus: tuple[CheckResult, dict[str, str]], width: int) -> None:
    result, texts = corpus
    output = report(result, texts, width, details=True, verbose=True)
    lines = output.splitlines()
    assert "\x1b" not in output
    assert max(cell_len(line) for line in lines) <= width
    by_id = {claim.id: claim for claim in result.claims}
    details = output[output.index("╭"):]
    ellipses = sum(item.explanation.count("…") + sum(by_id[i].quote.count("…") for i in item.claims)
                   for item in result.findings)
    assert details.count("…") == ellipses  # only those the explanations and quotes have: nothing cut
    for item in result.findings:
        assert f"fingerprint {item.fingerprint}" in details
        assert flat(item.explanation) in flat(details)
        for claim in (by_id[i] for i in item.claims):
            place = f"{claim.source}:{line_col(line_starts(texts[claim.source]), claim.start)}"
            assert flat(place) in flat(details)
            assert f"«{claim.text}»" in details, claim.text  # the number is never split
            assert f"{claim.text}  = {shown(claim)}" in flat(details) or any(
                f"{claim.text}  = " in line for line in details.splitlines()), claim.text


def test_every_verdict_shows_its_symbol_and_label(corpus: tuple[CheckResult, dict[str, str]]) -> None:
    result, texts = corpus
    output = report(result, texts, details=True)
    theme = load_theme()
    for item in result.findings:
        assert f"{theme.verdicts[item.kind].badge} {item.id}" in output
    assert len({theme.verdicts[kind].badge for kind in KINDS}) == len(KINDS)


def test_findings_summary_counts_findings_per_kind(corpus: tuple[CheckResult, dict[str, str]]) -> None:
    result, _ = corpus
    counted = f"{len(result.findings)} findings: conflict 1, arithmetic_bad 1, tension "
    assert findings_summary(result).startswith(counted)


def test_colour_styles_the_number_instead_of_marking_it(corpus: tuple[CheckResult, dict[str, str]]) -> None:
    result, texts = corpus
    output = report(result, texts, color=True, finding="F001")
    assert "\x1b[1;7m7.5%\x1b[0m" in output  # bold reverse
    assert "«" not in output and "✗ CONFLICT F001" in output


def test_number_is_found_at_its_own_place_in_a_quote_that_repeats_it() -> None:
    text = "去年25%,今年仍是25%。"
    second = Claim(id="a:10", source="a", start=10, end=13, text="25%", quote=text, value=25.0, lower=25.0,
                   upper=25.0, precision=None, unit="percent", qualifier="exact", lang="zh-Hans")
    assert number_span(second, text) == (10, 13)
    assert number_span(second, None) == (2, 5)  # without the article: the first occurrence


@pytest.mark.parametrize(("text", "width", "keep", "offsets"), BREAKS, ids=[case[0] for case in BREAKS])
def test_lines_break_at_blanks_and_wide_characters_never_inside_the_kept_span(
        text: str, width: int, keep: tuple[int, int] | None, offsets: list[int]) -> None:
    assert breaks(text, width, keep) == offsets


def test_packaged_theme_has_every_kind() -> None:
    assert set(load_theme().verdicts) == set(KINDS)


def theme_without(kind: str, *, extra: str = "") -> str:
    tables = "".join(f'[verdict.{k}]\nsymbol = "{i}"\nlabel = "{k}"\n' for i, k in enumerate(KINDS) if k != kind)
    parts = 'topic = ""\nplace = ""\nnumber = "bold"\nfingerprint = "dim"\n'
    return f'{tables}{extra}\n[style]\n{parts}[plain]\nnumber = ["«", "»"]\n'


@pytest.mark.parametrize(("text", "message"), [
    (theme_without("change"), "theme.toml:verdict.change: missing"),
    (theme_without("change", extra='[verdict.change]\nsymbol = "0"\nlabel = "conflict"\n'),
     "theme.toml:verdict.change: same symbol and label as verdict.conflict"),
    (theme_without("change", extra='[verdict.change]\nsymbol = "→"\nlabel = "C"\nstyle = "bold nocolour"\n'),
     "theme.toml:verdict.change.style:"),
    (theme_without("") + '[verdict.bogus]\nsymbol = "?"\nlabel = "B"\n', "theme.toml:verdict.bogus: unknown kind"),
    (theme_without("").replace('number = ["«", "»"]', 'number = "«"'), "theme.toml:plain.number:"),
])
def test_malformed_theme_names_file_and_key(text: str, message: str) -> None:
    with pytest.raises(ThemeError, match="^" + re.escape(message)):
        parse_theme(text)


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def counted(n: int) -> Iterator[int]:
    yield from range(n)


def test_progress_passes_items_through_silently_when_stderr_is_not_a_terminal(
        monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert list(progress(range(10), "extracting")) == list(range(10))
    assert list(progress(counted(10), "extracting", total=10)) == list(range(10))
    assert stderr.getvalue() == ""


def test_progress_draws_a_bar_on_a_terminal_only_past_a_few_items(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert list(progress(range(MIN_ITEMS), "few")) == list(range(MIN_ITEMS))
    assert list(progress(counted(10), "unknown length")) == list(range(10))
    assert stderr.getvalue() == ""
    items = [object() for _ in range(MIN_ITEMS + 1)]
    assert list(progress(items, "extracting")) == items
    assert "extracting" in stderr.getvalue()
