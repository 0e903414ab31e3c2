"""A gate run for its readers: the terminal, JSON for scripts, and the check formats (SARIF,
GitHub annotations, HTML, CSV) over the findings that involve the new articles."""

from __future__ import annotations

import json
from collections.abc import Mapping

from factrecon.reconcile import CheckResult
from factrecon.reports.gate import GateResult
from factrecon.reports.json_report import claim_record, finding_record
from factrecon.reports.render import render_result


def new_findings(gate: GateResult) -> CheckResult:
    """The findings that involve a new article, with the claims they list and the new claims."""
    listed = {claim_id for finding in gate.new for claim_id in finding.claims}
    claims = tuple(c for c in gate.result.claims if c.id in listed or c.source in gate.new_sources)
    return CheckResult(claims, gate.new)


def verdict_line(gate: GateResult, fail_on: str) -> str:
    """``gate: FAILED: 1 finding at or above conflict ...`` or ``gate: passed ...``."""
    corpus = "corpus from the store" if gate.baseline is None else f"{gate.baseline} in the accepted corpus"
    counts = f"{len(gate.new)} new finding{'s' if len(gate.new) != 1 else ''}, {len(gate.waived)} waived, {corpus}"
    if gate.failing:
        noun = "finding" if len(gate.failing) == 1 else "findings"
        return f"gate: FAILED: {len(gate.failing)} {noun} at or above {fail_on} ({counts})"
    return f"gate: passed ({counts})"


def render_gate(gate: GateResult, fmt: str, fail_on: str, texts: Mapping[str, str], *, to_terminal: bool) -> bytes:
    """The bytes of a gate run in ``fmt``."""
    if fmt == "json":
        return (json.dumps(_record(gate, fail_on), ensure_ascii=False, allow_nan=False, indent=2) + "\n").encode()
    body = render_result(new_findings(gate), fmt, texts, to_terminal=to_terminal)
    if fmt != "table":
        return body
    waived = "".join(f"waived {finding.id} {finding.fingerprint}: {waiver.reason} ({waiver.reviewer})\n"
                     for finding, waiver in gate.waived)
    return body + waived.encode("utf-8") + (verdict_line(gate, fail_on) + "\n").encode("utf-8")


def _record(gate: GateResult, fail_on: str) -> dict[str, object]:
    shown = new_findings(gate)
    return {
        "passed": gate.passed,
        "fail_on": fail_on,
        "new_sources": list(gate.new_sources),
        "baseline": gate.baseline,
        "failing": [finding.fingerprint for finding in gate.failing],
        "waived": [{"fingerprint": w.fingerprint, "reason": w.reason, "reviewer": w.reviewer,
                    "expires": w.expires.isoformat() if w.expires else None} for _, w in gate.waived],
        "stale": [waiver.fingerprint for waiver in gate.stale],
        "claims": [claim_record(claim) for claim in shown.claims],
        "findings": [finding_record(finding, {c.id: c for c in shown.claims}) for finding in shown.findings],
    }
