"""``read_article`` reads an article once for its claims and its timeline, and gives exactly what
``extract`` and ``read_timeline`` give when each reads the text on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from factrecon.claims import extract, read_article, read_timeline
from factrecon.reports.inputs import default_corpus

CORPUS = [Path(path) for path in default_corpus()]
OTHER_STORY = ("新华社北京12月5日电 国家统计局5日公布,11月全国居民消费价格同比上涨0.7%。"
               "两天后,国家统计局又公布11月工业生产者出厂价格同比下降2.2%。")


@pytest.mark.parametrize("text", [path.read_text(encoding="utf-8") for path in CORPUS] + [OTHER_STORY],
                         ids=[path.name for path in CORPUS] + ["other_story"])
def test_one_reading_gives_what_two_readings_give(text: str) -> None:
    claims, timeline = read_article(text, "a.txt")
    assert claims == extract(text, "a.txt")
    assert timeline == read_timeline(text, "a.txt", claims)
