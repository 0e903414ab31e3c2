"""Write output: to stdout as bytes, or to a file atomically (a temporary file beside it, then
a rename), so a failed run never truncates an existing report."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from factrecon.reports.errors import OutputError


def write_output(data: bytes, path: Path | None) -> None:
    """Write ``data`` to stdout, or atomically to ``path``."""
    if path is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_atomically(data, path)


def write_stream(pieces: Iterable[bytes], path: Path | None) -> None:
    """Write ``pieces`` one by one to stdout, or atomically to ``path`` (nothing replaced if a
    piece fails to come: the error propagates and the temporary file is removed)."""
    if path is None:
        for piece in pieces:
            sys.stdout.buffer.write(piece)
        sys.stdout.buffer.flush()
        return
    def write_all(handle: IO[bytes]) -> None:
        for piece in pieces:
            handle.write(piece)

    _replace(path, write_all)


def write_atomically(data: bytes, path: Path) -> None:
    """Replace ``path`` by ``data`` in one step, with the permissions a new file would get."""
    _replace(path, lambda handle: handle.write(data))


def _replace(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    temp: str | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as handle:
            temp = handle.name
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except BaseException as error:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        if isinstance(error, OSError):
            raise OutputError(str(path), (error.strerror or str(error)).lower()) from None
        raise
