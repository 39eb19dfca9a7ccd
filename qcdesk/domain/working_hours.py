"""A client company's working hours, and how much working time lies between two moments.

Chat response times are judged against the company's hours: a customer who writes at 22:00 and
gets an answer at 09:05 the next working day waited 5 minutes of the consultant's working
time, not 11 hours. Hours are wall-clock times in the company's time zone (``zoneinfo``), so a
daylight-saving change shifts the interval with the clock, as it does in the shop.

Stored form (``Client.working_hours``): ``{"days": [0..6, Mon=0], "start": "09:00",
"end": "18:00"}``; ``None`` means round the clock. An ``end`` at or before ``start`` is a
shift that runs past midnight (20:00-02:00 belongs to the day it starts on).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from qcdesk.domain.production_calendar import ProductionCalendar
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError

DEFAULT_TIMEZONE = "Europe/Moscow"
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class WorkingHoursError(KnownError):
    """A time zone or working-hours setting that cannot be used."""


def zone(name: str) -> ZoneInfo:
    """The IANA time zone *name*; a KnownError when this system does not know it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise WorkingHoursError(
            QT_TRANSLATE_NOOP("KnownError", "Unknown time zone {zone}"), zone=name
        ) from exc


def parse_hhmm(text: str) -> time:
    m = _HHMM.match(str(text).strip())
    if m is None:
        raise WorkingHoursError(
            QT_TRANSLATE_NOOP("KnownError", "Not a time of day (HH:MM): {value}"), value=text
        )
    return time(int(m.group(1)), int(m.group(2)))


@dataclass(frozen=True)
class WorkingHours:
    """Working days and hours in a time zone, optionally placed on a chat's timeline.

    ``origin`` is the moment a chat's offsets count from (its first message); the chat
    metrics need it to turn "seconds from the start" into clock times. Build one with
    ``working_hours_for`` rather than by hand.
    """

    days: frozenset[int]
    start: time
    end: time
    tz: tzinfo  # a ZoneInfo, or a fixed offset taken from an exported start time
    origin: datetime | None = None  # aware
    # Public holidays and moved working days; None: every listed weekday is worked.
    calendar: ProductionCalendar | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any], timezone: str = DEFAULT_TIMEZONE) -> WorkingHours:
        try:
            days = frozenset(int(d) for d in data.get("days", range(5)))
        except (TypeError, ValueError) as exc:
            raise WorkingHoursError(
                QT_TRANSLATE_NOOP("KnownError", "Working days must be numbers 0-6: {value}"),
                value=data.get("days"),
            ) from exc
        if not days or any(d < 0 or d > 6 for d in days):
            raise WorkingHoursError(
                QT_TRANSLATE_NOOP("KnownError", "Working days must be numbers 0-6: {value}"),
                value=sorted(days),
            )
        start = parse_hhmm(data.get("start", "09:00"))
        end = parse_hhmm(data.get("end", "18:00"))
        return cls(days, start, end, zone(timezone))

    def to_json(self) -> dict[str, Any]:
        return {
            "days": sorted(self.days),
            "start": self.start.strftime("%H:%M"),
            "end": self.end.strftime("%H:%M"),
        }

    def placed(self, origin: datetime) -> WorkingHours:
        """A copy whose offsets count from *origin* (naive = wall-clock time in ``tz``)."""
        if origin.tzinfo is None:
            origin = origin.replace(tzinfo=self.tz)
        # UTC: arithmetic on aware datetimes sharing a ZoneInfo is wall-clock arithmetic,
        # which is an hour off across a daylight-saving change.
        return replace(self, origin=origin.astimezone(UTC))

    def _intervals(self, day: date) -> tuple[datetime, datetime] | None:
        """The working interval that starts on *day* (aware), or None on a day off."""
        if self.calendar is not None:
            if not self.calendar.works(day, self.days):
                return None
        elif day.weekday() not in self.days:
            return None
        a = datetime.combine(day, self.start, self.tz)
        end_day = day if self.end > self.start else day + timedelta(days=1)
        b = datetime.combine(end_day, self.end, self.tz)
        return a.astimezone(UTC), b.astimezone(UTC)

    def working_seconds(self, a: datetime, b: datetime) -> float:
        """Seconds of working time between aware moments *a* and *b* (0 when b <= a)."""
        a, b = a.astimezone(UTC), b.astimezone(UTC)
        if b <= a:
            return 0.0
        first = a.astimezone(self.tz).date() - timedelta(days=1)  # a night shift of the eve
        last = b.astimezone(self.tz).date()
        total = 0.0
        day = first
        while day <= last:
            span = self._intervals(day)
            if span is not None:
                lo, hi = max(a, span[0]), min(b, span[1])
                if hi > lo:
                    total += (hi - lo).total_seconds()
            day += timedelta(days=1)
        return total

    def elapsed(self, start_s: float, end_s: float) -> float:
        """Working seconds between two chat offsets (needs ``origin``)."""
        if self.origin is None:
            raise ValueError("WorkingHours.elapsed needs an origin: use working_hours_for()")
        return self.working_seconds(
            self.origin + timedelta(seconds=start_s), self.origin + timedelta(seconds=end_s)
        )


def working_hours_for(
    hours: dict[str, Any] | None, timezone: str | None, started_at: datetime | None
) -> WorkingHours | None:
    """The client's hours placed at a chat's start; None (round the clock) when unknown.

    Args:
        hours: ``Client.working_hours`` (None: the company answers round the clock).
        timezone: ``Client.timezone``.
        started_at: ``Interaction.started_at``: naive wall-clock time in *timezone*.
    """
    if not hours or started_at is None:
        return None
    return WorkingHours.from_json(hours, timezone or DEFAULT_TIMEZONE).placed(started_at)


def place_hours(
    hours: WorkingHours | Mapping[str, Any] | None, started_at: str | None
) -> WorkingHours | None:
    """*hours* placed on a chat that started at *started_at* (ISO 8601), unless already placed.

    A stored mapping without a ``timezone`` key takes the zone of *started_at*'s offset: the
    offset the chat was exported with is the company's own.

    Raises:
        ValueError: hours with no origin for a chat without a start time (a bug upstream).
    """
    if hours is None:
        return None
    if isinstance(hours, WorkingHours) and hours.origin is not None:
        return hours
    if not started_at:
        raise ValueError("working hours need the chat's start time (started_at)")
    origin = datetime.fromisoformat(started_at)
    if not isinstance(hours, WorkingHours):
        tz_name = hours.get("timezone")
        if tz_name:
            hours = WorkingHours.from_json(hours, str(tz_name))
        else:
            wh = WorkingHours.from_json(hours)
            if origin.tzinfo is not None:
                wh = replace(wh, tz=origin.tzinfo)
            hours = wh
    return hours.placed(origin)
