"""The ``factrecon`` command line: glue between the library and a renderer.

Heavy libraries (the extractor with pint/opencc, pandas, rich) are imported
inside the commands so that ``factrecon --help`` starts fast.  Expected
failures are ``FactreconError``s, printed as one ``factrecon: error:`` line each.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import traceback
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from factrecon.reports.errors import EXIT_FINDINGS, EXIT_OK, FactreconError, InputError, InputErrors
from factrecon.reports.output import write_output, write_stream
from factrecon.reports.render import CHECK_FORMATS, CLAIM_FORMATS, FINDING_KINDS, render_claims, render_result

if TYPE_CHECKING:
    from factrecon.claims import Timeline
    from factrecon.claims.model import Claim
    from factrecon.reconcile import CheckResult
    from factrecon.reports.corrections import Correction
    from factrecon.reports.inputs import Article, ReadOptions
    from factrecon.reports.workers import Workers

_DEBUG = "factrecon.debug"


class _Commands(TyperGroup):
    """The one place where an expected failure (``FactreconError``) becomes its lines and exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except FactreconError as error:
            report(error.errors if isinstance(error, InputErrors) else [error], debug=ctx.meta.get(_DEBUG, False))
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


class Numbers(StrEnum):
    """How the table shows figures: by each article's language, or all in one."""

    auto = "auto"
    en = "en"
    zh = "zh"


Kind = StrEnum("Kind", {name: name for name in FINDING_KINDS})  # type: ignore[misc]


class Engine(StrEnum):
    """Where the work runs: this process, or a Dask cluster (``factrecon[dask]``)."""

    single = "single"
    dask = "dask"


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
    typer.Option("--date", metavar="FILE=YYYY-MM-DD",
                 help="The date of an article, for 今年, 昨天, 12月5日 (wins over the date in its metadata)."),
]
Strict = Annotated[bool, typer.Option("--strict/--keep-going",
                                      help="Stop at the first unreadable input (default: read the rest, exit 2).")]
MaxBytes = Annotated[str, typer.Option("--max-bytes", metavar="N", help="Refuse inputs larger than N bytes (10M, 1G).")]
DEFAULT_MAX_BYTES = "256M"
Globs = Annotated[
    list[str] | None,
    typer.Option("--glob", metavar="PATTERN", help="Files to read in directories (default: .txt .md .html ...)."),
]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Say how each input was read (encoding, HTML, date).")]
EngineOption = Annotated[Engine, typer.Option("--engine", help="Run here, or on Dask (pip install factrecon[dask]).")]
Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS", help="Dask: the cluster's scheduler (default: a local cluster).")]
DaskWorkers = Annotated[int, typer.Option("--workers", min=1, help="Dask: processes of the local cluster.")]
Jobs = Annotated[int, typer.Option(
    "--jobs", "-j", metavar="N", min=0, help="Extract in N processes (0: one per core); the output is the same.")]
NumbersOption = Annotated[Numbers, typer.Option(
    "--numbers", help="Table figures as each article's language writes them (auto), or all English/Chinese.")]


def _remember_debug(ctx: typer.Context, value: bool) -> bool:
    ctx.meta[_DEBUG] = value
    return value


Debug = Annotated[bool, typer.Option("--debug", callback=_remember_debug,
                                     help="Show the traceback of an expected error too.")]


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
    wide: Annotated[bool, typer.Option("--wide", help="Table: add scope, basis, status, origin, full quote.")] = False,
    numbers: NumbersOption = Numbers.auto,
    vocab: Vocab = None,
    dates: Dates = None,
    strict: Strict = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    globs: Globs = None,
    jobs: Jobs = 1,
    verbose: Verbose = False,
    debug: Debug = False,
) -> None:
    """List every numeric claim in the articles, with offsets into the text as read (see `text`)."""
    from factrecon.reports.large import is_large, jsonl_pieces

    if fmt == Format.jsonl and any(is_large(path) for path in files or []):  # streamed: bounded memory
        from factrecon.reports.pipeline import parse_dates

        streamed: list[InputError] = []
        with _workers(jobs, vocab) as workers:
            write_stream(jsonl_pieces(files or [], _reading(strict, max_bytes, globs), parse_dates(dates or []),
                                      tuple(vocab or ()), streamed, lambda article: _note(article, verbose), workers),
                         output)
        _finish(streamed)
        return
    articles, errors = _read(files, _reading(strict, max_bytes, globs), verbose)
    with _workers(jobs, vocab) as workers:
        claims = _extract(articles, dates, vocab, workers)
    write_output(render_claims(claims, fmt, _texts(articles), to_terminal=output is None, wide=wide,
                               numbers=numbers.value), output)
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
    strict: Strict = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    globs: Globs = None,
    jobs: Jobs = 1,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="List agreements and changes one line each; say how each input was read.")] = False,
    kinds: Annotated[list[Kind] | None, typer.Option("--kind", help="Table: list only findings of this kind.")] = None,
    entity: Annotated[str | None, typer.Option(
        "--entity", metavar="TEXT", help="Table: list only findings whose entity contains TEXT.")] = None,
    details: Annotated[bool, typer.Option("--details", help="Table: every listed finding in full.")] = False,
    finding: Annotated[str | None, typer.Option(
        "--finding", metavar="ID", help="Table: only this finding, in full.")] = None,
    numbers: NumbersOption = Numbers.auto,
    store: Annotated[Path | None, typer.Option(
        "--store", metavar="FILE", help="Check against the stored claims that can meet these articles' ones.")]
    = None,
    engine: EngineOption = Engine.single,
    scheduler: Scheduler = None,
    dask_workers: DaskWorkers = 2,
    debug: Debug = False,
) -> None:
    """Reconcile the claims of several articles: conflicts, tensions, agreements, arithmetic, changes."""
    from factrecon.reports.corrections import apply_corrections, load_corrections
    from factrecon.reports.gate import FAIL_ON
    from factrecon.reports.pipeline import article_dates, check_claims, parse_dates

    articles, errors = _read(files, _reading(strict, max_bytes, globs), verbose)
    texts = _texts(articles)
    with _workers(jobs, vocab) as workers:
        found = _extract(articles, dates, vocab, workers)
        stored, stored_timelines = _from_store(store, articles, found, vocab) if store is not None else ([], [])
        claims, unused = apply_corrections(stored + found, load_corrections(corrections))
        if engine == Engine.dask:
            result = _check_on_dask(claims, texts, article_dates(articles, parse_dates(dates or [])),
                                    stored_timelines, tolerances, tuple(vocab or ()), scheduler, dask_workers)
        else:
            result = check_claims(claims, tolerances, tuple(vocab or ()), texts,
                                  article_dates(articles, parse_dates(dates or [])),
                                  more_timelines=stored_timelines, workers=workers)
    _warn_unused(corrections, unused)
    if finding is not None and all(found.id != finding for found in result.findings):
        raise FactreconError(f"--finding {finding}: no such finding (ids run F001 to F{len(result.findings):03d})")
    from factrecon.reports.check_terminal import CheckView

    view = CheckView(kinds=tuple(kind.value for kind in kinds or ()), entity=entity, verbose=verbose, details=details,
                     finding=finding, numbers=numbers.value)
    write_output(render_result(result, fmt, texts, to_terminal=output is None, view=view), output)
    _finish(errors, failed=fail_on is not None and any(f.kind in FAIL_ON[fail_on] for f in result.findings))


@app.command()
def gate(
    new: Annotated[list[str], typer.Argument(metavar="NEW...", help="The new or edited articles.")],
    corpus: Annotated[Path | None, typer.Option(
        "--corpus", metavar="DIR", help="The accepted (published) articles.")] = None,
    store: Annotated[Path | None, typer.Option(
        "--store", metavar="FILE", help="The accepted articles' claim store (`factrecon index`); wins over --corpus.")]
    = None,
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
    strict: Strict = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    globs: Globs = None,
    jobs: Jobs = 1,
    verbose: Verbose = False,
    debug: Debug = False,
) -> None:
    """Fail when NEW articles contradict the accepted corpus (findings inside the corpus never fail)."""
    from factrecon.reports.claim_cache import ClaimCache, default_cache_dir
    from factrecon.reports.corrections import load_corrections
    from factrecon.reports.gate import run_gate
    from factrecon.reports.gate_report import render_gate
    from factrecon.reports.pipeline import parse_date, parse_dates
    from factrecon.reports.waivers import load_waivers

    if corpus is None and store is None:
        raise FactreconError("gate: give the accepted corpus as --corpus DIR or --store FILE")
    corpus = None if store is not None else corpus  # a store (given or configured) wins
    if corpus is not None and not corpus.is_dir():
        raise FactreconError(f"--corpus {corpus}: not a folder")
    reading = _reading(strict, max_bytes, globs)
    accepted, corpus_errors = _read([str(corpus)], reading, verbose) if corpus is not None else ([], [])
    articles, errors = _read(new, reading, verbose)
    connection = None
    if store is not None:
        from factrecon.reports.store import open_store

        connection = open_store(store, create=False)
    try:
        with _workers(jobs, vocab) as workers:
            result = run_gate(articles, accepted, waivers=load_waivers(waivers), fail_on=fail_on,
                              today=parse_date("--today", today) if today else dt.date.today(),
                              vocab=tuple(vocab or ()), dates=parse_dates(dates or []), tolerances=tolerances,
                              corrections=load_corrections(corrections), store=connection,
                              cache=ClaimCache(None if no_cache else cache or default_cache_dir(),
                                               tuple(vocab or ())),
                              workers=workers)
    finally:
        if connection is not None:
            connection.close()
    write_output(render_gate(result, fmt, fail_on, _texts([*accepted, *articles]), to_terminal=output is None), output)
    for waiver in result.stale:
        print(f"factrecon: warning: {waivers}:{waiver.line}: stale waiver {waiver.fingerprint} matches no finding",
              file=sys.stderr)
    _warn_unused(corrections, result.unused_corrections)
    _finish([*corpus_errors, *errors], failed=not result.passed or bool(strict_waivers and result.stale))


@app.command()
def text(
    file: Annotated[str, typer.Argument(metavar="FILE", help="An article file, or - for standard input.")],
    output: Output = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    verbose: Verbose = False,
    debug: Debug = False,
) -> None:
    """Print an article's text exactly as claim offsets index it (an HTML page: its main text)."""
    from factrecon.reports.inputs import read_article

    article = read_article(file, _reading(False, max_bytes, None))
    _note(article, verbose)
    write_output(article.text.encode("utf-8"), output)


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


def _finish(errors: list[InputError], *, failed: bool = False) -> None:
    """Raise the input errors (exit 2, which outranks findings), else exit 1 when ``failed``."""
    if errors:
        raise InputErrors(errors)
    if failed:
        raise typer.Exit(EXIT_FINDINGS)


def _reading(strict: bool, max_bytes: str, globs: list[str] | None) -> ReadOptions:
    from factrecon.reports.inputs import ReadOptions
    from factrecon.reports.pipeline import parse_size

    return ReadOptions(parse_size("--max-bytes", max_bytes), tuple(globs or ()), strict)


def _read(files: list[str] | None, reading: ReadOptions, verbose: bool) -> tuple[list[Article], list[InputError]]:
    """The readable articles (none named: the sample corpus) and the input errors."""
    from factrecon.reports.inputs import read_inputs

    return read_inputs(files or [], reading, lambda article: _note(article, verbose))


def _note(article: Article, verbose: bool) -> None:
    """Warn of damaged text and of hidden characters (shown as ``⟨U+202E⟩`` in what people read);
    with ``verbose``, say how the article was read."""
    from factrecon.reports.visible import hidden_characters, hidden_warning

    for warning in (*article.warnings, hidden_warning(hidden_characters(article.text))):
        if warning:
            print(f"factrecon: warning: {article.source}: {warning}", file=sys.stderr)
    if verbose:
        print(f"factrecon: info: {article.source}: {article.describe()}", file=sys.stderr)


def _workers(jobs: int, vocab: list[str] | None) -> Workers:
    """The processes ``--jobs`` asks for (started on first use; close them with ``with``)."""
    from factrecon.reports.pipeline import worker_count
    from factrecon.reports.workers import Workers

    return Workers(worker_count(jobs), tuple(vocab or ()))


def _extract(articles: list[Article], dates: list[str] | None, vocab: list[str] | None,
             workers: Workers) -> list[Claim]:
    from factrecon.reports.pipeline import extract_articles, parse_dates

    return extract_articles(articles, parse_dates(dates or []), tuple(vocab or ()), workers)


def _from_store(store: Path, articles: list[Article], claims: list[Claim],
                vocab: list[str] | None) -> tuple[list[Claim], list[Timeline]]:
    """The stored claims (and timelines) that can meet ``claims`` of ``articles``."""
    from factrecon.reports.store import open_store
    from factrecon.reports.store.blocking import stored_claims_for

    connection = open_store(store, create=False)
    try:
        return stored_claims_for(connection, articles, claims, tuple(vocab or ()))
    finally:
        connection.close()


def _check_on_dask(claims: list[Claim], texts: dict[str, str], dates: dict[str, dt.date],
                   stored_timelines: list[Timeline], tolerances: Path | None, vocab: tuple[str, ...],
                   scheduler: str | None, workers: int) -> CheckResult:
    from factrecon.reports.pipeline import timelines_of

    try:
        from factrecon.reports.dask_check import check_on_dask
    except ImportError:
        raise FactreconError('--engine dask needs Dask: pip install "factrecon[dask]"') from None
    timelines = [*timelines_of(claims, texts, dates, vocab), *stored_timelines]
    return check_on_dask(claims, timelines, tolerances, vocab, scheduler=scheduler, workers=workers)


def _texts(articles: Iterable[Article]) -> dict[str, str]:
    return {article.source: article.text for article in articles}


def report(errors: Iterable[FactreconError], *, debug: bool = False) -> None:
    """Print each error as one ``factrecon: error: ...`` line on stderr (after its traceback with ``debug``)."""
    for error in errors:
        if debug:
            cause = error.__cause__ or error.__context__
            if cause is not None:
                traceback.print_exception(cause, file=sys.stderr)
            traceback.print_exception(error, chain=False, file=sys.stderr)
        print(f"factrecon: error: {error}", file=sys.stderr)


# the store's commands register on ``app`` with the options above (a module of their own)
from factrecon.reports import store_cli  # noqa: E402, F401


def main() -> None:
    """Console-script entry point: UTF-8 output whatever the locale."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    app()
