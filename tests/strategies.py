"""Hypothesis strategies for the property tests (test_properties.py).

* ``texts``: arbitrary Unicode (broad alphabet, no surrogates) or news-like text built from fragments in the
  three scripts: numerals (Arabic, Chinese, 大写, full-width, exponents), units, qualifiers, ranges, entity
  names, time words, and sentences shaped like each reconcile check's examples;
* ``articles``: 2-4 articles about a small shared set of entities and attributes, so that checks find things;
* ``claim_sets``: claim records built directly, with extreme but finite figures.
"""

from __future__ import annotations

import re
from itertools import product

from hypothesis import strategies as st

from factrecon.claims import Claim

# Characters that stress offsets: full-width forms, combining marks, zero-width and control characters.
TRICKY = (
    "\x00", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u0301", "\u0308", "\u3000", "\u00a0",
    "０", "１", "５", "９", "％", "．", "，", "～", "－", "—", "–", "ｘ", "Ｈ", "ﬁ", "㎚", "㈱", "①", "Ⅷ",
    "\r", "\n", "\t", "、", "。", "：", "（", "）", "“", "”", "《", "》",
)

DIGITS = ("0", "1", "2", "3.5", "4.8", "6", "7.5", "12", "20", "141", "989", "1,280", "16896", "2025", "0.5", "99.9")
EXTREME = ("1e999", "1e30", "1.7e308", "9e307", "1e-999", "5e-324", "10^3", "10^3000", "-5", "−3.5",
           "99999999999999999999")
FULL_WIDTH = ("１２", "３．５", "５０", "１，２８０", "０")
CHINESE = ("一", "两", "兩", "三", "五", "十", "十五", "二十", "一百二十", "三千", "十余", "几十", "数百", "个位数",
           "零", "半")
FORMAL = ("壹", "贰", "叁", "肆", "伍", "拾", "壹佰贰拾", "貳拾", "叁仟")
ENGLISH = ("one", "two", "three", "six", "twelve", "a third", "half", "Three")
NUMBERS = DIGITS + EXTREME + FULL_WIDTH + CHINESE + FORMAL + ENGLISH

SCALES = ("", "", "万", "亿", "萬", "億", "万亿", "千", "亿" * 39, " billion", " million", "bn", "k")
UNITS = (
    "", "%", "％", "倍", "美元", "元", "元人民币", "港元", "新台幣", "TB/s", "GB", "TB", "nm", "奈米", "纳米", "瓦",
    "W", "TFLOPS", "PFLOPS", "TOPS", " percent", " per cent", "个月", "個月", "天", "日", "年", "家", "片", "个",
    "颗", "卡", "并发", "Token/s", "基点", " bp", "元/股", "x", "-fold", " times", " dollars", "辆", " cars",
)
BEFORE = ("", "", "约", "大约", "近", "超过", "逾", "不足", "不到", "直逼", "接近", "高达", "仅", "最高可达", "至少",
          "about ", "more than ", "nearly ", "up to ", "over ", "under ", "~", "每秒", "每股")
AFTER = ("", "", "以上", "左右", "以下", "上下", "内", "多", "余", " or more", " or so")
RANGE_SEPARATORS = ("至", "到", "—", "-", "~", "～", "－", "–", " to ", " and ")

ENTITIES = (
    "英伟达", "輝達", "辉达", "NVIDIA", "Nvidia", "H200", "H20", "H100", "B300", "华为", "華為", "昇腾910C", "寒武纪",
    "摩尔线程", "沐曦", "AMD", "MI355X", "昆仑芯P800", "百度", "台积电", "台積電", "TSMC", "Huawei",
)
ATTRIBUTES = (
    "显存带宽", "顯存頻寬", "算力", "FP16算力", "市场份额", "市佔率", "营收", "營收", "股价", "股價", "市值", "性能",
    "功耗", "制程", "售价", "出货量", "memory bandwidth", "market share", "revenue", "compute", "price", "显存",
    "HBM3e内存",
)
TIMES = ("2025年", "2024年", "12月5日", "12月8日", "今年", "去年", "明年", "第三季度", "2025年第三季度", "上市三天后",
         "两天后", "in 2025", "last year", "Q3", "2026财年", "民國114年")
GLUE = ("", " ", "的", "为", "是", "达", "达到", "，", "。", "；", "\n", "\n\n", "、", "(", ")", " is ", " of ",
        "，其中", "受此消息影响，", "据IDC数据，", "according to TrendForce, ", "H20的", "相当于", "是H20的", "比",
        "增长", "下降", "上涨", "from ", "从", "降至", "升至", "意味着")

# Sentences shaped like each reconcile check's examples ({n} a figure, {p} a percent, {c} a count of days,
# {d} a day of the month), so that the derived checks meet odd figures: 0, 5e-324, 1e308, 12月32日.
TEMPLATES = (
    "单颗H200售价约{n}万美元，{p}%的抽成意味着每颗芯片需要额外支付{n}万美元。",
    "a ${n} chip with a {p}% levy means an extra ${n} per chip.",
    "收盘{n}元/股，第二天继续上涨，收盘价达到{n}元，涨幅{p}%。",
    "Shares rose from ${n} to ${n}, a gain of {p}%.",
    "摩尔线程收盘{n}元/股，总市值直逼{n}亿元。",
    "摩尔线程股价已突破{n}元，总市值{n}亿元。",
    "2024年中国数据中心加速卡有{p}%是推理卡，超过训练卡的{p}%。",
    "华为AI芯片市场份额已冲到{p}%。",
    "IDC称国产AI芯片份额{p}%。",
    "CloudMatrix 384 算力{n} PFLOPS。",
    "B300单卡算力达{n} PFLOPS。",
    "P800 FP16算力达{n}TFLOPS，是H20的{n}倍。",
    "H20仅{n} TFLOPS。",
    "H20性能僅為H200 {p}%。",
    "H200的FP16算力为{n} TFLOPS。",
    "H200是H20的{n}倍左右。",
    "中方将为此支付{p}%的额外费用。",
    "芯片销售收入的{p}%将上缴美国政府。",
    "12月{d}日，摩尔线程正式登陆A股。",
    "12月{d}日，特朗普宣布将允许英伟达向中国出售H200。",
    "“中国国产英伟达”上市{c}天后，英伟达H200解禁。",
    "摩尔线程登陆A股{c}日(截至12月{d}日)。",
    "12月{d}日，昆仑芯完成融资。{c}天后百度发布公告。受此消息影响，百度股价在12月{d}日上涨{p}%。",
    "H200显存{n}GB。",
    "H200配备{n}GB HBM3e内存。",
    "英伟达在中国的市场份额从{p}%降至{p}%。",
)
TEMPLATE_FIGURES = {
    "n": ("141", "0", "1", "4", "628.31", "735", "3000", "1,280", "三", "十五", "1e308", "5e-324", "1e-319", "-5"),
    "p": ("25", "0", "100", "99.99", "16.98", "57.6", "33", "7.5", "250", "1e308", "5e-324", "-5"),
    "c": ("三", "五", "十", "0", "1", "99999", "9999999"),
    "d": ("5", "8", "11", "1", "31", "0", "32", "99"),
}


def _joined(*choices: tuple[str, ...] | st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """One pick from each of ``choices`` (a tuple to sample, or a strategy), concatenated."""
    return st.tuples(*(c if isinstance(c, st.SearchStrategy) else st.sampled_from(c) for c in choices)).map("".join)


_NUMBER = st.sampled_from(NUMBERS)
QUANTITY = _joined(BEFORE, st.one_of(_NUMBER, _NUMBER, _NUMBER, _joined(NUMBERS, RANGE_SEPARATORS, NUMBERS)),
                   SCALES, UNITS, AFTER)
"""A number as a news text writes it: qualifier, numeral (or a range of two), scale, unit, trailing word."""


def _template(template: str) -> st.SearchStrategy[str]:
    """``template`` with each ``{name}`` drawn from ``TEMPLATE_FIGURES[name]``."""
    pieces = re.split(r"\{(\w)\}", template)  # the names at odd positions
    return _joined(*(TEMPLATE_FIGURES[piece] if odd % 2 else (piece,) for odd, piece in enumerate(pieces)))


TEMPLATED = st.one_of(*map(_template, TEMPLATES))
"""One of ``TEMPLATES``, its figures drawn from ``TEMPLATE_FIGURES``."""


ARBITRARY_CHAR = st.one_of(
    st.characters(exclude_categories=("Cs",)),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK ideographs
    st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),  # full-width forms
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
    st.sampled_from(TRICKY),
)
FRAGMENT = st.one_of(
    QUANTITY, QUANTITY, TEMPLATED, st.sampled_from(ENTITIES), st.sampled_from(ATTRIBUTES),
    st.sampled_from(TIMES), st.sampled_from(GLUE), ARBITRARY_CHAR,
)


def fragments(max_fragments: int = 16, max_size: int = 200) -> st.SearchStrategy[str]:
    """News-like text of up to ``max_size`` characters: fragments of all three scripts."""
    return st.lists(FRAGMENT, max_size=max_fragments).map(lambda parts: "".join(parts)[:max_size])


def texts() -> st.SearchStrategy[str]:
    """Arbitrary Unicode (no surrogates) or fragment-built news text, up to 200 characters."""
    return st.one_of(st.text(ARBITRARY_CHAR, max_size=200), fragments())


SHARED_ENTITIES = ("英伟达H200", "H20", "輝達H200", "NVIDIA H200", "华为昇腾910C")
SHARED_ATTRIBUTES = ("显存带宽", "FP16算力", "显存", "市场份额", "售价", "性能", "memory bandwidth")
SHARED_VALUES = ("4.8TB/s", "4.8 TB/s", "每秒4.8TB", "141GB", "96GB", "989 TFLOPS", "148TFLOPS", "6倍", "7.5%",
                 "约3万美元", "超过4万美元", "50%", "20%—25%", "0", "两年", "18个月", "三天",
                 "1e308 GB", "1e-319 GB", "0GB", "-5%", "1e300倍", "0倍")
SHARED_VERBS = ("", "为", "达", "约", "超过", "不足", "是H20的")
SHARED_ENDINGS = ("。", "，", "。\n", "左右。", "以上。")


SHARED = _joined(("", *TIMES[:6]), SHARED_ENTITIES, SHARED_ATTRIBUTES, SHARED_VERBS, SHARED_VALUES, SHARED_ENDINGS)
"""A sentence about one of a few shared entities and attributes, so that articles agree or clash."""


def articles() -> st.SearchStrategy[list[str]]:
    """2-4 articles of 1-3 sentences each (shared-quantity and check-shaped sentences, now and then fragments),
    some printing their passage twice."""
    sentence = st.one_of(SHARED, TEMPLATED, TEMPLATED, fragments(6, 60))
    article = st.lists(sentence, min_size=1, max_size=3).map("".join)
    return st.lists(st.one_of(article, article, article, article.map(lambda text: f"{text}\n{text}")),
                    min_size=2, max_size=4)


# ---------------------------------------------------------------- claim records built directly

FIGURES = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from((0.0, -0.0, 1.0, 6.0, 7.5, 25.0, 141e9, 4.8e12, 1e308, -1e308, 5e-324, 1e-310)),
)
# (text, quote, unit, precision) and (entity, attribute, relative_to, time, origin): one draw each
WRITTEN = st.sampled_from(tuple(product(
    ("4.8TB/s", "7.5%", "6倍", "1万美元", "三天"),
    ("H200显存带宽4.8TB/s", "25%的抽成意味着每颗芯片需要额外支付1万美元", "收盘价达到735元，涨幅16.98%", "上市三天后"),
    ("byte/second", "byte", "times", "percent", "USD", "CNY", "CNY/share", "day", "count", "FLOPS"),
    (None, 1.0, 0.1),
)))
CONTEXTS = st.sampled_from(tuple(product(
    (None, "NVIDIA H200", "NVIDIA H20", "Huawei", "China domestic AI chips", "Moore Threads"),
    (None, "memory bandwidth", "memory capacity", "performance", "market share", "unit price", "share price",
     "market cap", "FP16 dense compute"),
    (None, "NVIDIA H20", "NVIDIA H200"),
    (None, "2025", "2024", "2025-12-05"),
    (None, "IDC", "TrendForce"),
)))
QUALIFIERS = st.sampled_from(("exact", "approx", "lower", "upper", "range", "approaching"))


@st.composite
def claim_record(draw: st.DrawFn, source: str, start: int) -> Claim:
    """A claim with valid but arbitrary figures: ``lower <= value <= upper`` as its qualifier allows."""
    low, value, high = sorted(draw(FIGURES) for _ in range(3))
    qualifier = draw(QUALIFIERS)
    lower, upper = {"exact": (value, value), "approx": (low, high), "lower": (value, None), "upper": (None, value),
                    "range": (low, high), "approaching": (low, value)}[qualifier]
    text, quote, unit, precision = draw(WRITTEN)
    entity, attribute, relative_to, time, origin = draw(CONTEXTS)
    return Claim(
        id=f"{source}:{start}", source=source, start=start, end=start + len(text), text=text, quote=quote,
        value=None if qualifier == "range" else value, lower=lower, upper=upper, precision=precision, unit=unit,
        qualifier=qualifier, lang="zh-Hans", entity=entity, attribute=attribute, relative_to=relative_to, time=time,
        origin=origin,
    )


@st.composite
def claim_sets(draw: st.DrawFn) -> list[Claim]:
    """Up to 4 claims in each of 1-3 sources."""
    sources = ("a.txt", "b.txt", "c.txt")[: draw(st.integers(1, 3))]
    return [draw(claim_record(source, 20 * k)) for source in sources for k in range(draw(st.integers(0, 4)))]
