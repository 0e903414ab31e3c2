"""Reviewed corrections of misread claims, applied before reconciliation.

``factrecon-corrections.toml`` holds one ``[[correction]]`` per claim, keyed by the claim's
fingerprint (``claim_fingerprint``: its file name, words, quote and unit, never offsets, so an
edit elsewhere in the article keeps it)::

    [[correction]]
    claim = "c1:0123456789abcdef"
    reason = "the 25% is the US government's cut, not a surcharge"   # required
    set = { attribute = "government cut of sales", entity = "NVIDIA H200" }

    [[correction]]
    claim = "c1:fedcba9876543210"
    reason = "a phone number, not a claim"
    drop = true

``set`` may change ``entity``, ``attribute``, ``time``, ``relative_to`` and ``origin``.
Corrections that match no claim are reported, as stale waivers are.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factrecon.claims import Claim
from factrecon.reports.reviewed import ReviewedFileError, checker, read_tables

CLAIM_SCHEME = "c1"
SETTABLE = ("entity", "attribute", "time", "scope", "basis", "status", "relative_to", "origin")
_FINGERPRINT = re.compile(rf"{CLAIM_SCHEME}:[0-9a-f]{{16}}")


def claim_fingerprint(claim: Claim) -> str:
    """``c1:`` + a hash of the claim's file name, words as written, quote and unit."""
    key = json.dumps([os.path.basename(claim.source), claim.text, claim.quote, claim.unit], ensure_ascii=False)
    return f"{CLAIM_SCHEME}:{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


@dataclass(frozen=True, slots=True)
class Correction:
    claim: str
    reason: str
    changes: tuple[tuple[str, str | None], ...] = ()
    drop: bool = False
    line: int = 0


def load_corrections(path: Path) -> list[Correction]:
    """The corrections of ``path``; a file that does not exist holds none."""
    return [_correction(path, line, entry) for line, entry in read_tables(path, "correction")]


def _correction(path: Path, line: int, entry: dict[str, Any]) -> Correction:
    require = checker(path, line, entry, ("claim", "reason", "set", "drop"))
    require("claim")
    require("reason")
    if not _FINGERPRINT.fullmatch(entry["claim"]):
        raise ReviewedFileError(f"{path}:{line}: claim {entry['claim']!r} is not a {CLAIM_SCHEME}: claim fingerprint")
    changes = entry.get("set", {})
    drop = entry.get("drop", False)
    if not isinstance(changes, dict) or not isinstance(drop, bool) or bool(changes) == drop:
        raise ReviewedFileError(f"{path}:{line}: give either 'set' (a table) or 'drop = true'")
    for key, value in changes.items():
        if key not in SETTABLE:
            raise ReviewedFileError(f"{path}:{line}: 'set' may change {', '.join(SETTABLE)}, not {key!r}")
        if not isinstance(value, str):
            raise ReviewedFileError(f"{path}:{line}: set.{key} must be a string")
    return Correction(entry["claim"], entry["reason"].strip(),
                      tuple(sorted((k, v or None) for k, v in changes.items())), drop, line)


def apply_corrections(claims: Iterable[Claim], corrections: list[Correction]) -> tuple[list[Claim], list[Correction]]:
    """``claims`` corrected (dropped ones left out), and the corrections that matched no claim."""
    by_print = {correction.claim: correction for correction in corrections}
    used: set[str] = set()
    corrected = []
    for claim in claims:
        correction = by_print.get(claim_fingerprint(claim))
        if correction is None:
            corrected.append(claim)
            continue
        used.add(correction.claim)
        if not correction.drop:
            note = "; ".join(filter(None, [claim.notes, f"corrected: {correction.reason}"]))
            corrected.append(replace(claim, **dict(correction.changes), notes=note))
    return corrected, [c for c in corrections if c.claim not in used]
