"""``read_article`` reads an article once for its claims and its timeline, and gives exactly what
``extract`` and ``read_timeline`` give when each reads the text on its own; an undated article
read with dated ones of one story takes the story's date as a hint for its bare dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factrecon.claims import extract, read_article, read_timeline, story_date
from factrecon.claims.time.article_date import dateline_day
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


STORY_DATES = (
    ("middle_of_the_story", [dt.date(2025, 5, 13), dt.date(2025, 5, 20), dt.date(2025, 5, 13)], dt.date(2025, 5, 13)),
    ("one_dated_article", [dt.date(2026, 1, 8)], dt.date(2026, 1, 8)),
    ("no_dated_article", [], None),
    ("articles_of_different_times", [dt.date(2024, 3, 1), dt.date(2025, 5, 20)], None),
)


@pytest.mark.parametrize(("dates", "expected"), [case[1:] for case in STORY_DATES], ids=[c[0] for c in STORY_DATES])
def test_story_date_is_the_middle_date_of_one_story(dates: list[dt.date], expected: dt.date | None) -> None:
    assert story_date(dates) == expected


def test_a_date_hint_gives_bare_dates_an_implied_year_and_never_overrides_a_date() -> None:
    text = "5月20日,该公司股价收涨16%。"
    assert [c.time for c in extract(text, "a.txt")] == [None]
    assert [c.time for c in extract(text, "a.txt", date_hint=dt.date(2025, 5, 13))] == ["2025-05-20 (implied)"]
    dated = extract(text, "a.txt", article_date=dt.date(2024, 6, 1), date_hint=dt.date(2025, 5, 13))
    assert [c.time for c in dated] == ["2024-05-20 (implied)"]


def test_check_dates_an_undated_article_by_the_story_it_is_read_with(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from factrecon.reports.cli import app

    (tmp_path / "a.txt").write_text("2025年12月10日\n美联储宣布降息25个基点。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("12月10日,美联储宣布降息25个基点。", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "jsonl"])
    times = {json.loads(line)["source"][-5:]: json.loads(line)["time"] for line in result.stdout.splitlines()}
    assert times["b.txt"] == "2025-12-10 (implied)"


DATELINES = (
    ("en_source_first", "Harbor Air Posts Record Quarter\n\n(Skyline News) Mar 3 -- It carried 4.1 million passengers.",
     dt.date(2026, 3, 1), dt.date(2026, 3, 3)),
    ("en_city_then_agency", "OSLO, Feb. 27 (Nordic Wire) - Statkraft raised NOK 2 billion.", dt.date(2026, 3, 2),
     dt.date(2026, 2, 27)),
    ("en_year_turn", "LIMA, Dec 30 (Andes Press) -- Copper exports rose.", dt.date(2026, 1, 2), dt.date(2025, 12, 30)),
    ("zh_hans_agency", "标题\n新华社昆明3月4日电 云南今年春运客流达1200万人次。", dt.date(2026, 3, 6),
     dt.date(2026, 3, 4)),
    ("zh_hant_agency", "中央社台北3月5日電 台電公布電價調漲3%。", dt.date(2026, 3, 6), dt.date(2026, 3, 5)),
    ("too_far_from_the_story", "(Skyline News) Aug 3 -- It carried 4.1 million passengers.", dt.date(2026, 3, 1), None),
    ("a_date_in_the_body_is_no_dateline", "The airline said on May 3 it carried 4.1 million passengers.",
     dt.date(2026, 5, 1), None),
    ("a_day_without_dateline_mark", "3月4日，云南春运客流达1200万人次。", dt.date(2026, 3, 6), None),
)


@pytest.mark.parametrize(("text", "story", "expected"), [case[1:] for case in DATELINES], ids=[c[0] for c in DATELINES])
def test_an_agency_dateline_names_the_day_near_the_story(text: str, story: dt.date, expected: dt.date | None) -> None:
    assert dateline_day(text, story) == expected


def test_an_undated_article_with_a_dateline_takes_its_day_as_news_day() -> None:
    text = "(Skyline News) Mar 3 -- The airline's shares closed at $12.40."
    assert [c.time for c in extract(text, "a.txt", date_hint=dt.date(2026, 2, 27))] == ["2026-03-03 (implied)"]
