"""A provider's export as rows of cells, CSV or XLSX, within bounds, before any meaning.

XLSX is a zip: its unpacked size is checked against the packed size first (a zip bomb is
refused before openpyxl unpacks it), and rows are read in openpyxl's streaming mode.
"""

from __future__ import annotations

import io
import zipfile
from datetime import tzinfo
from typing import Any

from qcdesk.domain.calllog.mapped import ColumnMapping, delimiter_of, parse_rows
from qcdesk.domain.calllog.model import MAX_ROWS, CallLogError, ParsedLog, read_rows
from qcdesk.errors import QT_TRANSLATE_NOOP

MAX_UNPACKED = 512 * 1024 * 1024
MAX_RATIO = 100
PREVIEW_ROWS = 20

Rows = list[tuple[int, list[Any]]]


def _xlsx_rows(data: bytes, path: str, limit: int) -> Rows:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
        if unpacked > MAX_UNPACKED or unpacked > MAX_RATIO * max(1, len(data)):
            raise CallLogError(
                QT_TRANSLATE_NOOP("KnownError", "{path} unpacks to more than it can hold"),
                path=path,
            )
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise CallLogError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not a readable XLSX workbook: {detail}"),
            path=path,
            detail=str(exc),
        ) from exc
    try:
        sheet = wb.worksheets[0]
        rows: Rows = []
        for n, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if any(c is not None and str(c).strip() for c in row):
                rows.append((n, list(row)))
                if len(rows) >= limit:
                    break
        return rows
    finally:
        wb.close()


def is_xlsx(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def table_rows(data: bytes, path: str, delimiter: str = "", limit: int = MAX_ROWS + 1) -> Rows:
    """Every non-empty row (file line, cells) of a CSV or XLSX export."""
    if is_xlsx(data):
        rows = _xlsx_rows(data, path, limit)
    else:
        head = data[:4096].decode("utf-8", "replace").lstrip("\ufeff").splitlines()
        sep = delimiter or delimiter_of(head[0] if head else "")
        rows = [(n, list(cells)) for n, cells in read_rows(data, path, sep)][:limit]
    if len(rows) > MAX_ROWS:
        raise CallLogError(
            QT_TRANSLATE_NOOP("KnownError", "{path} holds more than {limit} rows; split the log"),
            path=path,
            limit=MAX_ROWS,
        )
    return rows


def preview(data: bytes, path: str, delimiter: str = "") -> Rows:
    """The first rows, for the mapping dialog."""
    return table_rows(data, path, delimiter, limit=PREVIEW_ROWS)


def parse(data: bytes, path: str, mapping: ColumnMapping, tz: tzinfo) -> ParsedLog:
    """The calls of a provider export read through *mapping*."""
    return parse_rows(table_rows(data, path, mapping.delimiter), mapping, path, tz)
