"""Findings as rich text for an editor at a terminal.

Findings are grouped by topic (entity · attribute); topics come in the order of their most urgent
finding (errors, i.e. conflicts and bad arithmetic, then tensions, then the rest) and so do the
findings inside one. Each finding is a panel titled with its verdict's symbol and label (so it
reads the same without colour) and holds the explanation, every claim's place
(``source:line:col``), figure and quote with the number picked out, and the dimmed fingerprint.
A last line counts the findings per kind. Long words fold onto the next line: nothing is cut.
Looks come from ``reports/data/theme.toml``; cell text is literal, never rich markup.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from factrecon.claims.model import Claim
from factrecon.reconcile import KINDS, CheckResult, Finding
from factrecon.reports.terminal import interval, line_col, line_starts, number
from factrecon.reports.theme import Theme, load_theme

URGENCY = {"error": 0, "warning": 1, "note": 2}
"""Severity to sort rank: conflicts and bad arithmetic first, then tensions, then the rest."""
NO_TOPIC = "(no entity or attribute)"
_WIDE = r"\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_TOKEN = re.compile(rf"\s+|[^\s/{_WIDE}]*/|[^\s/{_WIDE}]+|.")
"""A line-breaking unit: blanks, narrow (Latin, digit) characters up to a ``/`` or one wide character."""

Topic = tuple[str | None, str | None]


def findings_summary(result: CheckResult) -> str:
    """``"52 findings: conflict 1, tension 8, ... (117 claims)"``."""
    counts = Counter(finding.kind for finding in result.findings)
    parts = ", ".join(f"{kind} {counts[kind]}" for kind in KINDS if counts[kind])
    noun = "finding" if len(result.findings) == 1 else "findings"
    skipped = len(result.not_compared)
    unjudged = f", {skipped} pair{'s' if skipped != 1 else ''} not compared (frames unknown)" if skipped else ""
    listed = f": {parts}" if parts else ""
    return f"{len(result.findings)} {noun}{listed} ({len(result.claims)} claims{unjudged})"


def by_topic(findings: Sequence[Finding]) -> list[tuple[Topic, list[Finding]]]:
    """The findings grouped by (entity, attribute), most urgent topic and finding first; ties keep
    the findings' order."""
    groups: dict[Topic, list[tuple[tuple[int, int], Finding]]] = {}
    for index, finding in enumerate(findings):
        groups.setdefault((finding.entity, finding.attribute), []).append(
            ((URGENCY[finding.severity], index), finding))
    ordered = sorted((sorted(group, key=lambda item: item[0]) for group in groups.values()),
                     key=lambda group: group[0][0])
    return [((group[0][1].entity, group[0][1].attribute), [finding for _, finding in group]) for group in ordered]


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
        return Wrapped(Text(claim.quote))
    start, end = span
    quote = Text(claim.quote[:start])
    if color:
        quote.append(claim.quote[start:end], style=theme.styles["number"])
    else:
        quote.append(theme.marks[0] + claim.quote[start:end] + theme.marks[1])
    quote.append(claim.quote[end:])
    return Wrapped(quote, (start, len(quote.plain) - len(claim.quote) + end))


def _figure(claim: Claim) -> str:
    shown = f"{number(claim.value)} {claim.unit}".strip() if claim.value is not None else claim.unit
    span = interval(claim)
    return shown if not span or claim.lower == claim.upper == claim.value else f"{shown} {span}"


def _claim(claim: Claim, texts: Mapping[str, str], starts: Mapping[str, list[int]], theme: Theme,
           color: bool) -> list[RenderableType]:
    place = Text()
    place.append(f"{claim.source}:{line_col(starts.get(claim.source), claim.start)}", style=theme.styles["place"])
    figure = f"{claim.text}  = {_figure(claim)}"
    place.append(f"  {figure}")
    quote = _quote(claim, texts.get(claim.source), theme, color)
    return [Wrapped(place, (len(place) - len(figure), len(place))), Padding(quote, (0, 0, 0, 2))]


def _panel(finding: Finding, claims: Mapping[str, Claim], texts: Mapping[str, str],
           starts: Mapping[str, list[int]], theme: Theme, color: bool) -> Panel:
    verdict = theme.verdicts[finding.kind]
    parts: list[RenderableType] = [Text(finding.explanation)]
    if finding.derived:
        parts.append(Text("computed: " + ", ".join(f"{name} {value:.4g}" for name, value in finding.derived)))
    for claim_id in finding.claims:
        parts += _claim(claims[claim_id], texts, starts, theme, color)
    parts.append(Text(f"fingerprint {finding.fingerprint}", style=theme.styles["fingerprint"]))
    return Panel(Group(*parts), title=Text(f"{verdict.badge} {finding.id}", style=verdict.style), title_align="left",
                 border_style=verdict.style, box=box.ROUNDED)


def render_findings(result: CheckResult, texts: Mapping[str, str] | None = None, *, width: int = 120,
                    color: bool = False) -> str:
    """The findings as terminal text; ``texts`` maps each source to its text (for line:col and for
    finding the number inside its quote)."""
    texts = texts or {}
    theme = load_theme()
    console = Console(file=io.StringIO(), width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, emoji=False, markup=False)
    starts = {source: line_starts(text) for source, text in texts.items()}
    claims = {claim.id: claim for claim in result.claims}
    for (entity, attribute), findings in by_topic(result.findings):
        heading = Text()
        heading.append(" · ".join(filter(None, (entity, attribute))) or NO_TOPIC, style=theme.styles["topic"])
        heading.append(f"  {len(findings)} finding{'' if len(findings) == 1 else 's'}")
        console.print(heading)
        for finding in findings:
            console.print(_panel(finding, claims, texts, starts, theme, color))
        console.print()
    console.print(Text(findings_summary(result)))
    output: str = console.file.getvalue()  # type: ignore[attr-defined]
    return output if color else "".join(line.rstrip() + "\n" for line in output.splitlines())
