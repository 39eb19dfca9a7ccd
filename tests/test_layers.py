"""Imports go one way: Qt stays out of the core, the database stays out of the GUI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "qcdesk"
QT_FREE = ("domain", "services", "audio", "asr", "reports")
DB_FREE = ("widgets", "qtmodels")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(packages: tuple[str, ...]) -> list[Path]:
    files = [p for pkg in packages for p in sorted((PACKAGE / pkg).rglob("*.py"))]
    assert files, f"no Python files under {packages}"
    return files


def _violations(packages: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in _files(packages):
        for name in sorted(_imports(path)):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                out.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    return out


def test_core_never_imports_qt() -> None:
    assert _violations(QT_FREE, ("PySide6", "shiboken6", "PyQt5", "PyQt6")) == []


def test_gui_never_imports_the_database() -> None:
    assert _violations(DB_FREE, ("sqlalchemy", "alembic", "qcdesk.db")) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import PySide6.QtCore\n", {"PySide6.QtCore"}),
        ("from sqlalchemy.orm import Session\n", {"sqlalchemy.orm"}),
        ("def f():\n    import qcdesk.db.models as m\n", {"qcdesk.db.models"}),
    ],
)
def test_import_scanner_sees_imports(tmp_path, source, expected) -> None:
    """The checks above would pass vacuously if the scanner missed imports: it does not."""
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert _imports(path) == expected
