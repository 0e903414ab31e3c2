"""Claims as a terminal table for people: one line per claim.

Claims are grouped by source under a heading naming the file; each row gives the line the figure
sits on, the text as written, the figure as a reader expects it (``141 GB``, ``≥ 95%``,
``3,000亿元``: ``reports.display``), its entity, measure and period, and the quote cut with an
ellipsis to the width left. ``wide`` adds scope, basis, status and origin and gives the quote in
full. A terminal too narrow for every column drops columns in ``DROP_ORDER`` rather than wrapping:
the line, the text and the figure always stay, and never break. A summary line counts the claims
per source. Colour is the caller's choice; cell text is literal, never rich markup.
"""

from __future__ import annotations

import io
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from factrecon.claims.model import Claim
from factrecon.reports.display import Style, shown
from factrecon.reports.visible import visible

ALWAYS: tuple[str, ...] = ("line", "text", "value")
"""Columns every width keeps."""
OPTIONAL: tuple[str, ...] = ("entity", "measure", "period", "scope", "basis", "status", "origin", "quote")
"""Further columns, in the order they are shown."""
WIDE_ONLY: frozenset[str] = frozenset({"scope", "basis", "status", "origin"})
DROP_ORDER: tuple[str, ...] = ("quote", "origin", "status", "basis", "scope", "measure", "period", "entity")
"""Which column a narrow terminal gives up first."""
CAPS: Mapping[str, int] = {"text": 16, "entity": 18, "measure": 18, "period": 18, "scope": 16, "basis": 14,
                           "status": 12, "origin": 20}
"""Widest a column grows; longer cells end in an ellipsis."""
QUOTE_MIN = 16
GAP = 2
"""Blanks between two columns (a divider and one of padding)."""
IMPLIED = " (implied)"
IMPLIED_MARK = "*"
"""An inferred period is marked with a star, explained under the table."""


def number(value: float | None) -> str:
    """``25`` for 25.0, ``628.31`` as is, ``""`` for None (the machine form, for CSV and panels)."""
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


def _line(starts: Sequence[int] | None, start: int) -> str:
    return line_col(starts, start).split(":")[0]


def _cells(claim: Claim, starts: Sequence[int] | None, numbers: Style) -> dict[str, str]:
    cells = {
        "line": _line(starts, claim.start), "text": " ".join(claim.text.split()), "value": shown(claim, numbers),
        "entity": claim.entity or "", "measure": claim.attribute or "",
        "period": (claim.time or "").replace(IMPLIED, IMPLIED_MARK),
        "scope": claim.scope or "", "basis": claim.basis or "", "status": claim.status or "",
        "origin": claim.origin or "", "quote": claim.quote,
    }
    return {name: visible(cell) for name, cell in cells.items()}


def excerpt(quote: str, figure: str, width: int) -> str:
    """``quote`` on one line in at most ``width`` cells, cut with ``…`` around ``figure`` so that
    the figure stays in view, with as much context on each side as fits."""
    flat, figure = " ".join(quote.split()), " ".join(figure.split())
    if cell_len(flat) <= width:
        return flat
    begin = max(flat.find(figure), 0)
    end = begin + len(figure) if figure in flat else begin

    def cut(left: int, right: int) -> str:
        middle = flat[left:right]
        middle = middle.lstrip() if left > 0 else middle
        middle = middle.rstrip() if right < len(flat) else middle
        return ("…" if left > 0 else "") + middle + ("…" if right < len(flat) else "")

    left, right = begin, end
    while True:
        steps = [(left - 1, right), (left, right + 1)]
        if begin - left > right - end:
            steps.reverse()
        for new_left, new_right in steps:
            if new_left >= 0 and new_right <= len(flat) and cell_len(cut(new_left, new_right)) <= width:
                left, right = new_left, new_right
                break
        else:
            return cut(left, right)


def _widths(rows: Sequence[Mapping[str, str]], names: Sequence[str]) -> dict[str, int]:
    widths = {}
    for name in names:
        natural = max([cell_len(name), *(cell_len(row[name]) for row in rows)])
        widths[name] = min(natural, CAPS.get(name, natural))
    return widths


def columns_for(rows: Sequence[Mapping[str, str]], width: int, wide: bool) -> dict[str, int]:
    """The columns that fit ``width`` with their widths; the quote takes what is left."""
    names = [*ALWAYS, *(name for name in OPTIONAL if wide or name not in WIDE_ONLY)]
    names = [name for name in names if name in ALWAYS or name == "quote" or any(row[name] for row in rows)]
    widths = _widths(rows, [name for name in names if name != "quote"])
    for dropped in (None, *DROP_ORDER):
        if dropped in names:
            names.remove(dropped)
            widths.pop(dropped, None)
        used = sum(widths.values()) + GAP * len(names) - 1
        if "quote" in names:
            if width - used >= QUOTE_MIN:
                widths["quote"] = width - used
                return {name: widths[name] for name in names}
            continue
        if used <= width:
            return {name: widths[name] for name in names}
    return {name: widths[name] for name in names}


def _table(rows: Sequence[Mapping[str, str]], widths: Mapping[str, int], wide: bool) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, GAP - 1, 0, 0),
                  header_style="bold", expand=False)
    for name, size in widths.items():
        folds = wide and name == "quote"
        table.add_column(name, width=size, no_wrap=not folds, overflow="fold" if folds else "ellipsis",
                         style="cyan" if name == "text" else None)
    for row in rows:
        cells = dict(row)
        if "quote" in widths and not wide:
            cells["quote"] = excerpt(row["quote"], row["text"], widths["quote"])
        table.add_row(*(Text(cells[name]) for name in widths))
    return table


def summary(claims: Sequence[Claim], sources: Sequence[str] = ()) -> str:
    """``"3 claims: a.txt 2, b.txt 1, c.txt 0"``; ``sources`` adds sources that have none."""
    counts = Counter(claim.source for claim in claims)
    langs = {claim.source: claim.lang for claim in claims}
    order = list(dict.fromkeys([*sources, *counts]))
    noun = "claim" if len(claims) == 1 else "claims"
    return f"{len(claims)} {noun}: " + ", ".join(
        f"{source}{f' ({langs[source]})' if source in langs else ''} {counts[source]}" for source in order)


def render_table(claims: Sequence[Claim], texts: Mapping[str, str] | None = None, *, width: int = 120,
                 color: bool = False, wide: bool = False, numbers: Style = "auto") -> str:
    """The claims as terminal text; ``texts`` maps each source to its text (for line numbers and
    counts)."""
    texts = texts or {}
    console = Console(
        file=io.StringIO(), width=width, color_system="standard" if color else None,
        force_terminal=color, no_color=not color, highlight=False, emoji=False, markup=False,
    )
    starts = {source: line_starts(text) for source, text in texts.items()}
    by_source: dict[str, list[dict[str, str]]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(_cells(claim, starts.get(claim.source), numbers))
    every_row = [row for rows in by_source.values() for row in rows]
    widths = columns_for(every_row, width, wide) if every_row else {}
    for source, rows in by_source.items():
        console.print(Text(f"{source}  ({len(rows)} claim{'' if len(rows) == 1 else 's'})", style="bold"),
                      no_wrap=True, overflow="ellipsis")
        console.print(_table(rows, widths, wide))
    if any(IMPLIED in (claim.time or "") for claim in claims) and "period" in widths:
        console.print(Text(f"{IMPLIED_MARK} period implied: not written beside the figure, read from the article"))
    console.print(Text(summary(claims, list(texts))))
    output: str = console.file.getvalue()  # type: ignore[attr-defined]
    return output if color else "".join(line.rstrip() + "\n" for line in output.splitlines())
