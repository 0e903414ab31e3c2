"""One finding in full, as a panel for an editor at a terminal (``check --details`` and
``--finding``), and the one-line count of findings per kind.

A panel is titled with its verdict's symbol and label (so it reads the same without colour) and
holds the explanation, every claim's place (``source:line:col``), figure and quote with the
number picked out, and the dimmed fingerprint. Long words fold onto the next line: nothing is cut.
Looks come from ``reports/data/theme.toml``; cell text is literal, never rich markup.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from factrecon.claims.model import Claim
from factrecon.reconcile import KINDS, CheckResult, Finding
from factrecon.reports.display import shown
from factrecon.reports.terminal import line_col
from factrecon.reports.theme import Theme
from factrecon.reports.visible import visible

_WIDE = r"\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_TOKEN = re.compile(rf"\s+|[^\s/{_WIDE}]*/|[^\s/{_WIDE}]+|.")
"""A line-breaking unit: blanks, narrow (Latin, digit) characters up to a ``/`` or one wide character."""



def findings_summary(result: CheckResult) -> str:
    """``"52 findings: conflict 1, tension 8, ... (117 claims)"``."""
    counts = Counter(finding.kind for finding in result.findings)
    parts = ", ".join(f"{kind} {counts[kind]}" for kind in KINDS if counts[kind])
    noun = "finding" if len(result.findings) == 1 else "findings"
    skipped = len(result.not_compared)
    unjudged = f", {skipped} pair{'s' if skipped != 1 else ''} not compared (frames unknown)" if skipped else ""
    listed = f": {parts}" if parts else ""
    return f"{len(result.findings)} {noun}{listed} ({len(result.claims)} claims{unjudged})"


def number_span(claim: Claim, text: str | None) -> tuple[int, int] | None:
    """Where ``claim.text`` sits inside ``claim.quote``: found through the article ``text`` when
    known (exact even when the number recurs in the quote), else its first occurrence."""
    if text is not None:
        begin = text.find(claim.quote, max(0, claim.end - len(claim.quote)), claim.start + len(claim.quote))
        if begin >= 0 and claim.quote[claim.start - begin:claim.end - begin] == claim.text:
            return claim.start - begin, claim.end - begin
    found = claim.quote.find(claim.text)
    return None if found < 0 else (found, found + len(claim.text))


def breaks(plain: str, width: int, keep: tuple[int, int] | None = None) -> list[int]:
    """Offsets at which to break ``plain`` into lines of at most ``width`` cells: at blanks, newlines
    or between wide characters; never inside ``keep`` unless it is wider than a line."""
    if keep and cell_len(plain[keep[0]:keep[1]]) > width:
        keep = None
    tokens: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(plain):
        start, end = match.span()
        if keep and tokens and start < keep[1] and end > keep[0] and tokens[-1][1] > keep[0]:
            tokens[-1] = (tokens[-1][0], end)
        else:
            tokens.append((start, end))
    offsets: list[int] = []
    used = 0
    for start, end in tokens:
        piece = plain[start:end]
        if piece.isspace() and ("\n" in piece or used + cell_len(piece) > width):
            offsets.append(end)
            used = 0
        elif used + cell_len(piece) <= width:
            used += cell_len(piece)
        else:
            if used:
                offsets.append(start)
                used = 0
            for index in range(start, end):  # folds a word wider than the line
                if used and used + cell_len(plain[index]) > width:
                    offsets.append(index)
                    used = 0
                used += cell_len(plain[index])
    return offsets


@dataclass(frozen=True, slots=True)
class Wrapped:
    """``text`` broken to the width it is given, with the span ``keep`` on one line where it fits."""

    text: Text
    keep: tuple[int, int] | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        offsets = breaks(self.text.plain, options.max_width, self.keep)
        for line in self.text.divide(offsets):
            line.rstrip()
            if line.plain or not offsets:
                yield line


def _quote(claim: Claim, text: str | None, theme: Theme, color: bool) -> Wrapped:
    span = number_span(claim, text)
    if span is None:
        return Wrapped(Text(visible(claim.quote)))
    before, number, after = (visible(part) for part in (claim.quote[:span[0]], claim.quote[span[0]:span[1]],
                                                        claim.quote[span[1]:]))
    quote = Text(before)
    if color:
        quote.append(number, style=theme.styles["number"])
    else:
        quote.append(theme.marks[0] + number + theme.marks[1])
    kept = (len(before), len(quote.plain))
    quote.append(after)
    return Wrapped(quote, kept)


def _claim(claim: Claim, texts: Mapping[str, str], starts: Mapping[str, list[int]], theme: Theme,
           color: bool) -> list[RenderableType]:
    place = Text()
    place.append(f"{claim.source}:{line_col(starts.get(claim.source), claim.start)}", style=theme.styles["place"])
    figure = f"{visible(claim.text)}  = {shown(claim)}"
    place.append(f"  {figure}")
    quote = _quote(claim, texts.get(claim.source), theme, color)
    return [Wrapped(place, (len(place) - len(figure), len(place))), Padding(quote, (0, 0, 0, 2))]


def finding_panel(finding: Finding, claims: Mapping[str, Claim], texts: Mapping[str, str],
                  starts: Mapping[str, list[int]], theme: Theme, color: bool) -> Panel:
    """One finding in full: its explanation, computed figures, every claim's place, figure and
    quote with the number picked out, and its fingerprint."""
    verdict = theme.verdicts[finding.kind]
    parts: list[RenderableType] = [Text(visible(finding.explanation))]
    if finding.derived:
        parts.append(Text("computed: " + ", ".join(f"{name} {value:.4g}" for name, value in finding.derived)))
    for claim_id in finding.claims:
        parts += _claim(claims[claim_id], texts, starts, theme, color)
    parts.append(Text(f"fingerprint {finding.fingerprint}", style=theme.styles["fingerprint"]))
    return Panel(Group(*parts), title=Text(f"{verdict.badge} {finding.id}", style=verdict.style), title_align="left",
                 border_style=verdict.style, box=box.ROUNDED)
