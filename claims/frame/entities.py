"""Find the entities a text names: vocabulary aliases and model codes, references (它, 其,
该公司, it, the world's largest chipmaker), and names not in the vocabulary, found by their form:
Latin-script names, codes and products (``latin_names.py``), Han names before a company word, in
quotes or opening a sentence (``han_names.py``), titled persons and markets as a whole
(``names.py``), renamed by the article's own glosses ("米勒（Anna Miller）"). A maker right before
its product is one product mention ("Google's Pixel 10 Pro" -> Google Pixel 10 Pro, parent
Google), and so are the article's later bare mentions of that product.

Everything is matched on the normalised text (NFKC, simplified script); the words are data:
``claims/data/entities/``, ``claims/data/references.toml`` and ``claims/data/names.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..clauses import char_positions, paragraph_bounds
from ..lexicon import Lexicon, regional_variants
from ..literals import LiteralIndex, fold
from ..textmap import normalize
from ..vocab import alternation, load
from .han_names import han_names
from .latin_names import latin_names
from .mentions import Mention as Mention
from .names import glosses, markets, persons

QUOTES = ("“", "”")


@dataclass(frozen=True, slots=True)
class _Matchers:
    aliases: LiteralIndex
    by_alias: dict[str, tuple[str, str, str | None]]
    references: LiteralIndex
    reference_kinds: dict[str, str]
    not_pointers: tuple[str, ...]
    not_pointers_ending: tuple[str, ...]
    latin_references: re.Pattern[str]


def _is_latin(alias: str) -> bool:
    return alias.isascii()


@cache
def _matchers(lexicon: Lexicon) -> _Matchers:
    by_alias: dict[str, tuple[str, str, str | None]] = {}
    for entry in lexicon.entities:
        info = (str(entry.fields.get("acts_for", entry.name)), str(entry.fields["kind"]), entry.fields.get("parent"))
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
    return _Matchers(
        aliases=LiteralIndex(by_alias),
        by_alias=by_alias,
        references=LiteralIndex(ref_kinds),
        reference_kinds={fold(word): kind for word, kind in ref_kinds.items()},
        latin_references=re.compile(
            rf"\b(?:{alternation([d for d in words['demonstratives'] if _is_latin(d)])})\s+(?:[A-Za-z'’-]+\s+){{1,4}}?"
            rf"({alternation([n for ns in words['nouns'].values() for n in ns if _is_latin(n)])})\b", re.IGNORECASE),
        not_pointers=tuple(words["not_pointers"]),
        not_pointers_ending=tuple(words["not_pointers_ending"]),
    )


def _known(text: str, matchers: _Matchers) -> list[Mention]:
    folded = fold(text)
    found = []
    for start, end in matchers.aliases.spans(folded):  # hundreds per article: no Hit record each
        name, kind, parent = matchers.by_alias[folded[start:end]]
        found.append(Mention(start, end, name, kind, parent))
    return found


def _references(text: str, matchers: _Matchers) -> list[Mention]:
    found = []
    for hit in matchers.references.find(text):
        kind = matchers.reference_kinds[hit.key]
        if text.startswith(matchers.not_pointers, hit.start) or text.endswith(matchers.not_pointers_ending, 0, hit.end):
            continue  # 其中, 其他, 尤其: no reference
        found.append(Mention(hit.start, hit.end, "", kind if kind in ("pronoun", "figure") else "reference",
                             wants=kind))
    for match in matchers.latin_references.finditer(text):  # "the world's largest memory chipmaker"
        noun = match.group(1).casefold()
        kind = next((k for k, v in load("references")["nouns"].items() if noun in (n.casefold() for n in v)), "")
        found.append(Mention(match.start(), match.end(), "", "reference", wants=kind))
    return found


def _join_maker_and_product(mentions: list[Mention], text: str) -> list[Mention]:
    """``英伟达H200``, ``小米SU7``, ``AMD的MI355X``, "Google's Pixel 10 Pro": a maker right before its
    product is one mention; an unknown product named so is named so wherever the article writes
    it alone ("the Pixel 10 Pro" after "Google's Pixel 10 Pro")."""
    joined: list[Mention] = []
    made_by: dict[str, Mention] = {}
    for mention in mentions:
        previous = joined[-1] if joined else None
        gap = text[previous.end:mention.start] if previous else ""
        if previous and previous.kind == "company" and mention.kind == "product" and len(gap) <= 6 \
                and not any(mark in gap for mark in ",，。;；、") and not (previous.known is False and mention.known):
            named = mention.known or mention.name.startswith(f"{previous.name} ")  # "Huawei Mate 80 Pro" already
            name = mention.name if named else f"{previous.name} {mention.name}"
            joined[-1] = Mention(previous.start, mention.end, name, "product", previous.name, mention.known)
            if not mention.known:
                made_by.setdefault(mention.name, joined[-1])
            continue
        joined.append(mention)
    if not made_by:
        return joined
    return [replace(m, name=made_by[m.name].name, parent=made_by[m.name].parent)
            if m.kind == "product" and not m.known and m.name in made_by else m for m in joined]


def find_mentions(text: str, lexicon: Lexicon, as_written: Callable[[int, int], str] | None = None) -> list[Mention]:
    """Every entity mention in normalised ``text``, left to right, longest first where they overlap.

    ``as_written(start, end)`` gives the original text of a span: names not in the vocabulary
    are reported as the article wrote them (鼎新動力, not the folded 鼎新动力)."""
    matchers = _matchers(lexicon)
    known = _known(text, matchers)
    people = persons(text)
    unknown = han_names(text, known) + latin_names(text, lexicon, known, people) + people
    named = glosses(text)
    unknown += _glossed(text, named, unknown)
    unknown = [_renamed(m, text, named, as_written) for m in unknown]
    unknown += markets(text, [m for m in known if m.kind == "place"])
    names = sorted(known + unknown, key=lambda m: m.start)
    starts = [m.start for m in names]
    references = [m for m in _references(text, matchers)  # a long reference holds no name
                  if bisect_left(starts, m.end) == bisect_left(starts, m.start)]
    candidates = names + references
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start), not m.known))
    kept: list[Mention] = []
    for mention in candidates:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return _join_maker_and_product(kept, text)


def _glossed(text: str, named: dict[str, str], found: list[Mention]) -> list[Mention]:
    """Every other place the article writes a glossed Han name ("米勒" after "米勒（Anna Miller）"),
    as the kind it was first found as."""
    kinds = {m.name: m.kind for m in found}
    more = []
    for han in named:
        if han not in kinds:
            continue
        at = text.find(han)
        while at >= 0:
            more.append(Mention(at, at + len(han), han, kinds[han], known=False))
            at = text.find(han, at + len(han))
    return more


def _renamed(mention: Mention, text: str, named: dict[str, str],
             as_written: Callable[[int, int], str] | None) -> Mention:
    """An unknown name as the article glosses it, else as the article writes it."""
    if mention.name in named:
        return replace(mention, name=named[mention.name])
    if as_written is not None and mention.name == text[mention.start:mention.end]:
        return replace(mention, name=as_written(mention.start, mention.end))
    return mention


@lru_cache(maxsize=4)
def _quote_marks(text: str) -> tuple[list[int], list[int]]:
    return char_positions(text, QUOTES[0]), char_positions(text, QUOTES[1])


def inside_quotes(text: str, position: int) -> bool:
    """Whether ``position`` lies between an opening and a closing curly quote on its line."""
    line_start, _ = paragraph_bounds(text, position)
    opens, closes = _quote_marks(text)
    opened = bisect_left(opens, position) - bisect_left(opens, line_start)
    return opened > bisect_left(closes, position) - bisect_left(closes, line_start)


def in_speech(text: str, mention: Mention) -> bool:
    """Whether ``mention`` stands in quoted speech: inside curly quotes, unless the quotes hold
    just the name (“星河”品牌: a quoted name)."""
    if text[mention.start - 1:mention.start] == QUOTES[0] and text[mention.end:mention.end + 1] == QUOTES[1]:
        return False
    return inside_quotes(text, mention.start)
