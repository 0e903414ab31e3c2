"""A progress bar on stderr for long runs, out of the way everywhere else.

``for article in progress(articles, "extracting"): ...`` shows a rich bar on stderr only when
there are more than ``MIN_ITEMS`` items and stderr is a terminal; otherwise it passes the items
through untouched, so piped output, CI logs and tests see nothing. The bar is transient: it is
gone once the items are.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sized
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

T = TypeVar("T")

MIN_ITEMS = 3
"""Runs of this many items or fewer finish too fast to need a bar."""


def shows_bar(count: int | None) -> bool:
    """Whether ``count`` items (None: unknown) get a bar: more than ``MIN_ITEMS``, stderr a terminal."""
    return count is not None and count > MIN_ITEMS and sys.stderr.isatty()


def progress(items: Iterable[T], label: str, *, total: int | None = None) -> Iterator[T]:
    """Yield ``items`` in order, advancing a bar named ``label`` on stderr when ``shows_bar``;
    ``total`` defaults to ``len(items)`` when they have one."""
    if total is None and isinstance(items, Sized):
        total = len(items)
    if not shows_bar(total):
        yield from items
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
