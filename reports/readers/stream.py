"""Read a large plain-text file as blocks of whole lines, never whole: for ``extract_blocks``.

The encoding is judged on the file's first ``SAMPLE_BYTES`` (cut at a character boundary) by the
same rules as a small file (``decode``); the file is then decoded incrementally with it. Line ends
are kept as written, so offsets into the joined blocks are offsets into the file's text.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from factrecon.reports.readers.decode import DecodeError, decode

SAMPLE_BYTES = 1 << 20
BLOCK_CHARS = 1 << 20          # a block ends at the first line end past this many characters
LONGEST_LINE = 8 * BLOCK_CHARS  # a line longer than this is cut (a number there may be split)
_READ_BYTES = 1 << 20


def sniff_encoding(path: Path) -> str:
    """The encoding of ``path`` judged on its first bytes; raises ``DecodeError`` as ``decode``."""
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    for cut in range(4):  # a multi-byte character may straddle the end of the sample
        try:
            return decode(sample[:len(sample) - cut] if cut else sample).encoding
        except DecodeError:
            if cut == 3 or len(sample) < SAMPLE_BYTES:
                raise
    raise AssertionError("unreachable")


def text_blocks(path: Path, encoding: str, block_chars: int | None = None) -> Iterator[str]:
    """The text of ``path`` as blocks of whole lines of about ``block_chars`` (``BLOCK_CHARS``)
    characters; a BOM, as for a small file, is not part of the text."""
    block_chars = block_chars or BLOCK_CHARS
    longest = max(LONGEST_LINE, block_chars)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    pending = ""
    first = True
    with path.open("rb") as handle:
        while chunk := handle.read(_READ_BYTES):
            pending += decoder.decode(chunk)
            if first:
                pending, first = pending.removeprefix("\ufeff"), False
            while len(pending) > block_chars:
                cut = pending.find("\n", block_chars) + 1 or (longest if len(pending) > longest else 0)
                if not cut:
                    break
                yield pending[:cut]
                pending = pending[cut:]
        pending += decoder.decode(b"", final=True)
    if pending:
        yield pending
