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
from qcdesk.domain.chat_formats.dates import (
    DateParts,
    ImpossibleTime,
    build,
    clean,
    date_parts,
    day_first,
)
from qcdesk.errors import QT_TRANSLATE_NOOP

_D = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_T = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?"
ANDROID = re.compile(rf"^(?P<date>{_D}),?\s(?P<time>{_T})\s[-–]\s(?P<rest>.*)$")
IOS = re.compile(rf"^\[(?P<date>{_D}),?\s(?P<time>{_T})\]\s(?P<rest>.*)$")
_AMPM = re.compile(r"[AaPp]\.?\s?[Mm]\.?$")

_LRM = "\u200e"
# The encryption notice; iOS marks it (and every other system line) with U+200E, some
# exports do not, and Android writes it without an author.
_NOTICE = re.compile(
    r"(end-to-end encrypted|сквозным шифрованием|Ende-zu-Ende-verschlüsselt|наскрізним "
    r"шифруванням|cifrad[oa]s? de extremo a extremo|chiffrés de bout en bout|crittografia "
    r"end-to-end|criptografia de ponta a ponta)",
    re.IGNORECASE,
)
_NOTICE_START = re.compile(
    r"^(messages|сообщения|nachrichten|повідомлення|los mensajes|les messages|i messaggi"
    r"|as mensagens)\b",
    re.IGNORECASE,
)
# What iOS writes as system lines (U+200E-marked, under the chat's name or the person's):
# calls, security codes, group events. An unknown U+200E line is kept as a message instead.
_SERVICE = re.compile(
    r"(missed (voice|video|group) call|(voice|video) call\b|пропущенный (аудио|видео)звонок"
    r"|^(аудио|видео)звонок|пропущений (аудіо|відео)дзвінок|verpasster (sprach|video)anruf"
    r"|security code|код безопасности|код безпеки|sicherheitsnummer"
    r"|created (the )?group|создал\w* группу|disappearing messages|исчезающ\w* сообщени"
    r"|business account|бизнес-аккаунт|blocked this contact|заблокировал\w*"
    r"|changed (their|the|this group's) |pinned a message|закрепил\w*|изменил\w* (тему|номер"
    r"|фото|описание|настройки)|\b(added|removed|left|joined)\b|добавил\w*|удалил\w* "
    r"(участник|из группы)|покинул\w*|вышел\w*)",
    re.IGNORECASE,
)
_OMITTED = re.compile(r"^[<‹]\s*(media omitted|без медиафайлов|медиафайл[ыа]? (опущен\w*"
                      r"|отсутству\w+)|медиа отсутству\w+)\s*[>›]$", re.IGNORECASE)  # fmt: skip
# Android writes the "without media" placeholder in the phone's language in angle brackets
# (<Medien ausgeschlossen>, <Медіафайли пропущено>): an unknown one is still a media file.
_OMITTED_ANY = re.compile(r"^[<‹][^\W\d_][^<>‹›:/\d]{2,58}[>›]$")
# iOS's "left out" lines: "image omitted", "изображение отсутствует", "стикер не добавлен",
# with the file's name before a document ("Договор.docx документ отсутствует") or before a
# bullet ("Каталог.pdf • 12 страниц документ отсутствует"). The pattern reads only the tail,
# searched from the end's side: a prefix pattern with two lazy stars before it backtracked
# quadratically (a 200,000-character line of "a.pdf • " took minutes).
_OMITTED_TAIL = re.compile(
    r"(?:^|\s)(?P<kind>image|photo|video|audio|sticker|document|GIF|Contact card"
    r"|изображение|фото|видео|аудио|аудиофайл|стикер|документ|карточка контакта|Bild"
    r"|Kontaktkarte|Dokument)\s(omitted|отсутствует|пропущено|пропущен\w*|не добавлен\w*"
    r"|weggelassen)$",
    re.IGNORECASE,
)
_DOCUMENT_KINDS = ("document", "документ", "dokument")
_FILE_NAME = re.compile(r"\S[^•]*\.\w{1,5}")
# iOS writes a document as "name • 12 pages <attached: 00000013-name>", a photo without the
# prefix; the file's number prefix is not part of its name.
_ATTACHED_IOS = re.compile(
    r"^(?:.*?\s)?<(?:attached|прикреплено|вложение|прикріплено|вкладення|anhang|angehängt"
    r"|adjunto|pièce jointe|allegato|anexado):\s*(?P<name>[^<>]+)>\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_IOS_NUMBER = re.compile(r"^\d{8}-")
_ATTACHED_ANDROID = re.compile(
    r"^(?P<name>\S.*?\.\w{2,5}) \((?:file attached|файл добавлен|файл прикреплён"
    r"|файл прикреплен|файл додано|datei angehängt)\)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_DELETED = re.compile(
    r"^(this message was deleted|you deleted this message|данное сообщение удалено"
    r"|это сообщение (было )?удалено|вы удалили (это|данное) сообщение|сообщение удалено"
    r"|це повідомлення видалено|ви видалили це повідомлення|diese nachricht wurde gelöscht"
    r"|du hast diese nachricht gelöscht)\.?$",
    re.IGNORECASE,
)
# (?<!\s): a match starts only where a run of white space starts; without it every position of
# a 100 kB run of spaces tried the whole run again (quadratic: 30 s, found by the fuzz harness).
_EDITED = re.compile(r"(?<!\s)\s*<(this message was edited|это сообщение (было )?изменено"
                     r"|сообщение изменено|це повідомлення (було )?змінено"
                     r"|diese nachricht wurde bearbeitet)>\s*$", re.IGNORECASE)  # fmt: skip
_LOCATION = re.compile(r"^(location|местоположение|геопозиция): (?P<url>\S+)$", re.IGNORECASE)
_OMITTED_KIND = {
    "image": m.PHOTO, "photo": m.PHOTO, "изображение": m.PHOTO, "фото": m.PHOTO,
    "video": m.VIDEO, "видео": m.VIDEO, "sticker": m.STICKER, "стикер": m.STICKER,
    "gif": m.GIF, "contact card": m.CONTACT, "карточка контакта": m.CONTACT,
    "audio": m.VOICE, "аудио": m.VOICE, "аудиофайл": m.VOICE,
    "bild": m.PHOTO, "kontaktkarte": m.CONTACT,
}  # fmt: skip
# A line that starts the way a message does (date, time, then "-" or "]" close by) but that
# the layouts above do not read: an unknown locale's clock ("11:09 vorm."), for instance.
_HEADER_LIKE = re.compile(
    rf"^\[?{_D}[^\d\n]{{1,6}}\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?[^\d\]\n]{{0,14}}?(\]|\s[-–]\s)"
)

# Named, not inline: lupdate mistakes str.translate({...}) with a literal for a UI string.
_NARROW_SPACES = re.compile("[\u202f\u00a0]")


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
    return m.file_marker(_IOS_NUMBER.sub("", name))


def _ios_omitted(first: str) -> str | None:
    """The marker of an iOS "left out" media line, or None for any other text."""
    match = _OMITTED_TAIL.search(first)
    if match is None:
        return None
    kind = match.group("kind").lower()
    head = first[: match.start()].strip()
    name, bullet, _details = head.partition("•")
    name = name.strip()
    if kind in _DOCUMENT_KINDS:
        if not head:
            return m.file_marker(None)
        return m.file_marker(name) if bullet or _FILE_NAME.fullmatch(name) else None
    if head and not bullet:
        return None  # "… my photo omitted" inside a sentence is text, not a media line
    return _OMITTED_KIND.get(kind) or m.file_marker(name or None)


def _media(first: str) -> tuple[list[str], str] | None:
    """(markers, the text left) when the first line of a message is a media line."""
    if _OMITTED.match(first):
        return [m.MEDIA], ""
    if omitted := _ios_omitted(first):
        return [omitted], ""
    if match := (_ATTACHED_IOS.match(first) or _ATTACHED_ANDROID.match(first)):
        return [attachment_marker(match.group("name").strip())], match.group("rest")
    if _DELETED.match(first):
        return [m.DELETED], ""
    if match := _LOCATION.match(first):
        return [m.LOCATION], match.group("url")
    return None


def body(text: str) -> str:
    """A message body with media lines turned into markers and the edit note moved last.

    The media line is the first line; what follows it is the caption WhatsApp wrote on the
    lines below ("<Media omitted>" then "Вот такой"), kept as the message's text.
    """
    edited = bool(_EDITED.search(text))
    text = _EDITED.sub("", text)
    first, _nl, caption = text.replace(_LRM, "").strip().partition("\n")
    first = first.strip()
    found = _media(first)
    if found is None and _OMITTED_ANY.match(first):
        found = [m.MEDIA], ""
    markers, first = found if found is not None else ([], first)
    stripped = "\n".join(part for part in (first.strip(), caption.strip()) if part)
    return m.compose(stripped, markers, edited=edited)


def _is_system(author: str | None, text: str) -> bool:
    """Android system lines have no author; iOS ones start with U+200E (media lines too).

    A U+200E line that is neither a known media line nor a known system line (calls,
    security codes, group events, in the languages qcdesk knows) is kept as a message: a
    line of an unknown locale is never dropped without a word.
    """
    if author is None:
        return True
    stripped = text.strip()
    first = stripped.replace(_LRM, "").strip().split("\n", 1)[0]
    if _NOTICE.search(first) and _NOTICE_START.match(first) and len(stripped) < 300:
        return True  # the notice without its mark; a customer asking about encryption stays
    if stripped.startswith(_LRM):
        return _media(first) is None and bool(_SERVICE.search(first))
    return False


def _start_in(line: str, head: str, start: int) -> int:
    """Where character *start* of ``head = clean(line)`` is in *line*.

    ``clean`` only drops marks and swaps one space for another, so a line without marks
    (nearly all of them) maps one to one; only a marked line is walked character by
    character.
    """
    if len(head) == len(line):
        return start
    kept = 0
    for i, ch in enumerate(line):
        if clean(ch):
            if kept == start:
                return i
            kept += 1
    return len(line)


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
    # (line number, date parts, time text, author or None, text lines)
    rows: list[tuple[int, DateParts, str, str | None, list[str]]] = []
    for no, line in enumerate(text.splitlines(), 1):
        if len(line) > m.MAX_LINE_CHARS:
            raise m.line_too_long(path, no)
        head = clean(line)
        match = IOS.match(head) or ANDROID.match(head)
        parts = None if match is None else date_parts(match.group("date"))
        if match is None or parts is None:
            if _HEADER_LIKE.match(head):
                raise m.ChatFormatError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "Line {line} of {path} looks like a message, but its date and time "
                        "cannot be read: {text}",
                    ),
                    path=path,
                    line=no,
                    text=head[:80],
                )
            if rows:  # a continuation line of a multi-line message
                rows[-1][4].append(clean(line).rstrip())
            continue
        time_text = match.group("time")
        parts = DateParts(parts.a, parts.sep, parts.b, parts.c, bool(_AMPM.search(time_text)))
        # The raw text after the header: the U+200E marks tell iOS system lines apart.
        start = match.start("rest")
        rest = line[_start_in(line, head, start) :] if start < len(head) else ""
        rest = _NARROW_SPACES.sub(" ", rest)
        author, sep, msg = rest.partition(": ")
        author_opt = clean(author).strip().lstrip("~").strip() if sep else None
        rows.append((no, parts, time_text, author_opt, [msg if sep else rest]))
        m.check_message_count(len(rows), path)
    if not rows:
        raise m.no_messages(path)
    dmy = day_first((r[1] for r in rows), in_file_order=True)
    messages: list[m.ChatMessage] = []
    skipped = 0
    for no, parts, time_text, who, lines in rows:
        msg = "\n".join(lines)
        try:
            at: datetime = build(parts, time_text, dmy, tz)
        except ImpossibleTime as exc:
            raise m.ChatFormatError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "Line {line} of {path} has an impossible time: {value}"
                ),
                path=path,
                line=no,
                value=clean(time_text).strip(),
            ) from exc
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
