"""Properties over generated input: claims keep their invariants, timelines read, ``check`` does not depend on
the order of claims or timelines, and its JSON and CSV reports are byte-identical from run to run.

The hypothesis profile of conftest.py ("ci") runs 2,000 examples per property from a fixed seed. Each
``@example`` is a minimal input that once broke a property, kept so the fix stays fixed.
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Sequence
from typing import TypeVar

import strategies
from hypothesis import example, given
from hypothesis import strategies as st

from factrecon.claims import Claim, Timeline, extract, read_timeline
from factrecon.reconcile import CheckResult, check
from factrecon.reports.csv_report import findings_to_csv
from factrecon.reports.json_report import check_to_json
from factrecon.units import is_canonical

SOURCE = "a.txt"
SHUFFLES = st.randoms(use_true_random=True)  # a seeded random.Random: cheaper than drawing each pick
T = TypeVar("T")


@functools.cache
def _article(text: str, source: str) -> tuple[tuple[Claim, ...], Timeline]:
    """The claims and timeline of one article, read once per run: generated articles often repeat."""
    claims = extract(text, source)
    return tuple(claims), read_timeline(text, source, claims)


def _extracted(articles: Sequence[str]) -> tuple[list[Claim], list[Timeline]]:
    read = [_article(text, f"{number:03d}.txt") for number, text in enumerate(articles)]
    return [claim for claims, _ in read for claim in claims], [timeline for _, timeline in read]


def _shuffled(items: Sequence[T], shuffle: random.Random) -> list[T]:
    return shuffle.sample(list(items), len(items))


def _inside_digits(text: str, offset: int) -> bool:
    """Whether ``offset`` falls between two digits ("1e3|0GB")."""
    return 0 < offset < len(text) and text[offset - 1 : offset + 1].isdecimal()


def _verdicts(result: CheckResult) -> list[tuple[str, str, tuple[str, ...], str, str]]:
    return [(f.id, f.kind, f.claims, f.explanation, f.fingerprint) for f in result.findings]


@given(strategies.texts())
@example("0至1%")  # a range from zero divided by zero
@example("每秒1%")  # 每秒 + % has no canonical unit: the prefix is not the claim's
@example("1 token")  # token alone has no canonical unit (每秒…token has)
@example("1e999%")  # beyond a float: inf
@example("显存为1e30GB")  # the exponent backtracked to 1e3, leaving the claim "0GB"
@example("12月5日融资。9999999天后公告。")  # read_timeline: a date past 9999-12-31
def test_claims_keep_their_invariants_and_read_into_a_timeline(text: str) -> None:
    claims = extract(text, SOURCE)
    assert len({claim.id for claim in claims}) == len(claims)
    for claim in claims:
        assert claim.id == f"{SOURCE}:{claim.start}"
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert not _inside_digits(text, claim.start) and not _inside_digits(text, claim.end)
        assert (claim.value is None) == (claim.qualifier == "range")
        numbers = (claim.value, claim.lower, claim.upper, claim.precision)
        assert all(math.isfinite(n) for n in numbers if n is not None)
        if claim.value is not None:
            assert claim.lower is None or claim.lower <= claim.value
            assert claim.upper is None or claim.value <= claim.upper
        assert is_canonical(claim.unit), claim.unit
    assert read_timeline(text, SOURCE, claims).source == SOURCE


@given(strategies.articles(), SHUFFLES)
@example(["H200显存不足1e6 GB。", "H200显存为1e-319 GB。"], random.Random(0))  # 1e-310 / 1e15 underflowed in a log
@example(["售价5e-324美元，25%的抽成意味着每颗需额外支付1美元。"], random.Random(0))  # 5e-324 × 25% = 0, divided by
def test_check_does_not_depend_on_claim_or_timeline_order(articles: list[str], shuffle: random.Random) -> None:
    claims, timelines = _extracted(articles)
    shuffled = _shuffled(claims, shuffle)
    assert _verdicts(check(claims)) == _verdicts(check(shuffled))
    assert _verdicts(check(claims, timelines=timelines)) == _verdicts(
        check(shuffled, timelines=_shuffled(timelines, shuffle))
    )


@given(strategies.claim_sets(), SHUFFLES)
def test_check_of_any_claim_set_does_not_depend_on_order(claims: list[Claim], shuffle: random.Random) -> None:
    result = check(claims)
    again = check(_shuffled(claims, shuffle))
    assert _verdicts(result) == _verdicts(again)
    assert check_to_json(result) == check_to_json(again)


@given(strategies.articles(), SHUFFLES)
@example(["售价1e308美元，25%的抽成意味着每颗需额外支付2.5e307美元。"], random.Random(0))  # 1e308 × 25 overflowed
@example(["收盘5e-324元/股，第二天继续上涨，收盘价达到141元，涨幅25%。"], random.Random(0))  # an infinite change
@example(["CloudMatrix 384 算力141 PFLOPS，是H20的50%。H20仅5e-324 TFLOPS。"], random.Random(0))  # an infinite ratio
def test_reports_are_byte_identical_across_runs_and_orders(articles: list[str], shuffle: random.Random) -> None:
    claims, timelines = _extracted(articles)
    first = check(claims, timelines=timelines)
    second = check(_shuffled(claims, shuffle), timelines=_shuffled(timelines, shuffle))
    assert check_to_json(first) == check_to_json(second)
    assert findings_to_csv(first) == findings_to_csv(second)
