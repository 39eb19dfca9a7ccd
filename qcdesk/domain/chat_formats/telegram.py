"""Telegram Desktop's JSON export (``result.json``): one chat, or a whole account's chats.

Decisions, so that a reviewer reads the conversation and metrics count real turns:

- Service messages (``"type": "service"``: calls, pins, joins, title changes) are skipped and
  counted in ``ParsedChat.skipped_service``; a transcript has only two speakers, and a
  "pinned a message" line would otherwise count as a customer turn nobody answered.
- ``date_unixtime`` (the exact moment) wins over ``date`` (the exporting computer's wall
  clock); a ``date`` alone is read in the client company's time zone.
- Photos, files, stickers, voice and video messages become markers (``[фото]``,
  ``[файл: name]``, ``[стикер 👍]``, ``[голосовое]``…) before the caption; a forwarded
  message starts with ``[переслано от …]``, an edited one ends with ``[изменено]`` and keeps
  its original sending time (the time the customer saw it).
- A text is either a string or a list of strings and entity objects (``{"type": "bold",
  "text": …}``); both are flattened to plain text.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, tzinfo
from typing import Any

from qcdesk.domain.chat_formats import model as m
from qcdesk.domain.chat_formats.dates import from_unix, localise
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError

_MEDIA_MARKERS = {
    "sticker": m.STICKER,
    "voice_message": m.VOICE,
    "video_message": m.VIDEO_MESSAGE,
    "video_file": m.VIDEO,
    "animation": m.GIF,
}
_NOT_INCLUDED = "(File not included"


def load_json(data: bytes, path: str) -> Any:
    """Parse JSON bytes (UTF-8, BOM allowed) or raise a ChatFormatError naming the spot.

    Nesting deeper than Python's recursion limit (``[[[[…`` thousands deep, which no
    exporter writes) raises RecursionError inside ``json``; it becomes a named error too, so
    the rest of a batch still imports.
    """
    text = m.decode_utf8(data, path)
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise m.ChatFormatError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is nested too deeply to be a chat export"),
            path=path,
        ) from exc
    except json.JSONDecodeError as exc:
        raise m.ChatFormatError(
            QT_TRANSLATE_NOOP(
                "KnownError", "{path} is not valid JSON: {detail} (line {line}, column {column})"
            ),
            path=path,
            detail=exc.msg,
            line=exc.lineno,
            column=exc.colno,
        ) from exc
    except ValueError as exc:  # e.g. an integer longer than Python converts (4300 digits)
        raise m.ChatFormatError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not usable JSON: {detail}"),
            path=path,
            detail=str(exc)[:200],
        ) from exc


def flatten(text: Any) -> str:
    """Telegram text: a string, or a list of strings and ``{"type", "text"}`` entities."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in text
            if isinstance(part, str | dict)
        )
    return ""


def _file_name(msg: dict[str, Any]) -> str | None:
    name = msg.get("file_name")
    if isinstance(name, str) and name:
        return name
    f = msg.get("file")
    if isinstance(f, str) and f and not f.startswith(_NOT_INCLUDED):
        return f.rsplit("/", 1)[-1]
    return None


def markers(msg: dict[str, Any]) -> list[str]:
    """Attachment markers of one message, in the order Telegram shows them."""
    out: list[str] = []
    if "photo" in msg:
        out.append(m.PHOTO)
    media = msg.get("media_type")
    if media == "sticker":
        emoji = msg.get("sticker_emoji")
        out.append(f"[стикер {emoji}]" if emoji else m.STICKER)
    elif media == "audio_file":
        out.append(m.audio_marker(msg.get("title") or _file_name(msg)))
    elif isinstance(media, str) and media in _MEDIA_MARKERS:
        out.append(_MEDIA_MARKERS[media])
    elif "file" in msg or "file_name" in msg:
        out.append(m.file_marker(_file_name(msg)))
    if "contact_information" in msg:
        out.append(m.CONTACT)
    if "location_information" in msg or "live_location_period_seconds" in msg:
        out.append(m.LOCATION)
    poll = msg.get("poll")
    if isinstance(poll, dict):
        out.append(f"[опрос: {poll.get('question', '')}]")
    return out


# ``date`` is the exporting computer's wall clock and ``date_unixtime`` the moment, so they
# differ by that computer's UTC offset: a whole quarter of an hour between -12 and +14 hours,
# the same all through the file but for a daylight-saving hour. Anything else means one of
# the two is wrong (an edited export, a converter's bug), and the reviewer is told.
_MAX_OFFSET_S = 14 * 3600
_DST_SLACK_S = 3600


def _offset(msg: dict[str, Any]) -> int | None:
    """``date`` minus ``date_unixtime`` in seconds, or None when either is missing or odd."""
    unix, date = msg.get("date_unixtime"), msg.get("date")
    if unix in (None, "") or not isinstance(date, str):
        return None
    try:
        wall = datetime.fromisoformat(date)
        moment = int(float(unix))
    except (ValueError, TypeError, OverflowError):
        return None
    if wall.tzinfo is not None:
        return round(wall.timestamp()) - moment
    return round((wall - datetime(1970, 1, 1)).total_seconds()) - moment


def _disagreeing(raw: list[Any]) -> tuple[int, Any]:
    """(how many messages' two dates disagree, the id of the first)."""
    offsets = [(msg.get("id", "?"), _offset(msg)) for msg in raw if isinstance(msg, dict)]
    known = [o for _, o in offsets if o is not None]
    if not known:
        return 0, None
    usual = Counter(known).most_common(1)[0][0]
    bad = [
        ident
        for ident, o in offsets
        if o is not None
        and (abs(o) > _MAX_OFFSET_S or o % 900 != 0 or abs(o - usual) > _DST_SLACK_S)
    ]
    return len(bad), bad[0] if bad else None


def _when(msg: dict[str, Any], tz: tzinfo, path: str) -> datetime:
    unix = msg.get("date_unixtime")
    try:
        if unix not in (None, ""):
            return from_unix(float(unix), tz)
        return localise(datetime.fromisoformat(str(msg["date"])), tz)
    except (KeyError, ValueError, TypeError, OverflowError) as exc:
        raise m.ChatFormatError(
            QT_TRANSLATE_NOOP("KnownError", "Message {id} in {path} has no readable date: {value}"),
            path=path,
            id=msg.get("id", "?"),
            value=msg.get("date_unixtime") or msg.get("date"),
        ) from exc


def parse_chat(chat: dict[str, Any], tz: tzinfo, path: str) -> m.ParsedChat:
    """One chat object (``{"name", "type", "id", "messages": [...]}``)."""
    raw = chat.get("messages")
    if not isinstance(raw, list):
        raise m.ChatFormatError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not a Telegram export: it has no messages"),
            path=path,
        )
    m.check_message_count(len(raw), path)
    messages: list[m.ChatMessage] = []
    skipped = 0
    for msg in raw:
        if not isinstance(msg, dict):
            continue
        if msg.get("type", "message") != "message":
            skipped += 1
            continue
        author = msg.get("from") or msg.get("from_id") or "?"
        fwd = msg.get("forwarded_from")
        text = m.compose(
            flatten(msg.get("text")),
            markers(msg),
            forwarded=None if "forwarded_from" not in msg else str(fwd or ""),
            edited=bool(msg.get("edited") or msg.get("edited_unixtime")),
        )
        if not text:
            continue
        messages.append(m.ChatMessage(_when(msg, tz, path), str(author).strip(), text))
    title = str(chat.get("name") or chat.get("id", ""))
    warnings: list[KnownError] = []
    count, first = _disagreeing(raw)
    if count:
        warnings.append(
            m.ChatFormatError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "{path}, chat {chat}: in {count} message(s) the date and date_unixtime "
                    "disagree (first: message {id}); the times come from date_unixtime",
                ),
                path=path,
                chat=title or "-",
                count=count,
                id=first,
            )
        )
    return m.ParsedChat(
        format="telegram",
        identity=str(chat.get("id", "")),
        title=title,
        messages=m.sort_messages(messages),
        skipped_service=skipped,
        warnings=tuple(warnings),
    )


def parse(data: bytes, path: str, tz: tzinfo) -> list[m.ParsedChat]:
    """Every chat with messages in a Telegram export (single chat or full account).

    "Saved Messages" of an account export is left out: it is a notebook, not a conversation.

    Raises:
        ChatFormatError: not JSON, not a Telegram export, or no chat with messages.
    """
    root = load_json(data, path)
    if not isinstance(root, dict):
        raise m.ChatFormatError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not a Telegram export: it has no messages"),
            path=path,
        )
    if "messages" in root:
        chats = [parse_chat(root, tz, path)]
    else:
        listed = root.get("chats", {}).get("list") if isinstance(root.get("chats"), dict) else None
        if not isinstance(listed, list):
            raise m.ChatFormatError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "{path} is not a Telegram export: it has no messages"
                ),
                path=path,
            )
        wanted = [c for c in listed if isinstance(c, dict) and c.get("type") != "saved_messages"]
        m.check_message_count(
            sum(len(c["messages"]) for c in wanted if isinstance(c.get("messages"), list)), path
        )
        chats = [parse_chat(c, tz, path) for c in wanted]
    chats = [c for c in chats if c.messages]
    if not chats:
        raise m.no_messages(path)
    return chats
