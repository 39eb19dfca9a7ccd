"""Timely-service figures over a client's calls: missed calls, callbacks, time to answer.

Definitions (the report prints them too):

- *calls*: customer calls, incoming and outgoing (internal calls between extensions are not).
- *missed*: an incoming call no leg answered (busy, no answer, failed, or the caller hung up
  in the menu or the queue).
- *callback*: the first outgoing call to the missed number after the missed call, answered
  or not (the attempt is the consultant's part); its *delay* is counted in the company's
  working time (working hours, public holidays and moved working days), so a call missed at
  18:59 and returned at 9:05 the next working day waited 6 minutes.
- *called back in time*: a callback within the threshold (default 15 working minutes).
- *lost for good*: neither a callback nor a later answered call with that number.
- *time to answer*: from the call's start to the answer, for answered incoming calls.

Medians are the middle value (the mean of the two middle ones); the 90th percentile is the
nearest rank (the ceil(0.9 n)-th smallest), so each can be checked by hand.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from qcdesk.domain.working_hours import WorkingHours

DEFAULT_CALLBACK_MINUTES = 15.0


@dataclass(frozen=True)
class CallFact:
    """What the figures need of one call (built from the stored call)."""

    id: int
    started_at: datetime  # naive: the client's wall clock
    direction: str  # incoming / outgoing / internal
    customer: str | None
    disposition: str  # answered / no_answer / busy / failed
    wait_seconds: float | None = None
    consultant: str | None = None
    line: str | None = None

    @property
    def answered(self) -> bool:
        return self.disposition == "answered"


@dataclass(frozen=True)
class MissedOutcome:
    """What became of one missed call."""

    call: CallFact
    callback: CallFact | None
    delay_minutes: float | None  # working minutes until the callback
    in_time: bool
    lost_for_good: bool


@dataclass(frozen=True)
class Figures:
    calls: int
    incoming: int
    outgoing: int
    answered_incoming: int
    missed_calls: int
    called_back: int
    called_back_in_time: int
    callback_rate: float | None  # called back in time / missed
    callback_delay_median_min: float | None
    callback_delay_p90_min: float | None
    lost_for_good: int
    answer_time_median_s: float | None
    answer_time_p90_s: float | None

    def as_json(self) -> dict[str, object]:
        return {k: _round(v) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class ServiceFigures:
    total: Figures
    threshold_minutes: float
    outcomes: tuple[MissedOutcome, ...]
    by_consultant: dict[str, Figures] = field(default_factory=dict)
    by_line: dict[str, Figures] = field(default_factory=dict)
    by_hour: dict[int, Figures] = field(default_factory=dict)
    missed_heatmap: tuple[tuple[int, ...], ...] = ()  # [weekday 0-6][hour 0-23] missed calls


def _round(v: object) -> object:
    return round(v, 2) if isinstance(v, float) else v


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def p90(values: Sequence[float]) -> float | None:
    """Nearest-rank 90th percentile: the ceil(0.9 n)-th smallest value."""
    if not values:
        return None
    ordered = sorted(values)
    return float(ordered[max(1, math.ceil(0.9 * len(ordered))) - 1])


Elapsed = Callable[[datetime, datetime], float]


def elapsed_for(hours: WorkingHours | None) -> Elapsed:
    """Seconds between two naive wall-clock times: working time, or plain time without hours."""
    if hours is None:
        return lambda a, b: max(0.0, (b - a).total_seconds())
    tz = hours.tz
    return lambda a, b: hours.working_seconds(a.replace(tzinfo=tz), b.replace(tzinfo=tz))


def missed_outcomes(
    calls: Sequence[CallFact], elapsed: Elapsed, threshold_minutes: float
) -> list[MissedOutcome]:
    """Each missed incoming call with its callback, delay and whether it was lost for good.

    *calls* should reach past the period's end (a call missed on the last evening is called
    back the next morning); only missed calls of the caller's choosing are passed in.
    """
    outgoing: dict[str, list[CallFact]] = defaultdict(list)
    answered: dict[str, list[datetime]] = defaultdict(list)
    for c in sorted(calls, key=lambda c: c.started_at):
        if c.customer is None or c.direction == "internal":
            continue
        if c.direction == "outgoing":
            outgoing[c.customer].append(c)
        if c.answered:
            answered[c.customer].append(c.started_at)
    out = []
    for c in calls:
        if c.direction != "incoming" or c.answered:
            continue
        later = outgoing.get(c.customer or "", [])
        starts = [o.started_at for o in later]
        i = bisect.bisect_right(starts, c.started_at)
        callback = later[i] if i < len(later) else None
        delay = None if callback is None else elapsed(c.started_at, callback.started_at) / 60
        contacts = answered.get(c.customer or "", [])
        contacted = bisect.bisect_right(contacts, c.started_at) < len(contacts)
        out.append(
            MissedOutcome(
                call=c,
                callback=callback,
                delay_minutes=delay,
                in_time=delay is not None and delay <= threshold_minutes,
                lost_for_good=c.customer is None or (callback is None and not contacted),
            )
        )
    return out


def figures(calls: Iterable[CallFact], outcomes: Iterable[MissedOutcome]) -> Figures:
    """The figures of one group of calls and the outcomes of its missed calls."""
    own = [c for c in calls if c.direction != "internal"]
    done = list(outcomes)
    incoming = [c for c in own if c.direction == "incoming"]
    answered = [c for c in incoming if c.answered]
    delays = [o.delay_minutes for o in done if o.delay_minutes is not None]
    waits = [c.wait_seconds for c in answered if c.wait_seconds is not None]
    in_time = sum(1 for o in done if o.in_time)
    return Figures(
        calls=len(own),
        incoming=len(incoming),
        outgoing=len(own) - len(incoming),
        answered_incoming=len(answered),
        missed_calls=len(done),
        called_back=len(delays),
        called_back_in_time=in_time,
        callback_rate=in_time / len(done) if done else None,
        callback_delay_median_min=median(delays),
        callback_delay_p90_min=p90(delays),
        lost_for_good=sum(1 for o in done if o.lost_for_good),
        answer_time_median_s=median(waits),
        answer_time_p90_s=p90(waits),
    )


def service_figures(
    calls: Sequence[CallFact],
    start: datetime,
    end: datetime,
    hours: WorkingHours | None,
    threshold_minutes: float = DEFAULT_CALLBACK_MINUTES,
) -> ServiceFigures:
    """Figures for calls that started in [start, end), with callbacks looked for in all *calls*.

    Per consultant: the calls they answered or made, and the missed calls they returned (a
    missed call belongs to nobody until someone calls back). Per line and per hour: by the
    missed call's line and hour.
    """
    elapsed = elapsed_for(hours)
    outcomes = missed_outcomes(calls, elapsed, threshold_minutes)
    inside = [c for c in calls if start <= c.started_at < end]
    mine = [o for o in outcomes if start <= o.call.started_at < end]
    by_consultant: dict[str, Figures] = {}
    names = sorted({c.consultant for c in inside if c.consultant})
    for name in names:
        by_consultant[name] = figures(
            [c for c in inside if c.consultant == name],
            [o for o in mine if o.callback is not None and o.callback.consultant == name],
        )
    lines = sorted({c.line for c in inside if c.line})
    by_line = {
        ln: figures([c for c in inside if c.line == ln], [o for o in mine if o.call.line == ln])
        for ln in lines
    }
    hours_seen = sorted({c.started_at.hour for c in inside if c.direction != "internal"})
    by_hour = {
        h: figures(
            [c for c in inside if c.started_at.hour == h],
            [o for o in mine if o.call.started_at.hour == h],
        )
        for h in hours_seen
    }
    grid = [[0] * 24 for _ in range(7)]
    for o in mine:
        grid[o.call.started_at.weekday()][o.call.started_at.hour] += 1
    return ServiceFigures(
        total=figures(inside, mine),
        threshold_minutes=threshold_minutes,
        outcomes=tuple(mine),
        by_consultant=by_consultant,
        by_line=by_line,
        by_hour=by_hour,
        missed_heatmap=tuple(tuple(row) for row in grid),
    )


def callback_horizon(end: datetime) -> datetime:
    """How far past the period callbacks are looked for: two weeks cover the New Year break."""
    return end + timedelta(days=14)
