"""The fallback that names a measure from the clause when no cue word is near: the noun a
count counts (66个国家 -> 国家, 40 companies -> companies), or the noun phrase right before the
verb or change word that leads to the figure (游客量达到120万人次 -> 游客量, ridership fell 5% ->
ridership). It needs no vocabulary of measures; its grammar words are data
(claims/data/measure_grammar.toml). Each look is bounded to a few dozen characters before or after
the figure, so nothing is rescanned per figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..vocab import alternation, load, words

LOOK = 40  # characters before a verb searched for its noun phrase
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True, slots=True)
class _Grammar:
    zh_verb: re.Pattern[str]     # noun + verb (+ amount words) at the end of the text before a figure
    zh_noun: re.Pattern[str]     # a noun phrase ending where the text ends
    zh_counted: re.Pattern[str]  # the noun after a classifier
    zh_trailing: re.Pattern[str]  # basis words at the end of a noun (出口同比 -> 出口)
    classifiers: frozenset[str]
    not_nouns: re.Pattern[str]
    en_verb: re.Pattern[str]
    skip: frozenset[str]
    prepositions: frozenset[str]
    max_words: int


@cache
def _grammar() -> _Grammar:
    zh, en = load("measure_grammar")["zh"], load("measure_grammar")["en"]
    noun = rf"[^\W\d_A-Za-z{re.escape(zh['stops'])}]"
    span = f"{noun}{{{int(zh['min_chars'])},{int(zh['max_chars'])}}}"
    gap = alternation(words("measure_grammar", "change.amount_gap"))
    phrase = f"(?<!{noun})(?P<noun>{span})"
    return _Grammar(
        zh_verb=re.compile(rf"{phrase}(?:{alternation(words('measure_grammar', 'zh.verbs'))})\s*(?:{gap})?\s*$"),
        zh_noun=re.compile(rf"{phrase}\s*$"),
        zh_counted=re.compile(rf"\s*(?P<noun>{span})(?=$|[{re.escape(zh['noun_ends'])}])"),
        zh_trailing=re.compile(rf"(?:{alternation(words('measure_grammar', 'zh.basis_words'))})+$"),
        classifiers=frozenset(words("measure_grammar", "zh.classifiers")),
        not_nouns=re.compile(alternation(words("measure_grammar", "zh.not_nouns"))),
        en_verb=re.compile(rf"\b(?:{alternation(words('measure_grammar', 'en.verbs'))})\s+(?:(?:{gap})\s+)?$",
                           re.IGNORECASE),
        skip=frozenset(word.lower() for word in words("measure_grammar", "en.skip")) | _number_words(),
        prepositions=frozenset(word.lower() for word in words("measure_grammar", "en.prepositions")),
        max_words=int(en["max_words"]),
    )


def _zh_noun(found: re.Match[str] | None) -> str | None:
    if found is None:
        return None
    grammar = _grammar()
    noun = grammar.zh_trailing.sub("", found.group("noun"))
    return noun if len(noun) >= 2 and not grammar.not_nouns.search(noun) else None


def _number_words() -> frozenset[str]:
    """The English number words ("nine", "twenty"): a count written in words counts no noun of its own."""
    english = load("numerals")["english"]
    return frozenset(word.lower() for table in ("small", "tens") for word in english[table])


def _en_phrase(before: str) -> str | None:
    """The head noun phrase of the English clause text ``before`` a verb: its first chunk before a
    preposition, without determiners, names (capitalised words) or possessives."""
    grammar = _grammar()
    chunk: list[str] = []
    found = _LATIN_WORD.findall(before.rsplit(",", 1)[-1])[-8:]
    if found and found[-1].lower() in grammar.prepositions:
        return None  # "aims to increase": no noun phrase right before the verb
    for word in found:
        lowered = word.lower()
        if lowered in grammar.prepositions and chunk:
            break
        if word[0].isupper() or lowered.endswith(("'s", "’s")) or lowered in grammar.skip:
            chunk = [] if chunk and word[0].isupper() else chunk
            continue
        chunk.append(lowered)
    return " ".join(chunk[-grammar.max_words:]) or None


def counted_noun(text: str, start: int, end: int) -> str | None:
    """The noun a count at ``[start, end)`` counts: after its classifier (20家机构 -> 机构) or, in
    English, the last word of the figure as written (300 largest companies -> companies)."""
    grammar = _grammar()
    written = text[start:end]
    if written and written[-1] in grammar.classifiers:
        return _zh_noun(grammar.zh_counted.match(text, end, min(len(text), end + LOOK)))
    words_after = _LATIN_WORD.findall(written)
    last = words_after[-1].lower() if words_after else ""
    return last if last and last not in grammar.skip and len(last) > 2 else None


def subject_noun(text: str, left: int, start: int, *, verb_given: bool = False) -> str | None:
    """The noun phrase naming what the figure at ``start`` measures, from the clause text
    ``[left, start)``: the noun before a linking verb there, or (``verb_given``: ``start`` is a
    change word's start) the noun right before it."""
    grammar = _grammar()
    low = max(left, start - LOOK)
    if _CJK.search(text, max(low, start - 2), start):
        pattern = grammar.zh_noun if verb_given else grammar.zh_verb
        return _zh_noun(pattern.search(text[low:start]))
    if verb_given:
        return _en_phrase(text[low:start])
    found = grammar.en_verb.search(text[low:start])
    return _en_phrase(text[low:low + found.start()]) if found else None
