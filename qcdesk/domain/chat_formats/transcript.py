"""The qcdesk transcript JSON (see transcript-format.md) with channel ``chat``.

Its speakers already are roles (consultant/client), so no author mapping is asked; segments
give offsets in seconds, placed on ``started_at`` when the file has one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from qcdesk.domain.chat_formats import model as m
from qcdesk.domain.chat_formats.dates import localise
from qcdesk.errors import QT_TRANSLATE_NOOP

ROLES = ("consultant", "client")
MAX_OFFSET = 100 * 366 * 86400.0  # seconds: a chat spans days or months, never a century


def parse_transcript(root: Any, path: str, tz: tzinfo) -> list[m.ParsedChat]:
    """A parsed transcript object (the JSON is loaded by the caller).

    Raises:
        ChatFormatError: not a transcript, a call transcript, or a bad time.
    """
    if not isinstance(root, dict) or not isinstance(root.get("segments"), list):
        raise m.ChatFormatError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not a transcript: it has no segments"),
            path=path,
        )
    channel = root.get("channel", "chat")
    if channel != "chat":
        raise m.ChatFormatError(
            QT_TRANSLATE_NOOP(
                "KnownError", "{path} is not a chat transcript: its channel is «{channel}»"
            ),
            path=path,
            channel=channel,
        )
    known = bool(root.get("started_at"))
    try:
        origin = (
            localise(datetime.fromisoformat(str(root["started_at"])), tz)
            if known
            else datetime(1970, 1, 1, tzinfo=UTC)
        )
    except ValueError as exc:
        raise m.ChatFormatError(
            QT_TRANSLATE_NOOP("KnownError", "{path} has an unreadable started_at: {value}"),
            path=path,
            value=root.get("started_at"),
        ) from exc
    messages = []
    for i, seg in enumerate(root["segments"]):
        if not isinstance(seg, dict):  # refused, never skipped: a message must not vanish
            raise m.ChatFormatError(
                QT_TRANSLATE_NOOP("KnownError", "Segment {index} of {path} is not an object"),
                path=path,
                index=i + 1,
            )
        speaker = str(seg.get("speaker") or "")
        try:
            start = float(seg.get("start") or 0.0)
            # NaN, infinities, negative or absurd offsets (past MAX_OFFSET) are no time at all.
            if not 0.0 <= start <= MAX_OFFSET:
                raise ValueError(start)
            at = origin + timedelta(seconds=start)
        except (TypeError, ValueError, OverflowError) as exc:
            raise m.ChatFormatError(
                QT_TRANSLATE_NOOP("KnownError", "Segment {index} of {path} has no valid start"),
                path=path,
                index=i + 1,
            ) from exc
        text = str(seg.get("text") or "").strip()
        if not text:
            continue
        role = speaker if speaker in ROLES else None
        messages.append(m.ChatMessage(at, speaker, text, role))
    if not messages:
        raise m.no_messages(path)
    direction = root.get("direction")
    return [
        m.ParsedChat(
            format="json",
            identity=str(root.get("id") or ""),
            title=str(root.get("id") or ""),
            messages=m.sort_messages(messages),
            start_known=known,
            language=str(root["language"]) if root.get("language") else None,
            direction=direction if direction in ("incoming", "outgoing") else None,
        )
    ]
