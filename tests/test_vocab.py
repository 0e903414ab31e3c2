"""The layered vocabulary: packaged files load cleanly, a user's --vocab folder takes effect,
and malformed or conflicting files give one error line naming file and key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factrecon.claims import VocabError, extract, load_lexicon
from factrecon.reports.cli import app

runner = CliRunner()
ARTICLE = "天顶机器人今年出货1200台。"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_packaged_vocabulary_loads_without_duplicates() -> None:
    lexicon = load_lexicon()
    assert lexicon.entity("NVIDIA") is not None
    assert len({entry.name for entry in lexicon.entities}) == len(lexicon.entities)


def test_user_entity_alias_and_attribute_cue_take_effect(tmp_path: Path) -> None:
    folder = write(tmp_path / "vocab", "robots.toml", """
[[entity]]
name = "Zenith Robotics"
kind = "company"
aliases = ["天顶机器人"]

[[attribute]]
name = "robot shipments"
units = ["count"]
cues = ["出货"]
""")
    before = extract(ARTICLE)
    after = extract(ARTICLE, vocab=(str(folder),))
    assert before[0].entity != "Zenith Robotics"
    assert (after[0].entity, after[0].attribute) == ("Zenith Robotics", "robot shipments")


def test_user_alias_extends_an_existing_entity(tmp_path: Path) -> None:
    entry = '[[entity]]\nname = "NVIDIA"\nkind = "company"\naliases = ["绿厂"]\n'
    folder = write(tmp_path / "vocab", "nvidia.toml", entry)
    claims = extract("绿厂营收增长62%。", vocab=(str(folder),))
    assert claims[0].entity == "NVIDIA"


def test_user_scope_cue_takes_effect(tmp_path: Path) -> None:
    folder = write(tmp_path / "vocab", "scopes.toml", """
[[scope]]
name = "Nordics"
dimension = "region"
cues = ["北欧市场"]
""")
    text = "该公司北欧市场营收为12亿元。"
    assert extract(text)[0].scope == "whole"
    assert extract(text, vocab=(str(folder),))[0].scope == "Nordics"


@pytest.mark.parametrize(("entry", "message"), [
    ('name = "X"\ndimension = "planet"\ncues = ["火星"]', "scopes.toml:scope[0].dimension: 'planet' is not one of"),
    ('name = "X"\ndimension = "region"\nentities = ["Atlantis"]', "scopes.toml:scope[0].entities: no entity named"),
    ('name = "X"\ndimension = "region"\ncues = ["海外"]', "region scope alias '海外' is also listed at"),
])
def test_malformed_scope_entry_names_file_and_key(tmp_path: Path, entry: str, message: str) -> None:
    folder = write(tmp_path / "vocab", "scopes.toml", f"[[scope]]\n{entry}\n")
    with pytest.raises(VocabError, match=re.escape(message)):
        load_lexicon((str(folder),))


def test_duplicate_alias_names_both_places(tmp_path: Path) -> None:
    entry = '[[entity]]\nname = "Other"\nkind = "company"\naliases = ["英伟达"]\n'
    folder = write(tmp_path / "vocab", "dup.toml", entry)
    with pytest.raises(VocabError) as raised:
        load_lexicon((str(folder),))
    message = str(raised.value)
    assert "dup.toml:entity[0].aliases" in message and "entities/semiconductors.toml" in message


def test_malformed_vocab_file_exits_two_naming_file_and_key(tmp_path: Path) -> None:
    folder = write(tmp_path / "vocab", "bad.toml", '[[entity]]\nname = "X"\nkind = "spaceship"\n')
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--vocab", str(folder)])
    assert result.exit_code == 2
    assert f"{folder / 'bad.toml'}:entity[0].kind: 'spaceship' is not one of" in result.output


def test_invalid_toml_exits_two(tmp_path: Path) -> None:
    folder = write(tmp_path / "vocab", "broken.toml", "[[entity]\nname = ")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--vocab", str(folder)])
    assert result.exit_code == 2
    assert "broken.toml" in result.output


def test_date_option_resolves_relative_years(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("比亚迪今年纯电动车销量达225万辆。", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--format", "jsonl", "--date", f"{article}=2025-12-31"])
    assert result.exit_code == 0
    assert '"time": "2025 (implied)"' in result.output


def test_malformed_date_option_exits_two(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--date", "2025-12-31"])
    assert result.exit_code == 2
    assert "--date 2025-12-31: expected FILE=YYYY-MM-DD" in result.output


def test_front_matter_date_resolves_relative_years() -> None:
    claims = extract("---\ndate: 2024-05-01\n---\n特斯拉去年交付180万辆。")
    assert claims[0].time == "2023 (implied)"



def test_exclusion_patterns_that_open_with_a_run_refuse_to_start_inside_one() -> None:
    """A pattern opening with ``[class]+`` rescans the whole run from every position inside a long
    run of digits (quadratic time); it must open with a lookbehind refusing that class."""
    import re

    from factrecon.claims.numbers.exclusions import _patterns

    for name, pattern in _patterns():
        opening = re.match(r"(?:\(\?=\[[^\]]+\]\))?(\(\?<!(\[[^\]]+\])\))?(\[[^\]]+\])[+*]", pattern.pattern)
        if opening and opening.group(3):
            assert opening.group(2) is not None and set(opening.group(3)) <= set(opening.group(2)), (
                f"exclusion {name!r} opens with {opening.group(3)}+ and no lookbehind refusing it")
