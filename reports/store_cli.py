"""The claim store's commands: ``index`` builds or updates a store, ``claims`` looks up what it
holds. Registered on the application of ``reports.cli`` (which imports this module once its
options are defined); the store itself is imported only when a command runs."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factrecon.reports.cli import (
    DEFAULT_MAX_BYTES,
    Dates,
    Debug,
    Files,
    Globs,
    MaxBytes,
    Output,
    Strict,
    Verbose,
    Vocab,
    _finish,
    _read,
    _reading,
    app,
)
from factrecon.reports.output import write_output

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

    articles, errors = _read(files, _reading(strict, max_bytes, globs), verbose)
    connection = open_store(store)
    try:
        done = index_articles(connection, articles, parse_dates(dates or []), tuple(vocab or ()), prune=prune,
                              unreadable=tuple(str(error.path) for error in errors))
    finally:
        connection.close()
    print(f"{store}: {done.summary()}", file=sys.stderr)
    _finish(errors)


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
