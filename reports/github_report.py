"""Findings for GitHub Actions: workflow-command annotations and a job-summary table.

``render_github`` prints one command per finding at its first claim (``::error`` for conflict and
arithmetic_bad, ``::warning`` for tension, ``::notice`` for the rest), lines and columns as in the
SARIF output (UTF-16 columns). ``summary_markdown`` is a Markdown table for ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from collections.abc import Mapping

from factrecon.reconcile import CheckResult, Finding
from factrecon.reports.findings_terminal import findings_summary
from factrecon.reports.positions import LineIndex, claim_region, posix_path

COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    """A command's message as GitHub reads it back: ``%``, CR and LF encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: as data, and ``:`` and ``,`` encoded too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def topic(finding: Finding) -> str:
    """``"entity · attribute"``, either part left out when unknown."""
    return " · ".join(filter(None, [finding.entity, finding.attribute]))


def render_github(result: CheckResult, texts: Mapping[str, str]) -> str:
    """One workflow command per finding, each ending in a newline; ``texts`` maps each source to its text."""
    indexes = {source: LineIndex.of(text) for source, text in texts.items()}
    claims = {claim.id: claim for claim in result.claims}
    lines = []
    for finding in result.findings:
        claim = claims[finding.claims[0]]
        properties: list[tuple[str, object]] = [("file", posix_path(claim.source))]
        region = claim_region(claim, indexes)
        if region is not None:
            properties += [("line", region.start_line), ("col", region.start_column),
                           ("endLine", region.end_line), ("endColumn", region.end_column)]
        properties.append(("title", f"{finding.kind}: {topic(finding)}" if topic(finding) else finding.kind))
        fields = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties)
        lines.append(f"::{COMMAND[finding.severity]} {fields}::{escape_data(finding.explanation)}\n")
    return "".join(lines)


def _cell(text: str) -> str:
    """``text`` safe inside a Markdown table cell: backslashes and pipes escaped, line breaks as spaces."""
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(text.splitlines())


def summary_markdown(result: CheckResult) -> str:
    """A heading, the counts line and (when there are findings) a table of kind, topic, claims and explanation."""
    claims = {claim.id: claim for claim in result.claims}
    lines = ["## factrecon check", "", findings_summary(result)]
    if result.findings:
        lines += ["", "| kind | entity · attribute | claims | explanation |", "|---|---|---|---|"]
        for finding in result.findings:
            quoted = "; ".join(f"{claims[claim_id].text} ({claim_id})" for claim_id in finding.claims)
            cells = [finding.kind, topic(finding), quoted, finding.explanation]
            lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"
