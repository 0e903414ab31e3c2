"""The layered vocabularies of context: entities, cited origins, attributes and scopes.

Each is a folder of TOML files in ``claims/data`` (``entities/``, ``origins/``,
``attributes/``, ``scopes/``); a user's ``--vocab DIR`` adds files on top: any ``*.toml`` below
DIR whose tables are ``[[entity]]``, ``[[origin]]``, ``[[attribute]]`` or ``[[scope]]`` (and
``[scope_words]``). An entry whose ``name`` already exists extends it (its aliases and cues are
added). An alias may belong to one entry only (a scope cue: to one entry per dimension): a
repeat is an error naming both places, as is a malformed file (``file:key: reason``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from .textmap import normalize
from .vocab import VocabError, load

ENTITY_KINDS = frozenset(
    {"company", "product", "person", "organisation", "government", "group", "law", "place", "index", "market"})
SCOPE_DIMENSIONS = ("region", "market", "segment", "division", "tranche")  # the order of a scope's label
TABLES = {"entity": "entities", "origin": "origins", "attribute": "attributes", "scope": "scopes"}
LIST_KEYS = {"entity": ("aliases", "codes", "members", "all_of"), "origin": ("aliases",),
             "attribute": ("cues", "units"), "scope": ("cues", "not", "entities")}


@dataclass(slots=True)
class Entry:
    """One entity, origin or attribute, with where each part was defined (for error messages)."""

    name: str
    where: str
    fields: dict[str, Any]
    lists: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Entities, origins and attributes, merged from the packaged files and the user's
    (compared and hashed by identity: one is built per set of vocabulary folders)."""

    entities: tuple[Entry, ...]
    origins: tuple[Entry, ...]
    attributes: tuple[Entry, ...]
    slots: dict[str, dict[str, tuple[str, ...]]]
    scopes: tuple[Entry, ...] = ()
    scope_words: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def entity(self, name: str) -> Entry | None:
        return next((entry for entry in self.entities if entry.name == name), None)


def _packaged_files() -> Iterator[tuple[str, str]]:
    root = files("factrecon.claims") / "data"
    for folder in TABLES.values():
        for item in sorted((root / folder).iterdir(), key=lambda item: item.name):
            if item.name.endswith(".toml"):
                yield f"{folder}/{item.name}", item.read_text(encoding="utf-8")


def _user_files(directory: str) -> Iterator[tuple[str, str]]:
    base = Path(directory)
    if not base.is_dir():
        raise VocabError(f"{directory}: --vocab needs a directory of TOML files")
    for path in sorted(base.rglob("*.toml")):
        try:
            yield str(path), path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise VocabError(f"{path}: cannot read ({error})") from error


def _parse(where: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise VocabError(f"{where}: {error}") from error


def _checked_list(where: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise VocabError(f"{where}: expected a list of non-empty strings")
    return list(value)


def _entries(where: str, table: str, data: Any) -> Iterator[Entry]:
    if not isinstance(data, list):
        raise VocabError(f"{where}:{table}: expected an array of tables ([[{table}]])")
    for index, item in enumerate(data):
        place = f"{where}:{table}[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise VocabError(f"{place}.name: missing or not a string")
        if table == "entity" and item.get("kind") not in ENTITY_KINDS:
            raise VocabError(f"{place}.kind: {item.get('kind')!r} is not one of {', '.join(sorted(ENTITY_KINDS))}")
        if table == "scope" and item.get("dimension") not in SCOPE_DIMENSIONS:
            dimensions = ", ".join(SCOPE_DIMENSIONS)
            raise VocabError(f"{place}.dimension: {item.get('dimension')!r} is not one of {dimensions}")
        if table == "scope" and not isinstance(item.get("everything", False), bool):
            raise VocabError(f"{place}.everything: expected true or false")
        lists = {key: _checked_list(f"{place}.{key}", item[key]) for key in LIST_KEYS[table] if key in item}
        yield Entry(item["name"], place, item, lists)


@cache
def _regional_pairs() -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in load("regional_words")["pairs"] if a != b)


def regional_variants(word: str) -> list[str]:
    """``word`` and its Taiwan/Hong Kong (or mainland) spellings: 国产芯片 -> 国产晶片."""
    variants = [word]
    for mainland, regional in _regional_pairs():
        for variant in list(variants):
            for old, new in ((mainland, regional), (regional, mainland)):
                if old in variant and variant.replace(old, new) not in variants:
                    variants.append(variant.replace(old, new))
    return variants


def _merge(entries: Iterable[Entry]) -> list[Entry]:
    merged: dict[str, Entry] = {}
    for entry in entries:
        known = merged.get(entry.name)
        if known is None:
            merged[entry.name] = entry
            continue
        for key, values in entry.lists.items():
            known.lists.setdefault(key, []).extend(values)
        known.fields = {**known.fields, **{k: v for k, v in entry.fields.items() if k not in LIST_KEYS}}
    return list(merged.values())


def _check_unique(kind: str, entries: list[Entry], keys: tuple[str, ...]) -> None:
    seen: dict[str, str] = {}
    for entry in entries:
        for key in keys:
            for alias in entry.lists.get(key, []):
                folded = normalize(alias).text.casefold()
                if folded in seen and not seen[folded].startswith(entry.where):
                    raise VocabError(f"{entry.where}.{key}: {kind} alias {alias!r} is also listed at {seen[folded]}")
                seen[folded] = f"{entry.where}.{key}"


@cache
def load_lexicon(user_dirs: tuple[str, ...] = ()) -> Lexicon:
    """The packaged vocabularies with the files of ``user_dirs`` layered on top."""
    found: dict[str, list[Entry]] = {table: [] for table in TABLES}
    slots: dict[str, dict[str, tuple[str, ...]]] = {}
    scope_words: dict[str, tuple[str, ...]] = {}
    sources = list(_packaged_files()) + [item for directory in user_dirs for item in _user_files(directory)]
    for where, text in sources:
        data = _parse(where, text)
        for table in TABLES:
            if table in data:
                found[table].extend(_entries(where, table, data[table]))
        for slot, values in data.get("slots", {}).items():
            for label, cues in values.items():
                slots.setdefault(slot, {})[label] = tuple(_checked_list(f"{where}:slots.{slot}.{label}", cues))
        for kind, words in data.get("scope_words", {}).items():
            scope_words[kind] = scope_words.get(kind, ()) + tuple(_checked_list(f"{where}:scope_words.{kind}", words))
    merged = {table: _merge(entries) for table, entries in found.items()}
    _check_unique("entity", merged["entity"], ("aliases", "codes"))
    _check_unique("origin", merged["origin"], ("aliases",))
    for dimension in SCOPE_DIMENSIONS:
        _check_unique(f"{dimension} scope", [e for e in merged["scope"] if e.fields["dimension"] == dimension],
                      ("cues",))
    names = {entry.name for entry in merged["entity"]}
    for entry in merged["entity"]:
        parent = entry.fields.get("parent")
        if parent is not None and parent not in names:
            raise VocabError(f"{entry.where}.parent: no entity named {parent!r}")
        chips = entry.fields.get("chips")
        if chips is not None and (not isinstance(chips, int) or isinstance(chips, bool) or chips < 2):
            raise VocabError(f"{entry.where}.chips: expected a whole number of at least 2, got {chips!r}")
        for member in entry.lists.get("members", []):
            if member not in names:
                raise VocabError(f"{entry.where}.members: no entity named {member!r}")
    for entry in merged["scope"]:
        for name in entry.lists.get("entities", []):
            if name not in names:
                raise VocabError(f"{entry.where}.entities: no entity named {name!r}")
    return Lexicon(tuple(merged["entity"]), tuple(merged["origin"]), tuple(merged["attribute"]), slots,
                   scopes=tuple(merged["scope"]), scope_words=scope_words)
