"""Reviewed waivers: findings an editor has looked at and accepted, by fingerprint.

``factrecon-waivers.toml`` holds one ``[[waiver]]`` table per finding::

    [[waiver]]
    fingerprint = "fr1:0123456789abcdef0123"
    reason = "IFP's 6x is a rounded range; 7.5% is NVIDIA's own figure"   # required
    reviewer = "desk-editor"                                              # required
    expires = 2026-06-30                                                  # optional date
    status = "accepted"                                                   # or "under-review"

Only an ``accepted`` waiver that has not expired covers a finding. A malformed file is an
error naming ``file:line``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factrecon.reconcile.model import FINGERPRINT_SCHEME
from factrecon.reports.errors import FactreconError
from factrecon.reports.output import write_atomically
from factrecon.reports.reviewed import ReviewedFileError, checker, read_tables, toml_string

STATUSES = ("accepted", "under-review")
FIELDS = ("fingerprint", "reason", "reviewer", "expires", "status")
_FINGERPRINT = re.compile(rf"{FINGERPRINT_SCHEME}:[0-9a-f]{{20}}")


WaiverFileError = ReviewedFileError


@dataclass(frozen=True, slots=True)
class Waiver:
    fingerprint: str
    reason: str
    reviewer: str
    expires: dt.date | None = None
    status: str = "accepted"
    line: int = 0  # where its [[waiver]] starts in the file (0: not from a file)

    def covers(self, fingerprint: str, today: dt.date) -> bool:
        """Whether this waiver, accepted and not expired on ``today``, covers ``fingerprint``."""
        return self.fingerprint == fingerprint and self.status == "accepted" and not self.expired(today)

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today


def load_waivers(path: Path) -> list[Waiver]:
    """The waivers of ``path``; a file that does not exist holds none."""
    return [_waiver(path, line, entry) for line, entry in read_tables(path, "waiver")]


def _waiver(path: Path, line: int, entry: dict[str, Any]) -> Waiver:
    def fail(reason: str) -> ReviewedFileError:
        return ReviewedFileError(f"{path}:{line}: {reason}")

    require = checker(path, line, entry, FIELDS)
    for key in ("fingerprint", "reason", "reviewer"):
        require(key)
    if not _FINGERPRINT.fullmatch(entry["fingerprint"]):
        raise fail(f"fingerprint {entry['fingerprint']!r} is not a {FINGERPRINT_SCHEME}: fingerprint")
    expires = entry.get("expires")
    if expires is not None and (not isinstance(expires, dt.date) or isinstance(expires, dt.datetime)):
        raise fail("'expires' must be a date (2026-06-30)")
    status = entry.get("status", "accepted")
    if status not in STATUSES:
        raise fail(f"'status' must be one of {', '.join(STATUSES)}")
    return Waiver(entry["fingerprint"], entry["reason"].strip(), entry["reviewer"].strip(), expires, status, line)


def stale(waivers: Sequence[Waiver], fingerprints: Iterable[str]) -> list[Waiver]:
    """Waivers whose fingerprint matches no finding of this run."""
    present = set(fingerprints)
    return [waiver for waiver in waivers if waiver.fingerprint not in present]


def append_waiver(path: Path, waiver: Waiver) -> None:
    """Add ``waiver`` at the end of ``path`` (created if missing), after checking the file reads."""
    if not _FINGERPRINT.fullmatch(waiver.fingerprint):
        raise FactreconError(f"fingerprint {waiver.fingerprint!r} is not a {FINGERPRINT_SCHEME}: fingerprint")
    if not waiver.reason.strip() or not waiver.reviewer.strip():
        raise FactreconError("a waiver needs a reason and a reviewer")
    existing = load_waivers(path)
    if any(w.fingerprint == waiver.fingerprint for w in existing):
        raise FactreconError(f"{path}: {waiver.fingerprint} is already waived")
    block = ["[[waiver]]", f"fingerprint = {toml_string(waiver.fingerprint)}", f"reason = {toml_string(waiver.reason)}",
             f"reviewer = {toml_string(waiver.reviewer)}"]
    if waiver.expires is not None:
        block.append(f"expires = {waiver.expires.isoformat()}")
    block.append(f"status = {toml_string(waiver.status)}")
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    separator = "" if not old else ("\n" if old.endswith("\n") else "\n\n")
    write_atomically((old + separator + "\n".join(block) + "\n").encode("utf-8"), path)
