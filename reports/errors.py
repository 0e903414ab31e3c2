"""Exit codes and the expected failures that carry them.

Every failure a user can cause (a missing file, a binary file, an unwritable
output) is a ``FactreconError``; the command line prints it as one line naming
the file and exits with its ``exit_code``.  Anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations

EXIT_OK = 0
"""Everything ran and there was nothing to report."""
EXIT_FINDINGS = 1
"""Everything ran and there are findings (conflicts) to report."""
EXIT_ERROR = 2
"""Bad usage, or at least one input could not be read."""


class FactreconError(Exception):
    """An expected failure: printed as one line, no traceback."""

    exit_code: int = EXIT_ERROR


class PathError(FactreconError):
    """A failure tied to one path; ``str()`` is ``"{path}: {reason}"``."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PathError) or type(other) is not type(self):
            return NotImplemented
        return (self.path, self.reason) == (other.path, other.reason)

    def __hash__(self) -> int:
        return hash((type(self), self.path, self.reason))


class InputError(PathError):
    """One input path that could not be read as an article."""


class OutputError(PathError):
    """The output file could not be written."""


class InputErrors(FactreconError):
    """The inputs that could not be read, raised once the rest of the run's output is written."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__(*errors)
        self.errors = tuple(errors)

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)
