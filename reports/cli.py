"""The ``factrecon`` command line: glue between the library and a renderer.

Heavy libraries (the extractor with pint/opencc, pandas, rich) are imported
inside the commands so that ``factrecon --help`` starts fast.  Expected
failures are ``FactreconError``s, printed as one ``factrecon: error:`` line each.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from factrecon.reports.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, FactreconError
from factrecon.reports.output import write_output
from factrecon.reports.render import CHECK_FORMATS, CLAIM_FORMATS, render_claims, render_result

if TYPE_CHECKING:
    from factrecon.claims.model import Claim
    from factrecon.reports.corrections import Correction

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


Format = StrEnum("Format", {name: name for name in CLAIM_FORMATS})  # type: ignore[misc]
CheckFormat = StrEnum("CheckFormat", {name: name for name in CHECK_FORMATS})  # type: ignore[misc]
GateFormat = StrEnum("GateFormat", {name: name for name in ("table", "json", "html", "sarif", "github")})  # type: ignore[misc]


class FailOn(StrEnum):
    """The least urgent finding kind that makes ``check`` or ``gate`` exit 1."""

    conflict = "conflict"
    tension = "tension"


class Status(StrEnum):
    accepted = "accepted"
    under_review = "under-review"


Files = Annotated[
    list[str] | None,
    typer.Argument(metavar="FILES", help="Article files or directories; none = the sample corpus."),
]
Output = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE, not stdout.")]
Vocab = Annotated[
    list[str] | None,
    typer.Option("--vocab", metavar="DIR", help="Folder of vocabulary TOML files layered on the packaged ones."),
]
FailOnOption = Annotated[
    FailOn | None, typer.Option("--fail-on", help="Exit 1 when a finding of this kind (or a more urgent one) exists."),
]
Tolerances = Annotated[
    Path | None, typer.Option("--tolerances", metavar="FILE", help="TOML file overriding the packaged tolerances."),
]
Waivers = Annotated[Path, typer.Option("--waivers", metavar="FILE", help="The reviewed waivers file.")]
DEFAULT_WAIVERS = Path("factrecon-waivers.toml")
Corrections = Annotated[
    Path, typer.Option("--corrections", metavar="FILE", help="Reviewed corrections of misread claims."),
]
DEFAULT_CORRECTIONS = Path("factrecon-corrections.toml")
Dates = Annotated[
    list[str] | None,
    typer.Option("--date", metavar="FILE=YYYY-MM-DD", help="The date of an article, for 今年, 昨天, 12月5日."),
]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"factrecon {version('factrecon')}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Extract and reconcile numeric claims in news articles (Chinese and English).

    Defaults come from factrecon.toml or [tool.factrecon] in pyproject.toml (see README)."""
    from factrecon.reports.config import find_config

    config = find_config(Path.cwd())
    commands = getattr(ctx.command, "commands", {})
    ctx.default_map = {name: config.defaults_for({p.name for p in command.params if p.name})
                       for name, command in commands.items()}


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
    write_output(render_claims(claims, fmt, texts, to_terminal=output is None), output)
    _finish(errors)


@app.command()
def check(
    files: Files = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.table,
    output: Output = None,
    fail_on: FailOnOption = None,
    tolerances: Tolerances = None,
    corrections: Corrections = DEFAULT_CORRECTIONS,
    vocab: Vocab = None,
    dates: Dates = None,
) -> None:
    """Reconcile the claims of several articles: conflicts, tensions, agreements, arithmetic, changes."""
    from factrecon.reports.corrections import apply_corrections, load_corrections
    from factrecon.reports.gate import FAIL_ON
    from factrecon.reports.pipeline import check_claims, parse_dates

    claims, texts, errors = _read_and_extract(files, dates, vocab)
    claims, unused = apply_corrections(claims, load_corrections(corrections))
    result = check_claims(claims, tolerances, tuple(vocab or ()), texts, parse_dates(dates or []))
    _warn_unused(corrections, unused)
    write_output(render_result(result, fmt, texts, to_terminal=output is None), output)
    _finish(errors, failed=fail_on is not None and any(f.kind in FAIL_ON[fail_on] for f in result.findings))


@app.command()
def gate(
    new: Annotated[list[str], typer.Argument(metavar="NEW...", help="The new or edited articles.")],
    corpus: Annotated[Path, typer.Option("--corpus", metavar="DIR", help="The accepted (published) articles.")],
    waivers: Waivers = DEFAULT_WAIVERS,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Least urgent kind that fails the gate.")] = (
        FailOn.conflict),
    strict_waivers: Annotated[bool, typer.Option("--strict-waivers", help="Fail on stale waivers too.")] = False,
    fmt: Annotated[GateFormat, typer.Option("--format", "-f", help="Output format.")] = GateFormat.table,
    output: Output = None,
    tolerances: Tolerances = None,
    corrections: Corrections = DEFAULT_CORRECTIONS,
    vocab: Vocab = None,
    dates: Dates = None,
    cache: Annotated[Path | None, typer.Option("--cache", metavar="DIR", help="Claim cache folder.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Re-read the whole corpus.")] = False,
    today: Annotated[str | None, typer.Option("--today", metavar="YYYY-MM-DD",
                                              help="Judge waiver expiry on this date.")] = None,
) -> None:
    """Fail when NEW articles contradict the accepted corpus (findings inside the corpus never fail)."""
    from factrecon.reports.claim_cache import ClaimCache, default_cache_dir
    from factrecon.reports.corrections import load_corrections
    from factrecon.reports.gate import run_gate
    from factrecon.reports.gate_report import render_gate
    from factrecon.reports.inputs import read_articles
    from factrecon.reports.pipeline import parse_date, parse_dates
    from factrecon.reports.waivers import load_waivers

    if not corpus.is_dir():
        raise FactreconError(f"--corpus {corpus}: not a folder")
    accepted, corpus_errors = read_articles([str(corpus)])
    articles, errors = read_articles(new)
    result = run_gate(articles, accepted, waivers=load_waivers(waivers), fail_on=fail_on,
                      today=parse_date("--today", today) if today else dt.date.today(),
                      vocab=tuple(vocab or ()), dates=parse_dates(dates or []), tolerances=tolerances,
                      corrections=load_corrections(corrections),
                      cache=ClaimCache(None if no_cache else cache or default_cache_dir(), tuple(vocab or ())))
    texts = {article.source: article.text for article in (*accepted, *articles)}
    write_output(render_gate(result, fmt, fail_on, texts, to_terminal=output is None), output)
    for waiver in result.stale:
        print(f"factrecon: warning: {waivers}:{waiver.line}: stale waiver {waiver.fingerprint} matches no finding",
              file=sys.stderr)
    _warn_unused(corrections, result.unused_corrections)
    _finish([*corpus_errors, *errors], failed=not result.passed or bool(strict_waivers and result.stale))


@app.command()
def waive(
    fingerprint: Annotated[str, typer.Argument(metavar="FINGERPRINT", help="The finding's fingerprint (fr1:...).")],
    reason: Annotated[str, typer.Option("--reason", help="Why the finding is accepted (required).")],
    reviewer: Annotated[str, typer.Option("--reviewer", metavar="NAME", help="Who reviewed it (required).")],
    expires: Annotated[str | None, typer.Option("--expires", metavar="YYYY-MM-DD", help="Last day it holds.")] = None,
    status: Annotated[Status, typer.Option("--status", help="accepted, or under-review (covers nothing).")] = (
        Status.accepted),
    waivers: Waivers = DEFAULT_WAIVERS,
) -> None:
    """Append a reviewed waiver for one finding to the waivers file."""
    from factrecon.reports.pipeline import parse_date
    from factrecon.reports.waivers import Waiver, append_waiver

    append_waiver(waivers, Waiver(fingerprint, reason, reviewer, parse_date("--expires", expires) if expires else None,
                                  status.value))
    print(f"waived {fingerprint} in {waivers}")


def _warn_unused(path: Path, unused: Iterable[Correction]) -> None:
    for correction in unused:
        print(f"factrecon: warning: {path}:{correction.line}: correction {correction.claim} matches no claim",
              file=sys.stderr)


def _finish(errors: list[FactreconError], *, failed: bool = False) -> None:
    """Report input errors (exit 2, which outranks findings), else exit 1 when ``failed``."""
    if errors:
        report(errors)
        raise typer.Exit(EXIT_ERROR)
    if failed:
        raise typer.Exit(EXIT_FINDINGS)


def _read_and_extract(files: list[str] | None, dates: list[str] | None,
                      vocab: list[str] | None) -> tuple[list[Claim], dict[str, str], list[FactreconError]]:
    """The claims of the readable articles, each article's text by source, and the input errors."""
    from factrecon.reports.inputs import read_inputs
    from factrecon.reports.pipeline import extract_articles, parse_dates

    articles, errors = read_inputs(files or [])
    claims = extract_articles(articles, parse_dates(dates or []), tuple(vocab or ()))
    return claims, {article.source: article.text for article in articles}, list(errors)


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
