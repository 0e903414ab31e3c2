"""Benchmark (not a test): the claim store at archive sizes.

    python bench/store.py                       # 10k and 100k articles (long: extraction of 100k)
    python bench/store.py --sizes 2000          # a quick run

Builds a synthetic archive of N articles from the bundled and development articles, each with its
entities renamed (a pool of made-up companies in Latin and Han script), its years moved and its
figures varied, then prints: index time and throughput, database size per article, re-index time
after 1% of the files change, and the time of `factrecon gate` for one new article against the
store and against the archive re-read from files (the latter only up to --reread-max articles),
and peak RSS (the largest of the child processes run so far: ru_maxrss of RUSAGE_CHILDREN).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*sorted((ROOT / "reports" / "data" / "corpus").glob("*.txt")),
           *sorted((ROOT.parent / "shared" / "devset" / "articles").glob("*.txt"))]
RENAMED = ["BYD", "比亚迪", "比亞迪", "Tesla", "特斯拉", "CATL", "宁德时代", "寧德時代", "Samsung Electronics",
           "Samsung", "三星电子", "三星電子", "三星", "NVIDIA", "Nvidia", "英伟达", "輝達"]
LATIN = ["Norvik", "Aldera", "Quenta", "Borealis", "Castra", "Helion", "Miravo", "Tessaly", "Ondrel", "Vexar"]
HAN = ["诺维", "奥德", "昆塔", "博瑞", "卡斯", "赫利", "米拉", "泰萨", "翁德", "维克"]
_YEAR = re.compile(r"20(1\d|2[0-6])")
_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
_NAMES = re.compile("|".join(sorted(map(re.escape, RENAMED), key=len, reverse=True)))


def article(number: int, rng: random.Random, texts: list[str]) -> str:
    """One synthetic article: a source text with its company renamed, its years and figures moved."""
    company = rng.randrange(len(LATIN) * 50)
    latin = f"{LATIN[company % len(LATIN)]} {'Motors Chips Energy Bank Air'.split()[company // 100 % 5]}"
    han = f"{HAN[company % len(HAN)]}{'汽车 芯片 能源 银行 航空'.split()[company // 100 % 5]}"
    text = _NAMES.sub(lambda m: han if not m.group().isascii() else latin, texts[number % len(texts)])
    shift = rng.randrange(-4, 1)
    text = _YEAR.sub(lambda m: str(int(m.group()) + shift), text)
    return _FIGURE.sub(lambda m: _vary(m.group(), rng), text)


def _vary(figure: str, rng: random.Random) -> str:
    if len(figure) == 4 and figure.startswith("20"):
        return figure
    value = float(figure) * rng.uniform(0.8, 1.25)
    decimals = len(figure.split(".")[1]) if "." in figure else 0
    return f"{value:.{decimals}f}"


def build(folder: Path, size: int, seed: int) -> None:
    texts = [path.read_text(encoding="utf-8") for path in SOURCES]
    rng = random.Random(seed)
    for number in range(size):
        shard = folder / f"{number // 1000:03d}"
        shard.mkdir(exist_ok=True)
        (shard / f"a{number:06d}.txt").write_text(article(number, rng, texts), encoding="utf-8")


def run(command: list[str]) -> tuple[float, float]:
    """Wall seconds of a child process, and the largest peak RSS (MiB) of the children so far."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="archive sizes, comma separated")
    parser.add_argument("--reread-max", type=int, default=10000, help="largest archive to gate by re-reading")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    factrecon = str(Path(sys.executable).with_name("factrecon"))
    for size in (int(part) for part in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as work:
            folder, store = Path(work) / "archive", Path(work) / "archive.db"
            folder.mkdir()
            build(folder, size, args.seed)
            chars = sum(path.stat().st_size for path in folder.rglob("*.txt"))
            seconds, peak = run([factrecon, "index", str(folder), "--store", str(store)])
            changed = sorted(folder.rglob("*.txt"))[:: 100]
            for path in changed:
                path.write_text(path.read_text(encoding="utf-8") + "\n全年销量增长5%。\n", encoding="utf-8")
            again, _ = run([factrecon, "index", str(folder), "--store", str(store)])
            new = Path(work) / "draft.txt"
            new.write_text(article(size + 1, random.Random(args.seed + 1),
                                   [path.read_text(encoding="utf-8") for path in SOURCES]), encoding="utf-8")
            gate = [factrecon, "gate", str(new), "--today", "2026-12-01", "--no-cache", "--format", "json"]
            stored, stored_peak = run([*gate, "--store", str(store)])
            reread = run([*gate, "--corpus", str(folder)]) if size <= args.reread_max else None
            print(f"articles {size:,}  bytes {chars:,}")
            print(f"  index            {seconds:8.1f} s  {size / seconds:8.1f} articles/s  "
                  f"{chars / seconds / 1e6:6.2f} MB/s  peak RSS {peak:7.1f} MiB")
            print(f"  store size       {store.stat().st_size / size / 1024:8.1f} KiB per article")
            print(f"  re-index 1%      {again:8.1f} s  ({len(changed)} files changed)")
            print(f"  gate, store      {stored:8.2f} s  peak RSS {stored_peak:7.1f} MiB")
            print("  gate, re-read    " + (f"{reread[0]:8.2f} s" if reread else "     (skipped)"))


if __name__ == "__main__":
    main()
