"""Names that no entity file lists, found by their form: a person after a title ("财长王立新",
"Governor Jane Doe") or before a verb of speech or stance ("Jane Doe said"); a market as a whole
("全球OLED面板市场" -> global OLED面板 market); and glosses, a Han name with its Latin form in
brackets ("米勒（Anna Miller）"), which rename the Han name wherever the article writes it.

Words: claims/data/names.toml. Everything is matched once per document on the normalised text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from ..literals import LiteralIndex, fold
from ..vocab import alternation, first_chars, load
from .mentions import Mention

_HAN = r"\u4e00-\u9fff"
_LATIN_WORD = r"[A-Z][A-Za-z.&'’-]*"
_LATIN_NAME = r"(?:O['’]|Mc|Mac|D['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"
_NOT_PERSON_KEYS = ("company_words", "organisation_words", "legal_forms", "demonyms")  # names.toml [latin]
_ASIDE_RE = re.compile(r"\s*[(（][^()（）\n]{1,24}[)）]\s*")
_NOT_GOOD = re.compile(r"[0-9,，。;；、:：!?！？\n的在和与及]")


@dataclass(frozen=True, slots=True)
class _Forms:
    titled_han: re.Pattern[str]
    titled_latin: re.Pattern[str]
    latin_before_verb: re.Pattern[str]
    stops: re.Pattern[str]
    lead_stops: re.Pattern[str]
    not_name_starts: str
    longest_han: int
    not_names: frozenset[str]
    not_person_words: frozenset[str]
    gloss: re.Pattern[str]
    gloss_han: re.Pattern[str]
    gloss_not: frozenset[str]
    market_words: LiteralIndex
    market_places: LiteralIndex
    place_english: dict[str, str]
    longest_good: int


@cache
def _forms() -> _Forms:
    data = load("names")
    person, gloss, market = data["person"], data["gloss"], data["market"]
    han_titles = [t for t in person["titles"] if not t.isascii()]
    latin_titles = [t for t in person["titles"] if t.isascii()]
    longest = int(person["longest_han_name"])
    latin_run = rf"{_LATIN_NAME}(?: {_LATIN_NAME}){{1,2}}"
    places = {fold(word): english for word, english in market["places"].items()}
    return _Forms(
        titled_han=re.compile(rf"(?:{alternation(han_titles)})的?([{_HAN}]{{2,{longest + 2}}})"),
        titled_latin=re.compile(
            rf"{first_chars(latin_titles)}\b(?:{alternation(latin_titles)}) ({_LATIN_NAME}(?: {_LATIN_NAME}){{0,2}})"),
        latin_before_verb=re.compile(
            rf"(?=[A-Z])(?<![A-Za-z-])({latin_run})(?:,[^,.;\n]{{1,40}},)? (?:{alternation(person['latin_verbs'])})\b"),
        stops=re.compile(alternation(person["name_stops"])),
        lead_stops=re.compile(alternation([*person["name_stops"], *han_titles])),
        not_name_starts=str(person["not_name_starts"]),
        longest_han=longest,
        not_names=frozenset(person["not_names"]) | frozenset(w for t in latin_titles for w in t.split(" ")),
        not_person_words=frozenset(
            word.casefold().rstrip(".") for key in _NOT_PERSON_KEYS for word in data["latin"][key]),
        gloss=re.compile(
            rf"[(（]\s*({_LATIN_WORD}(?: {_LATIN_WORD}){{0,{int(gloss['longest_latin_words']) - 1}}})\s*[)）]"),
        gloss_han=re.compile(rf"[{_HAN}]{{2,{int(gloss['longest_han'])}}}\s*$"),
        gloss_not=frozenset(gloss["not_names"]),
        market_words=LiteralIndex(market["words"]),
        market_places=LiteralIndex(places),
        place_english=places,
        longest_good=int(market["longest_good"]),
    )


def _han_name(candidate: str, stops: re.Pattern[str]) -> str:
    """The name at the start of ``candidate``: cut before the first stop word."""
    stop = stops.search(candidate, 1)
    return candidate[:stop.start()] if stop else candidate


def persons(text: str) -> list[Mention]:
    """People named with a title ("总统特朗普", "Governor Jane Doe") or before a verb of speech or
    stance ("Jane Doe said"; not a run with an organisation word or a nationality: "Central Weather
    Administration said", "Liberal Democrats won")."""
    forms = _forms()
    found = []
    for match in forms.titled_han.finditer(text):
        name = _han_name(match.group(1), forms.stops)[:forms.longest_han]  # a stop may run past the name
        if len(name) >= 2 and name[0] not in forms.not_name_starts:
            found.append(Mention(match.start(1), match.start(1) + len(name), name, "person", known=False))
    for pattern in (forms.titled_latin, forms.latin_before_verb):
        for match in pattern.finditer(text):
            words = match.group(1).split(" ")
            while words and words[0] in forms.not_names:
                words.pop(0)
            if pattern is forms.latin_before_verb and any(w.casefold() in forms.not_person_words for w in words):
                continue  # "Central Weather Administration said", "Liberal Democrats won": no person
            if len(words) >= (1 if pattern is forms.titled_latin else 2):
                start = match.end(1) - len(" ".join(words))
                found.append(Mention(start, match.end(1), " ".join(words), "person", known=False))
    return found


def glosses(text: str) -> dict[str, str]:
    """Han names the article glosses with a Latin name: {"米勒": "Anna Miller"} (the Han run
    before the bracket, after its last title or stop word: "主席的米勒（Anna Miller）")."""
    forms, found = _forms(), dict[str, str]()
    for match in forms.gloss.finditer(text):  # brackets are rare: find them, then the Han run before
        before = forms.gloss_han.search(text, max(0, match.start() - 12), match.start())
        if before is None:
            continue
        han, latin = before.group().strip(), match.group(1).strip()
        if latin.split(" ")[0] in forms.gloss_not or (latin.isupper() and " " not in latin):
            continue
        cut = max((stop.end() for stop in forms.lead_stops.finditer(han)), default=0)
        if len(han) - cut >= 2:
            found.setdefault(han[cut:], latin)
    return found


def markets(text: str, places: list[Mention]) -> list[Mention]:
    """Markets as a whole: a place, a good, a market word ("全球OLED面板市场", "国内乘用车市场",
    "the global smartphone market"). ``places`` are the known places the text names."""
    forms = _forms()
    words = [Mention(hit.start, hit.end, forms.place_english[hit.key], "place")
             for hit in forms.market_places.find(text)]
    around = sorted([*places, *words], key=lambda m: m.end)
    ends = [m.end for m in around]
    found = []
    for hit in forms.market_words.find(text):
        index = bisect_right(ends, hit.start) - 1
        if index < 0:
            continue
        place = around[index]
        good = _ASIDE_RE.sub("", text[place.end:hit.start]).strip()
        good = re.sub(r"^(?:'s|’s)\s*", "", good)
        limit = forms.longest_good if not good.isascii() else 3 * forms.longest_good
        if not good or len(good) > limit or _NOT_GOOD.search(good):
            continue  # "中国市场" alone is where a figure was counted (its scope), not a market named
        name = f"{place.name} {good} market"
        found.append(Mention(place.start, hit.end, name, "market", known=False))
    return found
