"""Extract from a text too large to hold: block by block, each block a run of whole paragraphs.

Every block is read as ``extract`` reads an article, and its claims' offsets (and ids, and the
``change_from`` links between them) are moved by where the block starts, so the claims are those
of the whole text. Context does not cross a block boundary: a pronoun in a block's first
paragraph finds no subject in the block before. Memory is bounded by the block size.
``placed_blocks`` and ``extract_block`` split the work so that blocks can be read in parallel
(each ``Block`` carries all it needs; the claims of block n depend on no other block).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from .extract import extract
from .model import Claim
from .time.article_date import article_date as find_article_date

_DUPLICATE = re.compile(r"duplicate of ([^;]+)")  # the note of a repeated paragraph's figure (repeats.py)


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a large text, where it starts in the whole text, and the article's date."""

    text: str
    source: str
    offset: int
    article_date: dt.date | None = None
    vocab: tuple[str, ...] = ()


def extract_blocks(blocks: Iterable[str], source: str, *, article_date: dt.date | None = None,
                   vocab: tuple[str, ...] = ()) -> Iterator[Claim]:
    """The claims of the text that ``blocks`` make up when joined, block by block."""
    for block in placed_blocks(blocks, source, article_date=article_date, vocab=vocab):
        yield from extract_block(block)


def placed_blocks(blocks: Iterable[str], source: str, *, article_date: dt.date | None = None,
                  vocab: tuple[str, ...] = ()) -> Iterator[Block]:
    """``blocks`` with their offsets and the article's date (without ``article_date``, the date
    the first block states for itself)."""
    offset = 0
    date = article_date
    for number, block in enumerate(blocks):
        if number == 0 and date is None:
            date = find_article_date(block)
        yield Block(block, source, offset, date, vocab)
        offset += len(block)


def extract_block(block: Block) -> list[Claim]:
    """The claims of one block, with offsets and ids into the whole text."""
    claims = extract(block.text, block.source, article_date=block.article_date, vocab=block.vocab)
    offset = block.offset
    moved = {claim.id: f"{block.source}:{claim.start + offset}" for claim in claims}
    return [replace(claim, id=moved[claim.id], start=claim.start + offset, end=claim.end + offset,
                    change_from=moved.get(claim.change_from or "", claim.change_from),
                    notes=_renamed(claim.notes, moved)) for claim in claims]


def _renamed(notes: str | None, moved: dict[str, str]) -> str | None:
    """``notes`` with the ids of "duplicate of <id>" moved to the whole text's."""
    return notes and _DUPLICATE.sub(lambda found: f"duplicate of {moved.get(found[1], found[1])}", notes)
