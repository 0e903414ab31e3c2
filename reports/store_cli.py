"""The claim store's commands: ``index`` builds or updates a store, ``claims`` looks up what it
holds. Registered on the application of ``reports.cli`` (which imports this module once its
options are defined); the store itself is imported only when a command runs."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factrecon.reports.cli import (
    DEFAULT_MAX_BYTES,
    DaskWorkers,
    Dates,
    Debug,
    Engine,
    EngineOption,
    Files,
    Globs,
    MaxBytes,
    Output,
    Scheduler,
    Strict,
    Verbose,
    Vocab,
    _finish,
    _read,
    _reading,
    app,
)
from factrecon.reports.errors import FactreconError, InputError
from factrecon.reports.output import write_output

if TYPE_CHECKING:
    from factrecon.reports.inputs import ReadOptions
    from factrecon.reports.store import IndexReport

DEFAULT_STORE = Path("factrecon.db")
StoreOption = Annotated[Path, typer.Option("--store", metavar="FILE", help="The claim store (an SQLite file).")]


class LookupFormat(StrEnum):
    """How ``claims`` prints what it finds."""

    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def index(
    files: Files = None,
    store: StoreOption = DEFAULT_STORE,
    prune: Annotated[bool, typer.Option("--prune", help="Remove stored articles not among FILES (deleted files).")]
    = False,
    engine: EngineOption = Engine.single,
    scheduler: Scheduler = None,
    workers: DaskWorkers = 2,
    parquet: Annotated[Path | None, typer.Option(
        "--parquet", metavar="DIR", help="Dask: where the claims' Parquet dataset goes (default: STORE.parquet).")]
    = None,
    vocab: Vocab = None,
    dates: Dates = None,
    strict: Strict = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    globs: Globs = None,
    verbose: Verbose = False,
    debug: Debug = False,
) -> None:
    """Extract articles once into a claim store; unchanged files are skipped, changed ones replaced."""
    from factrecon.reports.pipeline import parse_dates
    from factrecon.reports.store import index_articles, open_store

    if engine == Engine.dask:
        done, errors = _index_on_dask(files, store, _reading(strict, max_bytes, globs), parse_dates(dates or []),
                                      tuple(vocab or ()), scheduler, workers, parquet, prune)
        print(f"{store}: {done.summary()}", file=sys.stderr)
        _finish(errors)
        return
    articles, errors = _read(files, _reading(strict, max_bytes, globs), verbose)
    connection = open_store(store)
    try:
        done = index_articles(connection, articles, parse_dates(dates or []), tuple(vocab or ()), prune=prune,
                              unreadable=tuple(str(error.path) for error in errors))
    finally:
        connection.close()
    print(f"{store}: {done.summary()}", file=sys.stderr)
    _finish(errors)


def _index_on_dask(files: list[str] | None, store: Path, reading: ReadOptions, dates: dict[str, dt.date],
                   vocab: tuple[str, ...], scheduler: str | None, workers: int, parquet: Path | None,
                   prune: bool) -> tuple[IndexReport, list[InputError]]:
    import shutil

    from factrecon.reports.claim_cache import vocab_signature
    from factrecon.reports.inputs import default_corpus, list_inputs
    from factrecon.reports.store import open_store

    try:
        from factrecon.reports.store.dask_engine import Job, index_on_dask
    except ImportError:
        raise FactreconError('--engine dask needs Dask: pip install "factrecon[dask]"') from None
    listed = list(list_inputs(files or default_corpus(), reading))
    errors = [item for item in listed if isinstance(item, InputError)]
    paths = [item for item in listed if isinstance(item, str)]
    folder = parquet or store.with_suffix(store.suffix + ".parquet")
    for dataset in ("articles", "claims"):
        shutil.rmtree(folder / dataset, ignore_errors=True)
    connection = open_store(store)
    try:
        done, unreadable = index_on_dask(connection, paths, Job(reading, dates, vocab, vocab_signature(vocab)), folder,
                                         scheduler=scheduler, workers=workers, prune=prune and not errors)
    finally:
        connection.close()
    return done, [*errors, *unreadable]


@app.command("claims")
def lookup(
    store: StoreOption = DEFAULT_STORE,
    entity: Annotated[str | None, typer.Option("--entity", metavar="NAME", help="Only this entity (any case).")]
    = None,
    attribute: Annotated[str | None, typer.Option("--attribute", metavar="MEASURE", help="Only this measure.")]
    = None,
    time: Annotated[str | None, typer.Option("--time", metavar="PERIOD", help="Periods starting so (2025, 2025Q4).")]
    = None,
    fmt: Annotated[LookupFormat, typer.Option("--format", "-f", help="Output format.")] = LookupFormat.table,
    output: Output = None,
    debug: Debug = False,
) -> None:
    """List what the store holds about an entity and a measure, with quotes and sources."""
    from factrecon.reports.render import render_claims
    from factrecon.reports.store import find_claims, open_store

    connection = open_store(store, create=False)
    try:
        found = find_claims(connection, entity=entity, attribute=attribute, time=time)
    finally:
        connection.close()
    write_output(render_claims(found, fmt.value, {}, to_terminal=output is None), output)
