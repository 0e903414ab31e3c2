"""Find the entities a text names: vocabulary aliases and model codes, references (它, 其,
该公司, it), and names not in the vocabulary (an unknown model code, ``X公司``).

Everything is matched on the normalised text (NFKC, simplified script); the words are data:
``claims/data/entities/`` and ``claims/data/references.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..clauses import paragraph_bounds
from ..lexicon import Lexicon, regional_variants
from ..literals import LiteralIndex, fold
from ..textmap import normalize
from ..vocab import alternation, load

_LATIN_EDGE_AFTER = r"(?![A-Za-z0-9])"
_UNKNOWN_CODE = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z]{1,3}-?[0-9]{1,5}|[A-Z]-?[0-9]{2,5})[A-Z]{0,2}(?![A-Za-z0-9])")
QUOTES = ("“", "”")


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named at ``[start, end)`` of the normalised text.

    ``kind`` is the entity's kind, or ``pronoun``/``figure``/``reference`` for words that point
    back (their ``name`` is empty; a reference ``wants`` the kind its noun names: 该法案 -> law)."""

    start: int
    end: int
    name: str
    kind: str
    parent: str | None = None
    known: bool = True
    wants: str | None = None

    @property
    def points_back(self) -> bool:
        return self.kind in ("pronoun", "figure", "reference")


@dataclass(frozen=True, slots=True)
class _Matchers:
    aliases: LiteralIndex
    by_alias: dict[str, tuple[str, str, str | None]]
    references: LiteralIndex
    reference_kinds: dict[str, str]
    unknown_company: re.Pattern[str]
    not_leading: tuple[str, ...]
    code_not_prefixes: tuple[str, ...]
    not_pointers: tuple[str, ...]
    not_pointers_ending: tuple[str, ...]
    not_in_name: re.Pattern[str]


def _is_latin(alias: str) -> bool:
    return alias.isascii()


@cache
def _matchers(lexicon: Lexicon) -> _Matchers:
    by_alias: dict[str, tuple[str, str, str | None]] = {}
    for entry in lexicon.entities:
        info = (entry.name, str(entry.fields["kind"]), entry.fields.get("parent"))
        for alias in [*entry.lists.get("aliases", []), *entry.lists.get("codes", [])]:
            for variant in regional_variants(normalize(alias).text):
                by_alias.setdefault(fold(variant), info)
    words = load("references")
    ref_kinds = {(f"{dem} {noun}" if _is_latin(noun) else f"{dem}{noun}").casefold(): kind
                 for kind, nouns in words["nouns"].items() for noun in nouns for dem in words["demonstratives"]
                 if _is_latin(noun) == _is_latin(dem)}
    ref_kinds.update({word.casefold(): kind for word, kind in words["standalone"].items()})
    pointers = {**{word.casefold(): "pronoun" for word in words["pronouns"]},
                **{word.casefold(): "figure" for word in words["figure_words"]}}
    ref_kinds.update(pointers)
    unknown = words["unknown_company"]
    return _Matchers(
        aliases=LiteralIndex(by_alias),
        by_alias=by_alias,
        references=LiteralIndex(ref_kinds),
        reference_kinds={fold(word): kind for word, kind in ref_kinds.items()},
        unknown_company=re.compile(
            rf"([\u4e00-\u9fff]{{2,{int(unknown['longest'])}}})(?:{alternation(unknown['suffixes'])})"
            rf"|((?:[A-Z][A-Za-z&]+ ){{1,3}})(?:{alternation(unknown['english_suffixes'])}){_LATIN_EDGE_AFTER}"),
        not_in_name=re.compile(f"[{re.escape(unknown['not_in_name'])}]"),
        not_leading=tuple(sorted(unknown["not_leading"], key=len, reverse=True)),
        code_not_prefixes=tuple(unknown["code_not_prefixes"]),
        not_pointers=tuple(words["not_pointers"]),
        not_pointers_ending=tuple(words["not_pointers_ending"]),
    )


def _known(text: str, matchers: _Matchers) -> list[Mention]:
    found = []
    for hit in matchers.aliases.find(text):
        name, kind, parent = matchers.by_alias[hit.key]
        found.append(Mention(hit.start, hit.end, name, kind, parent))
    return found


def _unknown(text: str, matchers: _Matchers, taken: list[tuple[int, int]]) -> list[Mention]:
    starts = [start for start, _ in taken]

    def free(start: int, end: int) -> bool:
        index = bisect_left(starts, end) - 1
        return index < 0 or taken[index][1] <= start

    found = []
    for match in _UNKNOWN_CODE.finditer(text):
        code = match.group()
        if free(*match.span()) and not code.upper().startswith(matchers.code_not_prefixes):
            found.append(Mention(match.start(), match.end(), code, "product", known=False))
    for match in matchers.unknown_company.finditer(text):
        name = (match.group(1) or match.group(2) or "").strip()
        start = match.start(1) if match.group(1) else match.start(2)
        cut = list(matchers.not_in_name.finditer(name)) if match.group(1) else []
        if cut:
            name, start = name[cut[-1].end():], start + cut[-1].end()
        for lead in matchers.not_leading:
            if name.startswith(lead):
                name, start = name[len(lead):], start + len(lead)
                break
        if len(name) >= 2 and free(start, start + len(name)):
            found.append(Mention(start, start + len(name), name, "company", known=False))
    return found


def _references(text: str, matchers: _Matchers) -> list[Mention]:
    found = []
    for hit in matchers.references.find(text):
        kind = matchers.reference_kinds[hit.key]
        if text.startswith(matchers.not_pointers, hit.start) or text[:hit.end].endswith(matchers.not_pointers_ending):
            continue  # 其中, 其他, 尤其: no reference
        found.append(Mention(hit.start, hit.end, "", kind if kind in ("pronoun", "figure") else "reference",
                             wants=kind))
    return found


def _join_maker_and_product(mentions: list[Mention], text: str) -> list[Mention]:
    """``英伟达H200``, ``小米SU7``, ``AMD的MI355X``: a maker right before its product is one mention."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        gap = text[previous.end:mention.start] if previous else ""
        if previous and previous.kind == "company" and mention.kind == "product" and len(gap) <= 6 \
                and not any(mark in gap for mark in ",，。;；、"):
            name = mention.name if mention.known else f"{previous.name} {mention.name}"
            joined[-1] = Mention(previous.start, mention.end, name, "product", previous.name, mention.known)
            continue
        joined.append(mention)
    return joined


def find_mentions(text: str, lexicon: Lexicon, as_written: Callable[[int, int], str] | None = None) -> list[Mention]:
    """Every entity mention in normalised ``text``, left to right, longest first where they overlap.

    ``as_written(start, end)`` gives the original text of a span: names not in the vocabulary
    are reported as the article wrote them (鼎新動力, not the folded 鼎新动力)."""
    matchers = _matchers(lexicon)
    known = _known(text, matchers)
    known_spans = [(m.start, m.end) for m in known]
    unknown = _unknown(text, matchers, known_spans)
    if as_written is not None:
        unknown = [replace(m, name=as_written(m.start, m.end)) if m.name == text[m.start:m.end] else m
                   for m in unknown]
    candidates = known + unknown + _references(text, matchers)
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in candidates:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return _join_maker_and_product(kept, text)


@lru_cache(maxsize=4)
def _quote_marks(text: str) -> tuple[list[int], list[int]]:
    return ([i for i, char in enumerate(text) if char == QUOTES[0]],
            [i for i, char in enumerate(text) if char == QUOTES[1]])


def inside_quotes(text: str, position: int) -> bool:
    """Whether ``position`` lies between an opening and a closing curly quote on its line."""
    line_start, _ = paragraph_bounds(text, position)
    opens, closes = _quote_marks(text)
    opened = bisect_left(opens, position) - bisect_left(opens, line_start)
    return opened > bisect_left(closes, position) - bisect_left(closes, line_start)
