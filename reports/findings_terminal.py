"""Findings as rich text for an editor at a terminal: most urgent first, one block per finding
with a symbol per verdict (readable without colour), the claims' words and places, and the
arithmetic in plain words; a last line counts the findings per kind."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Mapping

from rich.console import Console
from rich.text import Text

from factrecon.reconcile import KINDS, CheckResult
from factrecon.reports.terminal import line_col, line_starts

SYMBOL = {
    "conflict": "✗ CONFLICT", "arithmetic_bad": "✗ ARITHMETIC", "tension": "! TENSION", "agreement": "✓ AGREEMENT",
    "arithmetic_ok": "✓ ARITHMETIC OK", "change": "→ CHANGE", "not_a_conflict": "· NOT A CONFLICT",
}
STYLE = {"error": "bold red", "warning": "yellow", "note": "green"}


def findings_summary(result: CheckResult) -> str:
    """``"52 findings: conflict 1, tension 8, ... (117 claims)"``."""
    counts = Counter(finding.kind for finding in result.findings)
    parts = ", ".join(f"{kind} {counts[kind]}" for kind in KINDS if counts[kind])
    noun = "finding" if len(result.findings) == 1 else "findings"
    return f"{len(result.findings)} {noun}" + (f": {parts}" if parts else "") + f" ({len(result.claims)} claims)"


def render_findings(result: CheckResult, texts: Mapping[str, str] | None = None, *, width: int = 120,
                    color: bool = False) -> str:
    """The findings as terminal text; ``texts`` maps each source to its text (for line:col)."""
    texts = texts or {}
    console = Console(file=io.StringIO(), width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, emoji=False, markup=False)
    starts = {source: line_starts(text) for source, text in texts.items()}
    by_id = {claim.id: claim for claim in result.claims}
    for finding in result.findings:
        heading = Text(f"{finding.id} {SYMBOL[finding.kind]}", style=STYLE[finding.severity])
        topic = " · ".join(filter(None, [finding.entity, finding.attribute]))
        if topic:
            heading.append(f"  {topic}")
        console.print(heading)
        console.print(Text(f"  {finding.explanation}"))
        for claim_id in finding.claims:
            claim = by_id[claim_id]
            place = f"{claim.source}:{line_col(starts.get(claim.source), claim.start)}"
            line = Text("    ")
            line.append(claim.text, style="bold cyan")
            line.append(f"  {place}  {claim.quote}")
            console.print(line)
        console.print(Text(f"  fingerprint {finding.fingerprint}", style="dim"))
    console.print(Text(findings_summary(result)))
    output: str = console.file.getvalue()  # type: ignore[attr-defined]
    return output if color else "".join(line.rstrip() + "\n" for line in output.splitlines())
