"""Writing a table as shown (headers and display texts) to XLSX or CSV, every cell as text.

The interactions list is exported with the rows, columns and wording on screen, so a cell is a
string, never a formula: a customer name typed as ``=HYPERLINK(...)`` in a chat export must not
run in the head of sales' spreadsheet. Cells go through the shared helper (reports/cells.py):
string-typed XLSX cells, and the apostrophe for CSV text a spreadsheet would read as a formula,
except plain numbers and phone numbers such as ``+7 916 123-45-67``, which no spreadsheet runs
and which the list shows on every row.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path

from qcdesk.errors import QT_TRANSLATE_NOOP, os_errors
from qcdesk.reports.cells import append_row, csv_cell

_NUMBER_OR_PHONE = re.compile(r"^[+-]?[\d\s().,\-]+$")


def safe_csv_cell(text: str) -> str:
    """*text*, with an apostrophe in front when a spreadsheet would take it for a formula."""
    if _NUMBER_OR_PHONE.match(text):
        return text
    return str(csv_cell(text))


def write_table(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]], title: str = ""
) -> Path:
    """Write *rows* under *headers* to *path*: XLSX for ``.xlsx``, else CSV (UTF-8 with BOM).

    Raises:
        StorageError: the file cannot be written (permissions, full disk, open in Excel).
    """
    path = Path(path)
    template = QT_TRANSLATE_NOOP("KnownError", "Cannot write {path}: {detail}")
    with os_errors(template, path):
        if path.suffix.lower() == ".xlsx":
            _write_xlsx(path, headers, rows, title)
        else:
            _write_csv(path, headers, rows)
    return path


def _write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    # The BOM makes Excel read UTF-8 (Cyrillic) correctly; ";" is what it expects in ru/de
    # locales, and LibreOffice asks anyway.
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow([safe_csv_cell(h) for h in headers])
        for row in rows:
            writer.writerow([safe_csv_cell(c) for c in row])


def _write_xlsx(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]], title: str
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = (title or "qcdesk")[:31]
    for values in [headers, *rows]:
        append_row(ws, list(values))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for c, header in enumerate(headers, start=1):
        width = max([len(header), *(len(row[c - 1]) for row in rows[:500] if c <= len(row))])
        ws.column_dimensions[get_column_letter(c)].width = min(60, max(8, width + 2))
    ws.freeze_panes = "A2"
    if headers:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    wb.save(path)
