"""Extracting articles into the claim store, incrementally.

An article is keyed by its path (the source name its claims carry) and a hash of everything its
extraction read: text, date, user vocabulary and the extractor's own code. An article whose hash
is stored is skipped; a new or changed one is extracted and its row and claims replaced in one
transaction, so a crash leaves every article either as it was or as it is now. ``prune`` removes
stored articles that are not among those read (deleted files).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from factrecon.claims import Claim, Timeline
from factrecon.reports.claim_cache import code_signature, vocab_signature
from factrecon.reports.corrections import claim_fingerprint
from factrecon.reports.inputs import Article
from factrecon.reports.store.database import transaction
from factrecon.reports.store.schema import dimension

CLAIM_COLUMNS: tuple[str, ...] = (
    "id", "source", "start", "end", "text", "quote", "value", "lower", "upper", "unit", "qualifier", "entity",
    "attribute", "relative_to", "time", "scope", "basis", "status", "origin", "lang",
)
"""Claim fields stored as columns of their own (the whole record is in ``record``)."""


@dataclass(frozen=True, slots=True)
class IndexReport:
    """What an index run did, by article path."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    claims: int  # claims written this run

    def summary(self) -> str:
        """``3 added, 1 changed, 25 unchanged, 0 removed (412 claims written)``."""
        return (f"{len(self.added)} added, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
                f"{len(self.removed)} removed ({self.claims} claims written)")


def content_hash(article: Article, date: dt.date | None, vocab_key: str) -> str:
    """What the article's claims depend on, hashed."""
    key = json.dumps([code_signature(), vocab_key, article.source, str(date), article.basis, article.text],
                     ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def index_articles(connection: sqlite3.Connection, articles: Sequence[Article], dates: Mapping[str, dt.date],
                   vocab: tuple[str, ...] = (), *, prune: bool = False, unreadable: Sequence[str] = ()) -> IndexReport:
    """Bring the store up to date with ``articles`` (see the module's docstring); ``prune`` never
    removes an ``unreadable`` path (a file that failed to read this run is not a deleted one)."""
    from factrecon.claims import read_article, read_glosses
    from factrecon.reports.pipeline import own_date, story_date_of, with_basis
    from factrecon.reports.progress import progress

    vocab_key = vocab_signature(vocab)
    stored = dict(connection.execute("SELECT path, content_hash FROM articles").fetchall())
    story = story_date_of(articles, dates)
    added: list[str] = []
    changed: list[str] = []
    unchanged: list[str] = []
    written = 0
    for article in progress(articles, "indexing", total=len(articles)):
        date = own_date(article, dates)
        digest = content_hash(article, date or story, vocab_key)
        if stored.get(article.source) == digest:
            unchanged.append(article.source)
            continue
        claims, timeline = read_article(article.text, article.source, article_date=date, vocab=vocab,
                                        date_hint=story)
        claims = with_basis(article, claims)
        with transaction(connection):
            replace_article(connection, article.source, digest, date, article.title, claims, timeline,
                            read_glosses(article.text))
        (changed if article.source in stored else added).append(article.source)
        written += len(claims)
    removed: list[str] = []
    if prune:
        present = {article.source for article in articles} | set(unreadable)
        removed = sorted(path for path in stored if path not in present)
        with transaction(connection):
            connection.executemany("DELETE FROM articles WHERE path = ?", [(path,) for path in removed])
    return IndexReport(tuple(added), tuple(changed), tuple(unchanged), tuple(removed), written)


def replace_article(connection: sqlite3.Connection, path: str, digest: str, date: dt.date | None, title: str | None,
                    claims: list[Claim], timeline: Timeline, glosses: Mapping[str, str]) -> None:
    """Write one article and its claims in place of what the store held for ``path`` (inside the
    caller's transaction)."""
    connection.execute("DELETE FROM articles WHERE path = ?", (path,))
    language = claims[0].lang if claims else None
    cursor = connection.execute(
        "INSERT INTO articles (path, content_hash, date, title, language, claims, timeline, glosses, indexed_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (path, digest, date.isoformat() if date else None, title, language, len(claims),
         json.dumps(timeline.to_dict(), ensure_ascii=False), json.dumps(dict(glosses), ensure_ascii=False),
         dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
    article_id = cursor.lastrowid
    columns = ", ".join(f'"{name}"' for name in CLAIM_COLUMNS)
    connection.executemany(
        f"INSERT INTO claims (article_id, {columns}, dimension, fingerprint, record)"
        f" VALUES (?, {', '.join('?' * len(CLAIM_COLUMNS))}, ?, ?, ?)",
        [(article_id, *(getattr(claim, name) for name in CLAIM_COLUMNS), dimension(claim.unit),
          claim_fingerprint(claim), json.dumps(claim.to_dict(), ensure_ascii=False)) for claim in claims])
