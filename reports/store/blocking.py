"""The stored claims a check could pair with new ones, fetched by frame instead of re-reading the
corpus.

A stored claim is fetched when it can meet a new claim, as ``reconcile`` pairs claims: its entity
(or the entity it is compared with) is one a new claim names, or links to one across scripts and
spellings (the same linking ``check`` does: ``canonical_names`` over the new names and the stored
ones a linking rule could join), or is a group a named entity belongs to or one of its members;
or a check that looks across entities can set it against a new claim (a chip's compute against a
system's, a currency conversion against the story's others, with the amounts they convert:
``reconcile``'s docstring). A claim naming no entity is compared with nothing (``reconcile``'s
facts need an entity) and is not fetched. The timelines and glosses of the articles fetched come
with them.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from factrecon.claims import Claim, Timeline
from factrecon.reports.inputs import Article

_BATCH = 500  # values per IN (...) list, under SQLite's variable limit


@dataclass(frozen=True, slots=True)
class StoredCorpus:
    """The part of the stored corpus that can meet the new claims."""

    claims: tuple[Claim, ...]
    timelines: tuple[Timeline, ...]
    glossaries: tuple[dict[str, str], ...]
    articles: int  # articles fetched


def _names(claims: Iterable[Claim]) -> set[str]:
    return {name for claim in claims for name in (claim.entity, claim.relative_to, *claim.also_applies_to) if name}


def linked_names(connection: sqlite3.Connection, new: Sequence[Claim], glossaries: Iterable[Mapping[str, str]],
                 vocab: tuple[str, ...]) -> set[str]:
    """The stored entity names that name an entity of the ``new`` claims, as ``check`` links them.
    Stored names are first narrowed to those a linking rule could join to a new name (equal once
    folded, one inside the other, an acronym, similar by rapidfuzz), so the work grows with the
    names stored, not with their square."""
    from factrecon.claims import load_lexicon
    from factrecon.claims.frame.linking import canonical_names, fold, similarity

    glossaries = list(glossaries)
    ours = _names(new) | {latin for glossary in glossaries for latin in glossary.values()}
    stored = {name for (name,) in connection.execute(
        "SELECT entity FROM claims WHERE entity IS NOT NULL UNION SELECT relative_to FROM claims"
        " WHERE relative_to IS NOT NULL")}
    stored_glosses = [json.loads(text) for (text,) in connection.execute(
        "SELECT glosses FROM articles WHERE glosses != '{}'")]
    ours_folded = {fold(name) for name in ours} | {fold(han) for g in stored_glosses for han in g}
    ours_folded |= {fold(latin) for g in stored_glosses for latin in g.values()}
    candidates = {name for name in stored if _may_link(name, fold(name), ours_folded)}
    latin_stored = sorted(name for name in stored - candidates if name.isascii())
    folded_stored = [fold(name) for name in latin_stored]
    for name in (name for name in ours if name.isascii()):
        for _, _, index in process.extract(fold(name), folded_stored, scorer=fuzz.token_sort_ratio,
                                           score_cutoff=similarity(), limit=None):
            candidates.add(latin_stored[index])
    known = frozenset(entry.name for entry in load_lexicon(vocab).entities)
    chosen = canonical_names([*sorted(ours), *sorted(candidates - ours)], known, [*glossaries, *stored_glosses])
    wanted = {chosen.get(name, name) for name in ours}
    return {name for name in candidates | (stored & ours) if chosen.get(name, name) in wanted or name in ours}


def _may_link(name: str, folded: str, ours: set[str]) -> bool:
    """Whether a stored name could join one of ``ours`` (folded): equal, one the other with words
    before it, or one the other's initials."""
    if folded in ours:
        return True
    initials = "".join(word[0] for word in folded.split(" ") if word) if " " in folded else ""
    return any(folded.endswith(f" {one}") or one.endswith(f" {folded}") or (initials and one == initials)
               or (" " in one and "".join(word[0] for word in one.split(" ")) == folded) for one in ours if one)


def fetch_corpus(connection: sqlite3.Connection, new: Sequence[Claim], glossaries: Iterable[Mapping[str, str]],
                 vocab: tuple[str, ...] = (), *, replaced: Iterable[str] = ()) -> StoredCorpus:
    """The stored claims that can meet ``new`` (see the module's docstring), without the articles
    that ``replaced`` paths edit (a new version of a published article replaces it)."""
    names = sorted(_with_groups(linked_names(connection, new, glossaries, vocab), vocab))
    found: dict[str, tuple[int, str]] = {}
    queries = [("entity", names), ("relative_to", names)]
    for column, values in queries:
        for start in range(0, len(values), _BATCH):
            batch = values[start:start + _BATCH]
            marks = ", ".join("?" * len(batch))
            for claim_id, article_id, record in connection.execute(
                    f"SELECT id, article_id, record FROM claims WHERE {column} IN ({marks})", batch):
                found[claim_id] = (article_id, record)
    found.update(_across_entities(connection, new))
    edited = {os.path.realpath(path) for path in replaced}
    articles = {article_id: (path, timeline, glosses) for article_id, path, timeline, glosses in _articles(
        connection, {article_id for article_id, _ in found.values()}) if os.path.realpath(path) not in edited}
    claims = sorted((Claim.from_dict(json.loads(record)) for article_id, record in found.values()
                     if article_id in articles), key=lambda claim: (claim.source, claim.start))
    return StoredCorpus(
        tuple(claims),
        tuple(Timeline.from_dict(json.loads(timeline)) for _, timeline, _ in articles.values()),
        tuple(json.loads(glosses) for _, _, glosses in articles.values()),
        len(articles),
    )


def _with_groups(names: set[str], vocab: tuple[str, ...]) -> set[str]:
    """``names`` with the groups they belong to and the members of those that are groups
    (``members`` in the entity files: a member's share is held to its group's)."""
    from factrecon.claims import load_lexicon

    groups = {entry.name: set(entry.lists.get("members", [])) for entry in load_lexicon(vocab).entities}
    related = set(names)
    for group, members in groups.items():
        if group in names or names & members:
            related |= {group, *members}
    return related


def _across_entities(connection: sqlite3.Connection, new: Sequence[Claim]) -> dict[str, tuple[int, str]]:
    """Stored claims the checks that look across entities can set against ``new`` ones."""
    from factrecon.claims.numbers.conversions import NOTE
    from factrecon.reconcile import SYSTEM_UNITS

    found: dict[str, tuple[int, str]] = {}
    units = sorted(set(SYSTEM_UNITS).intersection(claim.unit for claim in new))
    if units:
        for claim_id, article_id, record in connection.execute(
                f"SELECT id, article_id, record FROM claims WHERE unit IN ({', '.join('?' * len(units))})", units):
            found[claim_id] = (article_id, record)
    if any(NOTE in (claim.notes or "") for claim in new):
        converted: set[str] = set()
        for claim_id, article_id, record in connection.execute(
                "SELECT id, article_id, record FROM claims WHERE record LIKE ?", (f"%{NOTE}%",)):
            found[claim_id] = (article_id, record)
            notes = json.loads(record).get("notes") or ""
            converted.update(part[len(NOTE):] for part in notes.split("; ") if part.startswith(NOTE))
        for claim_id, article_id, record in connection.execute(
                f"SELECT id, article_id, record FROM claims WHERE id IN ({', '.join('?' * len(converted))})",
                sorted(converted)):
            found[claim_id] = (article_id, record)
    return found


def _articles(connection: sqlite3.Connection, ids: set[int]) -> list[tuple[int, str, str, str]]:
    ordered = sorted(ids)
    rows: list[tuple[int, str, str, str]] = []
    for start in range(0, len(ordered), _BATCH):
        batch = ordered[start:start + _BATCH]
        rows += connection.execute(f"SELECT id, path, timeline, glosses FROM articles WHERE id IN"
                                   f" ({', '.join('?' * len(batch))}) ORDER BY path", batch).fetchall()
    return sorted(rows, key=lambda row: row[1])


def stored_claims_for(connection: sqlite3.Connection, new: Sequence[Article], new_claims: Sequence[Claim],
                      vocab: tuple[str, ...] = ()) -> tuple[list[Claim], list[Timeline]]:
    """The stored claims that can meet ``new_claims`` of the ``new`` articles, made ready as read
    claims are (sparsity labels, entities linked across the articles fetched), with their
    articles' timelines; a stored article that a new one edits is left out."""
    from factrecon.claims import label_sparsity, link_entities, read_glosses

    fetched = fetch_corpus(connection, new_claims, [read_glosses(article.text) for article in new], vocab,
                           replaced=[article.source for article in new])
    return link_entities(label_sparsity(fetched.claims), fetched.glossaries, vocab), list(fetched.timelines)
