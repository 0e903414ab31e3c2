"""Claims of one article near each other: the arithmetic checks look for their operands here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from factrecon.claims import Claim

WINDOW = 80  # characters: figures further apart rarely form one calculation


def by_article(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    """Each article's claims in text order, repeats left out (they add no arithmetic)."""
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if "duplicate of" not in (claim.notes or ""):
            grouped[claim.source].append(claim)
    for article in grouped.values():
        article.sort(key=lambda c: c.start)
    return grouped


def windows(claims: Sequence[Claim], width: int = WINDOW) -> Iterator[tuple[Claim, list[Claim]]]:
    """Each claim with the claims that start after it within ``width`` characters of its end."""
    for index, claim in enumerate(claims):
        following = []
        for later in claims[index + 1 :]:
            if later.start - claim.end > width:
                break
            following.append(later)
        yield claim, following
