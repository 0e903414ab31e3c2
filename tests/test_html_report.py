"""The HTML report: one self-contained, escaped, deterministic page, checked as a string and
driven in a real headless Chromium (Debian's ``/usr/bin/chromium``, never ``playwright install``).

Under ``CI=true`` a missing Chromium or playwright fails the browser tests instead of skipping
them.  The screenshot goes to ``tmp_path/report.png``, copied to ``$FACTRECON_SCREENSHOT_DIR``
when set.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from factrecon.claims.model import Claim
from factrecon.reconcile import CheckResult, Finding
from factrecon.reports import pipeline
from factrecon.reports.html_report import render_html
from factrecon.reports.inputs import Article, read_inputs

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NASTY = "<script>alert(1)</script> \"'&"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &#34;&#39;&amp;"


class Parsed(HTMLParser):
    """The elements of a page (tag, attributes), its style text, and each article's text as shown."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.articles: list[str] = []
        self.style = ""
        self._into: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag == "div" and attributes.get("class") == "text":
            self.articles.append("")
            self._into = "article"
        elif tag == "style":
            self._into = "style"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("div", "style"):
            self._into = None

    def handle_data(self, data: str) -> None:
        if self._into == "article":
            self.articles[-1] += data
        elif self._into == "style":
            self.style += data

    def marks(self) -> list[dict[str, str]]:
        return [attributes for tag, attributes in self.elements if tag == "mark"]


def check_articles(texts: dict[str, str]) -> CheckResult:
    articles = [Article(source, text, "utf-8") for source, text in texts.items()]
    return pipeline.check_claims(pipeline.extract_articles(articles, {}, ()), None, (), texts, {})


@pytest.fixture(scope="module")
def corpus() -> tuple[CheckResult, dict[str, str]]:
    articles, errors = read_inputs([])
    assert not errors
    texts = {article.source: article.text for article in articles}
    return pipeline.check_claims(pipeline.extract_articles(articles, {}, ()), None, (), texts, {}), texts


@pytest.fixture(scope="module")
def page_html(corpus: tuple[CheckResult, dict[str, str]]) -> str:
    return render_html(*corpus)


def claim(claim_id: str, start: int, end: int, source: str = "a.txt") -> Claim:
    return Claim(id=claim_id, source=source, start=start, end=end, text="x", quote="x", value=1.0, lower=1.0,
                 upper=1.0, precision=1.0, unit="percent", qualifier="exact", lang="en")


def test_every_claim_is_one_mark_with_its_id(corpus: tuple[CheckResult, dict[str, str]], page_html: str) -> None:
    result, _ = corpus
    assert sorted(mark["data-claim"] for mark in Parsed(page_html).marks()) == sorted(c.id for c in result.claims)


def test_marks_take_the_colour_of_their_most_urgent_finding(corpus: tuple[CheckResult, dict[str, str]],
                                                           page_html: str) -> None:
    result, _ = corpus
    verdict = {mark["data-claim"]: mark["data-verdict"] for mark in Parsed(page_html).marks()}
    conflict = next(f for f in result.findings if f.kind == "conflict")
    assert {verdict[i] for i in conflict.claims} == {"conflict"}
    listed = {i for f in result.findings for i in f.claims}
    unlisted = [c.id for c in result.claims if c.id not in listed]
    assert unlisted and {verdict[i] for i in unlisted} == {"none"}
    only_agreed = {i for f in result.findings if f.kind == "agreement" for i in f.claims}
    only_agreed -= {i for f in result.findings if f.kind != "agreement" for i in f.claims}
    assert only_agreed and {verdict[i] for i in only_agreed} == {"agreement"}


def test_article_text_is_shown_exactly(corpus: tuple[CheckResult, dict[str, str]], page_html: str) -> None:
    assert Parsed(page_html).articles == list(corpus[1].values())


def test_escapes_article_text_and_explanations() -> None:
    texts = {"a.txt": f"{NASTY}\nH200显存为141GB。\n", "b&<x>.txt": "H200配备141GB HBM3e内存。\n"}
    result = check_articles(texts)
    assert result.findings
    nasty = replace(result.findings[0], explanation=NASTY, entity=NASTY, attribute=NASTY)
    html = render_html(CheckResult(result.claims, (nasty, *result.findings[1:])), texts)
    parsed = Parsed(html)
    assert "<script>alert" not in html and "\"'&<" not in html
    assert f'<p class="explanation">{ESCAPED}</p>' in html
    assert f'<span class="topic">{ESCAPED} · {ESCAPED}</span>' in html
    assert "<h2>b&amp;&lt;x&gt;.txt <span" in html
    assert [tag for tag, _ in parsed.elements].count("script") == 1
    assert parsed.articles == list(texts.values())
    assert {mark["data-claim"] for mark in parsed.marks()} == {c.id for c in result.claims}


def test_hidden_characters_are_shown_as_escapes_and_marks_stay_on_their_figures() -> None:
    texts = {"a.txt": "英伟达\u202e在中国AI芯片市场的份额约95%。\n",
             "b.txt": "英伟达在中国AI芯片市场的份额约为95%\u200b。\n"}
    result = check_articles(texts)
    html = render_html(result, texts)
    assert "\u202e" not in html and "\u200b" not in html
    assert Parsed(html).articles == ["英伟达⟨U+202E⟩在中国AI芯片市场的份额约95%。\n",
                                     "英伟达在中国AI芯片市场的份额约为95%⟨U+200B⟩。\n"]
    marked = re.findall(r'<mark id="c\d+" data-claim="([^"]+)"[^>]*>([^<]*)</mark>', html)
    assert marked == [(claim.id, claim.text) for claim in result.claims] and len(marked) == 2
    assert 'title="英伟达⟨U+202E⟩在中国AI芯片市场的份额约95%"' in html


def test_finding_cards_show_the_shared_frame_and_the_unknown_part() -> None:
    frame = {"entity": "BYD", "attribute": "sales", "scope": "whole", "basis": "level", "status": "reported"}
    a = replace(claim("a.txt:0", 0, 1), time="2025", **frame)
    b = replace(claim("b.txt:0", 0, 1, "b.txt"), **frame)
    finding = Finding(id="F001", kind="tension", claims=(a.id, b.id), explanation="x", fingerprint="fr1:0",
                      check="values", entity="BYD", attribute="sales")
    html = render_html(CheckResult((a, b), (finding,)), {"a.txt": "1", "b.txt": "1"})
    assert ('<dl class="frame"><div><dt>scope</dt><dd>whole</dd></div><div><dt>basis</dt><dd>level</dd></div>'
            '<div><dt>status</dt><dd>reported</dd></div></dl>') in html
    assert '<p class="unknown">Unknown: period not stated in b.txt</p>' in html
    shared = CheckResult((a, replace(b, time="2025")), (finding,))
    html = render_html(shared, {"a.txt": "1", "b.txt": "1"})
    assert "<dt>period</dt><dd>2025</dd>" in html and 'class="unknown"' not in html


def test_loads_nothing_from_the_network(page_html: str) -> None:
    parsed = Parsed(page_html)
    assert "http://" not in page_html and "https://" not in page_html
    assert not {tag for tag, _ in parsed.elements} & {"link", "img", "iframe", "object", "embed", "base"}
    for tag, attributes in parsed.elements:
        for name in ("src", "href", "action", "srcset", "poster"):
            assert attributes.get(name, "#").startswith("#"), (tag, name, attributes[name])
    assert "url(" not in parsed.style and "@import" not in parsed.style
    policy = next(a["content"] for t, a in parsed.elements if a.get("http-equiv") == "Content-Security-Policy")
    assert policy.startswith("default-src 'none';")


def test_output_is_deterministic(corpus: tuple[CheckResult, dict[str, str]], page_html: str) -> None:
    articles, _ = read_inputs([])
    texts = {article.source: article.text for article in articles}
    again = pipeline.check_claims(pipeline.extract_articles(articles, {}, ()), None, (), texts, {})
    assert render_html(again, texts) == page_html == render_html(*corpus)


def test_overlapping_and_misplaced_claims_are_each_one_mark() -> None:
    text = "up 12.5% to 40%"
    claims = (claim("outer", 3, 8), claim("inner", 3, 5), claim("across", 6, 15), claim("beyond", 90, 95),
              claim("elsewhere", 3, 5, source="missing.txt"))
    finding = Finding(id="F001", kind="change", claims=("outer", "gone"), explanation="e", fingerprint="fr1:x",
                      check="c")
    parsed = Parsed(render_html(CheckResult(claims, (finding,)), {"a.txt": text}))
    assert sorted(mark["data-claim"] for mark in parsed.marks()) == sorted(c.id for c in claims)
    assert parsed.articles == [text, ""]


# --- in a real browser ------------------------------------------------------------------------------------------


def require(available: bool, what: str) -> None:
    """Skip when ``what`` is missing, but fail under ``CI=true``."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what}; CI=true, so the browser tests must run, not skip", pytrace=False)
    pytest.skip(what)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require(os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is missing: install Debian's chromium (apt-get install "
                                          "chromium); never `playwright install`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "the playwright package is missing: pip install 'factrecon[test]'")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def report_url(page_html: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(page_html, encoding="utf-8")
    return path.as_uri()


@pytest.fixture
def page(browser: Any, report_url: str) -> Iterator[tuple[Any, list[str]]]:
    """The loaded report and the console errors and page errors seen so far."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    errors: list[str] = []
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(report_url)
    yield opened, errors
    context.close()


def test_page_loads_without_errors_with_every_claim_highlighted(
        page: tuple[Any, list[str]], corpus: tuple[CheckResult, dict[str, str]]) -> None:
    loaded, errors = page
    assert loaded.locator("mark[data-claim]").count() == len(corpus[0].claims)
    conflict = loaded.locator("mark[data-verdict=conflict]").first
    assert conflict.evaluate("mark => getComputedStyle(mark).backgroundColor") == "rgb(249, 201, 201)"
    assert errors == []


def test_clicking_a_conflict_outlines_its_claims(page: tuple[Any, list[str]],
                                                corpus: tuple[CheckResult, dict[str, str]], tmp_path: Path) -> None:
    from playwright.sync_api import expect

    loaded, errors = page
    conflict = next(f for f in corpus[0].findings if f.kind == "conflict")
    item = loaded.locator("li.finding[data-kind=conflict]").first
    item.click()
    expect(item).to_have_class(re.compile(r"\bselected\b"))
    assert loaded.locator("li.finding.selected").count() == 1
    for claim_id in conflict.claims:
        mark = loaded.locator(f'mark[data-claim="{claim_id}"]')
        expect(mark).to_have_class(re.compile(r"\bselected\b"))
        expect(mark).to_be_in_viewport()
    assert loaded.locator("mark.selected").count() == len(conflict.claims)
    screenshot = tmp_path / "report.png"
    loaded.screenshot(path=str(screenshot))
    assert screenshot.read_bytes().startswith(b"\x89PNG") and screenshot.stat().st_size > 20_000
    if folder := os.environ.get("FACTRECON_SCREENSHOT_DIR"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(screenshot, Path(folder) / "report.png")
    assert errors == []


def test_clicking_a_claim_selects_its_most_urgent_finding(page: tuple[Any, list[str]],
                                                          corpus: tuple[CheckResult, dict[str, str]]) -> None:
    from playwright.sync_api import expect

    loaded, errors = page
    conflict = next(f for f in corpus[0].findings if f.kind == "conflict")
    loaded.locator(f'mark[data-claim="{conflict.claims[0]}"]').click()
    expect(loaded.locator("li.finding.selected .id")).to_have_text(conflict.id)
    assert errors == []


def test_kind_filter_hides_other_findings(page: tuple[Any, list[str]],
                                          corpus: tuple[CheckResult, dict[str, str]]) -> None:
    from playwright.sync_api import expect

    loaded, errors = page
    findings = corpus[0].findings
    loaded.locator("input[name=kind][value=agreement]").uncheck()
    expect(loaded.locator("li.finding[data-kind=agreement]").first).to_be_hidden()
    assert loaded.locator("li.finding:visible").count() == sum(f.kind != "agreement" for f in findings)
    expect(loaded.locator("#shown")).to_have_text(f"{sum(f.kind != 'agreement' for f in findings)} of "
                                                  f"{len(findings)} shown")
    assert errors == []


def test_entity_filter_hides_other_findings(page: tuple[Any, list[str]],
                                            corpus: tuple[CheckResult, dict[str, str]]) -> None:
    loaded, errors = page
    entity = next(f for f in corpus[0].findings if f.kind == "conflict").entity
    loaded.locator("#entity").select_option(label=entity)
    shown = loaded.locator("li.finding:visible .topic").all_inner_texts()
    assert len(shown) == sum(f.entity == entity for f in corpus[0].findings)
    assert all(text.startswith(f"{entity} · ") for text in shown)
    assert errors == []
