"""One renderer per output format, chosen by name: claims (``extract``) and check results
(``check``, ``gate``) to the bytes a command writes. Renderers are imported when used, so
``factrecon --help`` stays fast."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factrecon.claims import Claim
    from factrecon.reconcile import CheckResult
    from factrecon.reports.check_terminal import CheckView
    from factrecon.reports.display import Style

CLAIM_FORMATS = ("table", "jsonl", "json", "csv")
CHECK_FORMATS = ("table", "json", "csv", "html", "sarif", "github")
FINDING_KINDS = ("conflict", "arithmetic_bad", "tension", "agreement", "arithmetic_ok", "change", "not_a_conflict")
"""``reconcile.KINDS``, written out so that the command line starts without importing reconcile."""


def terminal_settings(to_terminal: bool) -> tuple[int, bool]:
    """Width and colour for terminal output: colour only on a terminal without NO_COLOR."""
    color = to_terminal and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return shutil.get_terminal_size((120, 24)).columns, color


def render_claims(claims: Sequence[Claim], fmt: str, texts: Mapping[str, str], *, to_terminal: bool,
                  wide: bool = False, numbers: Style = "auto") -> bytes:
    """The bytes of ``claims`` in ``fmt`` (one of ``CLAIM_FORMATS``); ``wide`` and ``numbers`` shape
    the table (see ``reports.terminal``)."""
    if fmt == "table":
        from factrecon.reports.terminal import render_table

        width, color = terminal_settings(to_terminal)
        return render_table(claims, texts, width=width, color=color, wide=wide, numbers=numbers).encode("utf-8")
    if fmt == "csv":
        from factrecon.reports.csv_report import claims_to_csv

        return claims_to_csv(claims)
    from factrecon.reports.json_report import claims_to_json, claims_to_jsonl

    return (claims_to_jsonl if fmt == "jsonl" else claims_to_json)(claims).encode("utf-8")


def render_result(result: CheckResult, fmt: str, texts: Mapping[str, str], *, to_terminal: bool,
                  view: CheckView | None = None) -> bytes:
    """The bytes of a check result in ``fmt`` (one of ``CHECK_FORMATS``); ``view`` shapes the
    table (see ``reports.check_terminal``)."""
    if fmt == "table":
        from factrecon.reports.check_terminal import render_check

        width, color = terminal_settings(to_terminal)
        return render_check(result, texts, width=width, color=color, view=view).encode("utf-8")
    if fmt == "csv":
        from factrecon.reports.csv_report import findings_to_csv

        return findings_to_csv(result)
    if fmt == "html":
        from factrecon.reports.html_report import render_html

        return render_html(result, texts).encode("utf-8")
    if fmt == "sarif":
        from factrecon.reports.sarif_report import render_sarif

        return render_sarif(result, texts).encode("utf-8")
    if fmt == "github":
        from factrecon.reports.github_report import render_github, summary_markdown

        write_step_summary(summary_markdown(result))
        return render_github(result, texts).encode("utf-8")
    from factrecon.reports.json_report import check_to_json

    return check_to_json(result).encode("utf-8")


def write_step_summary(markdown: str) -> None:
    """Append ``markdown`` to ``$GITHUB_STEP_SUMMARY`` when GitHub Actions sets it."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(markdown.rstrip("\n") + "\n")
