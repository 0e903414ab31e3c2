"""The timeline reader: dated events, day counts between them, and figures attributed to news."""

from __future__ import annotations

import datetime as dt

import pytest

from factrecon.claims import extract, read_timeline


def timeline_of(text: str, source: str = "a.txt"):  # type: ignore[no-untyped-def]
    return read_timeline(text, source, extract(text, source))


def test_a_date_dates_the_rest_of_its_sentence_with_its_kinds_and_entities() -> None:
    (event,) = timeline_of("12月5日,被称为“中国国产英伟达”的摩尔线程正式登陆A股。").events
    assert (event.month, event.day, event.year) == (12, 5, None)
    assert event.cue.kinds == ("listing",)
    assert event.cue.entities == ("Moore Threads",)  # not the nickname in quotes, not the market


def test_n_days_later_dates_an_event_from_the_one_before() -> None:
    text = "3月10日,泡泡玛特发布年度业绩。\n两天后,泡泡玛特宣布回购计划。"
    claims = extract(text, "a.txt")
    later = [e for e in read_timeline(text, "a.txt", claims).events if e.counted_by]
    assert [(e.month, e.day, e.counted_by, e.cue.entities) for e in later] == [
        (3, 12, next(c.id for c in claims if c.text == "两天"), ("Pop Mart",))]
    assert "announcement" in later[0].cue.kinds


@pytest.mark.parametrize(("text", "counting", "anchor", "target"), [
    ("蜜雪集团挂牌三天后,监管部门批准了蜜雪集团的海外扩张计划。", "after", ("listing",), ("approval",)),
    ("蜜雪集團掛牌三天後,主管機關核准蜜雪集團的海外展店計畫。", "after", ("listing",), ("approval",)),
    ("Three days after Mixue Group listed, regulators approved Mixue Group's plan.", "after", ("listing",),
     ("approval",)),
])
def test_a_duration_between_two_named_events(text: str, counting: str, anchor: tuple[str, ...],
                                             target: tuple[str, ...]) -> None:
    (frame,) = timeline_of(text).elapsed
    assert frame.counting == counting
    assert set(anchor) <= set(frame.anchor.kinds) and frame.anchor.entities == ("Mixue Group",)
    assert frame.target is not None and set(target) <= set(frame.target.kinds)


def test_a_count_since_a_listing_stops_at_its_as_of_date_in_trading_days() -> None:
    (frame,) = timeline_of("蜜雪集团登陆港股五日(截至3月7日收盘),股价累计上涨超过40%。").elapsed
    assert frame.counting == "since" and frame.trading
    assert frame.as_of is not None and (frame.as_of.month, frame.as_of.day) == (3, 7)


def test_a_duration_without_events_is_no_frame() -> None:
    assert timeline_of("该项目建设周期为三天,预计月底完工。").elapsed == ()


@pytest.mark.parametrize("text", [
    "3月10日,泡泡玛特发布业绩。\n两天后,泡泡玛特宣布回购计划。受此消息影响,泡泡玛特股价在3月10日上涨8.2%。",
    "On March 10, Pop Mart reported results.\nTwo days later, Pop Mart announced a buyback. "
    "Pop Mart shares rose 8.2% on March 10 on the news.",
])
def test_a_figure_attributed_to_the_news_points_at_the_news_and_its_own_date(text: str) -> None:
    (found,) = timeline_of(text).attributions
    assert (found.effect.month, found.effect.day) == (3, 10)
    assert (found.cause.month, found.cause.day) == (3, 12) and found.cause.counted_by is not None


def test_plans_and_deadlines_do_not_set_the_year_of_an_undated_article() -> None:
    text = ("2024年公司营收增长。\n公司计划最早在2026年第一季度提交上市申请,目标是2027年初完成IPO,2028年底前实现盈利。"
            "受此消息影响,公司股价在12月5日上涨5%。")
    (claim,) = [c for c in extract(text, "a.txt") if c.text == "5%"]
    assert claim.time == "2024-12-05 (implied)"


def test_the_article_date_gives_every_event_its_year() -> None:
    text = "12月5日,摩尔线程正式登陆A股。"
    (event,) = read_timeline(text, "a.txt", extract(text, "a.txt"),
                             article_date=dt.date(2025, 12, 10)).events
    assert (event.year, event.year_stated, event.label) == (2025, True, "2025-12-05")


def test_a_timeline_survives_a_json_round_trip() -> None:
    import json

    from factrecon.claims import Timeline

    timeline = timeline_of("3月10日,泡泡玛特发布业绩。\n两天后,泡泡玛特宣布回购计划。"
                           "受此消息影响,泡泡玛特股价在3月10日上涨8.2%。泡泡玛特登陆港股五日(截至3月14日),股价上涨。")
    assert timeline.events and timeline.attributions
    assert Timeline.from_dict(json.loads(json.dumps(timeline.to_dict()))) == timeline
