"""Figures for people in the terminal tables: value, unit and interval as a reader expects them."""

from __future__ import annotations

import pytest

from factrecon.claims.model import Claim
from factrecon.reports.display import plain, shown
from factrecon.reports.terminal import excerpt


def claim(value: float | None, unit: str, qualifier: str = "exact", lower: float | None = None,
          upper: float | None = None, lang: str = "en") -> Claim:
    if qualifier == "exact":
        lower = upper = value
    return Claim(id="a.txt:0", source="a.txt", start=0, end=1, text="x", quote="x", value=value, lower=lower,
                 upper=upper, precision=None, unit=unit, qualifier=qualifier, lang=lang)


SHOWN = (
    # name, claim, style, expected
    ("bytes_take_an_si_prefix", claim(141e9, "byte"), "auto", "141 GB"),
    ("bandwidth_per_second", claim(4.8e12, "byte/second", "approx", 4.8e12, 4.8e12), "auto", "≈ 4.8 TB/s"),
    ("nanometres", claim(7e-9, "meter"), "auto", "7 nm"),
    ("percent_at_least", claim(95, "percent", "lower", 95, None), "auto", "≥ 95%"),
    ("percent_at_most", claim(0.1, "percent", "upper", None, 0.1), "auto", "≤ 0.1%"),
    ("range_shares_its_unit", claim(None, "month", "range", 2, 3), "auto", "2–3 months"),
    ("one_month_is_singular", claim(1, "month"), "auto", "1 month"),
    ("range_open_above", claim(None, "percent", "range", 20, None), "auto", "≥ 20%"),
    ("english_money_in_billions", claim(3e11, "CNY"), "auto", "300 billion CNY"),
    ("chinese_money_in_yi", claim(3e11, "CNY", lang="zh-Hans"), "auto", "3,000亿元"),
    ("traditional_rows_read_as_chinese", claim(4.1e10, "HKD", lang="zh-Hant"), "auto", "410亿港元"),
    ("setting_overrides_the_article", claim(3e11, "CNY", lang="zh-Hans"), "en", "300 billion CNY"),
    ("chinese_range_of_money", claim(None, "USD", "range", 2e9, 5e9, lang="zh-Hans"), "auto", "20–50亿美元"),
    ("english_range_of_different_scales", claim(None, "USD", "range", 5e8, 2e9), "auto",
     "500 million USD–2 billion USD"),
    ("exact_digits_kept_over_a_scale", claim(117894500, "count", lang="zh-Hans"), "auto", "117,894,500"),
    ("small_count_grouped", claim(97171, "count"), "auto", "97,171"),
    ("chinese_count_in_wan", claim(1.5e5, "count", lang="zh-Hans"), "auto", "15万"),
    ("share_price_zh", claim(263, "HKD/share", lang="zh-Hans"), "auto", "263港元/股"),
    ("share_price_en", claim(306.2, "HKD/share"), "auto", "306.2 HKD/share"),
    ("rate_per_tonne_en", claim(24600, "CNY/tonne"), "auto", "24,600 CNY/t"),
    ("percentage_points", claim(0.25, "percentage_point"), "auto", "0.25 pp"),
    ("percentage_points_zh", claim(0.25, "percentage_point", lang="zh-Hant"), "auto", "0.25个百分点"),
    ("multiple", claim(6, "times", "approx", 6, 6, lang="zh-Hans"), "auto", "≈ 6倍"),
    ("index_points", claim(25000, "index_point"), "auto", "25,000 pts"),
    ("exchange_rate_stays_a_pair", claim(7.1, "CNY/USD"), "auto", "7.1 CNY/USD"),
    ("tonnes_from_grams", claim(3.2e9, "gram"), "auto", "3,200 t"),
    ("approaching", claim(3e11, "CNY", "approaching", None, 3e11, lang="zh-Hans"), "auto", "≲ 3,000亿元"),
)


@pytest.mark.parametrize(("figure", "style", "expected"), [case[1:] for case in SHOWN], ids=[c[0] for c in SHOWN])
def test_a_figure_is_shown_as_its_reader_expects(figure: Claim, style: str, expected: str) -> None:
    assert shown(figure, style) == expected  # type: ignore[arg-type]


PLAIN = [(25.0, "25"), (628.31, "628.31"), (0.0034, "0.0034"), (1234567.0, "1,234,567"), (-5.5, "-5.5"),
         (30.718000000000004, "30.718")]


@pytest.mark.parametrize(("value", "expected"), PLAIN)
def test_plain_numbers_group_thousands_and_drop_float_noise(value: float, expected: str) -> None:
    assert plain(value) == expected


EXCERPTS = (
    ("fits_whole", "Revenue rose 5% in May", "5%", 40, "Revenue rose 5% in May"),
    ("figure_at_the_end_keeps_the_end", "The carrier flew 4.1 million passengers in March", "4.1 million", 24,
     "…flew 4.1 million passe…"),
    ("figure_in_the_middle_both_sides", "一二三四五六七八九十营收增长25%一二三四五六七八九十", "25%", 15,
     "…收增长25%一二…"),
    ("blanks_folded", "Sales\n  hit   97,171 units", "97,171", 30, "Sales hit 97,171 units"),
)


@pytest.mark.parametrize(("quote", "figure", "width", "expected"), [c[1:] for c in EXCERPTS],
                         ids=[c[0] for c in EXCERPTS])
def test_a_cut_quote_keeps_its_figure_in_view(quote: str, figure: str, width: int, expected: str) -> None:
    assert excerpt(quote, figure, width) == expected
