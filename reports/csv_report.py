"""Claims and findings as spreadsheet-safe CSV for editors: UTF-8 with BOM (so Excel and WPS read
the Chinese as UTF-8), CRLF line ends, a fixed column order.

A text cell a spreadsheet would run as a formula is prefixed with ``'``: one starting with ``=``,
``+``, ``-`` or ``@`` (also after leading blanks, as in ``" =1+1"``), tab or CR, unless it is a
plain signed number such as ``-5%``, ``+3.2%``, ``-0.5`` or ``1,234`` (or a ``"; "`` list of
them). That covers DDE payloads such as ``=cmd|' /C calc'!A0`` and ``@SUM(1+1)``. Lists inside a
cell (``also_applies_to``; a finding's claims) are joined with ``"; "``, in claim order. Hidden
characters (bidirectional controls, zero-width and other format characters) in text cells are
shown as escapes such as ``⟨U+202E⟩`` (``visible``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from factrecon.claims.model import CLAIM_FIELDS, Claim
from factrecon.reconcile import CheckResult, Finding
from factrecon.reports.finding_frame import FRAME_COLUMNS, finding_frame
from factrecon.reports.terminal import number
from factrecon.reports.visible import visible

LIST_SEPARATOR = "; "
_FORMULA_START = ("=", "+", "-", "@")
_CONTROL_START = ("\t", "\r")
_NUMBER = r"[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?%?"
_NUMBERS = re.compile(rf"{_NUMBER}(?:{re.escape(LIST_SEPARATOR)}{_NUMBER})*")

FINDING_COLUMNS: tuple[str, ...] = (
    "id", "kind", "severity", "entity", "attribute", *FRAME_COLUMNS, "unknown", "explanation", "texts", "quotes",
    "sources", "offsets", "values", "units", "intervals", "claims", "check", "origins", "fingerprint",
)
"""One row per finding, in this order: the verdict (``kind``), its ``severity``, the frame its
claims share (``period``, ``scope``, ``basis``, ``status``; empty when not shared or not known),
the parts a claim leaves ``unknown`` ("period not stated in b.txt"), the reason
(``explanation``), then per claim, joined: the number as written, quote, source, ``[start, end)``
offsets, value, unit and interval."""


def neutralise(cell: str) -> str:
    """``cell`` with a leading ``'`` if a spreadsheet would read it as a formula."""
    stripped = cell.lstrip()
    if _NUMBERS.fullmatch(stripped):
        return cell
    if cell.startswith(_CONTROL_START) or stripped.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def _safe(record: Mapping[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    return {key: neutralise(visible(value)) if isinstance(value, str) else value
            for key, value in record.items() if key in columns}


def _to_csv(rows: list[dict[str, Any]], columns: Sequence[str]) -> bytes:
    import pandas as pd

    text: str = pd.DataFrame(rows, columns=list(columns)).to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def claims_to_csv(claims: Sequence[Claim]) -> bytes:
    """The CSV file's bytes: BOM, header of ``CLAIM_FIELDS``, one CRLF-ended row per claim."""
    rows = []
    for claim in claims:
        record = claim.to_dict()
        record["also_applies_to"] = LIST_SEPARATOR.join(claim.also_applies_to)
        rows.append(_safe(record, CLAIM_FIELDS))
    return _to_csv(rows, CLAIM_FIELDS)


def _interval(claim: Claim) -> str:
    return f"[{number(claim.lower) or '-∞'}, {number(claim.upper) or '∞'}]"


def _finding_row(finding: Finding, claims: Sequence[Claim]) -> dict[str, Any]:
    join = LIST_SEPARATOR.join
    frame = finding_frame(finding, {claim.id: claim for claim in claims})
    record = finding.to_dict() | frame.parts() | {"unknown": join(frame.unknown)}
    record.update(
        texts=join(c.text for c in claims), quotes=join(c.quote for c in claims),
        sources=join(c.source for c in claims), offsets=join(f"[{c.start}, {c.end})" for c in claims),
        values=join(number(c.value) for c in claims), units=join(c.unit for c in claims),
        intervals=join(_interval(c) for c in claims), claims=join(finding.claims),
    )
    return _safe(record, FINDING_COLUMNS)


def findings_to_csv(result: CheckResult) -> bytes:
    """The CSV file's bytes: BOM, header of ``FINDING_COLUMNS``, one CRLF-ended row per finding
    (most urgent first), its claims' fields joined with ``"; "`` in claim order."""
    by_id = {claim.id: claim for claim in result.claims}
    return _to_csv([_finding_row(f, [by_id[i] for i in f.claims]) for f in result.findings], FINDING_COLUMNS)
