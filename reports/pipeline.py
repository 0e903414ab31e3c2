"""The library calls behind the commands: options turned into arguments, library errors into
``FactreconError``s with one line each."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factrecon.reports.errors import FactreconError
from factrecon.reports.workers import Workers

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


def worker_count(jobs: int) -> int:
    """The processes ``--jobs`` asks for: 0 is one per core this process may use."""
    return jobs or getattr(os, "process_cpu_count", os.cpu_count)() or 1


@dataclass(frozen=True, slots=True)
class _Reading:
    """One article to read in a worker: its text and the dates that resolve its relative times."""

    text: str
    source: str
    date: dt.date | None
    hint: dt.date | None
    vocab: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Dating:
    """One article's timeline to read in a worker, with its claims."""

    text: str
    source: str
    claims: list[Claim]
    date: dt.date | None
    vocab: tuple[str, ...]


def article_dates(articles: Sequence[Article], dates: Mapping[str, dt.date]) -> dict[str, dt.date]:
    """Each article's date by source: a ``--date`` (by path or base name) wins over its metadata's."""
    return {article.source: date for article in articles if (date := own_date(article, dates)) is not None}


def extract_articles(articles: Sequence[Article], dates: Mapping[str, dt.date], vocab: tuple[str, ...],
                     workers: Workers | None = None) -> list[Claim]:
    """The claims of every article, with context (read by ``workers``, in order); a malformed
    vocabulary is one error line."""
    from factrecon.claims import label_sparsity, link_entities

    _check_vocab(vocab)
    story = story_date_of(articles, dates)
    read = (workers or Workers()).map(_claims_and_glosses, _readings(articles, dates, story, vocab), "extracting")
    claims = label_sparsity([claim for article, (found, _) in zip(articles, read, strict=True)
                             for claim in with_basis(article, found)])
    return link_entities(claims, [glosses for _, glosses in read], vocab)


def _claims_and_glosses(reading: _Reading) -> tuple[list[Claim], dict[str, str]]:
    """A worker task: an article's claims, and the Han names it glosses (for linking entities)."""
    from factrecon.claims import extract, read_glosses

    claims = extract(reading.text, reading.source, vocab=reading.vocab, article_date=reading.date,
                     date_hint=reading.hint)
    return claims, read_glosses(reading.text)


def _readings(articles: Sequence[Article], dates: Mapping[str, dt.date], story: dt.date | None,
              vocab: tuple[str, ...]) -> list[_Reading]:
    return [_Reading(article.text, article.source, own_date(article, dates), story, vocab) for article in articles]


def extract_with_timelines(articles: Sequence[Article], dates: Mapping[str, dt.date], vocab: tuple[str, ...],
                           cache: ClaimCache | None = None,
                           workers: Workers | None = None) -> tuple[list[Claim], list[Timeline]]:
    """The claims and timeline of every article, from ``cache`` where it has them, else read by
    ``workers`` (in order)."""
    from factrecon.claims import label_sparsity, link_entities, read_glosses

    _check_vocab(vocab)
    readings = _readings(articles, dates, story_date_of(articles, dates), vocab)
    dating = [reading.date or reading.hint for reading in readings]  # the cache keys on what claims were read against
    found = [cache.get(r.source, r.text, date) if cache else None for r, date in zip(readings, dating, strict=True)]
    missing = [index for index, entry in enumerate(found) if entry is None]
    read = (workers or Workers()).map(_claims_and_timeline, [readings[index] for index in missing], "reading")
    for index, entry in zip(missing, read, strict=True):
        found[index] = entry
        if cache:
            cache.put(readings[index].source, readings[index].text, dating[index], *entry)
    entries = [entry for entry in found if entry is not None]
    claims = [claim for article, (own, _) in zip(articles, entries, strict=True) for claim in with_basis(article, own)]
    return (link_entities(label_sparsity(claims), [read_glosses(article.text) for article in articles], vocab),
            [timeline for _, timeline in entries])


def _claims_and_timeline(reading: _Reading) -> tuple[list[Claim], Timeline]:
    """A worker task: an article's claims and timeline, read in one pass."""
    from factrecon.claims import read_article

    return read_article(reading.text, reading.source, article_date=reading.date, vocab=reading.vocab,
                        date_hint=reading.hint)


def _check_vocab(vocab: tuple[str, ...]) -> None:
    from factrecon.claims import VocabError, load_lexicon

    try:
        load_lexicon(vocab)
    except VocabError as error:
        raise FactreconError(f"vocabulary: {error}") from None


def _date_of(source: str, dates: Mapping[str, dt.date]) -> dt.date | None:
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
                 vocab: tuple[str, ...] = (), workers: Workers | None = None) -> list[Timeline]:
    """The timeline of each article in ``texts``, read with its claims by ``workers``."""
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    return (workers or Workers()).map(_timeline, [
        _Dating(text, source, by_source.get(source, []), _date_of(source, dates), vocab)
        for source, text in texts.items()], "timelines")


def check_claims(claims: Sequence[Claim], tolerances: Path | None, vocab: tuple[str, ...] = (),
                 texts: Mapping[str, str] | None = None, dates: Mapping[str, dt.date] | None = None,
                 timelines: Sequence[Timeline] | None = None, more_timelines: Sequence[Timeline] = (),
                 workers: Workers | None = None) -> CheckResult:
    """Reconcile ``claims`` with their articles' ``timelines`` (when not given, read from ``texts``,
    by source, by ``workers``) and ``more_timelines`` of articles not read (a store's); an
    unreadable or malformed tolerances file is one error line."""
    import tomllib

    from factrecon.reconcile import check

    if timelines is None:
        timelines = timelines_of(claims, texts or {}, dates or {}, vocab, workers)
    timelines = [*timelines, *more_timelines]
    try:
        return check(claims, tolerances=tolerances, vocab=vocab, timelines=timelines)
    except OSError as error:
        raise UsageError(f"--tolerances {tolerances}: {(error.strerror or str(error)).lower()}") from None
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise UsageError(f"--tolerances {tolerances}: {error}") from None


def _timeline(dating: _Dating) -> Timeline:
    """A worker task: an article's timeline of dated events, read with its claims."""
    from factrecon.claims import read_timeline

    return read_timeline(dating.text, dating.source, dating.claims, article_date=dating.date, vocab=dating.vocab)
