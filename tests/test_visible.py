"""Hidden characters shown as escapes: which characters, how they read, and the warning's words."""

from __future__ import annotations

import doctest
from collections import Counter

import pytest

from factrecon.reports import visible as module
from factrecon.reports.visible import hidden_characters, hidden_class, hidden_warning, visible

SHOWN = (
    ("份额约95%\u202e。", "份额约95%⟨U+202E⟩。"),
    ("\u2066H200\u2069", "⟨U+2066⟩H200⟨U+2069⟩"),
    ("a\u200eb\u200fc\u061cd", "a⟨U+200E⟩b⟨U+200F⟩c⟨U+061C⟩d"),
    ("1\u200b000", "1⟨U+200B⟩000"),
    ("\u200c\u200d\u2060\ufeff", "⟨U+200C⟩⟨U+200D⟩⟨U+2060⟩⟨U+FEFF⟩"),
    ("co\u00adoperate", "co⟨U+00AD⟩operate"),
    ("tag\U000e0041", "tag⟨U+E0041⟩"),
)
"""Text with hidden characters, and how a person sees it."""
KEPT = ("", "英偉達的份額約為95%。", "H200\u00a04.8TB/s", "line\r\nnext\ttab", "emoji 👍🏽 é", "\u3000全角空格")
"""Text without format characters (no-break and ideographic spaces, line ends, combining marks)."""
WARNINGS = (
    ("\u202e", "1 bidirectional control character shown as ⟨U+202E⟩"),
    ("\u202e…\u202e", "2 bidirectional control characters shown as ⟨U+202E⟩"),
    ("\u202e\u200b\u202c", "2 bidirectional control characters and 1 zero-width character shown as ⟨U+…⟩ escapes"),
    ("\u00ad\u200b\u2066", "1 bidirectional control character, 1 zero-width character and 1 format character "
                           "shown as ⟨U+…⟩ escapes"),
    ("plain", ""),
)


@pytest.mark.parametrize(("text", "shown"), SHOWN, ids=repr)
def test_hidden_characters_are_shown_as_escapes(text: str, shown: str) -> None:
    assert visible(text) == shown


@pytest.mark.parametrize("text", KEPT, ids=repr)
def test_text_without_hidden_characters_is_unchanged(text: str) -> None:
    assert visible(text) == text
    assert hidden_characters(text) == Counter()


@pytest.mark.parametrize(("text", "warning"), WARNINGS, ids=repr)
def test_warning_counts_each_class_and_names_a_lone_character(text: str, warning: str) -> None:
    assert hidden_warning(hidden_characters(text)) == warning


def test_every_listed_control_has_its_class() -> None:
    assert {hidden_class(c) for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"} == {
        "bidirectional control character"}
    assert {hidden_class(c) for c in "\u200b\u200c\u200d\u2060\ufeff"} == {"zero-width character"}
    assert hidden_class("\u00ad") == "format character"


def test_doctests() -> None:
    assert doctest.testmod(module) == (0, 2)
