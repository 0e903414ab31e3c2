"""Timing helpers shared by the bench scripts (run as ``python bench/<script>.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(runs: int, action: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> float:
    """The shortest time of ``runs`` calls of ``action``, in seconds: wall time, or the time of
    ``clock`` (``time.process_time``: this process's CPU time, steadier on a shared machine)."""
    best = float("inf")
    for _ in range(runs):
        start = clock()
        action()
        best = min(best, clock() - start)
    return best
