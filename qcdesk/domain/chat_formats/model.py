"""What every chat parser returns: messages with aware times, authors and attachment markers.

Parsers are pure functions of the file's bytes (no database, no Qt), so each export format is
tested on its own; the import service decides who is the consultant and what gets stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError

FORMATS = ("telegram", "whatsapp", "csv", "json")

# Markers stored in the transcript text in place of what a text transcript cannot hold. They
# are data (the transcript a reviewer quotes in a report), so they are Russian like the
# exports qcdesk is made for, and the same in every interface language.
PHOTO = "[фото]"
VIDEO = "[видео]"
VIDEO_MESSAGE = "[видеосообщение]"
VOICE = "[голосовое]"
STICKER = "[стикер]"
GIF = "[GIF]"
CONTACT = "[контакт]"
LOCATION = "[геопозиция]"
MEDIA = "[медиафайл]"
DELETED = "[сообщение удалено]"
EDITED = "[изменено]"


def file_marker(name: str | None) -> str:
    return f"[файл: {name}]" if name else "[файл]"


def audio_marker(name: str | None) -> str:
    return f"[аудио: {name}]" if name else "[аудио]"


def forwarded_marker(source: str) -> str:
    return f"[переслано от {source}]" if source else "[переслано]"


# Bounds on what one export may hold, so that a hostile or broken file ends in a named error
# instead of filling the memory or running for hours. Real exports stay far below them: a
# year of a busy support chat is some 50,000 messages and a few megabytes of text.
MAX_EXPORT_BYTES = 256 * 1024 * 1024  # the file as read (a Telegram account export is big)
MAX_CHAT_TEXT_BYTES = 128 * 1024 * 1024  # a WhatsApp chat unpacked from its zip
MAX_ZIP_RATIO = 100  # unpacked/packed: text packs 3-10 times, a zip bomb thousands of times
MAX_ZIP_ENTRIES = 100_000
MAX_LINE_CHARS = 200_000  # one line of a WhatsApp or CSV export (a message is at most 65,536)
MAX_MESSAGES = 500_000  # per export file, every chat together


class ChatFormatError(KnownError):
    """A chat export that cannot be read: the message names the file and the problem."""


class ChatLimitError(ChatFormatError):
    """An export beyond one of the bounds above (too big, too many messages, a zip bomb)."""


def check_message_count(count: int, path: str) -> None:
    if count > MAX_MESSAGES:
        raise ChatLimitError(
            QT_TRANSLATE_NOOP(
                "KnownError", "{path} holds more than {limit} messages; split the export"
            ),
            path=path,
            limit=MAX_MESSAGES,
        )


def line_too_long(path: str, line: int) -> ChatLimitError:
    return ChatLimitError(
        QT_TRANSLATE_NOOP("KnownError", "Line {line} of {path} is longer than {limit} characters"),
        path=path,
        line=line,
        limit=MAX_LINE_CHARS,
    )


def decode_utf8(data: bytes, path: str) -> str:
    """The text of an export (UTF-8, BOM allowed), or a ChatFormatError naming the byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ChatFormatError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not UTF-8 text (byte {offset})"),
            path=path,
            offset=exc.start,
        ) from exc


def no_messages(path: str) -> ChatFormatError:
    return ChatFormatError(
        QT_TRANSLATE_NOOP("KnownError", "{path} contains no chat messages"), path=path
    )


@dataclass(frozen=True)
class ChatMessage:
    """One message; ``text`` already carries the attachment, forward and edit markers."""

    at: datetime  # aware
    author: str
    text: str
    role: str | None = None  # "consultant"/"client" when the export itself says so


@dataclass(frozen=True)
class ParsedChat:
    """One conversation of an export (a Telegram account export holds many).

    ``identity`` tells chats of one file apart (the Telegram chat id, the CSV chat column);
    it is "" for a file that holds one chat. ``start_known`` is False when the export gives
    only offsets (a transcript without ``started_at``): the times then count from 1970.
    """

    format: str
    identity: str
    title: str
    messages: tuple[ChatMessage, ...]
    start_known: bool = True
    skipped_service: int = 0
    language: str | None = None
    direction: str | None = None
    # Problems that did not stop the import but that the reviewer should hear about (a
    # Telegram message whose two dates disagree); each names the file.
    warnings: tuple[KnownError, ...] = field(default=())

    def authors(self) -> list[str]:
        """Distinct authors in order of their first message."""
        return list(dict.fromkeys(m.author for m in self.messages))

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for m in self.messages:
            out[m.author] = out.get(m.author, 0) + 1
        return out


def compose(
    text: str,
    markers: list[str] | tuple[str, ...] = (),
    *,
    forwarded: str | None = None,
    edited: bool = False,
) -> str:
    """The stored text: forward note, attachment markers, the text, then the edit note."""
    parts = []
    if forwarded is not None:
        parts.append(forwarded_marker(forwarded))
    parts.extend(markers)
    if text.strip():
        parts.append(text.strip())
    if edited:
        parts.append(EDITED)
    return " ".join(parts)


def sort_messages(messages: list[ChatMessage]) -> tuple[ChatMessage, ...]:
    """By time; messages of the same second keep their order in the file (stable sort)."""
    return tuple(sorted(messages, key=lambda m: m.at))
