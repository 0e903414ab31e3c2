"""``check`` on a Dask cluster: the claims cut into blocks that no check looks across, each block
checked on a worker, the findings merged and numbered as one check numbers them.

Two claims share a block when any check could set them side by side: the same article (repeats,
origins and timelines are read per article), an entity name in common (entity, compared entity,
also-applies-to, after linking across articles; a group and its members), compute figures (a chip
beside a system), currency conversions (held to the story's others). Findings are ranked as
``reconcile.check`` ranks them (urgency, claims, check), which depends on nothing outside a
finding, so the merged result equals one check over all the claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from factrecon.claims import Claim, Timeline
from factrecon.reconcile import SYSTEM_UNITS, CheckResult, NotCompared
from factrecon.reconcile.model import RANK


class _Union:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, item: Any) -> Any:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            self.parent[root] = self.parent[self.parent[root]]
            root = self.parent[root]
        self.parent[item] = root
        return root

    def join(self, first: Any, second: Any) -> None:
        self.parent[self.find(first)] = self.find(second)


def blocks(claims: Sequence[Claim], vocab: tuple[str, ...] = ()) -> list[list[Claim]]:
    """The claims cut into blocks no check looks across (see the module's docstring), in order."""
    from factrecon.claims import load_lexicon
    from factrecon.claims.numbers.conversions import NOTE

    groups: dict[str, list[str]] = {}
    for entry in load_lexicon(vocab).entities:
        for member in entry.lists.get("members", []):
            groups.setdefault(member, []).append(entry.name)
    union = _Union()
    by_id = {claim.id: claim for claim in claims}
    for claim in claims:
        keys = [("article", claim.source)]
        keys += [("name", name) for name in (claim.entity, claim.relative_to, *claim.also_applies_to) if name]
        keys += [("name", group) for group in groups.get(claim.entity or "", ())]
        if claim.unit in SYSTEM_UNITS:
            keys.append(("system", ""))
        converted = next((part[len(NOTE):] for part in (claim.notes or "").split("; ") if part.startswith(NOTE)), None)
        if converted is not None:  # held to the story's conversions between the same two currencies
            original = by_id.get(converted)
            keys += [("claim", converted), ("conversion", frozenset({claim.unit, original.unit if original else ""}))]
        for key in keys:
            union.join(("claim", claim.id), key)
    grouped: dict[Any, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(union.find(("claim", claim.id)), []).append(claim)
    return list(grouped.values())


def _check_block(block: tuple[list[Claim], list[Timeline]], tolerances: Path | None,
                 vocab: tuple[str, ...]) -> CheckResult:
    from factrecon.reports.pipeline import check_claims

    claims, timelines = block
    return check_claims(claims, tolerances, vocab, timelines=timelines)


def merged(results: Sequence[CheckResult]) -> CheckResult:
    """The blocks' results as one: claims in check order, findings ranked and numbered as
    ``reconcile.check`` does, pairs not compared in order."""
    claims = tuple(sorted((claim for result in results for claim in result.claims),
                          key=lambda c: (c.source, c.start, c.id)))
    ranked = sorted((finding for result in results for finding in result.findings),
                    key=lambda finding: (RANK[finding.kind], finding.claims, finding.check))
    findings = tuple(replace(finding, id=f"F{number:03d}") for number, finding in enumerate(ranked, start=1))
    skipped = tuple(sorted((item for result in results for item in result.not_compared),
                           key=lambda item: (item.claims, item.unknown)))
    return CheckResult(claims, findings, tuple(NotCompared(item.claims, item.unknown) for item in skipped))


def check_on_dask(claims: Sequence[Claim], timelines: Sequence[Timeline], tolerances: Path | None,
                  vocab: tuple[str, ...], *, scheduler: str | None = None, workers: int = 2) -> CheckResult:
    """Check ``claims`` (read and linked) block by block on a Dask cluster (``scheduler``'s, else
    a local one of ``workers`` processes)."""
    import dask.bag as bag
    from dask.distributed import Client, LocalCluster

    by_source: dict[str, list[Timeline]] = {}
    for timeline in timelines:
        by_source.setdefault(timeline.source, []).append(timeline)
    work = [(block, [t for source in sorted({c.source for c in block}) for t in by_source.get(source, [])])
            for block in blocks(claims, vocab)]
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
    client = Client(scheduler or cluster)
    try:
        results = bag.from_sequence(work, npartitions=max(1, min(len(work), workers * 4))).map(
            _check_block, tolerances, vocab).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return merged(results)
