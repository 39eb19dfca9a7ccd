"""WhatsApp's "Export chat" text: Android and iOS layouts, Russian and English phones.

Layouts (the app writes the phone's locale, so both orders of day and month occur)::

    27.11.2026, 14:05 - Ирина: текст            Android, Russian
    11/27/26, 2:05 PM - Irina: text             Android, English (US)
    [27.11.2026, 14:05:31] Ирина: текст         iOS, Russian
    [11/27/26, 2:05:31 PM] Irina: text          iOS, English (US)

A line that does not start with a date continues the message above (multi-line messages).
System lines are skipped: Android writes them without an author ("27.11.2026, 14:05 -
Сообщения и звонки защищены…"), iOS with the chat's name and a U+200E mark before the text.
Media become markers: ``<Без медиафайлов>``/``<Media omitted>``, ``image omitted``,
``<attached: …-PHOTO-….jpg>``, ``IMG-….jpg (файл добавлен)``. An iOS export is often a
``.zip`` holding ``_chat.txt``; the service unpacks it before calling ``parse``.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from qcdesk.domain.chat_formats import model as m
from qcdesk.domain.chat_formats.dates import DateParts, build, clean, date_parts, day_first
from qcdesk.errors import QT_TRANSLATE_NOOP

_D = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_T = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?"
ANDROID = re.compile(rf"^(?P<date>{_D}),?\s(?P<time>{_T})\s[-–]\s(?P<rest>.*)$")
IOS = re.compile(rf"^\[(?P<date>{_D}),?\s(?P<time>{_T})\]\s(?P<rest>.*)$")
_AMPM = re.compile(r"[AaPp]\.?\s?[Mm]\.?$")

_LRM = "\u200e"
# The encryption notice; iOS marks it (and every other system line) with U+200E, some
# exports do not, and Android writes it without an author.
_NOTICE = re.compile(r"(end-to-end encrypted|сквозным шифрованием)", re.IGNORECASE)
_OMITTED = re.compile(r"^<\s*(media omitted|без медиафайлов|медиафайл[ыа]? (опущен\w*|отсутству\w+)"
                      r"|медиа отсутству\w+)\s*>$", re.IGNORECASE)  # fmt: skip
_IOS_OMITTED = re.compile(
    r"^(?:(?P<name>.+?)\s+•\s+.*?\s)?(?P<kind>image|photo|video|audio|sticker|document|GIF"
    r"|Contact card|изображение|фото|видео|аудио|аудиофайл|стикер|документ|карточка контакта)"
    r"\s(omitted|отсутствует|пропущено|пропущен\w*)$",
    re.IGNORECASE,
)
_ATTACHED_IOS = re.compile(
    r"^<(?:attached|прикреплено|вложение):\s*(?P<name>[^>]+)>\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_ATTACHED_ANDROID = re.compile(
    r"^(?P<name>\S[^\n]*?\.\w{2,5}) \((?:file attached|файл добавлен|файл прикреплён"
    r"|файл прикреплен)\)\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_DELETED = re.compile(
    r"^(this message was deleted|you deleted this message|данное сообщение удалено"
    r"|это сообщение (было )?удалено|вы удалили это сообщение)\.?$",
    re.IGNORECASE,
)
_EDITED = re.compile(r"\s*<(this message was edited|это сообщение (было )?изменено"
                     r"|сообщение изменено)>\s*$", re.IGNORECASE)  # fmt: skip
_LOCATION = re.compile(r"^(location|местоположение|геопозиция): (?P<url>\S+)$", re.IGNORECASE)
_OMITTED_KIND = {
    "image": m.PHOTO, "photo": m.PHOTO, "изображение": m.PHOTO, "фото": m.PHOTO,
    "video": m.VIDEO, "видео": m.VIDEO, "sticker": m.STICKER, "стикер": m.STICKER,
    "gif": m.GIF, "contact card": m.CONTACT, "карточка контакта": m.CONTACT,
    "audio": m.VOICE, "аудио": m.VOICE, "аудиофайл": m.VOICE,
}  # fmt: skip

# Named, not inline: lupdate mistakes str.translate({...}) with a literal for a UI string.
_NARROW_SPACES = {0x202F: " ", 0xA0: " "}


def attachment_marker(name: str) -> str:
    """The marker for an attached file, from WhatsApp's file naming."""
    upper = name.upper()
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if upper.startswith("PTT-") or "-AUDIO-" in upper or ext == "opus":
        return m.VOICE
    if upper.startswith("STK-") or "-STICKER-" in upper or ext == "webp":
        return m.STICKER
    if upper.startswith("IMG-") or "-PHOTO-" in upper or ext in ("jpg", "jpeg", "png", "heic"):
        return m.PHOTO
    if upper.startswith("VID-") or "-VIDEO-" in upper or ext in ("mp4", "mov", "3gp"):
        return m.VIDEO
    if "-GIF-" in upper or ext == "gif":
        return m.GIF
    if ext == "vcf":
        return m.CONTACT
    return m.file_marker(name)


def body(text: str) -> str:
    """A message body with media lines turned into markers and the edit note moved last."""
    edited = bool(_EDITED.search(text))
    text = _EDITED.sub("", text)
    stripped = text.replace(_LRM, "").strip()
    markers: list[str] = []
    if _OMITTED.match(stripped):
        markers.append(m.MEDIA)
        stripped = ""
    elif match := _IOS_OMITTED.match(stripped):
        kind = match.group("kind").lower()
        markers.append(_OMITTED_KIND.get(kind) or m.file_marker(match.group("name")))
        stripped = ""
    elif match := (_ATTACHED_IOS.match(stripped) or _ATTACHED_ANDROID.match(stripped)):
        markers.append(attachment_marker(match.group("name").strip()))
        stripped = match.group("rest")
    elif _DELETED.match(stripped):
        markers.append(m.DELETED)
        stripped = ""
    elif match := _LOCATION.match(stripped):
        markers.append(m.LOCATION)
        stripped = match.group("url")
    return m.compose(stripped, markers, edited=edited)


def _is_system(author: str | None, text: str) -> bool:
    """Android system lines have no author; iOS ones start with U+200E (media lines too)."""
    if author is None:
        return True
    stripped = text.strip()
    if stripped.startswith(_LRM):
        inner = stripped.replace(_LRM, "").strip()
        return not (
            _ATTACHED_IOS.match(inner)
            or _ATTACHED_ANDROID.match(inner)
            or _OMITTED.match(inner)
            or _IOS_OMITTED.match(inner)
            or _DELETED.match(inner)
            or _LOCATION.match(inner)
        )
    return bool(_NOTICE.search(text)) and len(text) < 300


def _clean_map(line: str) -> tuple[str, list[int]]:
    """``clean(line)`` and, for each of its characters, the index in *line*."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(line):
        c = clean(ch)
        if c:
            out.append(c)
            where.append(i)
    return "".join(out), where


def looks_like(text: str) -> bool:
    """Whether *text* (the start of a file) reads as a WhatsApp export."""
    lines = [clean(line) for line in text.splitlines()[:20] if line.strip()]
    return any(ANDROID.match(line) or IOS.match(line) for line in lines)


def parse(data: bytes, path: str, tz: tzinfo, title: str = "") -> list[m.ParsedChat]:
    """The one chat of a WhatsApp text export.

    Raises:
        ChatFormatError: not UTF-8, no dated lines, or a date that is not a real date.
    """
    text = m.decode_utf8(data, path)
    # (line number, date parts, time text, author or None, text)
    rows: list[tuple[int, DateParts, str, str | None, str]] = []
    for no, line in enumerate(text.splitlines(), 1):
        head, where = _clean_map(line)
        match = IOS.match(head) or ANDROID.match(head)
        parts = None if match is None else date_parts(match.group("date"))
        if match is None or parts is None:
            if rows:  # a continuation line of a multi-line message
                n, d, t, a, prev = rows[-1]
                rows[-1] = (n, d, t, a, f"{prev}\n{clean(line).rstrip()}")
            continue
        time_text = match.group("time")
        parts = DateParts(parts.a, parts.sep, parts.b, parts.c, bool(_AMPM.search(time_text)))
        # The raw text after the header: the U+200E marks tell iOS system lines apart.
        start = match.start("rest")
        rest = line[where[start] :] if start < len(where) else ""
        rest = rest.translate(_NARROW_SPACES)
        author, sep, msg = rest.partition(": ")
        author_opt = clean(author).strip().lstrip("~").strip() if sep else None
        rows.append((no, parts, time_text, author_opt, msg if sep else rest))
    if not rows:
        raise m.no_messages(path)
    dmy = day_first(r[1] for r in rows)
    messages: list[m.ChatMessage] = []
    skipped = 0
    for no, parts, time_text, who, msg in rows:
        try:
            at: datetime = build(parts, time_text, dmy, tz)
        except ValueError as exc:
            raise m.ChatFormatError(
                QT_TRANSLATE_NOOP("KnownError", "Line {line} of {path} has an impossible date"),
                path=path,
                line=no,
            ) from exc
        if who is None or _is_system(who, msg):
            skipped += 1
            continue
        messages.append(m.ChatMessage(at, who, body(msg)))
    if not messages:
        raise m.no_messages(path)
    return [
        m.ParsedChat(
            format="whatsapp",
            identity="",
            title=title,
            messages=m.sort_messages(messages),
            skipped_service=skipped,
        )
    ]
