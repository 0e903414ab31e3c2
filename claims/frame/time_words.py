"""The words of time mentions, found in one pass: named quarters, halves and spans (首季, 上半年,
前三季度, first nine months), words relative to the article's date (今年, last quarter, 昨日),
references back to a period named before (同期, 去年同期, 当季, full-year), the quarters of a
year in turn (四个季度), year-to-date and "now" words. Words: claims/data/time.toml.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, cast

from ..literals import LiteralIndex, fold
from ..textmap import normalize
from ..vocab import VocabError, load
from .time_forms import Back, BackGrain, Form, Now, QuarterSet, Shift, Stretch, Unit
from .time_grammar import Atom

GRAINS = ("year", "quarter", "month", "day")


def folded(word: str) -> str:
    """A vocabulary word as the text is matched: NFKC, simplified script, Latin lower-cased."""
    return fold(normalize(word).text)


def _span(name: str, written: str) -> Stretch:
    first, _, last = written.partition("..")
    try:
        return Stretch(int(first), int(last))
    except ValueError as error:
        raise VocabError(f"time.toml:spans.{name}: {written!r} is not 'first..last' months") from error


def _table(data: dict[str, Any]) -> dict[str, tuple[Form, bool]]:
    """Every time word of the vocabulary -> (its form, whether it runs to the article's date)."""
    forms: dict[str, tuple[Form, bool]] = {}

    def add(words: dict[str, Any] | list[str], make: Any, since: bool = False) -> None:
        items = words.items() if isinstance(words, dict) else ((word, None) for word in words)
        for word, value in items:
            forms[folded(word)] = (make(word, value), since)

    add(data["quarters"]["named"], lambda _, q: Stretch(3 * q - 2, 3 * q))
    add(data["halves"], lambda _, h: Stretch(6 * h - 5, 6 * h))
    add(data["spans"], _span)
    add(data["relative"]["years"], lambda _, k: Stretch(relative=k, whole_year=True))
    anchored = {folded(word) for word in data["relative"]["anchored"]}
    for unit, key in (("quarter", "quarters"), ("month", "months"), ("day", "days")):
        add(data["relative"][key], lambda w, k, u=unit: Shift(cast(Unit, u), k, folded(w) in anchored))
    add(data["same_period"], lambda _, k: Back("", k))
    for word, grain in data["that_period"].items():
        if grain not in GRAINS:
            raise VocabError(f"time.toml:that_period.{word}: {grain!r} is not one of {', '.join(GRAINS)}")
        forms[folded(word)] = (Back(cast(BackGrain, grain)), False)
    add(data["quarters"]["sets"], lambda _, __: QuarterSet())
    add(data["words"]["year_to_date"], lambda _, __: Stretch(relative=0, whole_year=True), since=True)
    add(data["words"]["now"], lambda _, __: Now())
    return forms


@cache
def _index() -> tuple[LiteralIndex, dict[str, tuple[Form, bool]]]:
    table = _table(load("time"))
    return LiteralIndex(table), table


def word_atoms(text: str, folded_text: str) -> Iterator[Atom]:
    """The time words of normalised ``text`` (``folded_text``: lower-cased), leftmost and longest first."""
    index, table = _index()
    for start, end in index.spans(folded_text):
        form, since = table[folded_text[start:end]]
        yield Atom(start, end, form, since=since)
