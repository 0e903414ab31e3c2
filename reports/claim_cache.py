"""A cache of extracted claims (and timelines) by article content, so a large accepted corpus is
not re-read on every gate run.

One JSON file per article under the cache folder, named by a hash of everything the extraction
depends on: the article's source name and text, its date, the user vocabulary files' contents
and the code of ``factrecon.claims`` itself (so an upgrade never serves stale claims).
Unreadable or damaged entries are ignored and rewritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from functools import cache
from importlib.resources import files
from pathlib import Path

from factrecon.claims import Claim, Timeline

CACHE_SCHEME = "claims-cache-1"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/factrecon`` (``~/.cache/factrecon`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factrecon"


@cache
def code_signature() -> str:
    """A hash of the extractor: every code and data file of ``factrecon.claims``."""
    digest = hashlib.sha256(CACHE_SCHEME.encode())
    root = files("factrecon.claims")
    stack = [root]
    entries = []
    while stack:
        node = stack.pop()
        for item in node.iterdir():
            if item.is_dir():
                stack.append(item)
            elif item.name.endswith((".py", ".toml", ".txt")):
                entries.append((str(item), item.read_bytes()))
    for name, data in sorted(entries):
        digest.update(name.rsplit("factrecon", 1)[-1].encode() + b"\0" + data)
    return digest.hexdigest()


def vocab_signature(vocab: tuple[str, ...]) -> str:
    """A hash of the user vocabulary folders' TOML files."""
    digest = hashlib.sha256()
    for folder in vocab:
        for path in sorted(Path(folder).rglob("*.toml")):
            digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class ClaimCache:
    """Claims and timeline of articles, keyed by content; ``directory=None`` caches nothing."""

    def __init__(self, directory: Path | None, vocab: tuple[str, ...] = ()) -> None:
        self.directory = directory
        self.vocab = vocab_signature(vocab) if directory is not None else ""
        self.hits = 0

    def _path(self, source: str, text: str, date: dt.date | None) -> Path | None:
        if self.directory is None:
            return None
        key = json.dumps([code_signature(), self.vocab, source, str(date), text], ensure_ascii=False)
        return self.directory / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.json"

    def get(self, source: str, text: str, date: dt.date | None) -> tuple[list[Claim], Timeline] | None:
        path = self._path(source, text, date)
        if path is None:
            return None
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            found = [Claim.from_dict(c) for c in record["claims"]], Timeline.from_dict(record["timeline"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        self.hits += 1
        return found

    def put(self, source: str, text: str, date: dt.date | None, claims: list[Claim], timeline: Timeline) -> None:
        """Store an entry; a cache that cannot be written is skipped, never an error."""
        path = self._path(source, text, date)
        if path is None:
            return
        record = {"claims": [claim.to_dict() for claim in claims], "timeline": timeline.to_dict()}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_suffix(f".{os.getpid()}.tmp")
            temp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            os.replace(temp, path)
        except OSError:
            return
