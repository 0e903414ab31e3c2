"""Dense or sparse: label compute figures that the text leaves unlabelled.

Tensor-core figures come in two flavours: dense, and with 2:1 structured sparsity, exactly twice
as high. When two figures for the same entity and precision stand in that ratio (within the
tolerance in claims/data/sparsity.toml), across the articles read together, the larger is the
sparse one and the smaller the dense one; a figure labelled in one source labels its partner.
Each relabelled claim says so in ``notes``. No table of per-chip figures is used.

>>> # MI300X: 1307 TFLOPS and 2615 TFLOPS FP16 -> 1307 dense, 2615 sparse
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ..model import Claim
from ..vocab import load

_COMPUTE = re.compile(r"^(?:(?P<precision>\S+) )?(?:(?P<sparsity>sparse|dense) )?compute$")


@cache
def _rule() -> tuple[float, float]:
    data = load("sparsity")
    return float(data["ratio"]), float(data["tolerance"])


def _parts(claim: Claim) -> tuple[str, str | None] | None:
    match = _COMPUTE.match(claim.attribute or "")
    if not match or claim.unit not in ("FLOPS", "OPS") or claim.value is None or claim.entity is None:
        return None
    return match.group("precision") or "", match.group("sparsity")


def _label(claim: Claim, precision: str, sparsity: str, partner: Claim) -> Claim:
    attribute = " ".join(filter(None, [precision, sparsity, "compute"]))
    note = (f"{sparsity} by the 2:1 structured-sparsity rule: {claim.text} vs {partner.text}"
            f" ({partner.source})")
    return replace(claim, attribute=attribute, notes="; ".join(filter(None, [claim.notes, note])))


def label_sparsity(claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` with unlabelled compute figures labelled dense or sparse where a 2:1 partner exists."""
    ratio, tolerance = _rule()
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        parts = _parts(claim)
        if parts is not None:
            primary = parts[0].split("/")[0]  # FP16/BF16 runs at the FP16 rate
            groups[(claim.entity or "", claim.unit, primary)].append(index)
    result = list(claims)
    for members in groups.values():
        for i in members:
            for j in members:
                low, high = claims[i], claims[j]
                if low.value is None or high.value is None or low.value <= 0:
                    continue
                if abs(high.value / low.value - ratio) > ratio * tolerance:
                    continue
                low_sparsity, high_sparsity = _parts(low)[1], _parts(high)[1]  # type: ignore[index]
                if low_sparsity is None and high_sparsity != "dense" and _parts(result[i])[1] is None:  # type: ignore[index]
                    result[i] = _label(low, _parts(low)[0], "dense", high)  # type: ignore[index]
                if high_sparsity is None and low_sparsity != "sparse" and _parts(result[j])[1] is None:  # type: ignore[index]
                    result[j] = _label(high, _parts(high)[0], "sparse", low)  # type: ignore[index]
    return result
