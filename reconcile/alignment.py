"""Group facts about one quantity: same entity (or an entity the figure also covers), same unit
after normalisation, compatible attribute.

Blocking keeps the cost near linear: facts are bucketed by ``(entity, unit)`` first, and only the
distinct attribute names inside a bucket are compared (exactly, by their compute parts, or with
rapidfuzz when the vocabulary does not decide).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from .facts import Fact
from .frames import load_rules
from .tolerances import Tolerances

_PRECISION = re.compile(r"\b(?:FP\d+|BF16|TF32|INT\d+)\b", re.IGNORECASE)
_SPARSITY = re.compile(r"\b(dense|sparse)\b", re.IGNORECASE)
_SLASH = re.compile(r"(?<=\w)/(?=\w)")


@dataclass(frozen=True, slots=True)
class AttributeKey:
    """An attribute name split into what decides comparability: "FP16/BF16 dense compute" ->
    family "compute", sparsity "dense", precisions {"FP16", "BF16"}."""

    family: str | None
    sparsity: str | None
    precisions: frozenset[str]

    def compatible(self, other: AttributeKey, tolerances: Tolerances) -> bool:
        if self.family is None or other.family is None:
            return self.family is None and other.family is None
        if self.precisions and other.precisions and not self.precisions & other.precisions:
            return False
        if (self.sparsity or "") != (other.sparsity or ""):
            return False
        return self.family == other.family or _same_words(self.family, other.family, tolerances.attribute_similarity)


def _same_words(first: str, second: str, threshold: float) -> bool:
    """Two measure names that differ only in spelling: close as a whole (rapidfuzz
    ``token_set_ratio``) and every word of each has a like-spelt partner in the other, so
    "market capitalisation"/"market capitalization" agree but "sales"/"sales growth" and
    "operating profit"/"net profit" (a word with no partner) do not."""
    if fuzz.token_set_ratio(first, second) < threshold:
        return False
    words_first, words_second = first.split(), second.split()
    return all(any(fuzz.ratio(word, other) >= threshold for other in others)
               for words, others in ((words_first, words_second), (words_second, words_first)) for word in words)


def attribute_key(attribute: str | None, unit: str, tolerances: Tolerances) -> AttributeKey:
    """The comparable parts of ``attribute`` (cached: a few distinct names recur across many facts)."""
    return _attribute_key(attribute, unit, tolerances.unmarked_compute)


@lru_cache(maxsize=4096)
def _attribute_key(attribute: str | None, unit: str, unmarked_compute: str) -> AttributeKey:
    if not attribute:
        return AttributeKey(None, None, frozenset())
    precisions = frozenset(p.upper() for p in _PRECISION.findall(attribute))
    sparsity_match = _SPARSITY.search(attribute)
    sparsity = sparsity_match.group(1).lower() if sparsity_match else None
    rest = _SPARSITY.sub("", _PRECISION.sub("", _SLASH.sub(" ", attribute)))
    family = load_rules().canonical(" ".join(word for word in rest.lower().split() if word != "/"), unit) or None
    if unit in ("FLOPS", "OPS") and sparsity is None:
        sparsity = unmarked_compute
    return AttributeKey(family, sparsity, precisions)


@dataclass(frozen=True, slots=True)
class Quantity:
    """Facts that speak of one quantity: ``entity``'s ``attribute`` in ``unit``."""

    entity: str
    unit: str
    attribute: str | None
    key: AttributeKey
    facts: tuple[Fact, ...]


def memberships(fact: Fact) -> Iterable[Fact]:
    """The fact under its own entity and under each entity it also applies to."""
    yield fact
    for other in fact.claim.also_applies_to:
        if other != fact.entity and " / " not in fact.entity:
            yield replace(fact, entity=other)


def align(facts: Iterable[Fact], tolerances: Tolerances) -> list[Quantity]:
    """Quantities with at least one fact, in a stable order."""
    blocks: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        for member in memberships(fact):
            blocks[(member.entity, member.unit)].append(member)
    quantities: list[Quantity] = []
    for (entity, unit), members in sorted(blocks.items()):
        groups: list[tuple[AttributeKey, str | None, list[Fact]]] = []
        by_name: dict[str | None, int] = {}
        for fact in members:
            index = by_name.get(fact.attribute)
            if index is None:
                key = attribute_key(fact.attribute, unit, tolerances)
                index = next((i for i, (k, _, _) in enumerate(groups) if k.compatible(key, tolerances)), len(groups))
                if index == len(groups):
                    groups.append((key, fact.attribute, []))
                by_name[fact.attribute] = index
            groups[index][2].append(fact)
        quantities.extend(Quantity(entity, unit, name, key, tuple(group)) for key, name, group in groups)
    return quantities
