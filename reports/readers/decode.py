"""Bytes to text, or one reason why not.

Line ends are kept as written, so offsets index the file's own characters; a BOM is
dropped (offsets count from the character after it).  Order of attempts: a BOM (UTF-8,
UTF-32, UTF-16), strict UTF-8, the charset an HTML page declares, UTF-8 with a few
damaged bytes (replaced by U+FFFD, with a warning), then GB18030 or Big5 as
charset-normalizer judges, then its free guess.  Binary content is refused by magic
number or NUL bytes, whatever the file is called.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

SNIFF_BYTES = 8192
MAX_DAMAGED_UTF8 = 0.1
"""Share of the non-ASCII bytes that may be invalid for a file still to be read as UTF-8."""

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
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030"}  # a declared GBK page may use any GB18030 character
_DECLARED = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_SURROGATE = re.compile("[\udc80-\udcff]")
_ASCII = bytes(range(0x80))
UNDECODABLE = "cannot decode text (not UTF-8, GB18030 or Big5)"


class DecodeError(ValueError):
    """Bytes that are not text; ``str()`` is the reason."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text, the encoding it was read with, and what a reader should be told about it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes) -> Decoded:
    """The text of ``data``; raises ``DecodeError`` for empty, binary or undecodable bytes."""
    if not data:
        raise DecodeError("empty file")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file (looks like {kind})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data, encoding), encoding)
    if b"\x00" in data[:SNIFF_BYTES]:
        return _utf16_without_bom(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    declared = _declared_charset(data)
    if declared is not None:
        return declared
    damaged = _damaged_utf8(data, first_bad)
    if damaged is not None:
        return damaged
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CHINESE_CODECS).best() or from_bytes(data).best()
    if best is None:
        raise DecodeError(UNDECODABLE)
    return Decoded(str(best), best.encoding)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise DecodeError(UNDECODABLE) from None


def _declared_charset(data: bytes) -> Decoded | None:
    """The text in the charset an HTML page declares in its first 1024 bytes, if it decodes."""
    found = _DECLARED.search(data[:1024])
    if found is None:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
        encoding = _SUPERSETS.get(name, name)
        return Decoded(data.decode(encoding), encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _damaged_utf8(data: bytes, first_bad: int) -> Decoded | None:
    """UTF-8 with a few invalid bytes, each replaced by U+FFFD; None when too many are invalid."""
    invalid = len(_SURROGATE.findall(data.decode("utf-8", "surrogateescape")))
    non_ascii = len(data.translate(None, _ASCII))  # the bytes left once ASCII is deleted
    if invalid > non_ascii * MAX_DAMAGED_UTF8:
        return None
    plural = "s" if invalid > 1 else ""
    warning = f"{invalid} invalid UTF-8 byte{plural} (the first at byte {first_bad}) read as U+FFFD"
    return Decoded(data.decode("utf-8", "replace"), "utf-8", (warning,))


def _utf16_without_bom(data: bytes) -> Decoded:
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
            return Decoded(text, encoding)
    raise DecodeError("binary file")
