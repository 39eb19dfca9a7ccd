"""Translated display names of stored codes (kind, direction, status, channel).

The database keeps stable English codes; these tables turn them into words at display time,
so a language switch relabels everything without a reload. Unknown codes are shown as stored.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from qcdesk.errors import QT_TRANSLATE_NOOP

CONTEXT = "Labels"

KINDS = {
    "call": QT_TRANSLATE_NOOP("Labels", "Call"),
    "chat": QT_TRANSLATE_NOOP("Labels", "Chat"),
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
}
DIRECTIONS = {
    "incoming": QT_TRANSLATE_NOOP("Labels", "Incoming"),
    "outgoing": QT_TRANSLATE_NOOP("Labels", "Outgoing"),
}
STATUSES = {
    "new": QT_TRANSLATE_NOOP("Labels", "New"),
    "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "reviewed": QT_TRANSLATE_NOOP("Labels", "Reviewed"),
}
CHANNELS = {
    "left": QT_TRANSLATE_NOOP("Labels", "Left channel"),
    "right": QT_TRANSLATE_NOOP("Labels", "Right channel"),
}


def _label(table: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    source = table.get(code)
    return code if source is None else QCoreApplication.translate(CONTEXT, source)


def kind_label(code: str | None) -> str:
    return _label(KINDS, code)


def direction_label(code: str | None) -> str:
    return _label(DIRECTIONS, code)


def status_label(code: str | None) -> str:
    return _label(STATUSES, code)


def channel_label(code: str | None) -> str:
    return _label(CHANNELS, code)


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    if value:
        return QCoreApplication.translate("Labels", "Yes")
    return QCoreApplication.translate("Labels", "No")


def stage_fallback(code: str) -> str:
    """A readable stage name when no checklist names it: ``needs_discovery`` -> "Needs discovery".

    Used until the templates are loaded, or for a stage a newer template removed.
    """
    text = code.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def minutes_text(seconds: float) -> str:
    """A wait or a chat's span for people: "40 s", "47 min", "2 h 05 min", "3 d 4 h"."""
    if seconds < 60:
        return QCoreApplication.translate("ChatView", "%1 s").replace("%1", str(round(seconds)))
    total = round(seconds / 60)
    h, m = divmod(total, 60)
    if not h:
        return QCoreApplication.translate("ChatView", "%1 min").replace("%1", str(m))
    if h >= 24:
        d, h = divmod(h, 24)
        text = QCoreApplication.translate("Labels", "%1 d %2 h")
        return text.replace("%1", str(d)).replace("%2", str(h))
    return (
        QCoreApplication.translate("ChatView", "%1 h %2 min")
        .replace("%1", str(h))
        .replace("%2", f"{m:02d}")
    )


# One date/time format per language everywhere (list, workspace, queue, templates): the
# Russian one reviewers write by hand, and an English one that cannot be read day-for-month.
_DATETIME_FORMATS = {"ru": "dd.MM.yyyy HH:mm", "en": "d MMM yyyy, HH:mm"}
_DATE_FORMATS = {"ru": "dd.MM.yyyy", "en": "d MMM yyyy"}


def _lang() -> str:
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


def format_datetime(value: datetime | None) -> str:
    """``14.10.2026 11:02`` in Russian, ``14 Oct 2026, 11:02`` in English; "" when unknown."""
    if value is None:
        return ""
    return QLocale().toString(to_qdatetime(value), _DATETIME_FORMATS[_lang()])


def to_qdate(value: date) -> QDate:
    """The same calendar day as a QDate (PySide6 converts a date, its stubs do not)."""
    return QDate(value.year, value.month, value.day)


def to_qdatetime(value: datetime) -> QDateTime:
    """The same wall-clock time as a QDateTime (PySide6 converts a datetime, its stubs do not)."""
    return QDateTime(
        to_qdate(value),
        QTime(value.hour, value.minute, value.second, value.microsecond // 1000),
    )


def format_date(value: date | None) -> str:
    """``14.10.2026`` in Russian, ``14 Oct 2026`` in English; "" when unknown."""
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), _DATE_FORMATS[_lang()])


_PHONE_DIGITS = re.compile(r"^\+?[\d\s()\-]{10,}$")


def format_customer(ref: str | None) -> str:
    """A Russian phone number as ``+7 916 123-45-67`` (from 79161234567, 89161234567 or
    9161234567); anything else (a chat name, a foreign number) as stored."""
    if not ref:
        return ""
    text = ref.strip()
    if not _PHONE_DIGITS.match(text):
        return text
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits[0] in "78" and not (digits[0] == "8" and text.startswith("+")):
        digits = digits[1:]
    elif not (len(digits) == 10 and digits[0] in "3489"):
        return text
    return f"+7 {digits[:3]} {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
