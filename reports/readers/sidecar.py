"""The title and date a crawler or archive records beside an article: ``ARTICLE.meta.json``.

A file ``story.txt`` may have ``story.txt.meta.json`` (or ``story.meta.json``) beside it, a JSON
object whose ``date`` (``YYYY-MM-DD``, a longer ISO timestamp is cut to its day) and ``title``
are read; other keys are ignored. Metadata in the article itself (front matter, HTML meta tags)
wins; the sidecar fills what the article does not say. A sidecar that cannot be read is a
warning, never the loss of its article.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass

SUFFIX = ".meta.json"


@dataclass(frozen=True, slots=True)
class Sidecar:
    title: str | None = None
    date: dt.date | None = None
    warning: str | None = None  # why a sidecar beside the article was not read


def sidecar_path(path: str) -> str | None:
    """The metadata file beside ``path``, if there is one."""
    stem, _ = os.path.splitext(path)
    for candidate in (path + SUFFIX, stem + SUFFIX):
        if candidate != path and os.path.isfile(candidate):
            return candidate
    return None


def read_sidecar(path: str) -> Sidecar:
    """The title and date of the sidecar beside ``path`` (empty when there is none)."""
    found = sidecar_path(path)
    if found is None:
        return Sidecar()
    name = os.path.basename(found)
    try:
        with open(found, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return Sidecar(warning=f"{name} not read ({error.__class__.__name__})")
    if not isinstance(data, dict):
        return Sidecar(warning=f"{name} not read (not a JSON object)")
    title = data.get("title") if isinstance(data.get("title"), str) and data["title"].strip() else None
    written = data.get("date")
    if written is None:
        return Sidecar(title)
    try:
        return Sidecar(title, dt.date.fromisoformat(str(written)[:10]))
    except ValueError:
        return Sidecar(title, warning=f"{name}: date {written!r} is not YYYY-MM-DD")
