"""Dates as exports write them: numeric day/month order found by looking at the whole file.

``11/03/26`` is March 11th in Moscow and November 3rd in New York, and one line cannot tell
which. An export is written in one locale, so all its dates are looked at together: a first
number above 12 proves day-first, a second one above 12 proves month-first, and dotted dates
(27.11.2026) are always day-first. Without proof, the file's order of lines decides: a chat
is written in time order, so the reading that makes it run backwards less often wins; only a
tie falls back to AM/PM (an American phone) or day-first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

# U+200E/U+200F marks and the narrow no-break space (U+202F) that real exports contain.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff\u2066\u2067\u2068\u2069")
)
_SPACES = {ord("\u202f"): " ", ord("\u00a0"): " ", ord("\u2009"): " "}

DATE_RE = re.compile(r"(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})")
TIME_RE = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?")


_INVISIBLE_RE = re.compile("[" + "".join(map(chr, _INVISIBLE)) + "]")
_SPACES_RE = re.compile("[" + "".join(map(chr, _SPACES)) + "]")


def clean(text: str) -> str:
    """Drop direction marks and BOMs; turn exotic spaces into plain ones.

    Regular expressions, not ``str.translate``: translating through a dict costs a lookup
    per character, and every line of an export passes through here (a 10 MB export spent
    most of its parse time in it).
    """
    if text.isascii():
        return text
    return _SPACES_RE.sub(" ", _INVISIBLE_RE.sub("", text))


@dataclass(frozen=True)
class DateParts:
    a: int
    sep: str
    b: int
    c: int
    ampm: bool

    @property
    def year_first(self) -> bool:
        return self.a > 31


def date_parts(text: str, ampm: bool = False) -> DateParts | None:
    m = DATE_RE.fullmatch(text.strip())
    if m is None:
        return None
    return DateParts(int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4)), ampm)


def day_first(dates: Iterable[DateParts], in_file_order: bool = False) -> bool:
    """Whether the numeric dates of one file are day/month (True) or month/day (False).

    Args:
        in_file_order: *dates* are the lines of a chat in the order the file writes them
            (WhatsApp); when nothing proves the order, the reading under which the chat runs
            backwards fewer times wins. A CSV may be sorted any way, so it passes False.
    """
    seen = list(dates)
    seen_ampm = False
    slashed = False
    for d in seen:
        if d.year_first:
            continue
        if d.sep == ".":
            return True
        slashed = True
        if d.a > 12:
            return True
        if d.b > 12:
            return False
        seen_ampm = seen_ampm or d.ampm
    if in_file_order:
        back_dmy, back_mdy = _backward_steps(seen, True), _backward_steps(seen, False)
        if back_dmy != back_mdy:
            return back_dmy < back_mdy
    return not (slashed and seen_ampm)


def _backward_steps(dates: list[DateParts], dmy: bool) -> int:
    """How often the day goes back from one line to the next under one reading."""
    steps = 0
    previous: tuple[int, int, int] | None = None
    for d in dates:
        if d.year_first:
            key = (d.a, d.b, d.c)
        elif dmy:
            key = (_year(d.c), d.b, d.a)
        else:
            key = (_year(d.c), d.a, d.b)
        if previous is not None and key < previous:
            steps += 1
        previous = key
    return steps


class ImpossibleTime(ValueError):
    """A clock reading that cannot exist (25:00, 00:08 a. m.), told apart from a bad date."""


def _year(y: int) -> int:
    return y + 2000 if y < 100 else y


def build(d: DateParts, time_text: str, dmy: bool, tz: tzinfo) -> datetime:
    """The aware datetime of *d* and *time_text*; naive wall-clock times are in *tz*.

    Raises:
        ImpossibleTime: not a real time (25:00, 00:08 a. m.).
        ValueError: not a real date (31.02).
    """
    hour, minute, second = parse_time(time_text)
    if d.year_first:
        year, month, day = d.a, d.b, d.c
    elif dmy:
        day, month, year = d.a, d.b, _year(d.c)
    else:
        month, day, year = d.a, d.b, _year(d.c)
    return datetime(year, month, day, hour, minute, second, tzinfo=tz)


def parse_time(text: str) -> tuple[int, int, int]:
    """(hour, minute, second) of a clock reading, 24-hour or with AM/PM.

    Raises:
        ImpossibleTime: unreadable, or out of range (a 12-hour clock runs 1 to 12).
    """
    m = TIME_RE.fullmatch(clean(text).strip())
    if m is None:
        raise ImpossibleTime(text)
    hour, minute = int(m.group(1)), int(m.group(2))
    second = int(m.group(3) or 0)
    if m.group(4):
        pm = m.group(4).lower() == "p"
        if not 1 <= hour <= 12:
            raise ImpossibleTime(text)
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ImpossibleTime(text)
    return hour, minute, second


def from_unix(seconds: float, tz: tzinfo) -> datetime:
    return datetime.fromtimestamp(seconds, UTC).astimezone(tz)


def localise(dt: datetime, tz: tzinfo) -> datetime:
    """An aware datetime: naive ones are wall-clock times in *tz* (the client's zone)."""
    return dt.replace(tzinfo=tz) if dt.tzinfo is None else dt
