"""Extract from a text too large to hold: block by block, each block a run of whole paragraphs.

Every block is read as ``extract`` reads an article, and its claims' offsets (and ids, and the
``change_from`` links between them) are moved by where the block starts, so the claims are those
of the whole text. Context does not cross a block boundary: a pronoun in a block's first
paragraph finds no subject in the block before. Memory is bounded by the block size.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .extract import extract
from .model import Claim
from .time.article_date import article_date as find_article_date

_DUPLICATE = re.compile(r"duplicate of ([^;]+)")  # the note of a repeated paragraph's figure (repeats.py)


def extract_blocks(blocks: Iterable[str], source: str, *, article_date: dt.date | None = None,
                   vocab: tuple[str, ...] = ()) -> Iterator[Claim]:
    """The claims of the text that ``blocks`` make up when joined, block by block."""
    offset = 0
    date = article_date
    for number, block in enumerate(blocks):
        if number == 0 and date is None:
            date = find_article_date(block)
        claims = extract(block, source, article_date=date, vocab=vocab)
        moved = {claim.id: f"{source}:{claim.start + offset}" for claim in claims}
        for claim in claims:
            yield replace(claim, id=moved[claim.id], start=claim.start + offset, end=claim.end + offset,
                          change_from=moved.get(claim.change_from or "", claim.change_from),
                          notes=_renamed(claim.notes, moved))
        offset += len(block)


def _renamed(notes: str | None, moved: dict[str, str]) -> str | None:
    """``notes`` with the ids of "duplicate of <id>" moved to the whole text's."""
    return notes and _DUPLICATE.sub(lambda found: f"duplicate of {moved.get(found[1], found[1])}", notes)
