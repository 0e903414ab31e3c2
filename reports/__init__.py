"""Reports: renderers, the gate and the command line; ``to_dataframe`` for notebooks (imported
on first use, so that the command line starts without loading the library)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dataframes import to_dataframe

__all__ = ["to_dataframe"]


def __getattr__(name: str) -> Any:
    if name == "to_dataframe":
        from .dataframes import to_dataframe

        return to_dataframe
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
