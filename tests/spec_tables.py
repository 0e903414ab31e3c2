"""Shared loading of spec tables (``tests/specs/<family>/<script>.toml``, ``[[case]]`` tables)."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Collection
from functools import cache
from pathlib import Path
from typing import Any

import pytest

SPECS = Path(__file__).parent / "specs"
SCRIPTS = ("zh_hans", "zh_hant", "en")
Case = dict[str, Any]


@cache
def load_cases(family: str, stem: str) -> tuple[Case, ...]:
    """The [[case]] tables of one spec file, in file order."""
    with (SPECS / family / f"{stem}.toml").open("rb") as handle:
        return tuple(tomllib.load(handle)["case"])


def all_cases(family: str) -> list[tuple[str, Case]]:
    return [(stem, case) for stem in SCRIPTS for case in load_cases(family, stem)]


def families(top: str) -> tuple[str, ...]:
    """``top`` and each folder under it holding a file per script (``claims``, ``claims/rates``)."""
    folders = sorted(folder.name for folder in (SPECS / top).iterdir() if folder.is_dir())
    return (top, *(f"{top}/{name}" for name in folders))


def parametrize(metafunc: pytest.Metafunc, fixture: str, family: str, *more: str) -> None:
    """One test per case of ``family`` (and of ``more`` families, whose ids start with their folder),
    id ``[<folder>/]<script>::<name>``; ``xfail = "why"`` in data is a strict xfail."""
    if fixture not in metafunc.fixturenames:
        return
    params = []
    for each in (family, *more):
        prefix = "" if each == family else each.rsplit("/", 1)[-1] + "/"
        for stem, case in all_cases(each):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            params.append(pytest.param(case, id=f"{prefix}{stem}::{case['name']}", marks=marks))
    metafunc.parametrize(fixture, params)


def article_date(case: Case) -> dt.date | None:
    """A case's ``date`` as a date (TOML gives a date or a string), or None."""
    written = case.get("date")
    return written if written is None or isinstance(written, dt.date) else dt.date.fromisoformat(written)


def case_problems(case: Case, where: str, keys: Collection[str]) -> list[str]:
    """What is wrong with a text case's own keys: missing ``name``/``text``/``claims``, keys not in
    ``keys``, a ``date`` that is no date (its claims are each family's to check)."""
    if missing := {"name", "text", "claims"} - case.keys():
        return [f"{where}: missing {sorted(missing)}"]
    problems = [f"{where}: unknown keys {sorted(unknown)}"] if (unknown := case.keys() - set(keys)) else []
    try:
        article_date(case)
    except (TypeError, ValueError):
        problems.append(f"{where}: date {case['date']!r} is not YYYY-MM-DD")
    return problems
