"""Run extraction tasks in a pool of processes (``--jobs N``), results always in input order, so
the output is the same whatever N.

``Workers(jobs, vocab)`` runs a task over items in this process when ``jobs`` is 1, and in a
``ProcessPoolExecutor`` of up to ``jobs`` processes otherwise, started on first use. Each worker
loads the vocabulary (the packaged files and the ``vocab`` folders) once, in its initializer.
On Linux, while this process runs a single Python thread, workers are forked (they start at
once and share what is loaded); elsewhere they start fresh (forkserver, else spawn). A task is
a module-level function of one picklable record.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from multiprocessing.context import BaseContext
from types import TracebackType
from typing import TypeVar

from factrecon.reports.progress import progress

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT = 2
"""Blocks of a stream submitted per worker ahead of the one being written (bounds memory)."""
WARM_TEXT = "2024年宁德时代的全球动力电池市场份额为37.9%;CATL's share was about 38% in 2025."


def warm(vocab: tuple[str, ...]) -> None:
    """A worker's initializer: load the vocabulary and the extractor's tables once."""
    from factrecon.claims import load_lexicon, read_article

    load_lexicon(vocab)
    read_article(WARM_TEXT, "warm.txt", vocab=vocab)


def start_method() -> str:
    """``fork`` on Linux while only this thread runs; else ``forkserver`` where there is one, else ``spawn``."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


class Workers:
    """Tasks over items, in order, in ``jobs`` processes (1: in this one); close it (``with``) when done."""

    def __init__(self, jobs: int = 1, vocab: tuple[str, ...] = ()) -> None:
        self.jobs = jobs
        self.vocab = vocab
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes (tasks not yet started are cancelled)."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def map(self, task: Callable[[T], R], items: Sequence[T], label: str) -> list[R]:
        """``[task(item) for item in items]``, with a progress bar named ``label`` that counts
        finished items; the first failing item (in order) raises its error."""
        if self.jobs == 1 or len(items) < 2:
            return [task(item) for item in progress(items, label)]
        pool = self._started(len(items))
        futures = [pool.submit(task, item) for item in items]
        for _ in progress(as_completed(futures), label, total=len(futures)):
            pass
        return [future.result() for future in futures]

    def stream(self, task: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``task(item)`` for each of ``items`` in order, as they come, with at most ``IN_FLIGHT``
        items per worker submitted ahead. When ``items`` fail, the results of those before come
        out first, then the error."""
        if self.jobs == 1:
            yield from map(task, items)
            return
        pool = self._started(self.jobs)
        pending: deque[Future[R]] = deque()
        failure: Exception | None = None
        remaining = iter(items)
        try:
            while True:
                try:
                    item = next(remaining)
                except StopIteration:
                    break
                except Exception as error:  # raised once the results of the items before are out
                    failure = error
                    break
                pending.append(pool.submit(task, item))
                if len(pending) > IN_FLIGHT * self.jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
        if failure is not None:
            raise failure

    def _started(self, tasks: int) -> ProcessPoolExecutor:
        if self._pool is None:
            context: BaseContext = multiprocessing.get_context(start_method())
            self._pool = ProcessPoolExecutor(min(self.jobs, tasks), mp_context=context, initializer=warm,
                                             initargs=(self.vocab,))
        return self._pool

