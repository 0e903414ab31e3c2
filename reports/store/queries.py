"""Reading claims back from the store: what was published about an entity and a measure."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from factrecon.claims import Claim


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """How much the store holds."""

    articles: int
    claims: int
    version: int


def summary(connection: sqlite3.Connection) -> StoreSummary:
    """Counts of articles and claims, and the schema version."""
    articles = connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    claims = connection.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    return StoreSummary(int(articles), int(claims), int(version))


def find_claims(connection: sqlite3.Connection, *, entity: str | None = None, attribute: str | None = None,
                time: str | None = None) -> list[Claim]:
    """Stored claims of ``entity`` and ``attribute`` (either case), whose period starts with
    ``time`` ("2025" finds 2025, 2025Q4 and 2025-12-10), in article and position order."""
    conditions, values = [], []
    if entity is not None:
        conditions.append("entity = ? COLLATE NOCASE")
        values.append(entity)
    if attribute is not None:
        conditions.append("attribute = ? COLLATE NOCASE")
        values.append(attribute)
    if time is not None:
        conditions.append("substr(time, 1, length(?)) = ?")
        values += [time, time]
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = connection.execute(f"SELECT record FROM claims{where} ORDER BY source, start", values)
    return [Claim.from_dict(json.loads(record)) for (record,) in rows]
