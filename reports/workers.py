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

T = TypeVar("T")
R = TypeVar("R")

BLOCKS_PER_WORKER = 1
"""Blocks of a large file a worker reads before it exits: the extractor keeps tables of the last
texts it read, which would otherwise add a block's worth of memory to each worker."""
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
        from factrecon.reports.progress import progress  # not at the top: workers need no rich

        if self.jobs == 1 or len(items) < 2:
            return [task(item) for item in progress(items, label)]
        pool = self._started(len(items))
        futures = [pool.submit(task, item) for item in items]
        for _ in progress(as_completed(futures), label, total=len(futures)):
            pass
        return [future.result() for future in futures]

    def stream(self, task: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``task(item)`` for each of ``items`` (large: a file's blocks) in order, as they come,
        by fresh workers (see ``BLOCKS_PER_WORKER``), no more submitted than there are workers
        (each waiting result holds a block's claims). When ``items`` fail, the results of those
        before come out first, then the error."""
        if self.jobs == 1:
            yield from map(task, items)
            return
        self.close()  # idle article workers would hold their memory beside the block workers
        with ProcessPoolExecutor(self.jobs, mp_context=_fresh(), initializer=warm, initargs=(self.vocab,),
                                 max_tasks_per_child=BLOCKS_PER_WORKER) as pool:
            yield from _in_order(pool, task, items, self.jobs)

    def _started(self, tasks: int) -> ProcessPoolExecutor:
        if self._pool is None:
            context: BaseContext = multiprocessing.get_context(start_method())
            self._pool = ProcessPoolExecutor(min(self.jobs, tasks), mp_context=context, initializer=warm,
                                             initargs=(self.vocab,))
        return self._pool


def _fresh() -> BaseContext:
    """A start method that gives fresh, small processes: forkserver with nothing preloaded, else spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([])
    return context


def _in_order(pool: ProcessPoolExecutor, task: Callable[[T], R], items: Iterable[T], ahead: int) -> Iterator[R]:
    """``task(item)`` by ``pool`` for each of ``items`` in order, at most ``ahead`` submitted at once."""
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
            if len(pending) >= ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
    if failure is not None:
        raise failure

