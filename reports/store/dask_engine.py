"""Indexing an archive on a Dask cluster (``pip install "factrecon[dask]"``).

The parent lists the files and never reads them. A first pass on the workers reads each
article's date (the undated ones are read against the story's date, as on one machine); a second
reads each article again, skips it when its content hash is the one stored, else extracts it. The
results are written as two Parquet datasets, ``articles`` and ``claims`` (one file per partition,
an article's claims in the same partition as the article), and the parent loads the store from
them one partition at a time, each article in one transaction, exactly as ``index_articles``
would have written it.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factrecon.claims import Claim, Timeline
from factrecon.reports.errors import InputError
from factrecon.reports.inputs import Article, ReadOptions
from factrecon.reports.store.database import transaction
from factrecon.reports.store.indexer import IndexReport, replace_article

ARTICLE_TYPES = {"path": "string", "content_hash": "string", "date": "string", "title": "string", "basis": "string",
                 "claims": "int64", "timeline": "string", "glosses": "string", "error": "string"}
CLAIM_TYPES = {"path": "string", "id": "string", "entity": "string", "attribute": "string", "time": "string",
               "unit": "string", "value": "float64", "fingerprint": "string", "record": "string"}
"""The Parquet datasets' columns: an article's ``claims`` is -1 when it could not be read (``error``
says why) and -2 when it is unchanged."""
ARTICLE_COLUMNS = tuple(ARTICLE_TYPES)


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs to read and extract an article."""

    options: ReadOptions
    dates: Mapping[str, dt.date]
    vocab: tuple[str, ...]
    vocab_key: str
    story: dt.date | None = None
    stored: Mapping[str, str] | None = None  # content hash by path, of the store before this run


def _read(path: str, job: Job) -> Article | InputError:
    from factrecon.reports.inputs import read_article

    try:
        return read_article(path, job.options)
    except InputError as error:
        return error


def _dates(paths: Sequence[str], job: Job) -> list[str | None]:
    """First pass: each article's own date, or the one its text states, for the story's date."""
    from factrecon.claims import article_date
    from factrecon.reports.pipeline import own_date

    found: list[str | None] = []
    for path in paths:
        article = _read(path, job)
        date = None if isinstance(article, InputError) else own_date(article, job.dates) or article_date(article.text)
        found.append(date.isoformat() if date else None)
    return found


def _extract(paths: Sequence[str], job: Job) -> tuple[Any, Any]:
    """Second pass over one partition: an articles table and a claims table (pandas)."""
    from factrecon.claims import read_article, read_glosses
    from factrecon.reports.corrections import claim_fingerprint
    from factrecon.reports.pipeline import own_date, with_basis
    from factrecon.reports.store.indexer import content_hash

    articles: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    for path in paths:
        article = _read(path, job)
        if isinstance(article, InputError):
            articles.append({**dict.fromkeys(ARTICLE_COLUMNS), "path": path, "error": article.reason, "claims": -1})
            continue
        date = own_date(article, job.dates)
        digest = content_hash(article, date or job.story, job.vocab_key)
        if (job.stored or {}).get(path) == digest:
            articles.append({**dict.fromkeys(ARTICLE_COLUMNS), "path": path, "content_hash": digest, "claims": -2})
            continue
        found, timeline = read_article(article.text, article.source, article_date=date, vocab=job.vocab,
                                       date_hint=job.story)
        found = with_basis(article, found)
        articles.append({"path": path, "content_hash": digest, "date": date.isoformat() if date else None,
                         "title": article.title, "basis": article.basis, "claims": len(found),
                         "timeline": json.dumps(timeline.to_dict(), ensure_ascii=False),
                         "glosses": json.dumps(read_glosses(article.text), ensure_ascii=False), "error": None})
        claims += [{"path": path, "id": claim.id, "entity": claim.entity, "attribute": claim.attribute,
                    "time": claim.time, "unit": claim.unit, "value": claim.value,
                    "fingerprint": claim_fingerprint(claim), "record": json.dumps(claim.to_dict(), ensure_ascii=False)}
                   for claim in found]
    return _table(articles, ARTICLE_TYPES), _table(claims, CLAIM_TYPES)


def _table(rows: list[dict[str, Any]], types: Mapping[str, str]) -> Any:
    import pandas as pd

    return pd.DataFrame(rows, columns=list(types)).astype(dict(types))


def index_on_dask(connection: sqlite3.Connection, paths: Sequence[str], job: Job, parquet: Path, *,
                  scheduler: str | None = None, workers: int = 2, prune: bool = False) -> tuple[IndexReport,
                                                                                              list[InputError]]:
    """Index ``paths`` on a Dask cluster (``scheduler``'s, else a local one of ``workers``
    processes), through the Parquet datasets under ``parquet``; the report and the unreadable files."""
    import dask.bag as bag
    from dask.distributed import Client, LocalCluster

    from factrecon.claims import story_date

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
    client = Client(scheduler or cluster)
    try:
        partitions = max(1, min(len(paths), workers * 4))
        listed = bag.from_sequence(paths, npartitions=partitions)
        dates = [dt.date.fromisoformat(day) for day in listed.map_partitions(_dates, job).compute() if day]
        stored = dict(connection.execute("SELECT path, content_hash FROM articles").fetchall())
        job = Job(job.options, job.dates, job.vocab, job.vocab_key, story_date(dates), stored)
        _write_parquet(listed, job, parquet)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return _load(connection, parquet, stored, prune)


def _write_parquet(listed: Any, job: Job, parquet: Path) -> None:
    import dask
    import dask.dataframe as frame

    tables = listed.map_partitions(lambda paths: [_extract(list(paths), job)]).to_delayed()
    articles = [dask.delayed(lambda pair: pair[0][0])(part) for part in tables]
    claims = [dask.delayed(lambda pair: pair[0][1])(part) for part in tables]
    dask.compute(
        frame.from_delayed(articles, meta=_table([], ARTICLE_TYPES), verify_meta=False).to_parquet(
            parquet / "articles", compute=False, write_index=False),
        frame.from_delayed(claims, meta=_table([], CLAIM_TYPES), verify_meta=False).to_parquet(
            parquet / "claims", compute=False, write_index=False))


def _load(connection: sqlite3.Connection, parquet: Path, stored: Mapping[str, str],
          prune: bool) -> tuple[IndexReport, list[InputError]]:
    added, changed, unchanged, errors, written = [], [], [], [], 0
    seen: set[str] = set()
    for articles, claims in _partitions(parquet):
        for row in articles:
            seen.add(row["path"])
            if row["claims"] == -1:
                errors.append(InputError(row["path"], row["error"]))
            elif row["claims"] == -2:
                unchanged.append(row["path"])
            else:
                found = [Claim.from_dict(json.loads(record)) for record in claims.get(row["path"], [])]
                with transaction(connection):
                    replace_article(connection, row["path"], row["content_hash"],
                                    dt.date.fromisoformat(row["date"]) if row["date"] else None, row["title"], found,
                                    Timeline.from_dict(json.loads(row["timeline"])), json.loads(row["glosses"]))
                (changed if row["path"] in stored else added).append(row["path"])
                written += len(found)
    removed = sorted(path for path in stored if path not in seen) if prune else []
    if removed:
        with transaction(connection):
            connection.executemany("DELETE FROM articles WHERE path = ?", [(path,) for path in removed])
    return IndexReport(tuple(added), tuple(changed), tuple(unchanged), tuple(removed), written), errors


def _partitions(parquet: Path) -> Iterator[tuple[list[dict[str, Any]], dict[str, list[str]]]]:
    """Each partition's article rows and its claims' records by article path, in order."""
    import pyarrow.parquet as pq

    for part in sorted((parquet / "articles").glob("*.parquet"), key=lambda p: int(p.stem.split(".")[-1])):
        articles = pq.read_table(part).to_pylist()
        by_path: dict[str, list[str]] = {}
        claims_file = parquet / "claims" / part.name
        if claims_file.exists():
            for row in pq.read_table(claims_file, columns=["path", "record"]).to_pylist():
                by_path.setdefault(row["path"], []).append(row["record"])
        yield articles, by_path
