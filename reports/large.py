"""Large plain-text inputs, streamed: ``factrecon extract BIG.txt --format jsonl`` writes each
block's claims as it goes, so memory stays bounded whatever the file's size."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from factrecon.claims import Claim
from factrecon.reports.errors import InputError
from factrecon.reports.inputs import Article, ReadOptions
from factrecon.reports.workers import Workers

STREAM_BYTES = 32 * 1024**2  # plain-text files larger than this are streamed (jsonl output)
SPARSITY_BATCH = 5000        # claims labelled dense/sparse together (a 2:1 pair is written close by)
_NOT_STREAMED = (".html", ".htm")


def is_large(path: str) -> bool:
    """A regular plain-text file of more than ``STREAM_BYTES`` (not stdin, a list or a page)."""
    if path == "-" or path.startswith("@") or path.lower().endswith(_NOT_STREAMED):
        return False
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > STREAM_BYTES


def stream_claims(path: str, dates: Mapping[str, dt.date], vocab: tuple[str, ...],
                  workers: Workers | None = None) -> Iterator[Claim]:
    """The claims of a large file, block by block (read by ``workers``, a few blocks ahead);
    an undecodable file raises ``InputError``."""
    from factrecon.claims import label_sparsity
    from factrecon.claims.stream import extract_block, placed_blocks
    from factrecon.reports.readers.decode import DecodeError
    from factrecon.reports.readers.stream import sniff_encoding, text_blocks

    try:
        encoding = sniff_encoding(Path(path))
        date = dates.get(path) or dates.get(os.path.basename(path))
        batch: list[Claim] = []
        blocks = placed_blocks(text_blocks(Path(path), encoding), path, article_date=date, vocab=vocab)
        for claims in (workers or Workers()).stream(extract_block, blocks):
            for claim in claims:
                batch.append(claim)
                if len(batch) == SPARSITY_BATCH:
                    yield from label_sparsity(batch)
                    batch = []
        yield from label_sparsity(batch)
    except DecodeError as error:
        raise InputError(path, str(error)) from None
    except UnicodeDecodeError as error:
        raise InputError(path, f"cannot decode text as {error.encoding} (byte {error.start} of a block)") from None
    except OSError as error:
        raise InputError(path, (error.strerror or str(error)).lower()) from None


def jsonl_pieces(paths: Sequence[str], reading: ReadOptions, dates: Mapping[str, dt.date], vocab: tuple[str, ...],
                 errors: list[InputError], on_article: Callable[[Article], None],
                 workers: Workers | None = None) -> Iterator[bytes]:
    """JSON Lines of every input's claims, in the order given: large files streamed block by
    block, each run of the others read whole and together (so entities are linked and compute
    figures labelled across them), by ``workers``; input errors are collected in ``errors``, never raised."""
    from factrecon.reports.json_report import claims_to_jsonl

    batch: list[str] = []
    for path in paths:
        if not is_large(path):
            batch.append(path)
            continue
        yield from _whole(batch, reading, dates, vocab, errors, on_article, workers)
        batch = []
        if errors and reading.strict:
            return
        try:
            for claim in stream_claims(path, dates, vocab, workers):
                yield claims_to_jsonl([claim]).encode("utf-8")
        except InputError as error:
            errors.append(error)
        if errors and reading.strict:
            return
    yield from _whole(batch, reading, dates, vocab, errors, on_article, workers)


def _whole(paths: Sequence[str], reading: ReadOptions, dates: Mapping[str, dt.date], vocab: tuple[str, ...],
           errors: list[InputError], on_article: Callable[[Article], None],
           workers: Workers | None) -> Iterator[bytes]:
    """The claims of ``paths``, read whole and extracted together, as JSON Lines."""
    from factrecon.reports.inputs import read_inputs
    from factrecon.reports.json_report import claims_to_jsonl
    from factrecon.reports.pipeline import extract_articles

    if not paths:
        return
    articles, found = read_inputs(list(paths), reading, on_article)
    errors.extend(found)
    if found and reading.strict:
        return
    yield claims_to_jsonl(extract_articles(articles, dates, vocab, workers)).encode("utf-8")
