"""Reviewed data files (waivers, corrections): TOML arrays of tables, read with the line each
table starts on, so every complaint is ``file:line: reason`` (exit 2)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factrecon.reports.errors import FactreconError

_TOML_LINE = re.compile(r"\(at line (\d+)")


class ReviewedFileError(FactreconError):
    """A malformed reviewed file: ``str()`` is ``file:line: reason``."""


def read_tables(path: Path, table: str) -> list[tuple[int, dict[str, Any]]]:
    """The ``[[table]]`` entries of ``path`` with their first lines; a missing file has none."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise ReviewedFileError(f"{path}: cannot read: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        raise ReviewedFileError(f"{path}:{found.group(1) if found else 1}: {error}") from None
    unknown = set(data) - {table}
    if unknown:
        raise ReviewedFileError(f"{path}:1: unknown table {sorted(unknown)[0]!r} (expected [[{table}]])")
    entries = data.get(table, [])
    if not isinstance(entries, list):
        raise ReviewedFileError(f"{path}:1: {table!r} must be an array of tables ([[{table}]])")
    header = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(table)}[ \t]*\]\]", re.MULTILINE)
    lines = [text.count("\n", 0, match.start()) + 1 for match in header.finditer(text)]
    found = []
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(entry, dict):
            raise ReviewedFileError(f"{path}:{line}: a {table} must be a table")
        found.append((line, entry))
    return found


def checker(path: Path, line: int, entry: dict[str, Any], known: tuple[str, ...]) -> Callable[[str], None]:
    """Complain about unknown keys now; the returned function requires a non-empty string key."""
    unknown = set(entry) - set(known)
    if unknown:
        raise ReviewedFileError(f"{path}:{line}: unknown key {sorted(unknown)[0]!r}")

    def require(key: str) -> None:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ReviewedFileError(f"{path}:{line}: '{key}' is required (a non-empty string)")

    return require


def toml_string(value: str) -> str:
    """A TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'
