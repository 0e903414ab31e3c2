"""An article's claims and its timeline, read in one pass: ``read_article``.

``extract`` and ``read_timeline`` each read the text on their own; a command that needs both (as
``check`` and ``gate`` do) reads it once into a ``Document`` whose entity and time mentions both
stages share.
"""

from __future__ import annotations

import datetime as dt

from .document import Document
from .extract import extract_document
from .model import Claim
from .time.timeline import Timeline, read_timeline


def read_article(text: str, source: str = "<text>", *, article_date: dt.date | None = None,
                 vocab: tuple[str, ...] = (), date_hint: dt.date | None = None) -> tuple[list[Claim], Timeline]:
    """The claims of ``text`` (as ``extract`` gives them) and its timeline (as ``read_timeline``;
    ``date_hint`` dates claims only, never the timeline's events)."""
    doc = Document(text, source, article_date, date_hint)
    claims = extract_document(doc, vocab)
    return claims, read_timeline(text, source, claims, article_date=doc.date, vocab=vocab, doc=doc)
