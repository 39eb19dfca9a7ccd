"""Public holidays and moved working days (a production calendar), from the ``holidays`` library.

Russia moves working days every year by government decree (a Saturday becomes a working day
so that a holiday bridge is free); a hand-kept list would be wrong by next year. The
``holidays`` package publishes them: its days are days off, its ``weekend_workdays`` are
weekend days worked. A client company's country is an ISO code (``Client.country``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import holidays

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError


@dataclass(frozen=True)
class ProductionCalendar:
    country: str
    days_off: frozenset[date]  # public holidays and the days off they were moved to
    workdays: frozenset[date]  # weekend days that are working days by decree

    def works(self, day: date, weekdays: frozenset[int]) -> bool:
        """Whether *day* is a working day for a company that works on *weekdays*."""
        if day in self.workdays:
            return True
        return day.weekday() in weekdays and day not in self.days_off


@functools.lru_cache(maxsize=32)
def _calendar(country: str, years: tuple[int, ...]) -> ProductionCalendar:
    try:
        found = holidays.country_holidays(country, years=years)
    except NotImplementedError as exc:
        raise KnownError(
            QT_TRANSLATE_NOOP("KnownError", "No production calendar is known for country {code}"),
            code=country,
        ) from exc
    moved: set[date] = getattr(found, "weekend_workdays", set())
    return ProductionCalendar(country, frozenset(found), frozenset(moved))


def production_calendar(country: str, years: Iterable[int]) -> ProductionCalendar:
    """The calendar of *country* (ISO 3166 code) for *years*.

    Raises:
        KnownError: the library knows no calendar for *country*.
    """
    return _calendar(country.strip().upper(), tuple(sorted(set(years))))
