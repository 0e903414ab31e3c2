"""Read article files into ``Article`` records, one error per unreadable path.

Bytes are decoded here, never by a text-mode ``open``: line ends are kept as
written, so claim offsets index the file's own characters.  A UTF-8 BOM is
dropped (offsets count from the character after it).  Order of attempts: BOM
(UTF-8, UTF-32, UTF-16), strict UTF-8, then GB18030 or Big5 as charset-normalizer
judges, then its free guess.  Binary content is refused by magic number or NUL
bytes, whatever the file is called.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from importlib.resources import files

from factrecon.reports.errors import InputError

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".text")
SNIFF_BYTES = 8192

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"\x7fELF", "ELF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHINESE_CODECS = ["gb18030", "big5"]
_UNDECODABLE = "cannot decode text (not UTF-8, GB18030 or Big5)"


@dataclass(frozen=True, slots=True)
class Article:
    """One article's text as decoded, named by ``source`` (the path as given)."""

    source: str
    text: str
    encoding: str


def default_corpus() -> list[str]:
    """Paths of the bundled sample articles, sorted."""
    corpus = files("factrecon.reports").joinpath("data", "corpus")
    return sorted(str(item) for item in corpus.iterdir() if item.name.endswith(".txt"))


def read_inputs(paths: Sequence[str]) -> tuple[list[Article], list[InputError]]:
    """``read_articles(paths)``, or the bundled corpus (sources = base names) when none given."""
    if paths:
        return read_articles(paths)
    articles, errors = read_articles(default_corpus())
    return [replace(a, source=os.path.basename(a.source)) for a in articles], errors


def read_articles(paths: Sequence[str]) -> tuple[list[Article], list[InputError]]:
    """Read every file and directory in ``paths``; never raises for a bad input."""
    articles: list[Article] = []
    errors: list[InputError] = []
    for path in paths:
        if os.path.isdir(path):
            found = len(articles)
            for item in _walk(path, errors):
                _read_into(item, articles, errors)
            if len(articles) == found:
                errors.append(InputError(path, "no readable article (.txt/.md) found"))
        else:
            _read_into(path, articles, errors)
    return articles, errors


def read_article(path: str) -> Article:
    """One article from a file; raises ``InputError`` naming ``path``."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError(path, "not a regular file")
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, (error.strerror or str(error)).lower()) from None
    text, encoding = decode(data, path)
    if not text.strip():
        raise InputError(path, "empty file")
    return Article(source=path, text=text, encoding=encoding)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """``(text, encoding)`` of ``data``; raises ``InputError`` for binary or undecodable bytes."""
    if not data:
        raise InputError(path, "empty file")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"binary file (looks like {kind})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(path, _UNDECODABLE) from None
    if b"\x00" in data[:SNIFF_BYTES]:
        return _utf16_without_bom(data, path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CHINESE_CODECS).best() or from_bytes(data).best()
    if best is None:
        raise InputError(path, _UNDECODABLE)
    return str(best), best.encoding


def _utf16_without_bom(data: bytes, path: str) -> tuple[str, str]:
    """Text whose NULs are the high bytes of UTF-16 code units; anything else is binary."""
    head = data[:SNIFF_BYTES]
    odd = head[1::2].count(0)
    even = head[0::2].count(0)
    encoding = "utf-16-le" if odd and not even else "utf-16-be" if even and not odd else None
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = ""
        if text and "\x00" not in text and all(c.isprintable() or c.isspace() for c in text[:2048]):
            return text, encoding
    raise InputError(path, "binary file")


def _read_into(path: str, articles: list[Article], errors: list[InputError]) -> None:
    try:
        articles.append(read_article(path))
    except InputError as error:
        errors.append(error)


def _walk(directory: str, errors: list[InputError]) -> Iterator[str]:
    """Article files under ``directory`` (recursive, sorted, hidden entries skipped)."""

    def failed(error: OSError) -> None:
        where = error.filename or directory
        reason = "permission denied" if isinstance(error, PermissionError) else error.strerror or str(error)
        errors.append(InputError(where, reason.lower()))

    found: list[str] = []
    for root, dirnames, filenames in os.walk(directory, onerror=failed):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        relative = os.path.relpath(root, directory)
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                found.append(os.path.normpath(os.path.join(relative, name)))
    for name in sorted(found):
        yield os.path.join(directory, name)
