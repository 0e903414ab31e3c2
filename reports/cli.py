"""The ``factrecon`` command line: glue between the library and a renderer.

Heavy libraries (the extractor with pint/opencc, pandas, rich) are imported
inside the commands so that ``factrecon --help`` starts fast.  Expected
failures are ``FactreconError``s, printed as one ``factrecon: error:`` line each.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from factrecon.reports.errors import EXIT_ERROR, EXIT_FINDINGS, FactreconError, OutputError

if TYPE_CHECKING:
    from factrecon.claims.model import Claim
    from factrecon.reconcile import CheckResult

class _Commands(TyperGroup):
    """The one place where an expected failure (``FactreconError``) becomes its line and exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except FactreconError as error:
            report([error])
            ctx.exit(error.exit_code)


app = typer.Typer(
    cls=_Commands,
    name="factrecon",
    help="Extract and reconcile numeric claims in news articles (Chinese and English).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    """Output formats of ``factrecon extract``."""

    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


Files = Annotated[
    list[str] | None,
    typer.Argument(metavar="FILES", help="Article files or directories; none = the sample corpus."),
]
Output = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE, not stdout.")]
Vocab = Annotated[
    list[str] | None,
    typer.Option("--vocab", metavar="DIR", help="Folder of vocabulary TOML files layered on the packaged ones."),
]
Dates = Annotated[
    list[str] | None,
    typer.Option("--date", metavar="FILE=YYYY-MM-DD", help="The date of an article, for 今年, 昨天, 12月5日."),
]


@app.callback()
def _root() -> None:
    """Extract and reconcile numeric claims in news articles (Chinese and English)."""


@app.command()
def extract(
    files: Files = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    output: Output = None,
    vocab: Vocab = None,
    dates: Dates = None,
) -> None:
    """List every numeric claim in the articles, with offsets into the original text."""
    claims, texts, errors = _read_and_extract(files, dates, vocab)
    write_output(render(claims, fmt, texts, to_terminal=output is None), output)
    if errors:
        report(errors)
        raise typer.Exit(EXIT_ERROR)


class CheckFormat(StrEnum):
    """Output formats of ``factrecon check``."""

    table = "table"
    json = "json"
    csv = "csv"


class FailOn(StrEnum):
    """The least urgent finding kind that makes ``check`` exit 1."""

    conflict = "conflict"
    tension = "tension"


FAILING_KINDS = {FailOn.conflict: {"conflict", "arithmetic_bad"},
                 FailOn.tension: {"conflict", "arithmetic_bad", "tension"}}


@app.command()
def check(
    files: Files = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.table,
    output: Output = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 when a finding of this kind (or a more urgent one) exists."),
    ] = None,
    tolerances: Annotated[
        Path | None,
        typer.Option("--tolerances", metavar="FILE", help="TOML file overriding the packaged tolerances."),
    ] = None,
    vocab: Vocab = None,
    dates: Dates = None,
) -> None:
    """Reconcile the claims of several articles: conflicts, tensions, agreements, arithmetic, changes."""
    from factrecon.reports.pipeline import check_claims, parse_dates

    claims, texts, errors = _read_and_extract(files, dates, vocab)
    result = check_claims(claims, tolerances, tuple(vocab or ()), texts, parse_dates(dates or []))
    write_output(render_check(result, fmt, texts, to_terminal=output is None), output)
    if errors:
        report(errors)
        raise typer.Exit(EXIT_ERROR)
    if fail_on is not None and any(finding.kind in FAILING_KINDS[fail_on] for finding in result.findings):
        raise typer.Exit(EXIT_FINDINGS)


def _read_and_extract(files: list[str] | None, dates: list[str] | None,
                      vocab: list[str] | None) -> tuple[list[Claim], dict[str, str], list[FactreconError]]:
    """The claims of the readable articles, each article's text by source, and the input errors."""
    from factrecon.reports.inputs import read_inputs
    from factrecon.reports.pipeline import extract_articles, parse_dates

    articles, errors = read_inputs(files or [])
    claims = extract_articles(articles, parse_dates(dates or []), tuple(vocab or ()))
    return claims, {article.source: article.text for article in articles}, list(errors)


def _terminal(to_terminal: bool) -> tuple[int, bool]:
    """Width and colour for terminal output: colour only on a terminal without NO_COLOR."""
    color = to_terminal and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return shutil.get_terminal_size((120, 24)).columns, color


def render_check(result: CheckResult, fmt: CheckFormat, texts: Mapping[str, str], *, to_terminal: bool) -> bytes:
    """The bytes of a check result in ``fmt``."""
    if fmt is CheckFormat.table:
        from factrecon.reports.findings_terminal import render_findings

        width, color = _terminal(to_terminal)
        return render_findings(result, texts, width=width, color=color).encode("utf-8")
    if fmt is CheckFormat.csv:
        from factrecon.reports.csv_report import findings_to_csv

        return findings_to_csv(result)
    from factrecon.reports.json_report import check_to_json

    return check_to_json(result).encode("utf-8")


def render(claims: Sequence[Claim], fmt: Format, texts: Mapping[str, str], *, to_terminal: bool) -> bytes:
    """The bytes of ``claims`` in ``fmt``; the table is coloured only on a terminal without NO_COLOR."""
    if fmt is Format.table:
        from factrecon.reports.terminal import render_table

        width, color = _terminal(to_terminal)
        return render_table(claims, texts, width=width, color=color).encode("utf-8")
    if fmt is Format.csv:
        from factrecon.reports.csv_report import claims_to_csv

        return claims_to_csv(claims)
    from factrecon.reports.json_report import claims_to_json, claims_to_jsonl

    return (claims_to_jsonl if fmt is Format.jsonl else claims_to_json)(claims).encode("utf-8")


def write_output(data: bytes, path: Path | None) -> None:
    """Write ``data`` to stdout, or atomically to ``path`` (temp file beside it, then rename)."""
    if path is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    temp: str | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as handle:
            temp = handle.name
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except OSError as error:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise OutputError(str(path), (error.strerror or str(error)).lower()) from None


def report(errors: Iterable[FactreconError]) -> None:
    """Print each error as one ``factrecon: error: ...`` line on stderr."""
    for error in errors:
        print(f"factrecon: error: {error}", file=sys.stderr)


def main() -> None:
    """Console-script entry point: UTF-8 output whatever the locale."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    app()
