"""Every spreadsheet writer goes through the one cell helper (issue 12 §1).

Formula injection is fixed once, in ``qcdesk/reports/cells.py``; a new XLSX or CSV writer that
bypassed it would bring the hole back. This parses the package: a module that imports openpyxl
or writes CSV (``csv.writer``/``csv.DictWriter``) must also import the helper module; one
that imports only ``load_workbook`` (the call-log import reads XLSX exports) writes nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "qcdesk"
HELPER = "qcdesk.reports.cells"


def _writers(package: Path = PACKAGE) -> dict[Path, set[str]]:
    """Modules that write spreadsheets, with the modules each imports."""
    found: dict[Path, set[str]] = {}
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        imports: set[str] = set()
        writes = False
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                imports.add(node.module)
                # A module that only reads workbooks (load_workbook) writes no cells.
                readers = all(a.name == "load_workbook" for a in node.names)
                writes |= node.module.split(".")[0] == "openpyxl" and not readers
            elif isinstance(node, ast.Import):
                imports.update(a.name for a in node.names)
                writes |= any(a.name.split(".")[0] == "openpyxl" for a in node.names)
            elif isinstance(node, ast.Attribute) and node.attr in ("writer", "DictWriter"):
                writes |= isinstance(node.value, ast.Name) and node.value.id == "csv"
        if writes:
            found[path] = imports
    return found


def test_every_xlsx_and_csv_writer_uses_the_cell_helper() -> None:
    writers = _writers()
    assert PACKAGE / "reports" / "xlsx.py" in writers  # the scan finds the known writers
    assert PACKAGE / "reports" / "checklist_xlsx.py" in writers
    bypass = [
        str(p.relative_to(PACKAGE))
        for p, imports in writers.items()
        if HELPER not in imports and p != PACKAGE / "reports" / "cells.py"
    ]
    assert bypass == [], f"write cells through {HELPER}: {bypass}"


def test_the_scan_sees_a_writer_that_bypasses_the_helper(tmp_path: Path) -> None:
    planted = tmp_path / "export.py"
    planted.write_text("import csv\n\ndef dump(f, rows):\n    csv.writer(f).writerows(rows)\n")
    (tmp_path / "reader.py").write_text("import csv\n\nrows = csv.reader(open('x'))\n")
    assert _writers(tmp_path) == {planted: {"csv"}}
