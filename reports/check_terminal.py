"""A check result for an editor at a terminal, summary first.

A header counts articles, claims, findings by kind and pairs not compared, then names the
articles the listed findings cite, each with a short key. A table lists what needs an editor
(conflicts, bad arithmetic, tensions), one line per finding: its id, verdict, what it is about
(entity · measure · period), the figures with where they stand (``7.5% b:12``: key and line)
and the difference in one phrase. Agreements, sound arithmetic and changes follow as counts, or
one line each with ``verbose``. ``details`` adds every listed finding's full panel
(``reports.findings_terminal``), ``finding`` shows one. Readable without colour and at 80
columns: a narrow terminal drops the difference column first.
"""

from __future__ import annotations

import io
import re
import string
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from factrecon.claims.model import Claim
from factrecon.reconcile import KINDS, CheckResult, Finding
from factrecon.reports.display import Style, plain, shown
from factrecon.reports.findings_terminal import finding_panel
from factrecon.reports.terminal import line_col, line_starts
from factrecon.reports.theme import Theme, load_theme
from factrecon.reports.visible import visible

NEEDS_EDITOR: tuple[str, ...] = ("conflict", "arithmetic_bad", "tension")
NAMES: Mapping[str, tuple[str, str]] = {
    "conflict": ("conflict", "conflicts"), "arithmetic_bad": ("failed arithmetic check", "failed arithmetic checks"),
    "tension": ("tension", "tensions"), "agreement": ("agreement", "agreements"),
    "arithmetic_ok": ("arithmetic check that holds", "arithmetic checks that hold"),
    "change": ("change", "changes"),
    "not_a_conflict": ("figure that is not a conflict", "figures that are not conflicts"),
}
"""How the collapsed line names a count of each kind, one and several."""
COLUMNS: tuple[str, ...] = ("id", "verdict", "about", "figures", "difference")
CAPS: Mapping[str, int] = {"about": 34, "figures": 40}
DIFFERENCE_MIN = 18
SHRUNK_MIN = 20
_REASON = re.compile(r"Probably one quantity, but (.+?)\.?$")
_DIFFER = re.compile(r"differ by ([0-9.,]+×)")


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckView:
    """What the report shows: ``kinds`` and ``entity`` filter the findings listed (the header
    always counts all); ``verbose`` lists agreements and changes one line each; ``details`` adds
    every listed finding's panel; ``finding`` shows only that finding's panel."""

    kinds: tuple[str, ...] = ()
    entity: str | None = None
    verbose: bool = False
    details: bool = False
    finding: str | None = None
    numbers: Style = "auto"


def source_keys(sources: Sequence[str]) -> dict[str, str]:
    """A short key per source in order: ``a`` … ``z``, then ``aa``, ``ab`` …"""
    letters = string.ascii_lowercase
    keys = {}
    for index, source in enumerate(sources):
        key = letters[index % 26]
        if index >= 26:
            key = letters[index // 26 - 1] + key
        keys[source] = key
    return keys


def header(result: CheckResult, sources: Sequence[str]) -> str:
    """``3 articles · 117 claims · 37 findings: conflict 1, tension 9 … · 2 pairs not compared``."""
    counts = Counter(finding.kind for finding in result.findings)
    parts = ", ".join(f"{kind} {counts[kind]}" for kind in KINDS if counts[kind])
    skipped, total = len(result.not_compared), len(result.findings)
    findings = f"{total} finding{'' if total == 1 else 's'}" + (f": {parts}" if parts else "")
    return " · ".join((f"{len(sources)} article{'' if len(sources) == 1 else 's'}", f"{len(result.claims)} claims",
                       findings, f"{skipped} pair{'' if skipped == 1 else 's'} not compared (frames unknown)"))


def selected(findings: Sequence[Finding], view: CheckView) -> list[Finding]:
    """The findings ``view`` lists, in the result's order."""
    wanted = [finding for finding in findings if not view.kinds or finding.kind in view.kinds]
    if view.entity:
        needle = view.entity.casefold()
        wanted = [finding for finding in wanted if needle in (finding.entity or "").casefold()]
    return wanted


def about(finding: Finding, claims: Sequence[Claim]) -> str:
    """``BYD · sales · 2025``: the entity, measure and the period(s) of the finding's figures."""
    periods = list(dict.fromkeys((claim.time or "?").replace(" (implied)", "*") for claim in claims))
    period = " / ".join(periods) if any(period != "?" for period in periods) else ""
    return " · ".join(part for part in (finding.entity, finding.attribute, period) if part) or "—"


def figures(claims: Sequence[Claim], keys: Mapping[str, str], starts: Mapping[str, list[int]],
            numbers: Style) -> str:
    """``7.5% b:12 vs 6倍 a:27``: each figure as shown, with its source's key and line."""
    placed = [f"{shown(claim, numbers)} {keys.get(claim.source, '?')}:"
              f"{line_col(starts.get(claim.source), claim.start).split(':')[0]}" for claim in claims]
    return " vs ".join(placed) if len(placed) == 2 else " · ".join(placed)


def difference(finding: Finding, claims: Sequence[Claim], keys: Mapping[str, str] | None = None) -> str:
    """The difference in one phrase: what a tension leaves unknown, how far two figures lie apart,
    or what the arithmetic found (the last clause of the explanation); sources are named by their
    ``keys``."""
    explanation = " ".join(finding.explanation.split())
    for source, key in sorted((keys or {}).items(), key=lambda item: -len(PurePath(item[0]).name)):
        explanation = explanation.replace(PurePath(source).name, key)
    if finding.kind == "tension" and (reason := _REASON.search(explanation)):
        return reason.group(1)
    if len(claims) == 2 and finding.kind in ("conflict", "tension", "agreement", "change"):
        apart = _apart(*claims)
        if apart:
            return apart
    if (differ := _DIFFER.search(explanation)) is not None:
        return f"differ by {differ.group(1)}"
    return re.split(r"[:;] ", explanation)[-1].rstrip(".")


def _apart(first: Claim, second: Claim) -> str | None:
    """``0.63 pp apart`` for two percentages, ``1.1% apart`` or ``2.22× apart`` for two figures of
    one unit; None for figures of different units or with no value."""
    if first.unit != second.unit or first.value is None or second.value is None:
        return None
    low, high = sorted((abs(first.value), abs(second.value)))
    if first.unit == "percent":
        return f"{plain(high - low)} pp apart" if high != low else "the same"
    if low == 0:
        return None
    ratio = high / low
    return f"{plain(round(ratio, 2))}× apart" if ratio >= 2 else f"{plain(round((ratio - 1) * 100, 2))}% apart"


def _fit(rows: Sequence[Mapping[str, str]], width: int) -> dict[str, int]:
    """Column widths: id and verdict whole; about and figures up to their caps; the difference the
    rest, or at least ``DIFFERENCE_MIN`` taken from the other two while they keep ``SHRUNK_MIN``
    each; a terminal narrower than that drops the difference."""
    widths = {name: min(max([cell_len(name), *(cell_len(row[name]) for row in rows)]), CAPS.get(name, 10**6))
              for name in COLUMNS if name != "difference"}
    room = width - widths["id"] - widths["verdict"] - 2 * len(COLUMNS) - 1
    wanted = widths["about"] + widths["figures"]
    if room - wanted >= DIFFERENCE_MIN:
        return {**widths, "difference": room - wanted}
    shared = room - DIFFERENCE_MIN if room - DIFFERENCE_MIN >= 2 * SHRUNK_MIN else room + 2
    widths["about"] = max(min(widths["about"], shared * widths["about"] // wanted), min(SHRUNK_MIN, shared // 2))
    widths["figures"] = shared - widths["about"]
    return {**widths, "difference": DIFFERENCE_MIN} if shared == room - DIFFERENCE_MIN else widths


def _table(rows: Sequence[Mapping[str, str]], width: int, styles: Mapping[str, str]) -> Table:
    widths = _fit(rows, width)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0), header_style="bold")
    for name, size in widths.items():
        table.add_column(name, width=size, no_wrap=True, overflow="ellipsis")
    for row in rows:
        table.add_row(*(Text(row[name], style=styles.get(row["kind"], "") if name == "verdict" else "")
                        for name in widths))
    return table


def render_check(result: CheckResult, texts: Mapping[str, str] | None = None, *, width: int = 120,
                 color: bool = False, view: CheckView | None = None) -> str:
    """The check result as terminal text, summary first (see the module's docstring)."""
    texts, view = texts or {}, view or CheckView()
    theme = load_theme()
    console = Console(file=io.StringIO(), width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, emoji=False, markup=False)
    sources = list(dict.fromkeys([*texts, *(claim.source for claim in result.claims)]))
    starts = {source: line_starts(text) for source, text in texts.items()}
    claims = {claim.id: claim for claim in result.claims}
    if view.finding is not None:
        chosen = [finding for finding in result.findings if finding.id == view.finding]
        for finding in chosen:
            console.print(finding_panel(finding, claims, texts, starts, theme, color))
        return _output(console, color)
    console.print(Text(header(result, sources)))
    listed = selected(result.findings, view)
    rows_of = listed if view.verbose or view.details else [f for f in listed if f.kind in NEEDS_EDITOR]
    cited = {claims[claim_id].source for finding in rows_of for claim_id in finding.claims if claim_id in claims}
    keys = source_keys([source for source in sources if source in cited])
    for source, key in keys.items():
        console.print(Text(f"  {key}  {visible(source)}"), overflow="fold")
    if view.kinds or view.entity:
        chosen_by = "; ".join(filter(None, (", ".join(view.kinds), f"entity containing {view.entity!r}" if view.entity
                                            else "")))
        console.print(Text(f"Listing {len(listed)} of {len(result.findings)} findings ({chosen_by})"))
    urgent = [finding for finding in listed if finding.kind in NEEDS_EDITOR]
    console.print()
    console.print(Text(f"Needs an editor: {len(urgent)}", style="bold"))
    if urgent:
        console.print(_table(_rows(urgent, claims, keys, starts, theme, view), width, _styles(theme)))
    rest = [finding for finding in listed if finding.kind not in NEEDS_EDITOR]
    counts = Counter(finding.kind for finding in rest)
    also = ", ".join(f"{counts[kind]} {NAMES[kind][counts[kind] != 1]}" for kind in KINDS if counts[kind])
    if also:
        console.print(Text(f"Also found: {also}" + ("" if view.verbose else " (-v lists them)")))
        if view.verbose:
            console.print(_table(_rows(rest, claims, keys, starts, theme, view), width, _styles(theme)))
    if view.details:
        for finding in listed:
            console.print(finding_panel(finding, claims, texts, starts, theme, color))
    else:
        console.print(Text("Details: --details for every finding in full, --finding ID for one."))
    return _output(console, color)


def _styles(theme: Theme) -> dict[str, str]:
    return {kind: verdict.style for kind, verdict in theme.verdicts.items()}


def _rows(findings: Sequence[Finding], claims: Mapping[str, Claim], keys: Mapping[str, str],
          starts: Mapping[str, list[int]], theme: Theme, view: CheckView) -> list[dict[str, str]]:
    rows = []
    for finding in findings:
        involved = [claims[claim_id] for claim_id in finding.claims if claim_id in claims]
        row = {"id": finding.id, "verdict": theme.verdicts[finding.kind].badge, "about": about(finding, involved),
               "figures": figures(involved, keys, starts, view.numbers),
               "difference": difference(finding, involved, keys)}
        rows.append({"kind": finding.kind, **{name: visible(cell) for name, cell in row.items()}})
    return rows


def _output(console: Console, color: bool) -> str:
    output: str = console.file.getvalue()  # type: ignore[attr-defined]
    return output if color else "".join(line.rstrip() + "\n" for line in output.splitlines())
