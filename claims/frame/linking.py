"""Link the entities of the articles read together into one canonical name, across scripts.

Names the entity files know are canonical already and never merge with each other (`Tesla`
stays apart from `Tesla Model Y`). A name they do not know joins another name when, folded
(NFKC, traditional -> simplified, case, punctuation, company suffixes: claims/data/linking.toml),
the two are equal (鼎新動力 / 鼎新动力, "Zenith Robotics Inc." / "Zenith Robotics"); when one is the
other's acronym, or the other with a known maker before it ("Google Pixel 10 Pro" / "Pixel 10 Pro");
when an article glosses one with the other ("米勒（Anna Miller）" makes 米勒 Anna Miller in every
article); or when rapidfuzz finds them similar enough. Names whose model
codes differ never join ("Pixel 10" is not "Pixel 10 Pro"... unless equal once folded).

The canonical name of a group: a known name, else a Latin one, else the most used.

>>> # a.txt: 财长米勒（Anna Miller）主张减税3%   b.txt: 财长米勒希望减税3%
>>> # link_entities(claims, [read_glosses(a), read_glosses(b)]): both claims -> "Anna Miller"
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache

from rapidfuzz import fuzz

from ..lexicon import load_lexicon
from ..model import Claim
from ..textmap import normalize
from ..vocab import load
from .names import glosses

_TOKEN = re.compile(r"[^\W_]+")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _rules() -> tuple[tuple[str, ...], tuple[str, ...], float, int]:
    data = load("linking")
    suffixes = [normalize(word).text.casefold() for word in data["suffixes"]]
    latin = tuple(word for word in suffixes if word.isascii())
    han = tuple(sorted((word for word in suffixes if not word.isascii()), key=len, reverse=True))
    return latin, han, float(data["similarity"]), int(data["shortest_fuzzy"])


def fold(name: str) -> str:
    """The form two names are compared in: "Zenith Robotics, Inc." -> "zenith robotics",
    "鼎新動力公司" -> "鼎新动力"."""
    latin, han, _, _ = _rules()
    words = [word for word in _TOKEN.findall(normalize(name).text.casefold()) if word not in latin]
    if words and not words[-1].isascii():
        for suffix in han:
            if words[-1].endswith(suffix) and len(words[-1]) > len(suffix):
                words[-1] = words[-1][:-len(suffix)]
                break
    return " ".join(words)


def similarity() -> float:
    """The rapidfuzz ``token_sort_ratio`` from which two folded Latin names join (linking.toml)."""
    return _rules()[2]


def _codes(folded: str) -> frozenset[str]:
    return frozenset(word for word in folded.split(" ") if any(char.isdigit() for char in word))


def _acronym(short: str, long: str) -> bool:
    """Whether ``short`` (as written) is the initials of ``long`` ("ANA", "All Nippon Airways")."""
    words = fold(long).split(" ")
    return short.isupper() and short.isalpha() and len(words) >= 2 and "".join(w[0] for w in words) == short.lower()


def _made_by(one: str, other: str, known: frozenset[str]) -> bool:
    """Whether one name is the other with its maker before it: "Google Pixel 10 Pro" / "Pixel 10 Pro"
    (the maker a name of the entity files)."""
    longer, shorter = (one, other) if len(one) > len(other) else (other, one)
    return longer.endswith(f" {shorter}") and longer[:-len(shorter) - 1] in known


def read_glosses(text: str) -> dict[str, str]:
    """The Han names ``text`` glosses with a Latin name: {"米勒": "Anna Miller"}."""
    return glosses(normalize(text).text)


class _Groups:
    """Union-find over names."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        root = self.parent.setdefault(name, name)
        while root != self.parent[root]:
            root = self.parent[root]
        self.parent[name] = root
        return root

    def join(self, one: str, other: str) -> None:
        self.parent[self.find(one)] = self.find(other)


def _names(claims: Sequence[Claim]) -> Counter[str]:
    used: Counter[str] = Counter()
    for claim in claims:
        used.update(name for name in (claim.entity, claim.relative_to, *claim.also_applies_to) if name)
    return used


def canonical_names(names: Iterable[str], known: frozenset[str],
                    glossaries: Iterable[Mapping[str, str]] = ()) -> dict[str, str]:
    """Each of ``names`` (most used first) -> its canonical name."""
    ordered = list(dict.fromkeys(names))
    glossed = {fold(han): latin for glossary in glossaries for han, latin in glossary.items()}
    ordered += [latin for latin in glossed.values() if latin not in ordered]
    _, _, similarity, shortest = _rules()
    groups, by_fold = _Groups(), dict[str, str]()
    folded = {name: fold(name) for name in ordered}
    for name in ordered:
        key = folded[name]
        if key in glossed and name not in known:
            groups.join(name, glossed[key])
        if key and key in by_fold and not (name in known and by_fold[key] in known):
            groups.join(name, by_fold[key])
        by_fold.setdefault(key, name)
    latin = [name for name in ordered if name.isascii() and folded[name]]
    for index, name in enumerate(latin):
        for other in latin[:index]:
            if (name in known and other in known) or _codes(folded[name]) != _codes(folded[other]):
                continue
            if _acronym(name, other) or _acronym(other, name) or _made_by(name, other, known) or (
                    min(len(folded[name]), len(folded[other])) >= shortest
                    and fuzz.token_sort_ratio(folded[name], folded[other]) >= similarity):
                groups.join(name, other)
    members: dict[str, list[str]] = {}
    for name in ordered:
        members.setdefault(groups.find(name), []).append(name)
    chosen = {}
    for group in members.values():
        best = next((n for n in group if n in known), None) or next((n for n in group if n.isascii()), group[0])
        chosen.update({name: best for name in group})
    return chosen


def link_entities(claims: Sequence[Claim], glossaries: Iterable[Mapping[str, str]] = (),
                  vocab: tuple[str, ...] = ()) -> list[Claim]:
    """``claims`` of the articles read together, each entity (and ``relative_to``,
    ``also_applies_to``) replaced by its canonical name; ``glossaries`` are each article's
    :func:`read_glosses`. A renamed claim says so in ``notes``."""
    used = _names(claims)
    known = frozenset(entry.name for entry in load_lexicon(vocab).entities)
    chosen = canonical_names((name for name, _ in used.most_common()), known, glossaries)
    linked = []
    for claim in claims:
        entity = chosen.get(claim.entity or "", claim.entity)
        others = (claim.relative_to, *claim.also_applies_to)
        if entity == claim.entity and all(chosen.get(n, n) == n for n in others if n):
            linked.append(claim)
            continue
        note = f"entity {claim.entity} linked to {entity}" if entity != claim.entity else None
        linked.append(replace(
            claim, entity=entity,
            relative_to=chosen.get(claim.relative_to or "", claim.relative_to),
            also_applies_to=tuple(dict.fromkeys(chosen.get(n, n) for n in claim.also_applies_to)),
            notes="; ".join(filter(None, [claim.notes, note])) or None,
        ))
    return linked
