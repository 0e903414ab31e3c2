"""Peak memory of a command and every process it starts, for the bench scripts.

``TreePeak(pid)`` samples the resident set of ``pid`` and its descendants every ``interval``
seconds on a thread and keeps the largest sum: through psutil when it is installed, else from
``/proc`` on Linux. Elsewhere it gives ``None``; ``largest_child_mib`` (``ru_maxrss`` of the
largest finished child, not a sum) is then all there is. Sampling can miss a peak shorter than
the interval; summing RSS counts pages that forked processes share once per process, so the
figure errs high.
"""

from __future__ import annotations

import os
import resource
import sys
import threading
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def largest_child_mib() -> float:
    """The peak RSS of the largest finished child process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def tree_rss(pid: int) -> int | None:
    """Bytes resident in ``pid`` and its descendants now; None when this system cannot say."""
    try:
        import psutil
    except ImportError:
        return _proc_tree_rss(pid) if sys.platform == "linux" else None
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            continue
    return total


def _proc_tree_rss(pid: int) -> int:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, []))
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


class TreePeak:
    """The largest sum of RSS over a process tree while it runs (``None``: cannot be measured here)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid = pid
        self.interval = interval
        self.peak: int | None = 0 if tree_rss(os.getpid()) is not None else None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreePeak:
        if self.peak is not None:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()

    def mib(self) -> float | None:
        return None if self.peak is None else self.peak / 1024**2

    def _sample(self) -> None:
        while not self._done.wait(self.interval):
            now = tree_rss(self.pid) or 0
            self.peak = max(self.peak or 0, now)
