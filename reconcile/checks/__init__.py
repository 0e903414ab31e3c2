"""One check per module. Each exposes ``NAME`` and ``run(context) -> Iterable[Draft]``, and its
docstring shows a passing and a failing example; ``CHECKS`` is the order they run in."""

from __future__ import annotations

from . import (
    attribution,
    conversions,
    derived_ratio,
    elapsed,
    framing,
    implied_count,
    parts,
    percent_change,
    period_sum,
    repeats,
    share_product,
    system_scope,
    values,
)

CHECKS = (
    values,
    derived_ratio,
    system_scope,
    framing,
    share_product,
    percent_change,
    conversions,
    period_sum,
    parts,
    implied_count,
    elapsed,
    attribution,
    repeats,
)
