"""numerals.scan: every number written in a text, with its exact value, interval and precision."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factrecon.claims.numbers.chinese_numerals import ChineseGrammar
from factrecon.claims.numbers.numerals import Numeral, parse, scan
from factrecon.claims.textmap import normalize

D = Decimal

# (text, value): the whole text is one numeral.
ARABIC = [
    ("1.2万", D("12000")), ("16.4亿", D("1640000000")), ("4.78万亿", D("4.78e12")), ("10万万", D("1e9")),
    ("1000  万", D("1e7")), ("1,100.9亿", D("110090000000")), ("20万亿", D("2e13")),
    ("30,717.9百万", D("30717900000")), ("1,050,000,000", D("1050000000")), (".5", D("0.5")),
    ("-10000", D("-10000")), ("负10000", D("-10000")), ("2e5", D("200000")), ("-127.32e13", D("-1.2732e15")),
    ("2^5", D("32")), ("40k", D("40000")), ("-2.5 M", D("-2500000")), ("4.6bn", D("4.6e9")),
    ("2.26 million", D("2260000")), ("1.35 trillion", D("1.35e12")),
]
MIXED = [
    ("3万4000", D("34000")), ("25万6千", D("256000")), ("5亿1万4千6百", D("500014600")),
    ("7 万5 千4 百", D("75400")), ("1千零20", D("1020")), ("2千零30万", D("20300000")),
    ("20万0737亿", D("20073700000000")),
]
CHINESE = [
    ("二十万亿", D("2e13")), ("一万零一十二", D("10012")), ("一万零十二", D("10012")), ("两百", D("200")),
    ("两千四百五", D("2450")), ("一万三", D("13000")), ("九百九", D("990")), ("百三", D("130")),
    ("千三", D("1300")), ("半百", D("50")), ("一打", D("12")), ("五十打", D("600")), ("伍仟", D("5000")),
    ("肆佰陸拾", D("460")), ("壹佰伍拾", D("150")), ("倆千", D("2000")), ("拾万零五十六", D("100056")),
    ("十五点七", D("15.7")), ("零点五", D("0.5")), ("两千万点五五四四", D("20000000.5544")),
    ("〇．二五", D("0.25")), ("三．五", D("3.5")), ("二〇一九", D("2019")),
    ("五兆六十二亿四万五千二", D("5006200045200")), ("一百 五 十 二", D("152")), ("兩百", D("200")),
    ("負三十二", D("-32")),
    ("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二", D("4569831148725382")),
]
FRACTIONS = [
    ("三分之一", D(1) / 3), ("六分之一", D(1) / 6), ("二分之一", D("0.5")), ("五 分之 一", D("0.2")),
    ("3又一千分之23", D("3.023")), ("负一又二分之一", D("-1.5")), ("1/6", D(1) / 6), ("16/5", D("3.2")),
    ("1 3/5", D("1.6")), ("３分之一百五十七", D(157) / 3), ("一百万分之五", D("0.000005")),
    ("一半", D("0.5")),
]
PERCENT_WORDS = [
    ("百分之一点五七", D("1.57")), ("百分之五十", D("50")), ("百分之百", D("100")), ("千分之五", D("0.5")),
    ("万分之三点六", D("0.036")), ("七成", D("70")), ("九成", D("90")), ("三成五", D("35")), ("3成", D("30")),
]
MULTIPLES = [
    ("sixfold", D(6)), ("15-fold", D(15)), ("tenfold", D(10)), ("two-fold", D(2)), ("doubled", D(2)),
    ("doubles", D(2)), ("tripled", D(3)), ("翻番", D(2)), ("翻一番", D(2)), ("翻两番", D(4)),
    ("翻了一番", D(2)),
]
ENGLISH = [
    ("six", D(6)), ("Twenty-five", D(25)), ("one hundred and five", D(105)), ("a dozen", D(12)),
    ("five million", D(5000000)), ("two thousand and twenty-four", D(2024)), ("a hundred", D(100)),
    ("half", D("0.5")), ("a third", D(1) / 3), ("one third", D(1) / 3), ("two-thirds", D(2) / 3),
    ("one", D(1)),
]
VALUES = [
    *(pytest.param(text, value, id=f"arabic::{text}") for text, value in ARABIC),
    *(pytest.param(text, value, id=f"mixed::{text}") for text, value in MIXED),
    *(pytest.param(text, value, id=f"chinese::{text}") for text, value in CHINESE),
    *(pytest.param(text, value, id=f"fraction::{text}") for text, value in FRACTIONS),
    *(pytest.param(text, value, id=f"percent_word::{text}") for text, value in PERCENT_WORDS),
    *(pytest.param(text, value, id=f"multiple::{text}") for text, value in MULTIPLES),
    *(pytest.param(text, value, id=f"english::{text}") for text, value in ENGLISH),
]

# (text, value, lower, upper, vague): vague numerals state an interval.
VAGUE = [
    ("十余", D(10), D(10), D(20), "lower"), ("十几", D(10), D(10), D(20), "lower"),
    ("十几万", D(100000), D(100000), D(200000), "lower"),
    ("二十几万", D(200000), D(200000), D(300000), "lower"),
    ("二百余万", D(2000000), D(2000000), D(3000000), "lower"),
    ("一千多万", D(10**7), D(10**7), D(2 * 10**7), "lower"),
    ("500余万", D(5000000), D(5000000), D(6000000), "lower"),
    ("一百零几万", D(1000000), D(1000000), D(1100000), "lower"),
    ("五百 余万", D(5000000), D(5000000), D(6000000), "lower"),
    ("十 余 万", D(100000), D(100000), D(200000), "lower"),
    ("上百", D(100), D(100), D(1000), "lower"), ("上千万", D(10**7), D(10**7), D(10**8), "lower"),
    ("数十", None, D(20), D(90), "range"), ("数万亿", None, D("2e12"), D("9e12"), "range"),
    ("几万", None, D(20000), D(90000), "range"), ("三四百万", None, D(3000000), D(4000000), "range"),
    ("个位数", None, D(1), D(9), "range"), ("個位數", None, D(1), D(9), "range"),
    ("两位数", None, D(10), D(99), "range"), ("single digits", None, D(1), D(9), "range"),
    ("double-digit", None, D(10), D(99), "range"),
    ("hundreds of thousands", None, D(200000), D(900000), "range"),
    ("several hundred million", None, D(2 * 10**8), D(9 * 10**8), "range"),
    ("tens of billions of", None, D(2 * 10**10), D(9 * 10**10), "range"),
]

# (text, precision, scale)
PRECISION = [
    ("4.8", D("0.1"), D(1)), ("3000亿", D("1e8"), D("1e8")), ("1.2万", D(1000), D("1e4")),
    ("0.033", D("0.001"), D(1)), ("25万6千", D(1000), D(1000)), ("3万4000", D(1), D(1)),
    ("两千四百五", D(10), D(1)), ("四千万", D("1e7"), D("1e4")), ("二十万亿", D("1e13"), D("1e12")),
    ("30,717.9百万", D("1e5"), D("1e6")), ("4.6bn", D("1e8"), D("1e9")), ("4.800", D("0.001"), D(1)),
    ("1/6", None, D(1)), ("百分之一点五七", D("0.01"), D(1)),
]

# (text, kind)
KINDS = [
    ("1.2万", "mixed"), ("3000", "arabic"), ("40k", "arabic"), ("两百", "chinese"),
    ("三分之一", "fraction"), ("百分之五", "percent"), ("七成", "percent"), ("翻两番", "multiple"),
    ("sixfold", "multiple"), ("six", "word"), ("half", "fraction"),
]

# (text, the numerals found, as text): spans in context, and what is deliberately not glued.
SPANS = [
    pytest.param("$4.6bn", ["4.6bn"], id="unit_outside::dollar"),
    pytest.param("H200和B300", ["200", "300"], id="product_code::digits_only"),
    pytest.param("4090K显卡", ["4090"], id="product_code::no_k_scale"),
    pytest.param("昇腾910C", ["910"], id="product_code::no_c"),
    pytest.param("2024年12月5日", ["2024", "12", "5"], id="date::parts"),
    pytest.param("2024/12/05", ["2024", "12", "05"], id="date::slashes_not_fraction"),
    pytest.param("1, 234, 567", ["1", "234", "567"], id="arabic::comma_space_splits"),
    pytest.param("2222.2222.22222.222", ["2222", "2222", "22222", "222"], id="arabic::dotted_chain"),
    pytest.param("两百点两", ["两百", "两"], id="chinese::no_liang_after_point"),
    pytest.param("五十千", ["五十"], id="chinese::unit_out_of_order"),
    pytest.param("重5千克", ["5"], id="chinese::si_prefix_kilo"),
    pytest.param("装机100兆瓦", ["100"], id="chinese::si_prefix_mega"),
    pytest.param("营收20亿 2023年", ["20亿", "2023"], id="mixed::space_then_digits_not_glued"),
    pytest.param("同比-5%", ["-5"], id="arabic::negative_after_text"),
    pytest.param("2020-2024", ["2020", "2024"], id="arabic::hyphen_is_not_minus"),
    pytest.param("2024年-2025年", ["2024", "2025"], id="arabic::dash_after_unit_is_not_minus"),
    pytest.param("3%-5%", ["3", "5"], id="arabic::dash_after_percent_is_not_minus"),
    pytest.param("--9", ["9"], id="arabic::double_dash"),
    pytest.param("十分钟", ["十"], id="block::keep_word"),
    pytest.param("三万一千", ["三万一千"], id="block::longer_numeral_wins"),
    pytest.param("十分之一", ["十分之一"], id="block::fraction_over_shifen"),
    pytest.param("两家公司", ["两"], id="chinese::liang"),
    pytest.param("半年内完成", ["半"], id="chinese::half_before_a_measure"),
    pytest.param("上半年营收", [], id="chinese::first_half_is_a_period"),
    pytest.param("新台币参佰伍拾万元", ["参佰伍拾万"], id="chinese::can_before_daxie_unit"),
    pytest.param("参加会议", [], id="chinese::can_is_not_a_digit_alone"),
    pytest.param("二手价格", [], id="block::second_hand"),
    pytest.param("近九成", ["九成"], id="percent_word::qualifier_outside"),
    pytest.param("a quarter of the vote", ["a quarter"], id="english::quarter_of"),
    pytest.param("one of them", ["one"], id="english::one"),
    pytest.param("one two", ["one", "two"], id="english::split_words"),
    pytest.param("以上百分之五十", ["百分之五十"], id="vague::not_shang_after_yi"),
    pytest.param("总数十万", ["十万"], id="vague::not_shu_after_zong"),
    pytest.param("增长五六个百分点", ["五六"], id="vague::adjacent_digits_range"),
]

# Texts with no numeral at all.
NONE = [
    "万", "万万", "亿", "两两", "一切", "一看", "统一", "唯一", "万一", "四川", "陆地", "大陆", "队伍",
    "收拾", "放肆", "拾取", "十分重要", "美味十足", "九九", "百度", "三星", "零和", "零售额", "半导体",
    "一杯羹", "百姓", "千万别", "数据", "上拾取", "个百分点", "someone", "often", "network", "tone",
    "the fourth quarter", "quarter", "no one", "the first half", "double down",
]


def _read(text: str) -> list[tuple[str, Numeral]]:
    folded = normalize(text).text
    return [(folded[n.start:n.end], n) for n in scan(folded)]


def _only(text: str) -> Numeral:
    found = _read(text)
    assert len(found) == 1, found
    return found[0][1]


@pytest.mark.parametrize(("text", "value"), VALUES)
def test_value(text: str, value: Decimal) -> None:
    assert parse(text) == value


@pytest.mark.parametrize(("text", "value", "lower", "upper", "vague"), VAGUE, ids=[row[0] for row in VAGUE])
def test_vague_interval(text: str, value: Decimal | None, lower: Decimal, upper: Decimal, vague: str) -> None:
    numeral = _only(text)
    assert (numeral.value, numeral.lower, numeral.upper, numeral.vague) == (value, lower, upper, vague)


@pytest.mark.parametrize(("text", "precision", "scale"), PRECISION, ids=[row[0] for row in PRECISION])
def test_precision_and_scale(text: str, precision: Decimal | None, scale: Decimal) -> None:
    numeral = _only(text)
    assert (numeral.precision, numeral.scale) == (precision, scale)


@pytest.mark.parametrize(("text", "kind"), KINDS, ids=[row[0] for row in KINDS])
def test_kind(text: str, kind: str) -> None:
    assert _only(text).kind == kind


@pytest.mark.parametrize(("text", "numerals"), SPANS)
def test_spans(text: str, numerals: list[str]) -> None:
    assert [piece for piece, _ in _read(text)] == numerals


@pytest.mark.parametrize("text", NONE)
def test_no_numeral(text: str) -> None:
    assert _read(text) == []


def test_plain_number_is_its_own_interval() -> None:
    numeral = _only("4.8")
    assert numeral.value == numeral.lower == numeral.upper == D("4.8") and numeral.vague is None


def test_negative_vague_bounds_swap() -> None:
    numeral = _only("负十几")
    assert (numeral.value, numeral.lower, numeral.upper) == (D(-10), D(-20), D(-10))


@pytest.mark.parametrize("text", ["三个", "", "1 2", "数万"])
def test_parse_rejects_what_is_not_one_valued_numeral(text: str) -> None:
    with pytest.raises(ValueError):
        parse(text)


@pytest.mark.parametrize(("fields", "message"), [
    ((3, 3, D(1), D(1), D(1), D(1), D(1), None, "arabic"), "span"),
    ((0, 1, D(1), D(2), D(1), D(1), D(1), None, "arabic"), "lower"),
    ((0, 1, None, D(1), D(2), None, D(1), None, "chinese"), "range"),
])
def test_numeral_invariants(fields: tuple[object, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Numeral(*fields)  # type: ignore[arg-type]


TINY_CHINESE = {
    "digits": {"一": 1, "二": 2, "三": 3}, "zeros": ["零"], "not_after_point": [],
    "units": {"十": 10, "百": 100}, "scales": {"万": 10000}, "prefix_of": {}, "point": ["点"],
    "negative": ["负"], "dash_after": ["年"], "not_alone": [], "bound_digits": {}, "bound_to": [],
    "words": {}, "fractions": {}, "multipliers": {"打": 12},
    "half": {"word": "半", "value": "0.5", "before": ["年"], "not_after": ["上"]},
    "vague": {"more": ["余"], "placeholder": ["几"], "range_before": {"数": [2, 9]}, "lower_before": {},
              "units": ["十", "百", "万"], "not_after": ["总"], "places_suffix": "位数", "places": {"个": 1}},
    "fraction": {"of": "分之", "and": ["又"], "percent_bases": {"百": 100}, "tenths": "成"},
    "multiples": {"turn": ["翻"], "turns": "番", "words": {"翻倍": 2}},
}


@pytest.mark.parametrize(("text", "value"), [
    ("三百二十一", D(321)), ("二万零三", D(20003)), ("一百二", D(120)), ("三分之一", D(1) / 3),
    ("负十二点三", D("-12.3")),
])
def test_grammar_on_a_tiny_vocabulary(text: str, value: Decimal) -> None:
    grammar = ChineseGrammar(TINY_CHINESE, {"k": 1000})
    assert [(n.start, n.end, n.value) for n in grammar.scan(text)] == [(0, len(text), value)]
