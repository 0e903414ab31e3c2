"""Opening a claim store: an SQLite file in WAL mode (readers never wait for a writer, a crash
mid-write leaves the last committed state), foreign keys on, a long busy timeout so two
processes indexing at once take turns instead of failing, and the schema brought up to date.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from factrecon.reports.errors import FactreconError
from factrecon.reports.store.schema import migrate

BUSY_TIMEOUT_MS = 120_000
"""How long a writer waits for another one (two `index` runs at once)."""


class StoreError(FactreconError):
    """The store cannot be opened or read: ``str()`` names the file."""


def open_store(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """A connection to the store at ``path``, migrated to the current schema; ``create=False``
    refuses a missing file. A file that is no SQLite database, or one from a newer factrecon, is
    a ``StoreError``."""
    if not create and not path.exists():
        raise StoreError(f"{path}: no such store (build it with `factrecon index ... --store {path}`)")
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a store")
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"{path}: cannot open the store ({error})") from None
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA foreign_keys = ON")
        migrate(connection)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise StoreError(f"{path}: not a factrecon store ({error})") from None
    except ValueError as error:
        connection.close()
        raise StoreError(f"{path}: {error}") from None
    return connection


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (``BEGIN IMMEDIATE``): committed whole or not at all."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
