"""Read what a command line names into ``Article`` records, one error per unreadable input.

An input is a file, ``-`` (standard input), a directory (read recursively; ``--glob``) or
``@list.txt`` (a file naming one path per line).  Bytes are decoded by
``readers.decode`` (never by a text-mode ``open``, so line ends are kept as written); an HTML
page, by suffix or by content, is reduced to its main text by ``readers.html``.  An article's
``text`` is exactly what claim offsets index and what ``factrecon text`` prints.  Only
regular files are read (never a FIFO or device), and none larger than ``max_bytes``.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib.resources import files
from typing import TYPE_CHECKING

from factrecon.reports.errors import InputError
from factrecon.reports.readers.decode import DecodeError, decode
from factrecon.reports.readers.html import looks_like_html, read_page
from factrecon.reports.readers.markdown import front_matter
from factrecon.reports.readers.paths import list_entries, no_article, reason, walk
from factrecon.reports.readers.sidecar import read_sidecar

if TYPE_CHECKING:
    from factrecon.claims.model import TextBasis

STDIN = "-"
DEFAULT_MAX_BYTES = 256 * 1024**2
HTML_SUFFIXES = (".html", ".htm")
_KINDS = ((stat.S_ISDIR, "is a directory"), (stat.S_ISFIFO, "not a regular file (FIFO)"),
          (stat.S_ISCHR, "not a regular file (device)"), (stat.S_ISBLK, "not a regular file (device)"),
          (stat.S_ISSOCK, "not a regular file (socket)"))


@dataclass(frozen=True, slots=True)
class Article:
    """One article's text as read (what offsets index), named by ``source`` (the path as given)."""

    source: str
    text: str
    encoding: str
    basis: TextBasis = "original"
    date: dt.date | None = None       # from HTML metadata, front matter or a .meta.json sidecar
    title: str | None = None
    warnings: tuple[str, ...] = ()    # e.g. damaged UTF-8 bytes read as U+FFFD

    def describe(self) -> str:
        """How the article was read: ``encoding gb18030, main text of an HTML page, date 2025-12-09``."""
        parts = [f"encoding {self.encoding}"]
        if self.basis == "extracted-html":
            parts.append("main text of an HTML page")
        if self.title:
            parts.append(f"title “{self.title}”")
        if self.date:
            parts.append(f"date {self.date}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read: the size limit, directory globs, and whether the first error stops the run."""

    max_bytes: int = DEFAULT_MAX_BYTES
    globs: tuple[str, ...] = ()
    strict: bool = False


def default_corpus() -> list[str]:
    """Paths of the bundled sample articles, sorted."""
    corpus = files("factrecon.reports").joinpath("data", "corpus")
    return sorted(str(item) for item in corpus.iterdir() if item.name.endswith(".txt"))


def read_inputs(paths: Sequence[str], options: ReadOptions = ReadOptions(),
                on_article: Callable[[Article], None] | None = None) -> tuple[list[Article], list[InputError]]:
    """``read_articles(paths)``, or the bundled corpus (sources = base names) when none given."""
    if paths:
        return read_articles(paths, options, on_article)
    articles, errors = read_articles(default_corpus(), options)
    articles = [replace(a, source=os.path.basename(a.source)) for a in articles]
    if on_article:
        for article in articles:
            on_article(article)
    return articles, errors


def read_articles(paths: Sequence[str], options: ReadOptions = ReadOptions(),
                  on_article: Callable[[Article], None] | None = None) -> tuple[list[Article], list[InputError]]:
    """Every readable article of ``paths`` and one error per bad input; with ``options.strict``
    the first error is raised and nothing after it is read.  ``on_article`` sees each article as read."""
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in iter_inputs(paths, options):
        if isinstance(item, InputError):
            if options.strict:
                raise item
            errors.append(item)
        else:
            if on_article:
                on_article(item)
            articles.append(item)
    return articles, errors


def iter_inputs(paths: Sequence[str], options: ReadOptions = ReadOptions()) -> Iterator[Article | InputError]:
    """Articles and errors in command-line order, each read only when reached."""
    for path in paths:
        if path.startswith("@") and path != "@":
            listed = path[1:]
            try:
                entries = list_entries(listed, _text(listed, options.max_bytes))
            except InputError as error:
                yield error
                continue
            for entry in entries:
                yield from _expand(entry, options)
        else:
            yield from _expand(path, options)


def list_inputs(paths: Sequence[str], options: ReadOptions = ReadOptions()) -> Iterator[str | InputError]:
    """The article files ``paths`` name, in command-line order, none of them read: folders walked,
    ``@lists`` expanded (for engines that read articles elsewhere)."""
    for path in paths:
        entries = [path]
        if path.startswith("@") and path != "@":
            try:
                entries = list_entries(path[1:], _text(path[1:], options.max_bytes))
            except InputError as error:
                yield error
                continue
        for entry in entries:
            if entry == STDIN or not os.path.isdir(entry):
                yield entry
                continue
            found = False
            for item in walk(entry, options.globs):
                found = found or not isinstance(item, InputError)
                yield item
            if not found:
                yield no_article(entry, options.globs)


def read_article(path: str, options: ReadOptions = ReadOptions()) -> Article:
    """One article from a file (or ``-``, standard input), with the date and title of a
    ``.meta.json`` sidecar where the article gives none; raises ``InputError`` naming ``path``."""
    article = _read_text(path, options)
    if path == STDIN:
        return article
    sidecar = read_sidecar(path)
    return replace(article, date=article.date or sidecar.date, title=article.title or sidecar.title,
                   warnings=article.warnings + ((sidecar.warning,) if sidecar.warning else ()))


def _read_text(path: str, options: ReadOptions) -> Article:
    data = _stdin(options.max_bytes) if path == STDIN else _read_bytes(path, options.max_bytes)
    try:
        decoded = decode(data)
    except DecodeError as error:
        raise InputError(path, str(error)) from None
    text = decoded.text
    if not text.strip():
        raise InputError(path, "empty file")
    if path.lower().endswith(HTML_SUFFIXES) or looks_like_html(text):
        page = read_page(text)
        if not page.text.strip():
            raise InputError(path, "no article text in the HTML page")
        return Article(path, page.text, decoded.encoding, "extracted-html", page.date, page.title, decoded.warnings)
    title, date = front_matter(text)
    return Article(path, text, decoded.encoding, date=date, title=title, warnings=decoded.warnings)


def _expand(path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    if path == STDIN or not os.path.isdir(path):
        yield _attempt(path, options)
        return
    found = unlisted = False
    for item in walk(path, options.globs):
        result = item if isinstance(item, InputError) else _attempt(item, options)
        found = found or isinstance(result, Article)
        unlisted = unlisted or isinstance(item, InputError) and item.path == path
        yield result
    if not found and not unlisted:
        yield no_article(path, options.globs)


def _attempt(path: str, options: ReadOptions) -> Article | InputError:
    try:
        return read_article(path, options)
    except InputError as error:
        return error


def _text(path: str, max_bytes: int) -> str:
    """A small text file (a file list), decoded."""
    try:
        return decode(_read_bytes(path, max_bytes)).text
    except DecodeError as error:
        raise InputError(path, str(error)) from None


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """A regular file's bytes; opened without blocking, so a FIFO is refused, never waited on."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(descriptor)
            mode, size = info.st_mode, info.st_size
            kind = next((what for test, what in _KINDS if test(mode)), None)
            if kind is not None or not stat.S_ISREG(mode):
                raise InputError(path, kind or "not a regular file")
            if size > max_bytes:
                raise InputError(path, f"too large for --max-bytes {max_bytes} ({size} bytes)")
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise InputError(path, reason(error)) from None
    if len(data) > max_bytes:
        raise InputError(path, f"too large for --max-bytes {max_bytes}")
    return data


def _stdin(max_bytes: int) -> bytes:
    data: bytes = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(STDIN, f"too large for --max-bytes {max_bytes}")
    return data
