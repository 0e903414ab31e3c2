"""The terminal report's look as data (``reports/data/theme.toml``): a symbol, label and style per
verdict kind, the styles of the other parts, and the marks that stand in for colour.

A malformed theme is a ``ThemeError`` naming ``file:key: reason``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from rich.errors import StyleSyntaxError
from rich.style import Style

from factrecon.reconcile import KINDS

THEME_FILE = "theme.toml"
PARTS: tuple[str, ...] = ("topic", "place", "number", "fingerprint")


class ThemeError(ValueError):
    """The theme file is malformed; ``str()`` is ``"file:key: reason"``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """How one finding kind is shown: ``symbol`` and ``label`` always, ``style`` when in colour."""

    symbol: str
    label: str
    style: str

    @property
    def badge(self) -> str:
        """``"✗ CONFLICT"``: what an editor reads without colour."""
        return f"{self.symbol} {self.label}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Theme:
    """Verdicts by kind, styles by part (``PARTS``) and the plain-text marks around a quoted number."""

    verdicts: Mapping[str, Verdict]
    styles: Mapping[str, str]
    marks: tuple[str, str]


def _style(value: Any, key: str, name: str) -> str:
    if not isinstance(value, str):
        raise ThemeError(f"{name}:{key}: expected a string, got {value!r}")
    try:
        Style.parse(value)
    except StyleSyntaxError as error:
        raise ThemeError(f"{name}:{key}: {error}") from None
    return value


def _verdict(data: Any, key: str, name: str) -> Verdict:
    if not isinstance(data, dict):
        raise ThemeError(f"{name}:{key}: expected a table")
    for field in ("symbol", "label"):
        if not isinstance(data.get(field), str) or not data[field].strip():
            raise ThemeError(f"{name}:{key}.{field}: expected a non-empty string")
    style = _style(data.get("style", ""), f"{key}.style", name)
    return Verdict(symbol=data["symbol"], label=data["label"], style=style)


def parse_theme(text: str, name: str = THEME_FILE) -> Theme:
    """The theme in TOML ``text``; ``name`` prefixes error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ThemeError(f"{name}: {error}") from None
    tables = data.get("verdict", {})
    if unknown := sorted(set(tables) - set(KINDS)):
        raise ThemeError(f"{name}:verdict.{unknown[0]}: unknown kind (kinds: {', '.join(KINDS)})")
    if absent := [kind for kind in KINDS if kind not in tables]:
        raise ThemeError(f"{name}:verdict.{absent[0]}: missing")
    verdicts: dict[str, Verdict] = {kind: _verdict(tables[kind], f"verdict.{kind}", name) for kind in KINDS}
    seen: dict[str, str] = {}
    for kind, verdict in verdicts.items():
        if (other := seen.setdefault(verdict.badge, kind)) != kind:
            raise ThemeError(f"{name}:verdict.{kind}: same symbol and label as verdict.{other}")
    styles = data.get("style", {})
    if missing := [part for part in PARTS if part not in styles]:
        raise ThemeError(f"{name}:style.{missing[0]}: missing")
    marks = data.get("plain", {}).get("number")
    if not (isinstance(marks, list) and len(marks) == 2 and all(isinstance(mark, str) for mark in marks)):
        raise ThemeError(f"{name}:plain.number: expected two strings, an opening and a closing mark")
    return Theme(verdicts=verdicts, styles={part: _style(styles[part], f"style.{part}", name) for part in PARTS},
                 marks=(marks[0], marks[1]))


@cache
def load_theme() -> Theme:
    """The packaged theme (read once)."""
    return parse_theme(resources.files(__package__).joinpath("data", THEME_FILE).read_text(encoding="utf-8"))
