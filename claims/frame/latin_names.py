"""Latin-script names that no entity file lists, found by their form: a run of Capitalised words,
model codes and version numbers ("Delta Air Lines", "Galaxy S25 Ultra", "Snapdragon 8 Elite",
"Procter & Gamble"), minus the ordinary words at its edges ("The", "According", months, titles,
units, measure words), split where a known name, a place, a person or a possessive stands in it
("Google's Pixel 10 Pro" -> Google, Pixel 10 Pro). Its last word tells its kind: a legal form
(dropped: "Kestrel Foods Corp." -> Kestrel Foods) or a company word ("Airlines") a company,
"Ministry" an organisation, a code or version a product; any other name counts as a company.

Not names: two or three plain words ("Jane Doe"), which are a person's more often than a
company's, and their words alone later ("Doe"); a name in brackets (a dateline or ticker); a
source after "according to". A sentence's first word, a run after "in" or "across", and the runs
of a headline in title case are names only when the article writes them as names elsewhere or
they have a company's or product's form (a lone "Bookings" or "Favorable" is none). Beside Han
text a name needs such a form ("CoWoS" in a Chinese sentence is a term, "XR900" a product).

Words: claims/data/names.toml ``[latin]``; runs and places are found once per document.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..lexicon import Lexicon
from ..literals import fold
from .latin_words import LatinWords, Token, edge_word, is_code, key, latin_words, name_kind, ordinary_form
from .mentions import Mention

_HAN = re.compile(r"[\u4e00-\u9fff]")
_PLAIN = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?")
_OPENERS = " \t\"“‘'*•·#-–—"
_SENTENCE_MARKS = ".!?。！？\n:：;；"
_HEADLINE_WORDS = 2  # longer words (4 letters or more) a headline has at least
_HEADLINE_SLACK = 8  # a headline in title case may have one lower-case longer word in this many
_PERSON_WORDS = (2, 3)  # plain words in a run that is a person's name rather than a company's
_GENERIC_WORDS = 2  # "Central Bank", "National Assembly": organisation words alone, no name
_SHORTEST_ACRONYM = 3  # "NY", "LA": two capitals alone are too often a place or an abbreviation
_PRONOUN_REACH = 80  # characters after a name searched for its pronoun
_LEAD = 24  # characters before a name searched for "according to", "in"
_PROSE_WORDS = 4  # words on a line for a lone opening word to be read as a sentence's subject
_LABEL = re.compile(r"[ \t]*[A-Za-z]+[ \t]*[:：][ \t]*")


@dataclass(frozen=True, slots=True)
class _Piece:
    tokens: list[Token]
    maker: Mention | None  # a known name right before the piece
    possessive: bool  # followed by 's


@dataclass(frozen=True, slots=True)
class _Name:
    mention: Mention
    formed: bool  # a legal form, a company, organisation or index word, a code or a version
    weak: bool  # a sentence's first word, after "in", or in a headline: a name only if seen as one
    lone_opener: bool  # a single plain word that opens its sentence
    person_like: bool  # "Jane Doe", "said Doe", "Doe, an analyst"


def latin_names(text: str, lexicon: Lexicon, known: list[Mention], persons: list[Mention]) -> list[Mention]:
    """Latin-script names in normalised ``text`` that are none of ``known`` (the vocabulary's
    mentions) and ``persons``."""
    words = latin_words(lexicon)
    blocks = sorted(known + persons, key=lambda m: m.start)
    starts = [m.start for m in blocks]
    headlines: dict[int, bool] = {}
    names: list[_Name] = []
    for match in words.run.finditer(text):
        run, start = match.group(), match.start()
        if " " not in run and (edge_word(run, words) or (not is_code(run) and _beside_han(text, start, match.end()))):
            continue  # an ordinary word ("AI", "GPU") or a term in Han text ("CoWoS") alone
        near = blocks[bisect_left(starts, start - _LEAD):bisect_left(starts, match.end())]
        inside = [m for m in near if m.end > start]
        if any(m.start <= start and m.end >= match.end() for m in inside):
            continue  # a known name ("H200")
        tokens = [(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"[^ ]+", run)]
        for piece in _segments(tokens, sorted(inside + _places(tokens, words), key=lambda m: m.start), words):
            name = _name(text, piece, words, headlines)
            if name is not None:
                names.append(name)
    person_parts = {key(part) for m in persons for part in m.name.split(" ")}
    person_parts |= {key(part) for n in names if n.person_like and not n.weak for part in n.mention.name.split(" ")}
    seen = {fold(n.mention.name) for n in names if not n.weak and not n.person_like}
    lowercase = cache(lambda: set(re.findall(r"(?<![A-Za-z])[a-z]+", text)))  # the words the text writes in lower case
    found = []
    for name in names:
        mention = _confirmed(name, seen, lowercase)
        if mention is not None and not all(key(part) in person_parts for part in mention.name.split(" ")):
            found.append(mention)
    return found


def _confirmed(name: _Name, seen: set[str], lowercase: Callable[[], set[str]]) -> Mention | None:
    """What a candidate name stands for: itself; for a weak one with no form, a name the text
    writes elsewhere (whole, or its first words: "Northwind" in "Northwind Posts Record Results"),
    or a lone sentence opener that is no ordinary word ("Ryanair carried", not "Bookings rose")."""
    mention = name.mention
    if not name.weak or name.formed or fold(mention.name) in seen:
        return None if name.person_like else mention
    part = _seen_part(mention, seen)
    if part is not None:
        return part
    if name.lone_opener and not ordinary_form(mention.name) and mention.name.lower() not in lowercase():
        return mention
    return None


def _seen_part(mention: Mention, seen: set[str]) -> Mention | None:
    """The longest name of ``seen`` that ``mention`` starts with, word for word."""
    words = mention.name.split(" ")
    for size in range(len(words) - 1, 0, -1):
        part = " ".join(words[:size])
        if fold(part) in seen:
            return Mention(mention.start, mention.start + len(part), part, mention.kind, known=False)
    return None


def _places(tokens: list[Token], words: LatinWords) -> list[Mention]:
    """The places of the ``[latin] places`` list among a run's words, longest first."""
    found, index = [], 0
    while index < len(tokens):
        for size in range(min(words.longest_place, len(tokens) - index), 0, -1):
            if " ".join(key(word) for _, _, word in tokens[index:index + size]) in words.places:
                found.append(Mention(tokens[index][0], tokens[index + size - 1][1], "", "place"))
                index += size - 1
                break
        index += 1
    return found


def _segments(tokens: list[Token], inside: list[Mention], words: LatinWords) -> list[_Piece]:
    """The pieces of a run's ``tokens`` between known names, places, persons, possessives and
    connectors not led by an organisation word ("Jane Doe of Acme"), each with the known name
    right before it (its maker: "Google Pixel 10 Pro")."""
    organised = words.formal
    if inside and all(m.kind == "place" for m in inside) and any(key(word) in organised for _, _, word in tokens):
        inside = []  # "Singapore Airlines", "Bank of Italy": the place is part of the name
    pieces: list[_Piece] = []
    current: list[Token] = []
    maker: Mention | None = None
    for token in tokens:
        blocker = next((m for m in inside if m.start < token[1] and m.end > token[0]), None)
        word = token[2]
        if blocker is not None or (key(word) in words.connectors and word != "&" and not (
                current and key(current[-1][2]) in organised)):
            pieces.append(_Piece(current, maker, False))
            current, maker = [], blocker if blocker is not None and blocker.name else None
            continue
        if word.endswith(("'s", "’s")) and len(word) > 2:
            current.append((token[0], token[1] - 2, word[:-2]))
            pieces.append(_Piece(current, maker, True))
            current, maker = [], None
            continue
        current.append(token)
    pieces.append(_Piece(current, maker, False))
    return [piece for piece in pieces if piece.tokens]


def _trim(tokens: list[Token], words: LatinWords) -> tuple[list[Token], bool]:
    """The name's words without a legal form and ordinary words at its edges, and whether a legal
    form ended it."""
    legal = False
    while tokens and key(tokens[-1][2]) in words.legal:
        tokens, legal = tokens[:-1], True
    kept, organised = words.kept, words.organised
    while tokens and key(tokens[0][2]) not in organised and (
            edge_word(tokens[0][2], words) or tokens[0][2][0].isdigit()):
        tokens = tokens[1:]  # "January 29": a name starts with a word; "House of Commons" keeps "House"
    named_of = any(key(tokens[i - 1][2]) in organised and key(tokens[i][2]) in words.connectors
                   for i in range(1, len(tokens)))
    while tokens and not named_of and key(tokens[-1][2]) not in kept and (  # "Ministry of Tourism" stays whole
            edge_word(tokens[-1][2], words) or key(tokens[-1][2]) in words.demonyms):
        tokens = tokens[:-1]
    return tokens, legal


def _name(text: str, piece: _Piece, words: LatinWords, headlines: dict[int, bool]) -> _Name | None:
    if key(piece.tokens[0][2]) in words.origins:
        return None  # "LSEG SmartEstimate": a source's product
    tokens, legal = _trim(piece.tokens, words)
    if not tokens:
        return None
    keys = [key(word) for _, _, word in tokens]
    generic = words.generic
    lone = tokens[0][2] if len(tokens) == 1 else ""
    named_of = any(key in words.connectors for key in keys)  # "Ministry of Finance" is a name
    if (all(key in generic for key in keys) and not named_of and len(keys) <= _GENERIC_WORDS) \
            or len(tokens[0][2]) == 1 or (
            lone.isupper() and len(lone) < _SHORTEST_ACRONYM):
        return None  # "Central Bank", "NY", "E N D" (but "Scottish National Party")
    if keys[0] in words.not_product_heads and len(tokens) > 1 and all(
            is_code(word) or word.isdigit() or len(word) == 1 for _, _, word in tokens[1:]):
        return None  # "Section 232", "Series B"
    start, end = tokens[0][0], tokens[-1][1]
    maker = piece.maker
    if maker is not None and maker.kind == "product" and all(
            key(word) in words.product or word.isdigit()
            or (is_code(word) and not word.upper().startswith(words.code_not_prefixes)) for _, _, word in tokens):
        name = f"{maker.name} {text[start:end]}"  # "Mate 70" known, "Mate 70 Pro" another product
        return _Name(Mention(maker.start, end, name, "product", maker.parent, known=False), True, False, False, False)
    kind, formed = name_kind(tokens, keys, legal, words)
    if kind == "product" and lone.upper().startswith(words.code_not_prefixes):
        return None  # "USD39", "FY2025", "HBM3E"
    if piece.maker is not None and piece.maker.kind != "place" and kind != "product":
        return None  # "Google Cloud": a known company's brand or division, not a name of its own
    lead = text[max(0, start - _LEAD):start]
    line_start = text.rfind("\n", 0, start) + 1
    if (_beside_han(text, start, end) and not formed) or words.cited_before.search(lead) \
            or _bracketed(text, start, end) or _labelled(text, line_start, start, end):
        return None  # "据CoWoS…", "according to Kestrel", "(Yicai)", "(HKG: 3750)", "Photo: Handout"
    before = re.search(r"([A-Za-z]+)[ ]+$", lead)
    before_word = key(before.group(1)) if before else ""
    opener = _opens_sentence(text, start) and not piece.possessive  # "Vodafone's" is a name
    weak = opener or before_word in words.place_before or _in_headline(text, line_start, headlines)
    lone_opener = opener and len(tokens) == 1 and not formed and _prose(text, line_start)
    plain = not formed and all(_PLAIN.fullmatch(word) for _, _, word in tokens)
    person_like = plain and (before_word in words.speech_before or before_word in words.person_words
                             or words.appositive.match(text, end) is not None
                             or (len(tokens) in _PERSON_WORDS and not _thing(text, end, words)))
    return _Name(Mention(start, end, text[start:end], kind, known=False), formed, weak, lone_opener, person_like)


def _thing(text: str, end: int, words: LatinWords) -> bool:
    """Whether the next pronoun in the sentence after a name is a thing's ("… raised its")."""
    stop = min((i for i in (text.find(".", end), text.find("\n", end)) if i >= 0), default=len(text))
    pronoun = words.pronoun.search(text, end, min(stop, end + _PRONOUN_REACH))
    return pronoun is not None and key(pronoun.group()) in words.thing_pronouns


def _beside_han(text: str, start: int, end: int) -> bool:
    """Whether the name is written inside Han text ("据CoWoS产能…")."""
    left = text[max(0, start - 2):start].strip()
    right = text[end:end + 2].strip()
    return bool(left and _HAN.match(left[-1])) or bool(right and _HAN.match(right[0]))


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether the name stands alone in brackets, or as a ticker's exchange: "(Yicai)", "(HKG: 3750)"."""
    return text[max(0, start - 2):start].rstrip()[-1:] in ("(", "（", "[") \
        and text[end:end + 2].lstrip()[:1] in (")", "）", "]", ":", "：")


def _labelled(text: str, line_start: int, start: int, end: int) -> bool:
    """Whether the name is a line's label or what a label gives: "DATE:", "Photo: Handout"."""
    lead = text[line_start:start]
    return (text[end:end + 1] in (":", "：") and not lead.strip()) or _LABEL.fullmatch(lead) is not None


def _prose(text: str, line_start: int) -> bool:
    """Whether the line is a sentence rather than a heading ("Overview")."""
    right = text.find("\n", line_start)
    return len(text[line_start:right if right >= 0 else len(text)].split()) >= _PROSE_WORDS


def _opens_sentence(text: str, start: int) -> bool:
    index = start
    while index > 0 and text[index - 1] in _OPENERS:
        index -= 1
    return index == 0 or text[index - 1] in _SENTENCE_MARKS


def _in_headline(text: str, left: int, cache: dict[int, bool]) -> bool:
    """Whether the line starting at ``left`` is written in title case: its longer words all
    capitalised, or all but one in a long line."""
    if left not in cache:
        right = text.find("\n", left)
        line = text[left:right if right >= 0 else len(text)]
        long_words = re.findall(r"(?<![A-Za-z'’])[A-Za-z]{4,}", line)
        lower = sum(1 for word in long_words if word[0].islower())
        cache[left] = len(long_words) >= _HEADLINE_WORDS and lower <= len(long_words) // _HEADLINE_SLACK
    return cache[left]
