"""The claim store's schema, versioned with ``PRAGMA user_version``.

Each version is one SQL file in ``reports/data/store/`` (``001_initial.sql``, ...) and, where a
new column needs values computed in Python, a backfill. Opening a store applies the versions it
lacks, each in one transaction; a store written by a newer factrecon is refused.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from functools import cache
from importlib import resources

from factrecon.units import is_currency, registry

_FILE = re.compile(r"(\d{3})_[a-z_]+\.sql")


def dimension(unit: str) -> str:
    """What a unit measures, for blocking: ``money`` for any currency, ``money/[share]`` for a share
    price, ``exchange rate`` for a currency per another, else pint's dimensionality (``[count]``,
    ``[ratio]`` for percents and multiples, ``[information]`` for bytes)."""
    numerator, slash, denominator = unit.partition("/")
    if is_currency(numerator) and slash and is_currency(denominator):
        return "exchange rate"
    if is_currency(numerator):
        return "money" + (f"/{_dimension(denominator)}" if slash else "")
    return _dimension(unit)


@cache
def _dimension(unit: str) -> str:
    try:
        found = str(registry().parse_expression(unit).dimensionality)
    except Exception:  # an expression pint cannot read still gets a key of its own
        return f"[{unit}]"
    return found if found != "dimensionless" else "[ratio]"


def _backfill_dimensions(connection: sqlite3.Connection) -> None:
    units = [row[0] for row in connection.execute("SELECT DISTINCT unit FROM claims")]
    connection.executemany("UPDATE claims SET dimension = ? WHERE unit = ?", [(dimension(u), u) for u in units])


BACKFILLS: dict[int, Callable[[sqlite3.Connection], None]] = {2: _backfill_dimensions}
"""Python run after a version's SQL, by version."""


@cache
def versions() -> tuple[tuple[int, str], ...]:
    """Every schema version with its SQL, in order."""
    folder = resources.files("factrecon.reports").joinpath("data/store")
    found = []
    for item in folder.iterdir():
        match = _FILE.fullmatch(item.name)
        if match:
            found.append((int(match.group(1)), item.read_text(encoding="utf-8")))
    return tuple(sorted(found))


def latest() -> int:
    """The schema version this factrecon writes."""
    return versions()[-1][0]


def migrate(connection: sqlite3.Connection, up_to: int | None = None) -> int:
    """Apply the versions ``connection`` lacks (up to ``up_to``, default all); the version reached.
    Raises ``ValueError`` for a store newer than this factrecon."""
    target = latest() if up_to is None else up_to
    current = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if current > latest():
        raise ValueError(f"written by a newer factrecon (schema version {current}, this one reads up to {latest()})")
    for version, sql in versions():
        if current < version <= target:
            connection.execute("BEGIN IMMEDIATE")
            try:
                # re-read inside the lock: another process may have migrated meanwhile
                if int(connection.execute("PRAGMA user_version").fetchone()[0]) < version:
                    for statement in _statements(sql):
                        connection.execute(statement)
                    if version in BACKFILLS:
                        BACKFILLS[version](connection)
                    connection.execute(f"PRAGMA user_version = {version}")
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            current = version
    return current


def _statements(sql: str) -> list[str]:
    """The statements of a schema file (no semicolons inside its statements)."""
    without_comments = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return [statement.strip() for statement in without_comments.split(";") if statement.strip()]
