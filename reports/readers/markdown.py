"""The title and date a Markdown article gives in its front matter.

YAML (``---``) or TOML (``+++``) front matter at the very top::

    ---
    title: "英伟达H200获准出口"
    date: 2025-12-09T08:30:00+08:00
    ---

Only ``title`` and ``date`` are read (a date is its first ``YYYY-MM-DD``, also with ``/`` or
``.``); the front matter stays in the text, so offsets still index the file as written.
"""

from __future__ import annotations

import datetime as dt
import re

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^(title|date)[ \t]*[:=][ \t]*(.*?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_DATE = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")


def front_matter(text: str) -> tuple[str | None, dt.date | None]:
    """``(title, date)`` from the front matter of ``text``; ``(None, None)`` without one."""
    found = _FRONT_MATTER.match(text)
    if found is None:
        return None, None
    fields = {key.lower(): value.strip("'\"") for key, value in _FIELD.findall(found.group(2).replace("\r", ""))}
    return fields.get("title") or None, _date(fields.get("date", ""))


def _date(value: str) -> dt.date | None:
    found = _DATE.match(value)
    if found is None:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None
