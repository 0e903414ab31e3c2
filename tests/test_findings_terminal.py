"""The terminal report of findings: grouped by topic, most urgent first, a symbol per verdict,
readable without colour down to 60 columns; the theme file; the stderr progress bar."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator

import pytest
from rich.cells import cell_len

from factrecon.claims.model import Claim
from factrecon.reconcile import KINDS, CheckResult, Finding
from factrecon.reports.findings_terminal import breaks, by_topic, findings_summary, number_span, render_findings
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


def test_topics_come_by_their_most_urgent_finding_and_findings_inside_by_urgency() -> None:
    findings = (finding(1, "agreement", "A"), finding(2, "tension", "B"), finding(3, "arithmetic_bad", "C"),
                finding(4, "conflict", "B"), finding(5, "change", "A"), finding(6, "arithmetic_ok", "C"))
    groups = by_topic(findings)
    assert [(topic[0], [f.id for f in group]) for topic, group in groups] == [
        ("C", ["F003", "F006"]), ("B", ["F004", "F002"]), ("A", ["F001", "F005"])]
    output = render_findings(one_claim_result(findings), {"a.txt": "60%的份额"})
    assert [output.index(f"F00{n}") for n in (3, 6, 4, 2, 1, 5)] == sorted(output.index(f"F00{n}") for n in range(1, 7))


@pytest.mark.parametrize("width", WIDTHS)
def test_plain_report_loses_nothing_at_any_width(corpus: tuple[CheckResult, dict[str, str]], width: int) -> None:
    result, texts = corpus
    output = render_findings(result, texts, width=width)
    lines = output.splitlines()
    assert "\x1b" not in output
    assert max(cell_len(line) for line in lines) <= width
    assert flat(findings_summary(result)) in flat("".join(lines[-3:]))
    by_id = {claim.id: claim for claim in result.claims}
    ellipses = sum(item.explanation.count("…") + sum(by_id[i].quote.count("…") for i in item.claims)
                   for item in result.findings)
    assert output.count("…") == ellipses  # only those the explanations and quotes have: nothing cut
    for item in result.findings:
        assert any(f"{item.id}" in line for line in lines)
        assert any(f"fingerprint {item.fingerprint}" in line for line in lines)
        assert flat(item.explanation) in flat(output)
        for claim in (by_id[i] for i in item.claims):
            place = f"{claim.source}:{line_col(line_starts(texts[claim.source]), claim.start)}"
            assert flat(place) in flat(output)
            assert any(f"«{claim.text}»" in line for line in lines), claim.text  # the number is never split
            assert any(f"{claim.text}  = " in line for line in lines), claim.text


def test_every_verdict_shows_its_symbol_and_label(corpus: tuple[CheckResult, dict[str, str]]) -> None:
    result, texts = corpus
    output = render_findings(result, texts, width=120)
    theme = load_theme()
    for item in result.findings:
        assert f"{theme.verdicts[item.kind].badge} {item.id}" in output
    assert len({theme.verdicts[kind].badge for kind in KINDS}) == len(KINDS)


def test_last_line_counts_findings_per_kind(corpus: tuple[CheckResult, dict[str, str]]) -> None:
    result, texts = corpus
    last = render_findings(result, texts, width=200).rstrip().splitlines()[-1]
    assert last == findings_summary(result)
    assert last.startswith(f"{len(result.findings)} findings: conflict 1, arithmetic_bad 1, tension ")


def test_colour_styles_the_number_instead_of_marking_it(corpus: tuple[CheckResult, dict[str, str]]) -> None:
    result, texts = corpus
    output = render_findings(result, texts, width=120, color=True)
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
