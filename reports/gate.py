"""The CI gate: does a new article contradict what was already published?

The accepted corpus is checked together with the new articles. Findings wholly inside the corpus
are the baseline and never fail the gate; only findings that list a claim of a NEW article
count. A new file that is also in the corpus (a pull request editing a published article)
replaces its accepted version. A finding at or above ``fail_on`` fails the gate unless an
accepted, unexpired waiver covers its fingerprint; waivers that match no finding are stale.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from factrecon.reconcile import CheckResult, Finding
from factrecon.reports.claim_cache import ClaimCache
from factrecon.reports.corrections import Correction, apply_corrections
from factrecon.reports.inputs import Article
from factrecon.reports.pipeline import check_claims, extract_with_timelines
from factrecon.reports.waivers import Waiver, stale
from factrecon.reports.workers import Workers

FAIL_ON: dict[str, frozenset[str]] = {
    "conflict": frozenset({"conflict", "arithmetic_bad"}),
    "tension": frozenset({"conflict", "arithmetic_bad", "tension"}),
}


@dataclass(frozen=True, slots=True)
class GateResult:
    """Everything checked, and what the new articles changed."""

    result: CheckResult             # corpus and new articles together
    new_sources: tuple[str, ...]
    new: tuple[Finding, ...]        # findings that list a claim of a new article
    failing: tuple[Finding, ...]    # new, at or above fail_on, covered by no waiver
    waived: tuple[tuple[Finding, Waiver], ...]
    stale: tuple[Waiver, ...]       # waivers that match no finding of this run
    baseline: int | None            # findings wholly inside the accepted corpus (None: corpus from a
                                    # store, of which only what meets the new claims was checked)
    unused_corrections: tuple[Correction, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.failing


def replaced(corpus: Sequence[Article], new: Sequence[Article]) -> list[Article]:
    """The corpus without the articles that ``new`` replaces (same file, however named)."""
    edited = {os.path.realpath(article.source) for article in new}
    return [article for article in corpus if os.path.realpath(article.source) not in edited]


def run_gate(new: Sequence[Article], corpus: Sequence[Article], *, waivers: Sequence[Waiver], fail_on: str,
             today: dt.date, vocab: tuple[str, ...] = (), dates: Mapping[str, dt.date] | None = None,
             tolerances: Path | None = None, cache: ClaimCache | None = None,
             corrections: Sequence[Correction] = (), store: sqlite3.Connection | None = None,
             workers: Workers | None = None) -> GateResult:
    """Check ``new`` against the accepted ``corpus``, after the reviewed ``corrections``; corpus
    claims come from ``cache`` when it has them, the others are read by ``workers``; with a
    ``store``, they are the stored claims that can meet the new ones (``corpus`` is then not read)."""
    dates = dates or {}
    new_claims, new_timelines = extract_with_timelines(new, dates, vocab, workers=workers)
    if store is not None:
        from factrecon.reports.store.blocking import stored_claims_for

        corpus_claims, corpus_timelines = stored_claims_for(store, new, new_claims, vocab)
    else:
        accepted = replaced(corpus, new)
        corpus_claims, corpus_timelines = extract_with_timelines(accepted, dates, vocab, cache, workers)
    claims, unused = apply_corrections(corpus_claims + new_claims, list(corrections))
    result = check_claims(claims, tolerances, vocab, timelines=corpus_timelines + new_timelines)
    new_ids = {claim.id for claim in new_claims}
    touching = tuple(f for f in result.findings if new_ids.intersection(f.claims))
    waived: list[tuple[Finding, Waiver]] = []
    failing: list[Finding] = []
    for finding in touching:
        if finding.kind not in FAIL_ON[fail_on]:
            continue
        cover = next((w for w in waivers if w.covers(finding.fingerprint, today)), None)
        if cover is None:
            failing.append(finding)
        else:
            waived.append((finding, cover))
    return GateResult(result, tuple(a.source for a in new), touching, tuple(failing), tuple(waived),
                      tuple(stale(waivers, (f.fingerprint for f in result.findings))),
                      None if store is not None else len(result.findings) - len(touching), tuple(unused))
