"""Benchmark (not a test): `factrecon index --engine dask` with 1 and 2 local workers.

    python bench/dask_scale.py                 # 2,000 synthetic articles
    python bench/dask_scale.py --articles 500

Builds the synthetic archive of bench/store.py, indexes it on a local Dask cluster of one worker,
then of two (a fresh store each time), and prints wall time, articles per second, the speed-up,
the parallel efficiency (speed-up / workers), and what a cluster of N such workers would take for
ten million articles at that efficiency (extraction only; loading the store from the Parquet
datasets runs on one machine and is printed apart).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from store import build

ARCHIVE = 10_000_000


def index(folder: Path, store: Path, workers: int) -> float:
    command = [str(Path(sys.executable).with_name("factrecon")), "index", str(folder), "--store", str(store),
               "--engine", "dask", "--workers", str(workers)]
    start = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "archive"
        folder.mkdir()
        build(folder, args.articles, args.seed)
        one = index(folder, Path(work) / "one.db", 1)
        two = index(folder, Path(work) / "two.db", 2)
    speedup = one / two
    efficiency = speedup / 2
    rate = args.articles / one  # one worker
    print(f"articles {args.articles:,}")
    print(f"  1 worker   {one:8.1f} s  {rate:8.1f} articles/s")
    print(f"  2 workers  {two:8.1f} s  {args.articles / two:8.1f} articles/s")
    print(f"  speed-up   {speedup:8.2f}x  efficiency {efficiency:.0%}")
    for workers in (8, 32, 128):
        hours = ARCHIVE / (rate * workers * efficiency) / 3600
        print(f"  {ARCHIVE:,} articles on {workers:>3} workers: about {hours:6.1f} h")


if __name__ == "__main__":
    main()
