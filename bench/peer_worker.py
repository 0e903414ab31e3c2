"""Time Microsoft Recognizers-Text's Chinese number model, one round per request (run by
``bench/extract.py --peer VENV`` with that venv's Python; it imports nothing of factrecon).

Reads the sentences as a JSON list from the file named by ``argv[1]``, warms the model, then for
each line ``round`` on stdin parses every sentence once and prints the seconds taken and the
number of results found, as ``seconds count``.
"""

from __future__ import annotations

import json
import sys
import time

from recognizers_number import NumberRecognizer
from recognizers_text import Culture


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        sentences: list[str] = json.load(handle)
    model = NumberRecognizer(Culture.Chinese).get_number_model()
    for sentence in sentences[:20]:
        model.parse(sentence)
    print("ready", flush=True)
    for _ in sys.stdin:
        start = time.perf_counter()
        found = sum(len(model.parse(sentence)) for sentence in sentences)
        print(f"{time.perf_counter() - start} {found}", flush=True)


if __name__ == "__main__":
    main()
