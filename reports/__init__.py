"""Reports: renderers, the gate and the command line; ``to_dataframe`` for notebooks."""

from .dataframes import to_dataframe

__all__ = ["to_dataframe"]
