"""Benchmark claim extraction and CLI start-up (a script, not a test).

Builds the bundled sample corpus repeated ``--repeat`` times (20 ≈ 270k chars),
extracts claims on one core and reports best-of-3 throughput, peak memory
(tracemalloc peak of one pass, and the process's ru_maxrss), and the best-of-5
wall time of ``factrecon --help`` from the console script beside ``sys.executable``.

With ``--peer VENV`` it also times Microsoft Recognizers-Text's Chinese number model alone, per
sentence, on the same text (``bench/peer_worker.py`` in a child process on VENV's Python; VENV is
created with ``recognizers-text-suite`` and ``emoji<2`` when missing), alternating rounds of the
two so that both see the same machine load, and prints both throughputs and their ratio.

    .venv/bin/python bench/extract.py [--repeat N] [--peer VENV] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
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


PEER_PACKAGES = ["recognizers-text-suite", "emoji<2"]
_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])")


def peer_python(venv: Path) -> Path:
    """The Python of ``venv``, creating the venv with the peer's packages when it is missing."""
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PEER_PACKAGES], check=True)
    return python


def compare_peer(texts: list[tuple[str, str]], venv: Path, rounds: int) -> list[tuple[str, str]]:
    """Rows of figures for factrecon's full extraction against the peer's number model, best of
    ``rounds`` alternating rounds each."""
    sentences = [part for _, text in texts for part in _SENTENCE_END.split(text) if part.strip()]
    chars = sum(len(text) for _, text in texts)
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "sentences.json"
        listing.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
        worker = Path(__file__).with_name("peer_worker.py")
        with subprocess.Popen([str(peer_python(venv)), str(worker), str(listing)], text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE) as peer:
            assert peer.stdin is not None and peer.stdout is not None
            if peer.stdout.readline().strip() != "ready":
                raise SystemExit("bench: the peer worker did not start")
            ours = theirs = float("inf")
            found = 0
            for _ in range(rounds):
                start = time.perf_counter()
                extract_all(texts)
                ours = min(ours, time.perf_counter() - start)
                peer.stdin.write("round\n")
                peer.stdin.flush()
                seconds, count = peer.stdout.readline().split()
                theirs, found = min(theirs, float(seconds)), int(count)
            peer.stdin.close()
    return [
        ("peer: sentences", f"{len(sentences):,}"),
        ("peer: numbers found", f"{found:,}"),
        (f"factrecon (best of {rounds})", f"{chars / ours:,.0f} chars/s"),
        (f"peer number model (best of {rounds})", f"{chars / theirs:,.0f} chars/s"),
        ("ratio factrecon/peer", f"{theirs / ours:.2f}x"),
    ]


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print a small table of figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies of the sample corpus (default 20)")
    parser.add_argument("--peer", type=Path, metavar="VENV",
                        help="also time Recognizers-Text's Chinese number model from this venv")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds against the peer (default 5)")
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
    if args.peer is not None:
        rows += compare_peer(texts, args.peer, args.rounds)
    width = max(len(name) for name, _ in rows)
    for name, figure in rows:
        print(f"{name:<{width}}  {figure:>16}")


if __name__ == "__main__":
    main()
