"""The cue tables of the status and basis readers: packaged words load with none listed under
two kinds, a word listed twice is an error naming both, and period labels end where they say."""

from __future__ import annotations

import datetime as dt

import pytest

from factrecon.claims import VocabError
from factrecon.claims.frame import basis, status
from factrecon.claims.frame.cues import CueTable

PERIOD_ENDS = (
    ("2025", dt.date(2025, 12, 31)),
    ("2025Q1", dt.date(2025, 3, 31)),
    ("2024H1", dt.date(2024, 6, 30)),
    ("2024-02", dt.date(2024, 2, 29)),
    ("2025-12-05", dt.date(2025, 12, 5)),
    ("2025-01..2025-11", dt.date(2025, 11, 30)),
    ("last spring", None),
)


@pytest.mark.parametrize(("label", "end"), PERIOD_ENDS, ids=[label for label, _ in PERIOD_ENDS])
def test_period_end(label: str, end: dt.date | None) -> None:
    assert status.period_end(label) == end


def test_packaged_tables_load() -> None:
    table, _ = status._table()
    assert table.kinds["preliminary"] == "preliminary"
    for lang in ("zh-Hans", "zh-Hant", "en"):
        assert basis._table(lang).cues.kinds["同比"] == "YoY"
    assert "前年同期" in basis._table("zh-Hant").cues.kinds
    assert "前年同期" not in basis._table("zh-Hans").cues.kinds


def test_word_under_two_kinds_names_both() -> None:
    with pytest.raises(VocabError, match=r"basis\.toml:QoQ: '環比' is also listed under YoY"):
        CueTable.build("basis", {"YoY": ["同比", "环比"], "QoQ": ["環比"]})
