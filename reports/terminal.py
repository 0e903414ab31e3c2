"""Claims as a rich table for people at a terminal.

Wide screens get one table with a row per claim; below ``WIDE`` columns each
claim is shown as its own small field/value grid, so nothing is squeezed into
one-letter columns.  A summary line counts the claims per source.  Colour is
the caller's choice (``color=False`` gives plain text without trailing blanks);
cell text is literal, never parsed as rich markup.
"""

from __future__ import annotations

import io
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from factrecon.claims.model import Claim

WIDE = 140
"""Narrowest width that gets the one-table layout."""
COLUMNS: tuple[str, ...] = (
    "source", "line:col", "text", "value", "unit", "qualifier", "interval",
    "entity", "attribute", "time", "origin", "quote",
)


def number(value: float | None) -> str:
    """``25`` for 25.0, ``628.31`` as is, ``""`` for None."""
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def interval(claim: Claim) -> str:
    """``[lower, upper]`` with an open side shown as ``-∞``/``∞``; empty when unbounded both ways."""
    if claim.lower is None and claim.upper is None:
        return ""
    return f"[{number(claim.lower) or '-∞'}, {number(claim.upper) or '∞'}]"


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (after every ``\n``)."""
    return [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]


def line_col(starts: Sequence[int] | None, start: int) -> str:
    """1-based ``line:col`` of offset ``start`` given ``line_starts``; ``@start`` when unknown."""
    if starts is None:
        return f"@{start}"
    line = bisect_right(starts, start)
    return f"{line}:{start - starts[line - 1] + 1}"


def _cells(claim: Claim, starts: Mapping[str, list[int]]) -> list[str]:
    return [
        claim.source, line_col(starts.get(claim.source), claim.start), claim.text,
        number(claim.value), claim.unit, claim.qualifier, interval(claim),
        claim.entity or "", claim.attribute or "", claim.time or "", claim.origin or "", claim.quote,
    ]


def _wide(rows: list[list[str]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False)
    for name in COLUMNS:
        table.add_column(name, overflow="fold", ratio=3 if name == "quote" else 1,
                         style="cyan" if name == "text" else None)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _cards(rows: list[list[str]]) -> Group:
    cards: list[RenderableType] = []
    for row in rows:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        for name, cell in zip(COLUMNS[2:], row[2:], strict=True):
            if cell:
                grid.add_row(Text(name), Text(cell, style="cyan" if name == "text" else ""))
        cards += [Text(f"{row[0]}:{row[1]}", style="bold"), grid, Text("")]
    return Group(*cards)


def summary(claims: Sequence[Claim], sources: Sequence[str] = ()) -> str:
    """``"3 claims: a.txt 2, b.txt 1, c.txt 0"``; ``sources`` adds sources that have none."""
    counts = Counter(claim.source for claim in claims)
    langs = {claim.source: claim.lang for claim in claims}
    order = list(dict.fromkeys([*sources, *counts]))
    noun = "claim" if len(claims) == 1 else "claims"
    return f"{len(claims)} {noun}: " + ", ".join(
        f"{source}{f' ({langs[source]})' if source in langs else ''} {counts[source]}" for source in order)


def render_table(
    claims: Sequence[Claim], texts: Mapping[str, str] | None = None, *, width: int = 120, color: bool = False
) -> str:
    """The claims as terminal text; ``texts`` maps each source to its text (for line:col and counts)."""
    texts = texts or {}
    console = Console(
        file=io.StringIO(), width=width, color_system="standard" if color else None,
        force_terminal=color, no_color=not color, highlight=False, emoji=False, markup=False,
    )
    starts = {source: line_starts(text) for source, text in texts.items()}
    rows = [_cells(claim, starts) for claim in claims]
    if rows:
        console.print(_wide(rows) if width >= WIDE else _cards(rows))
    console.print(Text(summary(claims, list(texts))))
    output: str = console.file.getvalue()  # type: ignore[attr-defined]
    return output if color else "".join(line.rstrip() + "\n" for line in output.splitlines())
