"""Verbatim repeated paragraphs within an article (a page that prints a passage twice).

A repeat says nothing new: its figures keep the context of the first copy, and their notes say
"duplicate of <id>" so that a reconciler counts the two copies as one origin.
"""

from __future__ import annotations

import re

from ..clauses import paragraph_bounds

MIN_PARAGRAPH = 20  # characters: shorter lines (a caption, "B") repeat by chance
_SPACE = re.compile(r"\s+")


def first_copies(text: str) -> dict[int, int]:
    """For each paragraph that repeats an earlier one verbatim (spacing aside), the offset from
    its start to the start of the first copy: ``{repeat start: first start}``."""
    seen: dict[str, int] = {}
    repeats: dict[int, int] = {}
    position = 0
    for line in text.split("\n"):
        key = _SPACE.sub("", line)
        if len(key) >= MIN_PARAGRAPH:
            if key in seen and line == text[seen[key]:seen[key] + len(line)]:
                repeats[position] = seen[key]
            else:
                seen.setdefault(key, position)
        position += len(line) + 1
    return repeats


def repeat_source(repeats: dict[int, int], text: str, start: int) -> int | None:
    """Where the figure at ``start`` stands in the first copy, if its paragraph is a repeat."""
    line_start, _ = paragraph_bounds(text, start)
    first = repeats.get(line_start)
    return None if first is None else first + (start - line_start)
