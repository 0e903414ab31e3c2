"""Claims and findings as pandas DataFrames, for notebooks and other tools.

>>> from factrecon.claims import extract
>>> from factrecon.reports import to_dataframe
>>> to_dataframe(extract("H200显存带宽约4.8TB/s", "a.txt"))[["text", "unit", "qualifier"]].values.tolist()
[['4.8TB/s', 'byte/second', 'approx']]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from factrecon.claims import Claim
from factrecon.claims.model import CLAIM_FIELDS
from factrecon.reconcile import Finding
from factrecon.reconcile.model import FINDING_FIELDS

if TYPE_CHECKING:
    import pandas as pd

Kind = Literal["claims", "findings"]
COLUMNS: dict[str, tuple[str, ...]] = {"claims": (*CLAIM_FIELDS, "fingerprint"), "findings": FINDING_FIELDS}


def to_dataframe(records: Iterable[Claim] | Iterable[Finding], kind: Kind | None = None) -> pd.DataFrame:
    """One row per claim (contract fields and the correction ``fingerprint``) or per finding
    (contract fields, ``claims`` as a tuple of ids, ``derived`` as a dict). ``kind`` says which
    when ``records`` is empty. Numeric columns keep a float dtype, so an unbounded side or a
    range's value reads as NaN, pandas' missing value."""
    import pandas as pd

    from factrecon.reports.json_report import claim_record

    rows = list(records)
    found: Kind | None = kind or ("claims" if rows and isinstance(rows[0], Claim) else "findings" if rows else None)
    if found is None:
        raise ValueError("to_dataframe([]) needs kind='claims' or kind='findings'")
    expected = Claim if found == "claims" else Finding
    if not all(isinstance(row, expected) for row in rows):
        raise TypeError(f"to_dataframe: every record must be a {expected.__name__} for kind={found!r}")
    if found == "claims":
        data = [{**claim_record(row), "also_applies_to": row.also_applies_to} for row in rows]  # type: ignore[arg-type]
    else:
        data = [{**row.to_dict(), "claims": row.claims} for row in rows]  # type: ignore[union-attr]
    return pd.DataFrame(data, columns=list(COLUMNS[found]))
