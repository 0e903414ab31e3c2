"""Benchmark (not a test): one huge input and pathological inputs.

    python bench/inputs.py                  # a 200 MB article dump, and the pathological inputs
    python bench/inputs.py --mb 40          # a smaller dump
    python bench/inputs.py --skip-large     # only the pathological inputs
    python bench/inputs.py --skip-pathological --jobs 2   # the dump read by two worker processes

The dump is built from the sample and dev-set paragraphs and read by ``factrecon extract FILE
--format jsonl [--jobs N]`` in a child process: wall time, throughput and peak RSS, summed over
the child and the workers it starts (sampled: see ``memory.py``; the file is streamed block by
block, so the peak should not grow with the file). Each pathological input (a run of digits, a
run of qualifier words, figures in one run-on sentence, a flattened table of thousands of figures
joined by ， or 、 in one sentence, quoted names, deeply nested HTML) is timed at three sizes,
doubling (250k, 500k and 1M characters by default), as the best CPU time of this process over
``--runs`` runs (steadier than wall time when other work shares the cores): linear time shows as
about 2x per doubling.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from memory import TreePeak, largest_child_mib
from timing import best_of

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*sorted((ROOT / "reports" / "data" / "corpus").glob("*.txt")),
           *sorted((ROOT.parent / "shared" / "devset" / "articles").glob("*.txt"))]
TABLE_CELLS = ("营收12亿元", "同比增长5%", "销量3.5万辆")  # a flattened table's cells, cycled


def flattened_table(separator: str, n: int) -> str:
    """About ``n`` characters of table cells joined by ``separator``: one sentence, no full stop."""
    row = "".join(cell + separator for cell in TABLE_CELLS)
    return "比亚迪" + row * (n // len(row))


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "run of digits": lambda n: "1" * n,
    "run of qualifier words": lambda n: "约" * n,
    "figures in one sentence": lambda n: "5%," * (n // 3),
    "quoted names, no full stop": lambda n: "“英伟达”份额5%," * (n // 10),
    "English run-on": lambda n: "about 5 percent, " * (n // 17),
    "figures joined by ，": lambda n: flattened_table("，", n),
    "figures joined by 、": lambda n: flattened_table("、", n),
}


def build_dump(path: Path, megabytes: int) -> int:
    """Write about ``megabytes`` MB of article paragraphs to ``path``; return its size."""
    paragraphs = [line for source in SOURCES for line in source.read_text(encoding="utf-8").splitlines()
                  if line.strip()]
    rng = random.Random(20261123)
    written = 0
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        while written < megabytes * 1024**2:
            line = rng.choice(paragraphs) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
    return written


def large(megabytes: int, jobs: int) -> None:
    factrecon = Path(sys.executable).with_name("factrecon")
    with tempfile.TemporaryDirectory() as folder:
        dump, out = Path(folder) / "dump.txt", Path(folder) / "claims.jsonl"
        size = build_dump(dump, megabytes)
        start = time.perf_counter()
        command = [str(factrecon), "extract", str(dump), "--format", "jsonl", "-o", str(out), "--jobs", str(jobs)]
        with subprocess.Popen(command) as child, TreePeak(child.pid) as peak:
            if child.wait():
                raise SystemExit(f"bench: {' '.join(command)} exited {child.returncode}")
        seconds = time.perf_counter() - start
        with out.open("rb") as handle:
            claims = sum(1 for _ in handle)
    summed = peak.mib()
    memory = (f"peak RSS {summed:,.0f} MiB (the command and its workers, summed)" if summed is not None else
              f"peak RSS {largest_child_mib():,.0f} MiB (the largest single process)")
    print(f"dump {size / 1024**2:,.0f} MB, --jobs {jobs}: {seconds:,.1f} s ({size / 1024**2 / seconds:,.2f} MB/s), "
          f"{claims:,} claims, {memory}")


def pathological(base: int, runs: int) -> None:
    from factrecon.claims import extract
    from factrecon.reports.readers.html import read_page

    cases: dict[str, Callable[[int], object]] = {
        name: (lambda n, build=build: extract(build(n), "a.txt")) for name, build in PATHOLOGICAL.items()}
    cases["nested HTML"] = lambda n: read_page("<html><body>" + "<div>" * (n // 5) + "份额为5%" + "</div>" * (n // 5)
                                               + "</body></html>")
    extract("预热", "a.txt")
    print(f"{'input':28} " + " ".join(f"{base * 2 ** i:>10,} ch" for i in range(3)) + "   growth per doubling")
    for name, action in cases.items():
        times = [best_of(runs, lambda size=base * 2 ** i, run=action: run(size), time.process_time)
                 for i in range(3)]
        growth = " ".join(f"{later / earlier:4.1f}x" for earlier, later in zip(times, times[1:], strict=False))
        print(f"{name:28} " + " ".join(f"{t:11.2f}s" for t in times) + f"   {growth}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=int, default=200, help="size of the article dump in MB (default 200)")
    parser.add_argument("--base", type=int, default=250_000, help="smallest pathological input, characters")
    parser.add_argument("--runs", type=int, default=1, help="runs of each pathological input, best kept (default 1)")
    parser.add_argument("--skip-large", action="store_true", help="only the pathological inputs")
    parser.add_argument("--skip-pathological", action="store_true", help="only the dump")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes reading the dump (default 1)")
    options = parser.parse_args()
    if not options.skip_pathological:
        pathological(options.base, options.runs)
    if not options.skip_large:
        large(options.mb, options.jobs)


if __name__ == "__main__":
    main()
