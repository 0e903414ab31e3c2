"""Frame specs: one test per [[case]] of tests/specs/frames/<part>/{zh_hans,zh_hant,en}.toml.

A part is one frame dimension (period, scope, basis, status, entities, measures); each case
gives a text, optionally the article's date and its story's (``story``: the date of the articles
it is read with), and some of its claims with the frame they must
carry. A claim is looked up BY ITS TEXT among ``extract(text, source="spec", article_date=date)``
(a text listed twice means its second occurrence). Only the fields a case gives are compared;
``""`` means the field must be empty (None, "unknown"). ``xfail = "why"`` marks a known gap and
runs strict. Case ids read ``<part>/<script>::<name>``, e.g. ``period/zh_hant::first_three_quarters``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

import pytest
import spec_tables

FAMILIES = tuple(f"frames/{folder.name}" for folder in sorted((spec_tables.SPECS / "frames").iterdir())
                 if folder.is_dir())
SCALAR_FIELDS = ("entity", "attribute", "relative_to", "time", "scope", "basis", "status", "origin")
FRAME_FIELDS = (*SCALAR_FIELDS, "also_applies_to")
CASE_KEYS = frozenset({"name", "text", "date", "story", "claims", "xfail"})

Case = spec_tables.Case


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "frame_case" not in metafunc.fixturenames:
        return
    params = []
    for family in FAMILIES:
        for stem, case in spec_tables.all_cases(family):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            params.append(pytest.param(case, id=f"{family.removeprefix('frames/')}/{stem}::{case['name']}",
                                       marks=marks))
    metafunc.parametrize("frame_case", params)


def _wanted(field: str, value: Any) -> Any:
    return sorted(value) if field == "also_applies_to" else (value or None)


def _got(claim: Any, field: str) -> Any:
    value = getattr(claim, field)
    return sorted(value) if field == "also_applies_to" else value


def _show(claim: Any) -> str:
    return f"{claim.text!r}@{claim.start} " + " ".join(f"{f}={_got(claim, f)!r}" for f in FRAME_FIELDS)


def test_frame_spec(frame_case: Case) -> None:
    from factrecon.claims import extract

    story = frame_case.get("story")
    hint = story if story is None or isinstance(story, dt.date) else dt.date.fromisoformat(story)
    claims = list(extract(frame_case["text"], source="spec", article_date=spec_tables.article_date(frame_case),
                          date_hint=hint))
    by_text: defaultdict[str, list[Any]] = defaultdict(list)
    for claim in claims:
        by_text[claim.text].append(claim)
    seen: Counter[str] = Counter()
    problems = []
    for want in frame_case["claims"]:
        text, nth = want["text"], seen[want["text"]]
        seen[text] += 1
        if nth >= len(by_text[text]):
            problems.append(f"{text!r} (#{nth + 1}): not extracted")
            continue
        got = by_text[text][nth]
        problems.extend(f"{text!r}: {field} {_got(got, field)!r} != expected {_wanted(field, want[field])!r}"
                        for field in FRAME_FIELDS if field in want and _got(got, field) != _wanted(field, want[field]))
    listing = "\n  ".join(_show(claim) for claim in claims) or "(none)"
    assert not problems, "\n".join(problems) + f"\nextracted:\n  {listing}"


@pytest.mark.parametrize("family", FAMILIES)
def test_cases_are_well_formed(family: str) -> None:
    """Known keys, a parseable date, listed texts present in the case text, string fields."""
    problems = []
    for stem, case in spec_tables.all_cases(family):
        where = f"{family}/{stem}.toml:{case.get('name', '?')}"
        problems.extend(spec_tables.case_problems(case, where, CASE_KEYS))
        if {"name", "text", "claims"} - case.keys():
            continue
        listed: Counter[str] = Counter()
        for want in case["claims"] or [{}]:
            text = want.get("text", "")
            listed[text] += 1
            if not text or case["text"].count(text) < listed[text]:
                problems.append(f"{where}: claim text {text!r} is not in the case text (as often as listed)")
            if unknown := want.keys() - {"text", *FRAME_FIELDS}:
                problems.append(f"{where}: claim {text!r} has unknown keys {sorted(unknown)}")
            if not want.keys() & set(FRAME_FIELDS):
                problems.append(f"{where}: claim {text!r} gives no frame field, so it tests nothing")
            problems.extend(f"{where}: claim {text!r}: {field} must be a string"
                            for field in SCALAR_FIELDS if field in want and not isinstance(want[field], str))
    assert not problems, "\n".join(problems)


MIN_CASES = 40  # per frame part, over the three scripts (issue [1/5])


@pytest.mark.parametrize("family", FAMILIES)
def test_each_part_has_enough_cases_in_every_script(family: str) -> None:
    cases = spec_tables.all_cases(family)
    scripts = Counter(stem for stem, _ in cases)
    assert len(cases) >= MIN_CASES and all(scripts[stem] for stem in spec_tables.SCRIPTS), (
        f"{family}: {len(cases)} cases ({dict(scripts)}); want {MIN_CASES} over all three scripts")
