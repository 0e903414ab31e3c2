"""Claims as JSON Lines or one JSON document, fields in contract order; check results with each
finding's shared ``frame``.

Output is deterministic (claim order as given, contract field order, no
timestamps), keeps non-ASCII text as is, writes ``None`` as ``null`` and refuses
NaN/Infinity rather than emit invalid JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from factrecon.claims.model import CLAIM_FIELDS, Claim
from factrecon.reconcile import CheckResult, Finding
from factrecon.reports.corrections import claim_fingerprint
from factrecon.reports.finding_frame import finding_frame


def _dumps(record: Any, indent: int | None = None) -> str:
    return json.dumps(record, ensure_ascii=False, allow_nan=False, indent=indent)


def claim_record(claim: Claim) -> dict[str, Any]:
    """The contract fields of ``claim`` (as ``Claim.to_dict``) and its ``fingerprint`` (for corrections).

    Read field by field: every field is a scalar but ``also_applies_to``, so the deep copy
    ``to_dict`` makes (``asdict``) is not needed, and it was most of the time of writing claims,
    which the parent process does alone whatever ``--jobs``."""
    record = {key: getattr(claim, key) for key in CLAIM_FIELDS}
    record["also_applies_to"] = list(claim.also_applies_to)
    record["fingerprint"] = claim_fingerprint(claim)
    return record


def finding_record(finding: Finding, claims: Mapping[str, Claim]) -> dict[str, Any]:
    """The contract fields of ``finding`` and the ``frame`` its claims share: ``period``, ``scope``,
    ``basis``, ``status`` (null: not shared or not known) and the ``unknown`` parts, in words."""
    frame = finding_frame(finding, claims)
    return {**finding.to_dict(), "frame": {**frame.parts(), "unknown": list(frame.unknown)}}


def claims_to_jsonl(claims: Sequence[Claim]) -> str:
    """One claim object per line, each line ending in ``\\n``; no claims gives ``""``."""
    return "".join(_dumps(claim_record(claim)) + "\n" for claim in claims)


def claims_to_json(claims: Sequence[Claim]) -> str:
    """``{"claims": [...]}``, indented, ending in a newline."""
    return _dumps({"claims": [claim_record(claim) for claim in claims]}, indent=2) + "\n"


def check_to_json(result: CheckResult) -> str:
    """``{"claims": [...], "findings": [...], "not_compared": [...]}``, indented, ending in a newline."""
    by_id = {claim.id: claim for claim in result.claims}
    return _dumps({"claims": [claim_record(claim) for claim in result.claims],
                   "findings": [finding_record(finding, by_id) for finding in result.findings],
                   "not_compared": [pair.to_dict() for pair in result.not_compared]}, indent=2) + "\n"
