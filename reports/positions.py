"""Where a claim sits in its article, counted as code-scanning tools count: 1-based lines and
columns in UTF-16 code units.

SARIF's default ``columnKind`` (``utf16CodeUnits``) and the GitHub editor count a character
outside the Basic Multilingual Plane (an emoji, a CJK Extension B ideograph) as two columns, while
claim offsets count code points. Lines break at ``\\n`` (so CRLF files number alike), as in the
terminal table's ``line:col``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath

from factrecon.claims.model import Claim
from factrecon.reports.terminal import line_starts


@dataclass(frozen=True, slots=True)
class Region:
    """A span from (``start_line``, ``start_column``) up to, not including, (``end_line``, ``end_column``)."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


def utf16_length(text: str) -> int:
    """Code units of ``text`` in UTF-16: one per BMP character, two per character beyond it."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True, slots=True)
class LineIndex:
    """A text with the offsets its lines start at; ``LineIndex.of(text)`` builds one."""

    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        return cls(text, tuple(line_starts(text)))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and UTF-16 column of the code-point ``offset``."""
        line = bisect_right(self.starts, offset)
        return line, utf16_length(self.text[self.starts[line - 1]:offset]) + 1

    def region(self, start: int, end: int) -> Region:
        """The region of the code-point span ``[start, end)``."""
        return Region(*self.position(start), *self.position(end))


def claim_region(claim: Claim, indexes: Mapping[str, LineIndex]) -> Region | None:
    """The region of ``claim`` in its source's text; None when that text is not known."""
    index = indexes.get(claim.source)
    return None if index is None else index.region(claim.start, claim.end)


def posix_path(source: str) -> str:
    """``source`` with forward slashes (``articles\\a.txt`` on Windows -> ``articles/a.txt``)."""
    return PurePath(source).as_posix()
