"""The words of Latin-script names (claims/data/names.toml ``[latin]``, with months and weekdays
from time.toml, titles, units, and the vocabulary's measure, scope and source words), and what a
word's shape says: an ordinary word at a name's edge, a model code, the kind a name's last word
gives ("Airlines" a company, "Ministry" an organisation, a version a product).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from factrecon.units import surface_forms

from ..lexicon import Lexicon
from ..literals import fold
from ..vocab import alternation, load

WORD = r"(?:[A-Z][A-Za-z0-9]*(?:[&'’\-][A-Za-z0-9]+|\.[A-Za-z][A-Za-z0-9]*)*|[a-z]{1,4}[A-Z][A-Za-z0-9]*)"
_YEAR = r"(?:1[89]|20)[0-9]{2}(?![0-9])"
_CODE = re.compile(r"(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9\-]+")
_ORDINARY_ENDINGS = ("ly", "ed", "al", "ing", "able", "ible", "ive", "ous", "ful", "less", "tion", "sion", "ment",
                     "ness", "ty")

_REFERENCE_KINDS = ("company", "government", "organisation")  # their nouns open no name: "Carrier", "Lender"

Token = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class LatinWords:
    """The words and patterns of Latin-script names, folded (lower case, no final dot) unless said."""

    run: re.Pattern[str]  # a run of Capitalised words, codes and version numbers
    places: frozenset[str]
    longest_place: int
    legal: frozenset[str]
    company: frozenset[str]
    organisation: frozenset[str]
    product: frozenset[str]
    index: frozenset[str]
    event: frozenset[str]
    not_product_heads: frozenset[str]
    place_before: frozenset[str]
    speech_before: frozenset[str]
    person_words: frozenset[str]
    appositive: re.Pattern[str]
    pronoun: re.Pattern[str]
    thing_pronouns: frozenset[str]
    demonyms: frozenset[str]
    ordinary: frozenset[str]  # never at a name's edge (folded)
    origins: frozenset[str]
    units: frozenset[str]  # as written
    connectors: frozenset[str]
    code_not_prefixes: tuple[str, ...]
    cited_before: re.Pattern[str]
    # unions the name rules test a word against, made once rather than per candidate name
    organised: frozenset[str]  # company | organisation
    formal: frozenset[str]  # company | organisation | legal
    kept: frozenset[str]  # formal | index | product: words a name keeps at its end
    generic: frozenset[str]  # formal | demonyms | connectors: a name of these alone is no name


@cache
def latin_words(lexicon: Lexicon) -> LatinWords:
    """The words of names.toml ``[latin]`` and those ``lexicon`` gives as measure, scope and source words."""
    data = load("names")
    latin, time = data["latin"], load("time")
    units = _unit_forms()
    ordinary = {*latin["not_names"], *latin["currencies"], *time["months"]["english"], *time["days"]["weekdays"]}
    ordinary |= {word for title in data["person"]["titles"] if title.isascii() for word in title.split(" ")}
    ordinary |= {cue.split(" ")[0] for entry in (*lexicon.attributes, *lexicon.scopes)
                 for cue in entry.lists.get("cues", []) if cue.isascii()}  # "Revenue", "Net" (net profit)
    references = load("references")["nouns"]
    ordinary |= {noun for kind in _REFERENCE_KINDS for noun in references.get(kind, []) if noun.isascii()}
    origins = {alias for entry in lexicon.origins for alias in [entry.name, *entry.lists.get("aliases", [])]
               if alias.isascii()}
    scales = [*load("numerals")["english"]["scales"], "bn", "m", "per", "percent"]
    number = (rf"(?!{_YEAR})[0-9]{{1,4}}[a-z]?(?![0-9A-Za-z%\u4e00-\u9fff]|[.,][0-9]|[ ](?:{alternation(scales)})\b)"
              rf"(?![ ](?:{alternation(sorted(units))})(?![A-Za-z]))")
    connectors = alternation(latin["connectors"])
    cited = [word for word in load("citations")["before"] if word.isascii()]
    legal, index, product = (folded_set(latin[key]) for key in ("legal_forms", "index_words", "product_words"))
    organised = folded_set(latin["company_words"]) | folded_set(latin["organisation_words"])
    return LatinWords(
        run=re.compile(rf"(?<![A-Za-z0-9&'’.\-]){WORD}(?:(?:[ ](?:{connectors}))?[ ]{WORD}|[ ]{number})*"),
        places=folded_set(latin["places"]), longest_place=max(len(place.split(" ")) for place in latin["places"]),
        legal=legal, company=folded_set(latin["company_words"]),
        organisation=folded_set(latin["organisation_words"]), product=product,
        index=index, event=folded_set(latin["event_words"]), not_product_heads=folded_set(latin["not_product_heads"]),
        place_before=folded_set(latin["place_before"]), speech_before=folded_set(latin["speech_before"]),
        person_words=folded_set(latin["person_words"]),
        appositive=re.compile(rf"[ ]?,[ ](?:[A-Za-z'’-]+[ ]){{0,3}}?(?:{alternation(latin['person_words'])})\b",
                              re.IGNORECASE),
        pronoun=re.compile(rf"\b(?:{alternation([*latin['thing_pronouns'], *latin['person_pronouns']])})\b",
                           re.IGNORECASE),
        thing_pronouns=folded_set(latin["thing_pronouns"]),
        demonyms=folded_set(latin["demonyms"]),
        ordinary=folded_set(ordinary), origins=folded_set(origins), units=frozenset(units),
        connectors=folded_set(latin["connectors"]), code_not_prefixes=tuple(latin["code_not_prefixes"]),
        cited_before=re.compile(rf"(?:{alternation(cited)})\s*$", re.IGNORECASE),
        organised=organised, formal=organised | legal, kept=organised | legal | index | product,
        generic=organised | legal | folded_set(latin["demonyms"]) | folded_set(latin["connectors"]),
    )


def folded_set(words: list[str] | set[str]) -> frozenset[str]:
    """``words`` as ``key`` folds them."""
    return frozenset(key(word) for word in words)


@lru_cache(maxsize=8192)
def key(word: str) -> str:
    """A word as it is looked up: ASCII lower case, no final dot ("Inc." -> "inc")."""
    return fold(word).rstrip(".")


def _unit_forms() -> list[str]:
    """Units written as Latin words of two letters or more ("GB", "TFLOPS"), as written."""
    forms = surface_forms()
    written = (form.strip().strip("$") for form in [*forms.suffix, *forms.prefix])
    return [form for form in written if form.isascii() and re.fullmatch(r"[A-Za-z][A-Za-z/]+", form)]


def edge_word(word: str, words: LatinWords) -> bool:
    """Whether ``word`` is an ordinary word that a name does not start or end with."""
    folded = key(word)
    if folded in words.ordinary or folded in words.connectors or word in words.units:
        return True
    parts = word.split("-")  # "Year-on-year", "Full-year", "October-December"
    return len(parts) > 1 and (any(part[:1].islower() for part in parts[1:])
                               or all(key(part) in words.ordinary for part in parts))


def is_code(word: str) -> bool:
    """Whether ``word`` mixes letters and digits, as a model code does ("S25", "MI300X")."""
    return _CODE.fullmatch(word) is not None


def name_kind(tokens: list[Token], keys: list[str], legal: bool, words: LatinWords) -> tuple[str, bool]:
    """The kind of a name, and whether its form shows it (a company word, a code ...)."""
    head = next((keys[i - 1] for i, word in enumerate(keys) if i and word in words.connectors), keys[-1])
    if legal or head in words.company:
        return "company", True  # "Delta Air Lines", "Bank of Italy"
    if head in words.organisation:
        return "organisation", True  # "Ministry of Finance"
    if any(word in words.index for word in keys):
        return "index", True
    if len(keys) > 1 and keys[0] in words.event:
        return "event", True  # "Hurricane Helene"
    versioned = any(is_code(word) or word.isdigit() or (len(word) == 1 and word.isupper())
                    for _, _, word in tokens[1:])
    if versioned or is_code(tokens[0][2]) or (len(tokens) > 1 and keys[-1] in words.product):
        return "product", True
    return "company", False


def ordinary_form(word: str) -> bool:
    """A lone sentence-opening word shaped like a plural, an adverb or an adjective ("Bookings",
    "Overall", "Favorable")."""
    lower = word.lower()
    return lower.endswith(_ORDINARY_ENDINGS) or (lower.endswith("s") and not lower.endswith(("ss", "us", "is")))
