"""Linking specs: one test per [[case]] of tests/specs/linking/{zh_hans,zh_hant,en}.toml.

Each case reads several articles, links their entities with ``link_entities`` (as
``factrecon check`` does), and names claims (``article:text``) that must carry one canonical
``entity``, or (``distinct = true``) must not share one. Case ids read ``<script>::<name>``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
import spec_tables

FAMILY = "linking"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    spec_tables.parametrize(metafunc, "linking_case", FAMILY)


def _claim(claims: list[Any], key: str, seen: Counter[str]) -> Any:
    source, _, text = key.partition(":")
    nth = seen[key]
    seen[key] += 1
    found = [claim for claim in claims if claim.source == source and claim.text == text]
    assert nth < len(found), f"{key} (#{nth + 1}): not extracted; got {[(c.source, c.text) for c in claims]}"
    return found[nth]


def test_linking_spec(linking_case: spec_tables.Case) -> None:
    from factrecon.claims import extract, link_entities, read_glosses

    articles: dict[str, str] = linking_case["articles"]
    claims = [claim for source, text in articles.items() for claim in extract(text, source=source)]
    linked = link_entities(claims, [read_glosses(text) for text in articles.values()])
    seen: Counter[str] = Counter()
    entities = [_claim(linked, key, seen).entity for key in linking_case["claims"]]
    if linking_case.get("distinct"):
        assert len(set(entities)) == len(entities), f"expected distinct entities, got {entities}"
    else:
        assert entities == [linking_case["entity"]] * len(entities), f"got {entities}"


def test_case_names_are_unique_per_file() -> None:
    for stem in spec_tables.SCRIPTS:
        counts = Counter(case["name"] for case in spec_tables.load_cases(FAMILY, stem))
        assert not [name for name, n in counts.items() if n > 1], f"{FAMILY}/{stem}.toml: duplicate case names"
