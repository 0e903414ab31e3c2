"""The files a command line names: directories walked (``--glob``) and file lists (``@list.txt``)."""

from __future__ import annotations

import errno
import fnmatch
import os
from collections.abc import Iterator, Sequence

from factrecon.reports.errors import InputError

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".text", ".html", ".htm")


def reason(error: OSError) -> str:
    """The reason an ``OSError`` gives, in the words of the ``factrecon: error:`` lines."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == errno.ELOOP:
        return "symlink loop"
    return (error.strerror or str(error)).lower()


def matches(relative: str, globs: Sequence[str]) -> bool:
    """Whether a file (path relative to the walked directory) is an article: one of ``globs``
    (case-insensitive, on the base name or the relative path), or by default an article suffix."""
    name = os.path.basename(relative).lower()
    if not globs:
        return name.endswith(ARTICLE_SUFFIXES)
    relative = relative.replace(os.sep, "/").lower()
    return any(fnmatch.fnmatchcase(name, glob.lower()) or fnmatch.fnmatchcase(relative, glob.lower())
               for glob in globs)


def walk(directory: str, globs: Sequence[str]) -> Iterator[str | InputError]:
    """Article files under ``directory`` (recursive, sorted, hidden entries and symlinked folders
    skipped), after the folders that could not be listed."""
    errors: list[InputError] = []

    def failed(error: OSError) -> None:
        errors.append(InputError(error.filename or directory, reason(error)))

    found: list[str] = []
    for root, dirnames, filenames in os.walk(directory, onerror=failed):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        relative = os.path.relpath(root, directory)
        for name in filenames:
            path = os.path.normpath(os.path.join(relative, name))
            if not name.startswith(".") and matches(path, globs):
                found.append(path)
    yield from errors
    for name in sorted(found):
        yield os.path.join(directory, name)


def no_article(directory: str, globs: Sequence[str]) -> InputError:
    """The error of a directory that gave no article."""
    which = f"matching {' or '.join(globs)}" if globs else "(.txt, .md, .html)"
    return InputError(directory, f"no readable article {which} found")


def list_entries(path: str, text: str) -> list[str]:
    """The paths a file list names: one per line, relative to the list's folder; blank lines and
    ``#`` comments skipped."""
    folder = os.path.dirname(path)
    entries = [line.strip() for line in text.splitlines()]
    listed = [os.path.join(folder, entry) for entry in entries if entry and not entry.startswith("#")]
    if not listed:
        raise InputError(path, "no paths listed")
    return listed
