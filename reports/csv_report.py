"""Claims as a spreadsheet-safe CSV: UTF-8 with BOM, CRLF line ends, contract columns.

The BOM makes Excel read the Chinese text as UTF-8.  A cell that a spreadsheet
would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR and
not a plain signed number such as ``-5%`` or ``+3.2``) is prefixed with ``'``.
``also_applies_to`` is joined with ``"; "``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factrecon.claims.model import CLAIM_FIELDS, Claim
from factrecon.reconcile import CheckResult

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?%?")
LIST_SEPARATOR = "; "


def neutralise(cell: str) -> str:
    """``cell`` with a leading ``'`` if a spreadsheet would read it as a formula."""
    if cell.startswith(_FORMULA_START) and not _SIGNED_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _row(claim: Claim) -> dict[str, Any]:
    record = claim.to_dict()
    record["also_applies_to"] = LIST_SEPARATOR.join(claim.also_applies_to)
    return {key: neutralise(value) if isinstance(value, str) else value for key, value in record.items()}


def claims_to_csv(claims: Sequence[Claim]) -> bytes:
    """The CSV file's bytes: BOM, header of ``CLAIM_FIELDS``, one CRLF-ended row per claim."""
    import pandas as pd

    frame = pd.DataFrame([_row(claim) for claim in claims], columns=list(CLAIM_FIELDS))
    text: str = frame.to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


FINDING_COLUMNS: tuple[str, ...] = (
    "id", "kind", "severity", "check", "entity", "attribute", "explanation", "claims", "sources", "texts",
    "values", "units", "intervals", "quotes", "origins", "fingerprint",
)


def _interval(claim: Claim) -> str:
    lower = "" if claim.lower is None else f"{claim.lower:g}"
    upper = "" if claim.upper is None else f"{claim.upper:g}"
    return f"[{lower or '-inf'}, {upper or 'inf'}]"


def findings_to_csv(result: CheckResult) -> bytes:
    """One row per finding with the quotes, sources, values and intervals of its claims (joined
    with ``"; "`` in claim order); BOM and CRLF as for claims."""
    import pandas as pd

    by_id = {claim.id: claim for claim in result.claims}
    rows = []
    for finding in result.findings:
        claims = [by_id[i] for i in finding.claims]
        record = finding.to_dict()
        record.update(
            claims=LIST_SEPARATOR.join(finding.claims),
            sources=LIST_SEPARATOR.join(c.source for c in claims),
            texts=LIST_SEPARATOR.join(c.text for c in claims),
            values=LIST_SEPARATOR.join("" if c.value is None else f"{c.value:g}" for c in claims),
            units=LIST_SEPARATOR.join(c.unit for c in claims),
            intervals=LIST_SEPARATOR.join(_interval(c) for c in claims),
            quotes=LIST_SEPARATOR.join(c.quote for c in claims),
        )
        rows.append({key: neutralise(value) if isinstance(value, str) else value
                     for key, value in record.items() if key in FINDING_COLUMNS})
    frame = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    text: str = frame.to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")
