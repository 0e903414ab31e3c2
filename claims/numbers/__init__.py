"""Numbers: numerals in three scripts, quantities with their units, qualifiers and intervals,
and what is not a claim (dates, codes, ordinals). Words live in ``claims/data``."""
