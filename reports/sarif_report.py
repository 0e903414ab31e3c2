"""Findings as a SARIF 2.1.0 log, so GitHub code scanning shows each one at its article line.

One run: tool ``factrecon`` with one rule per finding kind (its severity as the default level).
Each finding is a result with ``ruleId`` = kind, level = severity, as message the explanation and
the frame its claims share ("Frame: BYD · sales · 2025 · level · reported." and any "Unknown: ..."
part; hidden characters shown as ``⟨U+202E⟩``), the frame as data under ``properties``, one
location per claim, and its fingerprint under ``partialFingerprints["factreconFingerprint/v1"]``
(GitHub tracks an alert across edits by it). Regions are 1-based lines and UTF-16 columns of the
original text (``columnKind`` ``utf16CodeUnits``); a claim whose text is not given gets a location
without a region. Claims with no finding are not results. Output is deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from factrecon.claims.model import Claim
from factrecon.reconcile import KINDS, SEVERITY, CheckResult, Finding
from factrecon.reports.finding_frame import finding_frame
from factrecon.reports.positions import LineIndex, claim_region
from factrecon.reports.visible import visible

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "factreconFingerprint/v1"
RULES: dict[str, tuple[str, str]] = {
    "conflict": ("Figures that cannot both hold",
                 "Two values of one quantity (entity, attribute, period) cannot both be true."),
    "arithmetic_bad": ("Arithmetic that fails",
                       "A stated or derivable relation between figures fails: a multiple, a share product, a "
                       "percentage change, shares summing past 100%, days between two dated events."),
    "tension": ("Figures an editor should look at",
                "Probably one quantity, but a period, forecast, cited source, bound or scope makes the clash "
                "uncertain."),
    "agreement": ("Figures that agree",
                  "Mentions in different articles give compatible values of one quantity."),
    "arithmetic_ok": ("Arithmetic that checks out",
                      "A derived figure or stated relation between figures checks out."),
    "change": ("A figure that changed over time",
               "Different times of one quantity: a timeline, not a contradiction."),
    "not_a_conflict": ("Not a conflict",
                       "A pair a naive matcher would flag that differs in metric, entity, date or test condition, "
                       "or is a verbatim repeat."),
}


def artifact_uri(source: str) -> str:
    """A relative path as a URI reference with forward slashes (``a b.txt`` -> ``a%20b.txt``); an
    absolute one as a ``file://`` URI."""
    path = PurePath(source)
    return path.as_uri() if path.is_absolute() else quote(path.as_posix())


def _rule(kind: str) -> dict[str, Any]:
    short, full = RULES[kind]
    return {"id": kind, "shortDescription": {"text": short}, "fullDescription": {"text": full},
            "defaultConfiguration": {"level": SEVERITY[kind]}}


def _location(claim: Claim, indexes: Mapping[str, LineIndex]) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(claim.source)}}
    region = claim_region(claim, indexes)
    if region is not None:
        physical["region"] = {"startLine": region.start_line, "startColumn": region.start_column,
                              "endLine": region.end_line, "endColumn": region.end_column}
    return {"physicalLocation": physical}


def _result(finding: Finding, claims: Mapping[str, Claim], indexes: Mapping[str, LineIndex]) -> dict[str, Any]:
    frame = finding_frame(finding, claims)
    return {
        "ruleId": finding.kind, "ruleIndex": KINDS.index(finding.kind), "level": finding.severity,
        "message": {"text": visible("\n".join((finding.explanation, *frame.lines())))},
        "locations": [_location(claims[claim_id], indexes) for claim_id in finding.claims],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"id": finding.id, "check": finding.check, "entity": finding.entity,
                       "attribute": finding.attribute, "claims": list(finding.claims),
                       "frame": {**frame.parts(), "unknown": list(frame.unknown)}},
    }


def render_sarif(result: CheckResult, texts: Mapping[str, str]) -> str:
    """The SARIF log of ``result``, indented, ending in a newline; ``texts`` maps each source to its text."""
    indexes = {source: LineIndex.of(text) for source, text in texts.items()}
    claims = {claim.id: claim for claim in result.claims}
    run = {
        "tool": {"driver": {"name": "factrecon", "version": version("factrecon"),
                            "rules": [_rule(kind) for kind in KINDS]}},
        "columnKind": "utf16CodeUnits",
        "results": [_result(finding, claims, indexes) for finding in result.findings],
    }
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, ensure_ascii=False, allow_nan=False, indent=2) + "\n"
