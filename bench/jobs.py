"""Benchmark (not a test): ``--jobs N`` against ``--jobs 1`` on the dev set repeated.

    python bench/jobs.py                       # dev set x50, --jobs 2 vs 1, best of 3 each
    python bench/jobs.py --repeat 10 --runs 1 --jobs 4

The dev-set articles (with their ``.meta.json`` sidecars) are copied ``--repeat`` times as
separate files into a temporary folder, which ``factrecon extract --format jsonl`` and
``factrecon check --format json`` read in a child process, with ``--jobs 1`` and ``--jobs N``
in turn (alternating, so a neighbour's load falls on both alike). It prints the best wall time
of each, the speed-up, and whether the outputs are byte-identical (they must be). Wall times
include start-up, reading and rendering, which stay in one process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset" / "articles"
COMMANDS = {"extract": ["extract", "--format", "jsonl"], "check": ["check", "--format", "json"]}


def copies(articles: Path, folder: Path, repeat: int) -> int:
    """Copy each article of ``articles`` (and its sidecar) ``repeat`` times into ``folder``; the count."""
    sources = sorted(articles.glob("*.txt"))
    for number in range(repeat):
        for source in sources:
            shutil.copyfile(source, folder / f"{number:03d}_{source.name}")
            sidecar = source.with_suffix(".meta.json")
            if sidecar.exists():
                shutil.copyfile(sidecar, folder / f"{number:03d}_{sidecar.name}")
    return len(sources) * repeat


def timed(arguments: list[str], output: Path) -> tuple[float, bytes]:
    """Wall time of one ``factrecon`` run writing to ``output``, and what it wrote."""
    factrecon = Path(sys.executable).with_name("factrecon")
    start = time.perf_counter()
    subprocess.run([str(factrecon), *arguments, "-o", str(output)], check=True)
    return time.perf_counter() - start, output.read_bytes()


def compare(command: str, folder: Path, jobs: int, runs: int) -> None:
    """Print the best wall times of ``command`` with ``--jobs 1`` and ``--jobs jobs``, and the speed-up."""
    best = {1: float("inf"), jobs: float("inf")}
    written: dict[int, bytes] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(runs):
            for count in best:
                seconds, data = timed([*COMMANDS[command], str(folder), "--jobs", str(count)],
                                      Path(scratch) / f"out{count}")
                best[count] = min(best[count], seconds)
                if written.setdefault(count, data) != data:
                    raise SystemExit(f"bench: {command} --jobs {count} wrote different output on another run")
    same = "identical" if written[1] == written[jobs] else "DIFFERENT"
    print(f"{command:8} --jobs 1 {best[1]:7.2f} s   --jobs {jobs} {best[jobs]:7.2f} s   "
          f"speed-up {best[1] / best[jobs]:4.2f}x   output {same} ({len(written[1]):,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEVSET, help=f"articles to repeat (default {DEVSET})")
    parser.add_argument("--repeat", type=int, default=50, help="copies of each article (default 50)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes to compare with one (default 2)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each, the best counted (default 3)")
    parser.add_argument("--command", choices=[*COMMANDS, "both"], default="both")
    options = parser.parse_args()
    if not options.articles.is_dir():
        raise SystemExit(f"bench: {options.articles}: no such folder (give --articles DIR)")
    with tempfile.TemporaryDirectory() as folder:
        count = copies(options.articles, Path(folder), options.repeat)
        load = ", ".join(f"{figure:.2f}" for figure in os.getloadavg())
        print(f"{count:,} articles ({options.repeat} x {options.articles.name}), {os.cpu_count()} cores, "
              f"load average {load} before; best of {options.runs}")
        for command in COMMANDS if options.command == "both" else [options.command]:
            compare(command, Path(folder), options.jobs, options.runs)


if __name__ == "__main__":
    main()
