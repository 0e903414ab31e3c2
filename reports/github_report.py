"""Findings for GitHub Actions: workflow-command annotations and a job-summary table.

``render_github`` prints one command per finding at its first claim (``::error`` for conflict and
arithmetic_bad, ``::warning`` for tension, ``::notice`` for the rest), lines and columns as in the
SARIF output (UTF-16 columns), titled with the kind and the frame the claims share, the message
followed by any unknown part. ``summary_markdown`` is a Markdown table for ``$GITHUB_STEP_SUMMARY``.
Hidden characters (bidirectional controls, zero-width and other format characters) are shown as
``⟨U+202E⟩``.
"""

from __future__ import annotations

from collections.abc import Mapping

from factrecon.claims.model import Claim
from factrecon.reconcile import CheckResult
from factrecon.reports.finding_frame import FindingFrame, finding_frame
from factrecon.reports.findings_terminal import findings_summary
from factrecon.reports.positions import LineIndex, claim_region, posix_path
from factrecon.reports.visible import visible

COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    """A command's message as GitHub reads it back: ``%``, CR and LF encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: as data, and ``:`` and ``,`` encoded too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _frames(result: CheckResult) -> dict[str, FindingFrame]:
    """Each finding's shared frame, by finding id."""
    claims: dict[str, Claim] = {claim.id: claim for claim in result.claims}
    return {finding.id: finding_frame(finding, claims) for finding in result.findings}


def render_github(result: CheckResult, texts: Mapping[str, str]) -> str:
    """One workflow command per finding, each ending in a newline; ``texts`` maps each source to its text."""
    indexes = {source: LineIndex.of(text) for source, text in texts.items()}
    claims = {claim.id: claim for claim in result.claims}
    frames = _frames(result)
    lines = []
    for finding in result.findings:
        claim, frame = claims[finding.claims[0]], frames[finding.id]
        properties: list[tuple[str, object]] = [("file", posix_path(claim.source))]
        region = claim_region(claim, indexes)
        if region is not None:
            properties += [("line", region.start_line), ("col", region.start_column),
                           ("endLine", region.end_line), ("endColumn", region.end_column)]
        properties.append(("title", f"{finding.kind}: {frame.words()}" if frame.words() else finding.kind))
        fields = ",".join(f"{name}={escape_property(visible(str(value)))}" for name, value in properties)
        message = "\n".join(filter(None, (finding.explanation, frame.unknown_words())))
        lines.append(f"::{COMMAND[finding.severity]} {fields}::{escape_data(visible(message))}\n")
    return "".join(lines)


def _cell(text: str) -> str:
    """``text`` safe inside a Markdown table cell: hidden characters shown, backslashes and pipes
    escaped, line breaks as spaces."""
    text = visible(text).replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(text.splitlines())


def summary_markdown(result: CheckResult) -> str:
    """A heading, the counts line and (when there are findings) a table of kind, frame, claims and
    explanation (followed by any unknown part)."""
    claims = {claim.id: claim for claim in result.claims}
    frames = _frames(result)
    lines = ["## factrecon check", "", findings_summary(result)]
    if result.findings:
        lines += ["", "| kind | frame | claims | explanation |", "|---|---|---|---|"]
        for finding in result.findings:
            quoted = "; ".join(f"{claims[claim_id].text} ({claim_id})" for claim_id in finding.claims)
            frame = frames[finding.id]
            explained = " ".join(filter(None, (finding.explanation, frame.unknown_words())))
            cells = [finding.kind, frame.words(), quoted, explained]
            lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"
