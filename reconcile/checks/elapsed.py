"""Days between dated events: a duration an article states against the dates the articles give.

Passing: "“中国国产英伟达”上市三天后,英伟达H200解禁" beside "12月5日,摩尔线程正式登陆A股" and
"12月8日,特朗普宣布将允许英伟达向中国出售H200" -> 12-05 to 12-08 is 3 days: ``arithmetic_ok``;
"摩尔线程登陆A股五日(截至12月11日)" -> 12-05 to 12-11 is the 5th trading day: ``arithmetic_ok``.
Failing: "上市十天后" against the same two dates -> ``arithmetic_bad``, when each event has one
date (a day off, "上市四天后", is a ``tension``: time zones, or both ends counted); several dates
for one event (12-08 in the US, 12-09 in Asia) only confirm.
A count ``since`` an exchange event (a listing) may be in trading days (weekdays, both ends counted).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from factrecon.claims import Claim
from factrecon.claims.time.events import Cue, Event
from factrecon.claims.time.timeline import Elapsed

from ..context import Context, Draft
from ..explain import clipped, short

NAME = "elapsed"
MAX_TRADING_SPAN = 400  # days: a longer count of trading days is no stock-market count


def run(ctx: Context) -> Iterable[Draft]:
    events = [event for timeline in ctx.timelines for event in timeline.events]
    for timeline in ctx.timelines:
        for frame in timeline.elapsed:
            claim = ctx.by_id.get(frame.claim)
            if claim is None or claim.value is None:
                continue
            anchors = _matching(frame.anchor, claim, events)
            targets = [frame.as_of] if frame.as_of else _matching(frame.target, claim, events) if frame.target else []
            draft = _judge(claim, frame, anchors, targets, ctx.tolerances.slack_days)
            if draft is not None:
                yield draft


def _matching(cue: Cue, claim: Claim, events: Sequence[Event]) -> list[Event]:
    """Events of the cue's kind about its entities (any article), or, when the cue names no
    entity, of its kind in the claim's own article; never the claim's own sentence."""
    found = [
        e
        for e in events
        if set(e.cue.kinds) & set(cue.kinds)
        and not e.covers(claim.source, claim.start)
        and (set(e.cue.entities) & set(cue.entities) if cue.entities else e.source == claim.source)
    ]
    own = [e for e in found if e.source == claim.source]
    return own or found


def _judge(claim: Claim, frame: Elapsed, anchors: list[Event], targets: list[Event], slack: int) -> Draft | None:
    stated = claim.value
    if stated is None:
        return None
    pairs = [(anchor, target) for anchor in anchors for target in targets if target != anchor]
    counts = [(anchor, target, days, trading) for anchor, target in pairs
              for days, trading in [_count(anchor, target, frame.trading)] if days is not None]
    if not counts:
        return None
    for anchor, target, days, trading in counts:
        for count, unit in ((days, "days"), (trading, "trading days")):
            if count is not None and count == stated:
                return Draft("arithmetic_ok", (claim.id,),
                             _words(claim, frame, anchor, target, count, unit, days, "as stated"),
                             claim.entity, claim.attribute, derived=(("days", float(count)),))
    if len({(a.month, a.day) for a, _, _, _ in counts}) > 1 or len({(t.month, t.day) for _, t, _, _ in counts}) > 1:
        return None  # one event dated differently by different sources: nothing to hold the claim to
    anchor, target, days, trading = counts[0]
    count, unit = (trading, "trading days") if trading is not None else (days, "days")
    near = abs(count - stated) <= slack
    verdict = f"not {claim.text}" + (" (a day apart: time zones, or both ends counted?)" if near else "")
    return Draft("tension" if near else "arithmetic_bad", (claim.id,),
                 _words(claim, frame, anchor, target, count, unit, days, verdict),
                 claim.entity, claim.attribute, derived=(("days", float(count)),))


def _count(anchor: Event, target: Event, trading: bool) -> tuple[int | None, int | None]:
    """Calendar days from ``anchor`` to ``target``, and, for a ``trading`` count, weekdays from
    one to the other counting both. A year not written is put where the target first follows the
    anchor; weekdays need at least one year, written or implied."""
    try:
        if anchor.year_stated and target.year_stated:
            start, end = anchor.on(), target.on()
        else:
            start = anchor.on(anchor.year or target.year)
            end = target.on(start.year)
            end = end if end >= start else target.on(start.year + 1)
    except ValueError:  # 2月29日 in a year that has none
        return None, None
    days = (end - start).days
    if days < 0:
        return None, None
    if not trading or days > MAX_TRADING_SPAN or (anchor.year is None and target.year is None):
        return days, None
    return days, sum(1 for offset in range(days + 1) if (start + dt.timedelta(days=offset)).weekday() < 5)


def _words(
    claim: Claim, frame: Elapsed, anchor: Event, target: Event, count: int, unit: str, days: int, verdict: str
) -> str:
    calendar = f" ({days} calendar days)" if unit == "trading days" else ""
    return (
        f"{short(claim.id)} says '{claim.text}' from {_event(anchor, frame.anchor)} to "
        f"{_event(target, frame.target)}: {anchor.label} to {target.label} is {count} {unit}{calendar}, {verdict}."
    )


def _event(event: Event, cue: Cue | None) -> str:
    """ "the listing ('12月5日,摩尔线程正式登陆A股', 001.txt)", or for a stop date "12-11 (002.txt)"."""
    kinds = [kind for kind in event.cue.kinds if cue is None or kind in cue.kinds]
    what = "the date counted to " if cue is None else f"the {kinds[0]} " if kinds else ""
    return f"{what}('{clipped(event.quote)}', {short(event.source)})"
