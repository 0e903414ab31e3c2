"""Stable finding fingerprints for waivers: what the finding says, never where it sits.

A fingerprint hashes the check, the kind and, per claim, the article's file name, entity,
attribute, unit, normalised value or interval and cited origin; offsets and line numbers stay out,
so an edit elsewhere in an article keeps its findings' fingerprints. The scheme version prefixes
the hash (``fr1:``); a change that alters fingerprints bumps it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable

from factrecon.claims import Claim

from .model import FINGERPRINT_SCHEME


def _rounded(value: float | None) -> str | None:
    return None if value is None else f"{value:.6g}"


def fingerprint(check: str, kind: str, claims: Iterable[Claim], known: dict[str, str] | None = None) -> str:
    """The finding's fingerprint; ``known`` keeps each claim's part by id, for many findings over one claim set."""
    parts = known if known is not None else {}
    facts = sorted(parts[c.id] if c.id in parts else parts.setdefault(c.id, _part(c)) for c in claims)
    digest = hashlib.sha256(json.dumps([check, kind, facts], ensure_ascii=False).encode("utf-8")).hexdigest()
    return f"{FINGERPRINT_SCHEME}:{digest[:20]}"


def _part(c: Claim) -> str:
    return json.dumps(
        [
            os.path.basename(c.source),
            c.entity,
            c.attribute,
            c.relative_to,
            c.unit,
            _rounded(c.value),
            _rounded(c.lower),
            _rounded(c.upper),
            c.origin,
        ],
        ensure_ascii=False,
    )
