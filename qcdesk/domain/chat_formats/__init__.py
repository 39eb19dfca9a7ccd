"""Chat export parsers: Telegram JSON, WhatsApp text, generic CSV and the transcript JSON.

``parse_export`` picks the parser (``auto`` looks at the content, then the name) and returns
every conversation the file holds. Parsers are pure: bytes and a time zone in, messages with
aware times out, a ``ChatFormatError`` naming the file for anything broken.
"""

from __future__ import annotations

import io
import zipfile
from datetime import tzinfo

from qcdesk.domain.chat_formats import csvchat, telegram, whatsapp
from qcdesk.domain.chat_formats.csvchat import CsvMapping, CsvTable, guess_mapping, read_table
from qcdesk.domain.chat_formats.model import (
    FORMATS,
    ChatFormatError,
    ChatMessage,
    ParsedChat,
)
from qcdesk.domain.chat_formats.transcript import parse_transcript
from qcdesk.errors import QT_TRANSLATE_NOOP

__all__ = [
    "FORMATS",
    "ChatFormatError",
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


def unzip_whatsapp(data: bytes, path: str) -> tuple[bytes, str]:
    """The chat text inside a WhatsApp ``.zip`` export (``_chat.txt`` or ``WhatsApp Chat…``)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = [n for n in z.namelist() if n.lower().endswith(".txt")]
            names.sort(key=lambda n: (not n.endswith("_chat.txt"), len(n)))
            if not names:
                raise ChatFormatError(
                    QT_TRANSLATE_NOOP("KnownError", "{path} holds no WhatsApp chat (.txt)"),
                    path=path,
                )
            return z.read(names[0]), names[0]
    except (zipfile.BadZipFile, OSError) as exc:
        raise ChatFormatError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not a readable ZIP file"), path=path
        ) from exc


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
    for prefix in ("WhatsApp Chat with ", "WhatsApp Chat - ", "Чат WhatsApp с ", "Чат WhatsApp - "):
        if stem.startswith(prefix):
            return stem[len(prefix) :]
    return stem
