"""Effects dated before their cause: a figure an article attributes to news that came later.

Passing: "12月5日,昆仑芯完成融资。当天百度发布公告…受此消息影响,百度股价在12月5日上涨5.01%" -> the
news (12-05) is not later than the move (12-05): nothing to say.
Failing: "12月5日,昆仑芯完成融资。两天后百度发布公告…受此消息影响,百度股价在12月5日上涨5.01%" ->
the news is dated 12-07, two days after the move it is said to cause: ``tension`` (an earlier report
may have moved the price; the article does not say so).
"""

from __future__ import annotations

from collections.abc import Iterable

from factrecon.claims.time.events import Event

from ..context import Context, Draft
from ..explain import clipped, short

NAME = "attribution"


def run(ctx: Context) -> Iterable[Draft]:
    for timeline in ctx.timelines:
        for found in timeline.attributions:
            claim = ctx.by_id.get(found.claim)
            effect, cause = found.effect, found.cause
            gap = _days_between(effect, cause)
            if claim is None or gap <= 0:
                continue
            counted = ctx.by_id.get(cause.counted_by or "")
            via = f" ('{counted.text}' after the date before it)" if counted else ""
            ids = tuple(dict.fromkeys(filter(None, (cause.counted_by, claim.id))))
            yield Draft(
                "tension",
                ids,
                (
                    f"{short(claim.id)} attributes '{claim.text}' on {effect.label} to the news just before it, "
                    f"'{clipped(cause.quote)}', which it dates {cause.label}{via}: "
                    f"{gap} day{'s' if gap != 1 else ''} after the figure it is said to have caused."
                ),
                claim.entity,
                claim.attribute,
                derived=(("days", float(gap)),),
            )


def _days_between(effect: Event, cause: Event) -> int:
    """Days from the effect to its cause; a year missing from one is the other's."""
    year = None if effect.year and cause.year else effect.year or cause.year
    return (cause.on(year) - effect.on(year)).days
