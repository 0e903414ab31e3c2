"""Findings as one self-contained HTML page: the articles side by side with every claim
highlighted in the colour of its most urgent verdict, and a findings list whose entries select
their claims, filterable by kind and entity.

Each finding names the frame its claims share and the parts a claim leaves unknown.  The page
needs no network: CSS and JS are inline and a Content-Security-Policy allows only those (by
hash).  All text goes through Jinja's autoescaping, and hidden characters (bidirectional
controls, zero-width and other format characters) are shown as ``⟨U+202E⟩``: every printed value
passes ``visible``, and article text is cut at claim offsets before that, so marks stay on their
figures.  Data reaches the script only as HTML attributes.  Output is deterministic: the same
result and texts give the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import jinja2
from markupsafe import Markup

from factrecon.claims.model import Claim
from factrecon.reconcile import KINDS, CheckResult, Finding
from factrecon.reports.finding_frame import FindingFrame, finding_frame
from factrecon.reports.terminal import line_col, line_starts
from factrecon.reports.visible import visible

TEMPLATE = "report.html.j2"
NO_VERDICT = "none"


@dataclass(frozen=True, slots=True)
class Mark:
    """One claim's highlight: its element id, its verdict (a finding kind or ``none``) and the
    element ids of the findings that list it, most urgent first."""

    anchor: str
    claim: Claim
    verdict: str
    findings: tuple[str, ...]
    place: str


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of article text, the opening of a mark, or (``close``) the end of the open mark."""

    text: str = ""
    mark: Mark | None = None
    close: bool = False


@dataclass(frozen=True, slots=True)
class Column:
    """One article: its text as tokens, and the marks whose offsets fall outside the text."""

    source: str
    lang: str  # the language most of its claims are in; "" when it has none
    tokens: tuple[Token, ...]
    unplaced: tuple[Mark, ...]
    claims: int


@dataclass(frozen=True, slots=True)
class Entry:
    """One finding in the list: its element id, entity option index, the frame its claims share,
    and its claims' marks (a claim id the result does not hold is kept as ``missing``)."""

    anchor: str
    finding: Finding
    entity: str
    frame: FindingFrame
    marks: tuple[Mark, ...]
    missing: tuple[str, ...]


def render_html(result: CheckResult, texts: Mapping[str, str]) -> str:
    """The report page for ``result``; ``texts`` maps each source to its original text."""
    rank = {kind: index for index, kind in enumerate(KINDS)}
    anchors = {finding.id: f"f{number}" for number, finding in enumerate(result.findings, start=1)}
    listed: dict[str, list[Finding]] = {}
    for finding in result.findings:
        for claim_id in finding.claims:
            listed.setdefault(claim_id, []).append(finding)
    starts = {source: line_starts(text) for source, text in texts.items()}
    marks: dict[str, Mark] = {}
    for number, claim in enumerate(result.claims, start=1):
        urgent = sorted(listed.get(claim.id, []), key=lambda finding: rank[finding.kind])
        marks[claim.id] = Mark(f"c{number}", claim, urgent[0].kind if urgent else NO_VERDICT,
                               tuple(dict.fromkeys(anchors[finding.id] for finding in urgent)),
                               f"{claim.source}:{line_col(starts.get(claim.source), claim.start)}")
    sources = list(texts) + sorted({claim.source for claim in result.claims} - set(texts))
    columns = [_column(source, texts.get(source, ""), [m for m in marks.values() if m.claim.source == source])
               for source in sources]
    entities = sorted({finding.entity or "" for finding in result.findings})
    by_id = {claim.id: claim for claim in result.claims}
    entries = [Entry(anchors[finding.id], finding, str(entities.index(finding.entity or "")),
                     finding_frame(finding, by_id),
                     tuple(marks[i] for i in finding.claims if i in marks),
                     tuple(i for i in finding.claims if i not in marks))
               for finding in result.findings]
    counts = {kind: sum(finding.kind == kind for finding in result.findings) for kind in KINDS}
    return _environment().get_template(TEMPLATE).render(
        columns=columns, entries=entries, entities=entities, claims=len(result.claims),
        kinds=[(kind, count) for kind, count in counts.items() if count])


def _column(source: str, text: str, marks: Sequence[Mark]) -> Column:
    """``text`` cut into tokens around ``marks``; a mark that starts inside another but ends
    beyond it is cut short at the other's end, so every mark is placed once and nests."""
    tokens: list[Token] = []
    unplaced: list[Mark] = []
    position = 0
    ends: list[int] = []  # ends of the open marks, innermost last

    def advance(to: int) -> None:
        nonlocal position
        if to > position:
            tokens.append(Token(text=text[position:to]))
            position = to

    for mark in sorted(marks, key=lambda m: (m.claim.start, -m.claim.end, m.anchor)):
        if mark.claim.end > len(text):
            unplaced.append(mark)
            continue
        while ends and ends[-1] <= mark.claim.start:
            advance(ends.pop())
            tokens.append(Token(close=True))
        advance(mark.claim.start)
        tokens.append(Token(mark=mark))
        ends.append(min([mark.claim.end, *ends[-1:]]))
    while ends:
        advance(ends.pop())
        tokens.append(Token(close=True))
    advance(len(text))
    langs = Counter(mark.claim.lang for mark in marks).most_common(1)
    return Column(source, langs[0][0] if langs else "", tuple(tokens), tuple(unplaced), len(marks))


def _csp_hash(source: str) -> Markup:
    """The Content-Security-Policy source expression allowing exactly this inline code."""
    digest = hashlib.sha256(str(source).encode("utf-8")).digest()
    return Markup(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")


def _shown(value: object) -> object:
    """A printed value as a person should see it: text with hidden characters escaped (markup
    the template made itself, such as the inline style and script, is left alone)."""
    return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("factrecon.reports", "templates"), autoescape=True, finalize=_shown,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters["csp_hash"] = _csp_hash
    return environment
