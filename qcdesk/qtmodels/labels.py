"""Translated display names of stored codes (kind, direction, status, channel).

The database keeps stable English codes; these tables turn them into words at display time,
so a language switch relabels everything without a reload. Unknown codes are shown as stored.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
