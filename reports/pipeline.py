"""The library calls behind the commands: options turned into arguments, library errors into
``FactreconError``s with one line each."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from factrecon.reports.errors import FactreconError

if TYPE_CHECKING:
    from pathlib import Path

    from factrecon.claims import Claim, Timeline
    from factrecon.reconcile import CheckResult
    from factrecon.reports.claim_cache import ClaimCache
    from factrecon.reports.inputs import Article


_SIZE = re.compile(r"([0-9]+)\s*([KMG]?)(?:i?B)?", re.IGNORECASE)


class UsageError(FactreconError):
    """A command-line option is malformed (exit 2)."""


def parse_date(option: str, value: str) -> dt.date:
    """``YYYY-MM-DD`` given to ``option``, or a usage error."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value}: expected YYYY-MM-DD") from None


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


def parse_size(option: str, value: str) -> int:
    """``"10M"`` given to ``option`` -> 10485760 (suffixes K, M, G: powers of 1024; ``B``/``iB`` optional)."""
    found = _SIZE.fullmatch(value.strip())
    if found is None:
        raise UsageError(f"{option} {value}: expected a size in bytes, like 1048576, 512K, 10M or 1G")
    number, scale = found.groups()
    return int(number) * 1024 ** " KMG".index((scale or " ").upper())


def article_dates(articles: Sequence[Article], dates: Mapping[str, dt.date]) -> dict[str, dt.date]:
    """Each article's date by source: a ``--date`` (by path or base name) wins over its metadata's."""
    return {article.source: date for article in articles if (date := own_date(article, dates)) is not None}


def extract_articles(articles: Sequence[Article], dates: Mapping[str, dt.date], vocab: tuple[str, ...]) -> list[Claim]:
    """The claims of every article, with context; a malformed vocabulary is one error line."""
    from factrecon.claims import extract, label_sparsity
    from factrecon.reports.progress import progress

    _check_vocab(vocab)
    story = story_date_of(articles, dates)
    return _linked(articles, label_sparsity([
        claim for article in progress(articles, "extracting", total=len(articles))
        for claim in with_basis(article, extract(article.text, article.source, vocab=vocab,
                                             article_date=own_date(article, dates), date_hint=story))]), vocab)


def _linked(articles: Sequence[Article], claims: list[Claim], vocab: tuple[str, ...]) -> list[Claim]:
    """One canonical name per entity across the articles read together (scripts, glosses, suffixes)."""
    from factrecon.claims import link_entities, read_glosses

    return link_entities(claims, [read_glosses(article.text) for article in articles], vocab)


def extract_with_timelines(articles: Sequence[Article], dates: Mapping[str, dt.date], vocab: tuple[str, ...],
                           cache: ClaimCache | None = None) -> tuple[list[Claim], list[Timeline]]:
    """The claims and timeline of every article, from ``cache`` where it has them."""
    from factrecon.claims import label_sparsity, read_article
    from factrecon.reports.progress import progress

    _check_vocab(vocab)
    claims: list[Claim] = []
    timelines: list[Timeline] = []
    story = story_date_of(articles, dates)
    for article in progress(articles, "reading", total=len(articles)):
        date = own_date(article, dates)
        dating = date or story  # the cache keys on the date the claims were read against
        found = cache.get(article.source, article.text, dating) if cache else None
        if found is None:
            found = read_article(article.text, article.source, article_date=date, vocab=vocab, date_hint=story)
            if cache:
                cache.put(article.source, article.text, dating, *found)
        claims.extend(with_basis(article, found[0]))
        timelines.append(found[1])
    return _linked(articles, label_sparsity(claims), vocab), timelines


def _check_vocab(vocab: tuple[str, ...]) -> None:
    from factrecon.claims import VocabError, load_lexicon

    try:
        load_lexicon(vocab)
    except VocabError as error:
        raise FactreconError(f"vocabulary: {error}") from None


def _date_of(source: str, dates: Mapping[str, dt.date]) -> dt.date | None:
    import os

    return dates.get(source) or dates.get(os.path.basename(source))


def story_date_of(articles: Sequence[Article], dates: Mapping[str, dt.date]) -> dt.date | None:
    """The date the dated articles read together tell (by metadata, ``--date`` or a date line at
    the top), a hint for the undated ones."""
    from factrecon.claims import article_date, story_date

    return story_date([date for article in articles
                       if (date := own_date(article, dates) or article_date(article.text)) is not None])


def own_date(article: Article, dates: Mapping[str, dt.date]) -> dt.date | None:
    return _date_of(article.source, dates) or article.date


def with_basis(article: Article, claims: list[Claim]) -> list[Claim]:
    """``claims`` marked with what their offsets index (the page's main text, for HTML)."""
    if article.basis == "original":
        return claims
    return [replace(claim, text_basis=article.basis) for claim in claims]


def timelines_of(claims: Sequence[Claim], texts: Mapping[str, str], dates: Mapping[str, dt.date],
                 vocab: tuple[str, ...] = ()) -> list[Timeline]:
    """The timeline of each article in ``texts``, read with its claims."""
    from factrecon.claims import read_timeline

    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    return [read_timeline(text, source, by_source.get(source, []), article_date=_date_of(source, dates), vocab=vocab)
            for source, text in texts.items()]


def check_claims(claims: Sequence[Claim], tolerances: Path | None, vocab: tuple[str, ...] = (),
                 texts: Mapping[str, str] | None = None, dates: Mapping[str, dt.date] | None = None,
                 timelines: Sequence[Timeline] | None = None, more_timelines: Sequence[Timeline] = ()) -> CheckResult:
    """Reconcile ``claims`` with their articles' ``timelines`` (read from ``texts``, by source,
    when not given, and ``more_timelines`` of articles not read: a store's); an unreadable or
    malformed tolerances file is one error line."""
    import tomllib

    from factrecon.reconcile import check

    if timelines is None:
        timelines = timelines_of(claims, texts or {}, dates or {}, vocab)
    timelines = [*timelines, *more_timelines]
    try:
        return check(claims, tolerances=tolerances, vocab=vocab, timelines=timelines)
    except OSError as error:
        raise UsageError(f"--tolerances {tolerances}: {(error.strerror or str(error)).lower()}") from None
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise UsageError(f"--tolerances {tolerances}: {error}") from None
