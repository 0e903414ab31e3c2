"""The library calls behind the commands: options turned into arguments, library errors into
``FactreconError``s with one line each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from factrecon.reports.errors import FactreconError

if TYPE_CHECKING:
    from pathlib import Path

    from factrecon.claims import Claim
    from factrecon.reconcile import CheckResult
    from factrecon.reports.inputs import Article


class UsageError(FactreconError):
    """A command-line option is malformed (exit 2)."""


def parse_dates(options: Sequence[str]) -> dict[str, dt.date]:
    """``["a.txt=2025-12-10"]`` -> ``{"a.txt": date(2025, 12, 10)}``."""
    dates = {}
    for option in options:
        path, sep, value = option.rpartition("=")
        try:
            if not sep or not path:
                raise ValueError
            dates[path] = dt.date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"--date {option}: expected FILE=YYYY-MM-DD") from None
    return dates


def extract_articles(articles: Sequence[Article], dates: Mapping[str, dt.date], vocab: tuple[str, ...]) -> list[Claim]:
    """The claims of every article, with context; a malformed vocabulary is one error line."""
    from factrecon.claims import VocabError, extract, label_sparsity, load_lexicon

    try:
        load_lexicon(vocab)
    except VocabError as error:
        raise FactreconError(f"vocabulary: {error}") from None
    return label_sparsity([claim for article in articles
                           for claim in extract(article.text, article.source,
                                                article_date=_date_of(article.source, dates), vocab=vocab)])


def _date_of(source: str, dates: Mapping[str, dt.date]) -> dt.date | None:
    import os

    return dates.get(source) or dates.get(os.path.basename(source))


def check_claims(claims: Sequence[Claim], tolerances: Path | None, vocab: tuple[str, ...] = (),
                 texts: Mapping[str, str] | None = None, dates: Mapping[str, dt.date] | None = None) -> CheckResult:
    """Reconcile ``claims``, with the timelines of their articles' ``texts`` (by source); an
    unreadable or malformed tolerances file is one error line."""
    import tomllib

    from factrecon.claims import read_timeline
    from factrecon.reconcile import check

    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    timelines = [read_timeline(text, source, by_source.get(source, []), article_date=_date_of(source, dates or {}),
                               vocab=vocab) for source, text in (texts or {}).items()]
    try:
        return check(claims, tolerances=tolerances, vocab=vocab, timelines=timelines)
    except OSError as error:
        raise UsageError(f"--tolerances {tolerances}: {(error.strerror or str(error)).lower()}") from None
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise UsageError(f"--tolerances {tolerances}: {error}") from None
