"""A share of an amount stated beside the amount: ``A × p% = B``.

Passing: "单颗H200售价约4万美元, 25%的抽成意味着每颗芯片需要额外支付1万美元" -> 4万 × 25% = 1万,
``arithmetic_ok``.
Failing: "a $40,000 chip with a 25% levy means an extra $15,000 per chip" -> 40,000 × 25% =
10,000, not 15,000: ``arithmetic_bad`` (reported only when a word such as 意味着 / means asserts
the result; otherwise a mismatch is just two unrelated figures).
"""

from __future__ import annotations

from collections.abc import Iterable

from factrecon.claims.textmap import normalize
from factrecon.units import is_currency

from ..context import Context, Draft
from ..derivations import load_derivations
from ..explain import amount
from .nearby import by_article, windows

NAME = "share_product"


def run(ctx: Context) -> Iterable[Draft]:
    words = load_derivations().consequence_words
    for claims in by_article(ctx.claims).values():
        for base, following in windows(claims):
            if base.value is None or not is_currency(base.unit) or base.value <= 0:
                continue
            shares = [c for c in following if c.unit == "percent" and c.value is not None and 0 < c.value < 100]
            for share in shares:
                results = [c for c in following if c.start > share.end and c.unit == base.unit and c.value is not None]
                for result in results[:1]:
                    expected = base.value * (share.value / 100)  # type: ignore[operator]
                    if expected == 0:  # 5e-324美元 × 25% underflows: nothing to compare with
                        continue
                    off = abs(result.value / expected - 1)  # type: ignore[operator]
                    tolerance = ctx.tolerances.derived_approx_agree if "approx" in (
                        base.qualifier, result.qualifier) else ctx.tolerances.derived_agree
                    said = (f"{base.text} × {share.text} = {amount(expected, base.unit)}; the article states "
                            f"{result.text}")
                    if off <= tolerance:
                        yield Draft("arithmetic_ok", (base.id, share.id, result.id), f"{said}, as computed.",
                                    base.entity, result.attribute, derived=(("product", expected),))
                    elif any(word in normalize(result.quote).text for word in words):  # 意味著 too
                        yield Draft("arithmetic_bad", (base.id, share.id, result.id),
                                    f"{said}, {off:.0%} off.", base.entity, result.attribute,
                                    derived=(("product", expected),))
