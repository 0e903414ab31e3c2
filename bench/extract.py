"""Benchmark claim extraction and CLI start-up (a script, not a test).

Builds the bundled sample corpus repeated ``--repeat`` times (20 ≈ 270k chars),
extracts claims on one core and reports best-of-3 throughput, peak memory
(tracemalloc peak of one pass, and the process's ru_maxrss), and the best-of-5
wall time of ``factrecon --help`` from the console script beside ``sys.executable``.

    .venv/bin/python bench/extract.py [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path

from timing import best_of

from factrecon.claims import extract
from factrecon.reports.inputs import read_inputs


def corpus(repeat: int) -> list[tuple[str, str]]:
    """``(source, text)`` for each bundled article, ``repeat`` times over."""
    articles, errors = read_inputs([])
    if errors:
        raise SystemExit("\n".join(f"bench: {error}" for error in errors))
    return [(f"{n}/{a.source}", a.text) for n in range(repeat) for a in articles]


def extract_all(texts: list[tuple[str, str]]) -> int:
    """Number of claims in all ``texts``."""
    return sum(len(extract(text, source)) for source, text in texts)


def startup_seconds(runs: int = 5) -> float | None:
    """Best wall time of ``factrecon --help``; None when the console script is missing."""
    script = Path(sys.executable).with_name("factrecon")
    if not script.exists():
        return None
    command = [str(script), "--help"]
    return best_of(runs, lambda: subprocess.run(command, check=True, capture_output=True))


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print a small table of figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies of the sample corpus (default 20)")
    args = parser.parse_args(argv)

    texts = corpus(args.repeat)
    chars = sum(len(text) for _, text in texts)
    extract_all(texts[:3])  # warm caches (vocabulary, unit registry, OpenCC) outside the timing
    claims = extract_all(texts)
    seconds = best_of(3, lambda: extract_all(texts))

    tracemalloc.start()
    extract_all(texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    startup = startup_seconds()

    rows = [
        ("articles", f"{len(texts)}"),
        ("characters", f"{chars:,}"),
        ("claims", f"{claims:,}"),
        ("extract time (best of 3)", f"{seconds:.3f} s"),
        ("throughput", f"{chars / seconds:,.0f} chars/s"),
        ("claims per second", f"{claims / seconds:,.0f} claims/s"),
        ("tracemalloc peak", f"{peak / 2**20:.1f} MiB"),
        ("ru_maxrss", f"{maxrss_kib / 2**10:.1f} MiB"),
        ("factrecon --help (best of 5)", "n/a" if startup is None else f"{startup:.3f} s"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, figure in rows:
        print(f"{name:<{width}}  {figure:>16}")


if __name__ == "__main__":
    main()
