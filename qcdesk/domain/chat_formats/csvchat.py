"""Generic CSV chats (time, author, text), as CRMs and help desks export them.

The encoding is found, not asked: a UTF-8 BOM, then strict UTF-8, then cp1251 (Excel on a
Russian Windows), and UTF-16 with its BOM ("Unicode text"). The separator comes from
``csv.Sniffer`` over ``;`` ``,`` and tab, with a count on the header line as the fallback
(the sniffer guesses wrong on short files). Which column is which comes from a
``CsvMapping``: the GUI lets the reviewer pick with a preview; the CLI guesses from the header
names and refuses clearly when it cannot. An optional chat column splits one file into
several conversations; a separate time column is joined to a date-only column.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime, tzinfo

from qcdesk.domain.chat_formats import model as m
from qcdesk.domain.chat_formats.dates import (
    DateParts,
    build,
    clean,
    date_parts,
    day_first,
    from_unix,
    localise,
)
from qcdesk.errors import QT_TRANSLATE_NOOP

# Most specific first: a "Дата" column beside a "Время" column is the date, joined to the time.
TIMESTAMP_NAMES = ("timestamp", "datetime", "date time", "date and time", "created at", "sent at",
                   "дата и время", "дата время", "дата сообщения", "date", "дата", "time",
                   "время", "время сообщения")  # fmt: skip
TIME_ONLY_NAMES = ("time", "время", "время сообщения")
AUTHOR_NAMES = ("author", "from", "sender", "user", "name", "автор", "отправитель", "от",
                "кто", "имя", "пользователь")  # fmt: skip
TEXT_NAMES = ("text", "message", "body", "content", "сообщение", "текст", "текст сообщения")
CHAT_NAMES = ("chat", "chat id", "dialog", "dialog id", "conversation", "conversation id",
              "thread", "ticket", "чат", "id чата", "диалог", "id диалога", "номер диалога",
              "обращение")  # fmt: skip
_DT_RE = re.compile(
    r"^(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})(?:[,\sT]+(?P<time>\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\.\d+)?(?:\s?[AaPp]\.?\s?[Mm]\.?)?))?$"
)


@dataclass(frozen=True)
class CsvTable:
    """The decoded rows of a CSV file, before any column is given a meaning."""

    encoding: str
    delimiter: str
    rows: tuple[tuple[str, ...], ...]  # every row, the header (if any) included
    lines: tuple[int, ...] = ()  # the file line each row starts on (rows span lines)

    def line_of(self, index: int) -> int:
        """The file line where row *index* starts (its number in the file, from 1)."""
        return self.lines[index] if index < len(self.lines) else index + 1

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True)
class CsvMapping:
    """Column numbers (0-based) of the time, author and text, and whether row 1 is a header."""

    timestamp: int
    author: int
    text: int
    time: int | None = None  # a separate time column when ``timestamp`` holds dates only
    chat: int | None = None  # one conversation per distinct value
    header: bool = True


def decode(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding name) of CSV bytes."""
    candidates: tuple[str, ...]
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "cp1251")
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise m.ChatFormatError(
        QT_TRANSLATE_NOOP(
            "KnownError", "{path} is neither UTF-8 nor Windows-1251 text; save it as UTF-8 CSV"
        ),
        path=path,
    )


# csv.Sniffer's quote pattern is quadratic in its sample: a 20 kB cell took 2.7 s, a 1 MB one
# (found by the fuzz harness) minutes. The delimiter shows in the first lines' first kilobytes.
SNIFF_LINE_CHARS = 2_000
SNIFF_CHARS = 8_000


def _delimiter(text: str) -> str:
    lines = text[: SNIFF_CHARS * 4].splitlines()[:50]
    sample = "\n".join(line[:SNIFF_LINE_CHARS] for line in lines)[:SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        first = text.splitlines()[0] if text.strip() else ""
        return max(";,\t", key=first.count)


def read_table(data: bytes, path: str) -> CsvTable:
    """Decode and split a CSV file; empty rows are dropped.

    Raises:
        ChatFormatError: undecodable, a line or a cell beyond the bounds, too many rows, or a
            quote that is never closed (named by the line where it opened: left alone, it
            would swallow the rest of the file into one message).
    """
    text, encoding = decode(data, path)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise m.no_messages(path)
    delimiter = _delimiter(text)
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
    try:
        for row in reader:
            if any(len(cell) > m.MAX_LINE_CHARS for cell in row):
                raise m.line_too_long(path, start)
            if any(cell.strip() for cell in row):
                rows.append(tuple(cell.strip() for cell in row))
                lines.append(start)
                m.check_message_count(len(rows), path)
                if reader.line_num > start:
                    at_end = reader.line_num >= last_line
                    _check_quote(rows[-1], start, at_end, text, delimiter, path)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise m.ChatFormatError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not a readable CSV file: {detail}"),
            path=path,
            detail=str(exc),
        ) from exc
    return CsvTable(encoding, delimiter, tuple(rows), tuple(lines))


_ROW_START = re.compile(r"^\s*\"?\s*(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{9,13}\b)")


def _check_quote(
    row: tuple[str, ...], start: int, at_end: bool, text: str, delimiter: str, path: str
) -> None:
    """Refuse a row that spans lines because a quote opened on *start* was never closed.

    A quoted cell may hold line breaks (a multi-line message), so a long row alone proves
    nothing. It does when the row runs to the end of the file with the quote still open, or
    when a line inside one cell looks like a row of its own: it starts with a date and has
    as many separators as a row has.
    """
    unclosed = False
    if at_end and not text.rstrip().endswith('"'):
        try:
            tail = "\n".join(text.splitlines()[start - 1 :])
            for _ in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
                pass
        except csv.Error as exc:
            unclosed = "unexpected end of data" in str(exc)
    if not unclosed:
        width = len(row)
        for cell in row:
            inner = cell.splitlines()[1:]
            if any(_ROW_START.match(x) and x.count(delimiter) >= width - 1 for x in inner):
                unclosed = True
                break
    if unclosed:
        raise m.ChatFormatError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                'Line {line} of {path} opens a quote (") that is not closed where the message '
                "ends; the lines after it would be read as one message",
            ),
            path=path,
            line=start,
        )


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-/.:]+", " ", clean(name).lower()).strip()


def _find(header: list[str], names: tuple[str, ...], taken: set[int]) -> int | None:
    for exact in (True, False):
        for name in names:
            for i, h in enumerate(header):
                if i in taken:
                    continue
                if (h == name) if exact else (name in h.split() or h.startswith(name + " ")):
                    return i
    return None


def guess_mapping(table: CsvTable) -> CsvMapping | None:
    """Columns by header names (English or Russian); None when the header does not say."""
    if not table.rows:
        return None
    header = [_norm(h) for h in table.rows[0]]
    taken: set[int] = set()
    text = _find(header, TEXT_NAMES, taken)
    if text is not None:
        taken.add(text)
    author = _find(header, AUTHOR_NAMES, taken)
    if author is not None:
        taken.add(author)
    chat = _find(header, CHAT_NAMES, taken)
    if chat is not None:
        taken.add(chat)
    stamp = _find(header, TIMESTAMP_NAMES, taken)
    if text is None or author is None or stamp is None:
        return None
    taken.add(stamp)
    time_col = None
    if header[stamp] not in TIME_ONLY_NAMES:
        time_col = _find(header, TIME_ONLY_NAMES, taken)
    if time_col is not None and len(table.rows) > 1 and _DT_RE.match(_cell(table.rows[1], stamp)):
        match = _DT_RE.match(_cell(table.rows[1], stamp))
        if match is not None and match.group("time"):
            time_col = None  # the date column already holds the time
    return CsvMapping(stamp, author, text, time=time_col, chat=chat, header=True)


def _cell(row: tuple[str, ...], i: int | None) -> str:
    return row[i] if i is not None and i < len(row) else ""


def _parse_stamps(values: list[tuple[int, str]], path: str, tz: tzinfo) -> list[datetime]:
    """Every timestamp of the column, the day/month order decided over all of them."""
    parsed: list[datetime | tuple[DateParts, str] | None] = []
    numeric: list[DateParts] = []
    for _, raw in values:
        v = clean(raw).strip()
        result: datetime | tuple[DateParts, str] | None = None
        if re.fullmatch(r"\d{9,13}(\.\d+)?", v):
            seconds = float(v)
            result = from_unix(seconds / 1000 if seconds > 1e11 else seconds, tz)
        elif (match := _DT_RE.match(v)) is not None and (d := date_parts(match.group("date"))):
            time_text = re.sub(r"(:\d{2})\.\d+", r"\1", match.group("time") or "00:00")
            ampm = bool(re.search(r"[AaPp]\.?\s?[Mm]\.?$", time_text))
            d = DateParts(d.a, d.sep, d.b, d.c, ampm)
            if d.sep != "-" or not d.year_first:
                numeric.append(d)
                result = (d, time_text)
        if result is None:
            try:
                result = localise(datetime.fromisoformat(v.replace("Z", "+00:00")), tz)
            except ValueError:
                result = None
        parsed.append(result)
    dmy = day_first(numeric)
    out: list[datetime] = []
    for (line, raw), result in zip(values, parsed, strict=True):
        try:
            if result is None:
                raise ValueError(raw)
            out.append(result if isinstance(result, datetime) else build(*result, dmy, tz))
        except ValueError as exc:
            raise m.ChatFormatError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "Line {line} of {path}: cannot read the time {value}"
                ),
                path=path,
                line=line,
                value=raw or '""',
            ) from exc
    return out


def parse(
    data: bytes, path: str, tz: tzinfo, mapping: CsvMapping | None = None
) -> list[m.ParsedChat]:
    """The conversations of a CSV export.

    Raises:
        ChatFormatError: undecodable bytes, no rows, columns that cannot be guessed (when no
            *mapping* is given), or a time that cannot be read.
    """
    table = read_table(data, path)
    if mapping is None:
        mapping = guess_mapping(table)
        if mapping is None:
            columns = ", ".join(table.rows[0]) if table.rows else ""
            raise m.ChatFormatError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "Cannot tell which columns of {path} hold the time, the author and the text "
                    "(columns: {columns}); name them timestamp, author and text",
                ),
                path=path,
                columns=columns,
            )
    first = 1 if mapping.header else 0
    rows = [(table.line_of(i), r) for i, r in enumerate(table.rows) if i >= first]
    stamps_raw = []
    for line, r in rows:
        stamp = _cell(r, mapping.timestamp)
        if mapping.time is not None:
            stamp = f"{stamp} {_cell(r, mapping.time)}".strip()
        stamps_raw.append((line, stamp))
    stamps = _parse_stamps(stamps_raw, path, tz)
    chats: dict[str, list[m.ChatMessage]] = {}
    for (_, r), at in zip(rows, stamps, strict=True):
        author = _cell(r, mapping.author)
        text = _cell(r, mapping.text).replace("\r\n", "\n")
        if not author and not text:
            continue
        key = _cell(r, mapping.chat)
        chats.setdefault(key, []).append(m.ChatMessage(at, author or "?", text))
    result = [
        m.ParsedChat("csv", key, key, m.sort_messages(msgs)) for key, msgs in chats.items() if msgs
    ]
    if not result:
        raise m.no_messages(path)
    return result
