"""Project defaults for the command line: ``factrecon.toml``, or ``[tool.factrecon]`` in
``pyproject.toml``, in the working folder or the nearest folder above it that has one::

    # factrecon.toml (or [tool.factrecon] in pyproject.toml)
    corpus = "published/"               # gate: the accepted corpus
    store = "factrecon.db"              # index, claims, check, gate: the claim store (wins over corpus)
    waivers = "factrecon-waivers.toml"  # gate, waive
    fail-on = "conflict"                # check, gate
    vocab = ["newsroom-vocab/"]         # extract, check, gate
    tolerances = "tolerances.toml"      # check, gate
    jobs = 0                            # extract, check, gate: processes (0: one per core)

Paths are relative to the file that sets them. Options given on the command line win.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factrecon.reports.errors import FactreconError

CONFIG_FILE = "factrecon.toml"
PATH_KEYS = ("corpus", "store", "waivers", "tolerances", "corrections", "cache")
KEYS = {"fail-on": str, "vocab": list, "jobs": int, **{key: str for key in PATH_KEYS}}
WANTED = {str: "a string", list: "a list of folders", int: "a whole number"}


class ConfigError(FactreconError):
    """A malformed configuration file: ``str()`` names the file and key."""


@dataclass(frozen=True, slots=True)
class Config:
    """Defaults by option name (``fail_on``, ``vocab`` ...) and the file they came from."""

    values: dict[str, Any]
    path: Path | None = None

    def defaults_for(self, parameters: set[str]) -> dict[str, Any]:
        return {name: value for name, value in self.values.items() if name in parameters}


def find_config(start: Path) -> Config:
    """The configuration that applies in folder ``start`` (none: empty)."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return _config(own, _load(own))
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _load(project).get("tool", {}).get("factrecon")
            if table is not None:
                return _config(project, table)
    return Config({})


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None


def _config(path: Path, table: Any) -> Config:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.factrecon] must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
        if (not isinstance(value, KEYS[key]) or isinstance(value, bool)
                or (key == "vocab" and not all(isinstance(v, str) for v in value))):
            raise ConfigError(f"{path}: {key} must be {WANTED[KEYS[key]]}")
        if key in PATH_KEYS:
            value = str(path.parent / value)
        elif key == "vocab":
            value = [str(path.parent / folder) for folder in value]
        values[key.replace("-", "_")] = value
    return Config(values, path)
