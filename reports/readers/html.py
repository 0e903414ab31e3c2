"""An HTML page's main text, title and date, with trafilatura.

trafilatura (favouring precision) drops navigation, sidebars, related links, share counts,
comments, scripts and styles, so their numbers never become claims.  The page is parsed here
with lxml's ``huge_tree`` (nesting up to 2048 deep); when trafilatura finds no main text (a
page nested deeper, or a bare fragment) every visible text block is kept instead, read by the
standard library's streaming parser, which has no depth limit.  The date is the page's own
publication date from its metadata (``article:published_time``, ``<meta name="date">``,
``<time datetime>``, JSON-LD ...), never a date guessed from the body text.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_DOCUMENT_START = re.compile(r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body)[\s>]",
                             re.IGNORECASE | re.DOTALL)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
_HTML_SPACE = re.compile(r"[ \t\f\r]+")  # HTML's own blanks; a no-break space is text
_DATE_SEARCH = {"extensive_search": False, "original_date": True, "min_date": "1900-01-01", "max_date": "2999-12-31"}
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "title"})
_BLOCKS = frozenset({"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "article",
                     "section", "main", "header", "footer", "table", "blockquote", "pre", "dd", "dt", "figcaption"})
SNIFF_CHARACTERS = 4096

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True, slots=True)
class Page:
    """What a page says: its main text (what claim offsets index), title and date."""

    text: str
    title: str | None = None
    date: dt.date | None = None


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML document (``<!doctype html>``, ``<html>``, ``<head>`` or ``<body>``
    first, after blanks and comments), whatever the file is called; a fragment is not."""
    return _DOCUMENT_START.match(text[:SNIFF_CHARACTERS]) is not None


def read_page(html: str) -> Page:
    """The main text, title and date of an HTML page (text ``""`` when it has none)."""
    from trafilatura import bare_extraction, extract_metadata

    tree = _parse(html)
    if tree is None:
        return Page(_visible_text(html))
    found = bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=True,
                            favor_precision=True, date_extraction_params=_DATE_SEARCH)
    if found is not None and found.text and found.text.strip():
        return Page(found.text, found.title or None, _date(found.date))
    meta = extract_metadata(tree, date_config=_DATE_SEARCH)
    return Page(_visible_text(html), meta.title or None, _date(meta.date))


def _parse(html: str) -> HtmlElement | None:
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False,
                                  default_doctype=False)
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


class _VisibleText(HTMLParser):
    """Text outside scripts, styles and the title, a line break at each block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, 1)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, -1)

    def _tag(self, tag: str, step: int) -> None:
        if tag in _INVISIBLE:
            self.hidden = max(0, self.hidden + step)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _visible_text(html: str) -> str:
    """Every text block of the page, one per line."""
    reader = _VisibleText()
    reader.feed(html)
    reader.close()
    lines = (_HTML_SPACE.sub(" ", line).strip(" ") for line in "".join(reader.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
