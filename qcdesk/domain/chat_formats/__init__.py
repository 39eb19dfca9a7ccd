"""Chat export parsers: Telegram JSON, WhatsApp text, generic CSV and the transcript JSON.

``parse_export`` picks the parser (``auto`` looks at the content, then the name) and returns
every conversation the file holds. Parsers are pure: bytes and a time zone in, messages with
aware times out, a ``ChatFormatError`` naming the file for anything broken.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from datetime import tzinfo

from qcdesk.domain.chat_formats import csvchat, telegram, whatsapp
from qcdesk.domain.chat_formats.csvchat import CsvMapping, CsvTable, guess_mapping, read_table
from qcdesk.domain.chat_formats.model import (
    FORMATS,
    MAX_CHAT_TEXT_BYTES,
    MAX_EXPORT_BYTES,
    MAX_ZIP_ENTRIES,
    MAX_ZIP_RATIO,
    ChatFormatError,
    ChatLimitError,
    ChatMessage,
    ParsedChat,
)
from qcdesk.domain.chat_formats.transcript import parse_transcript
from qcdesk.errors import QT_TRANSLATE_NOOP

__all__ = [
    "FORMATS",
    "MAX_EXPORT_BYTES",
    "ChatFormatError",
    "ChatLimitError",
    "ChatMessage",
    "CsvMapping",
    "CsvTable",
    "ParsedChat",
    "detect_format",
    "guess_mapping",
    "parse_export",
    "read_table",
    "unzip_whatsapp",
]


# The chat's own name in a WhatsApp zip, in the languages whose names are known; a zip also
# holds the media, among them .txt files a customer sent ("price.txt", thousands of them).
_CHAT_NAME = re.compile(
    r"^(_chat\.txt|(whatsapp chat (with|-|mit|con|avec) |чат whatsapp (с|-) |chat de whatsapp "
    r"(con|com) |чат whatsapp з ).*\.txt)$",
    re.IGNORECASE,
)
_PROBE_BYTES = 4096
_MAX_PROBED = 200  # unnamed .txt files looked into for a chat, at most


def unzip_whatsapp(data: bytes, path: str) -> tuple[bytes, str]:
    """The chat text inside a WhatsApp ``.zip`` export, read with bounds on size and ratio.

    The chat is the entry named as WhatsApp names it (``_chat.txt``, ``WhatsApp Chat with
    …``/``Чат WhatsApp с ….txt``) whose start reads as a chat; failing a name, the first
    ``.txt`` whose start reads as a chat. It is streamed and counted, not trusted by its
    declared size: a zip bomb stops at ``MAX_CHAT_TEXT_BYTES`` or at a packing ratio above
    ``MAX_ZIP_RATIO``, with a named error either way.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                raise ChatLimitError(
                    QT_TRANSLATE_NOOP("KnownError", "{path} holds more than {limit} files"),
                    path=path,
                    limit=MAX_ZIP_ENTRIES,
                )
            texts = [i for i in infos if not i.is_dir() and i.filename.lower().endswith(".txt")]
            named = [i for i in texts if _CHAT_NAME.match(i.filename.rsplit("/", 1)[-1])]
            named.sort(key=lambda i: (i.filename.count("/"), len(i.filename)))
            others = [i for i in texts if i not in named][:_MAX_PROBED]
            for info in (*named, *others):
                if whatsapp.looks_like(_probe(z, info, path)):
                    return _read_bounded(z, info, path), info.filename
            raise ChatFormatError(
                QT_TRANSLATE_NOOP("KnownError", "{path} holds no WhatsApp chat (.txt)"),
                path=path,
            )
    # ValueError: zipfile's "negative seek value" on a header offset a corrupt zip cut short.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError,
            EOFError, RuntimeError, ValueError, zlib.error) as exc:  # fmt: skip
        raise ChatFormatError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not a readable ZIP file"), path=path
        ) from exc


def _probe(z: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> str:
    """The first few kilobytes of an entry, as text, for telling a chat from other .txt."""
    with z.open(info) as fh:
        head = fh.read(_PROBE_BYTES)
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def _read_bounded(z: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> bytes:
    """The whole entry, read in chunks and stopped as soon as it grows past the bounds."""

    def bomb() -> ChatLimitError:
        return ChatLimitError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "{path} unpacks to more than {limit} MB or packs its chat suspiciously tight "
                "(a zip bomb?); it was not read",
            ),
            path=path,
            limit=MAX_CHAT_TEXT_BYTES // (1024 * 1024),
        )

    packed = max(info.compress_size, 1)
    if info.file_size > MAX_CHAT_TEXT_BYTES or info.file_size > packed * MAX_ZIP_RATIO + 65536:
        raise bomb()
    out = bytearray()
    with z.open(info) as fh:
        while chunk := fh.read(1 << 20):
            out += chunk
            if len(out) > MAX_CHAT_TEXT_BYTES or len(out) > packed * MAX_ZIP_RATIO + 65536:
                raise bomb()
    return bytes(out)


def detect_format(data: bytes, name: str) -> str:
    """``telegram``, ``whatsapp``, ``csv`` or ``json`` from the content, then the file name."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = name.lower()
    if data.startswith(b"PK\x03\x04"):
        return "whatsapp"
    text = head.decode("utf-8", errors="replace")
    if whatsapp.looks_like(text):  # before JSON: an iOS export starts with "["
        return "whatsapp"
    if head.startswith((b"{", b"[")):
        probe = data[:200_000]
        if b'"segments"' in probe and b'"messages"' not in probe:
            return "json"
        return "telegram"
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    if lower.endswith(".json"):
        return "telegram"
    if lower.endswith(".txt"):
        return "whatsapp"
    if any(sep in text.splitlines()[0] for sep in ";,\t") if text.strip() else False:
        return "csv"
    raise ChatFormatError(
        QT_TRANSLATE_NOOP(
            "KnownError",
            "Cannot tell the format of {path}: expected a Telegram result.json, a WhatsApp "
            ".txt or .zip, a CSV file or a qcdesk transcript",
        ),
        path=name,
    )


def parse_export(
    data: bytes,
    path: str,
    tz: tzinfo,
    fmt: str = "auto",
    csv_mapping: CsvMapping | None = None,
) -> list[ParsedChat]:
    """Every conversation in one export file.

    Args:
        path: the file's name as the user knows it (for messages and chat titles).
        tz: the client company's time zone, for times the export writes without one.
        fmt: ``auto`` or one of ``FORMATS``.

    Raises:
        ChatFormatError: the file is not of the format, or is broken.
    """
    if fmt == "auto":
        fmt = detect_format(data, path)
    if fmt == "telegram":
        root = telegram.load_json(data, path)
        if isinstance(root, dict) and "segments" in root and "messages" not in root:
            return parse_transcript(root, path, tz)
        return telegram.parse(data, path, tz)
    if fmt == "json":
        return parse_transcript(telegram.load_json(data, path), path, tz)
    if fmt == "whatsapp":
        title = _whatsapp_title(path)
        if data.startswith(b"PK\x03\x04"):
            data, _inner = unzip_whatsapp(data, path)
        return whatsapp.parse(data, path, tz, title)
    if fmt == "csv":
        return csvchat.parse(data, path, tz, csv_mapping)
    raise ValueError(f"unknown chat format {fmt!r}")


def _whatsapp_title(path: str) -> str:
    """ "WhatsApp Chat with Ирина.txt" / "Чат WhatsApp с Ирина.txt" -> "Ирина"."""
    stem = path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    prefixes = ("WhatsApp Chat with ", "WhatsApp Chat - ", "Чат WhatsApp с контактом ",
                "Чат WhatsApp с ", "Чат WhatsApp - ")  # fmt: skip
    for prefix in prefixes:
        if stem.startswith(prefix):
            return stem[len(prefix) :]
    return stem
