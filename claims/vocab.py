"""Load the claims vocabulary (TOML files in ``claims/data``), once, with errors that name file and key."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any


class VocabError(ValueError):
    """A vocabulary file is malformed: the message reads ``file:key: reason``."""


@cache
def load(name: str) -> dict[str, Any]:
    """The packaged vocabulary file ``claims/data/<name>.toml`` as a dict."""
    path = files("factrecon.claims") / "data" / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise VocabError(f"{name}.toml: {error}") from error


def words(name: str, key: str) -> tuple[str, ...]:
    """A list of strings under ``key`` (dotted for tables) in vocabulary ``name``, checked."""
    node: Any = load(name)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise VocabError(f"{name}.toml:{key}: missing")
        node = node[part]
    if not isinstance(node, list) or not all(isinstance(word, str) and word for word in node):
        raise VocabError(f"{name}.toml:{key}: expected a list of non-empty strings")
    return tuple(node)


def alternation(forms: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal ``forms``, longest first (so 最高可达 wins over 达)."""
    return "|".join(re.escape(form) for form in sorted(set(forms), key=len, reverse=True))


def first_chars(forms: tuple[str, ...] | list[str]) -> str:
    """A lookahead that admits only a character one of ``forms`` starts with (compiled with the
    same flags as their alternation, so in any case where that ignores case). Put before the
    alternation, it lets the regex engine turn down a position in one step instead of trying
    every form; empty when a form is empty (that alternation matches anywhere)."""
    if not forms or not all(forms):
        return ""
    return "(?=[" + "".join(re.escape(char) for char in sorted({form[0] for form in forms})) + "])"
