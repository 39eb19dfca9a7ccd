"""Imports go one way: Qt stays out of the core, the database stays out of the GUI.

The packages stand in ranks (house style, "one direction of imports"): a module may import
its own rank or a lower one, never a higher one, and no two modules may import each other
round a cycle. Every import counts, also one inside a function or under ``TYPE_CHECKING``:
a lazy import hides a cycle, it does not remove it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "qcdesk"
QT_FREE = ("domain", "services", "audio", "asr", "reports")
DB_FREE = ("widgets", "qtmodels")

# Lowest first. `errors` is the leaf every layer raises from; `db` sits under the services
# that open sessions; `reports` holds report values and renderers the services fill.
RANKS: tuple[tuple[str, ...], ...] = (
    ("errors", "userfiles", "domain"),
    ("audio", "asr", "db", "reports"),
    ("services",),
    ("jobs", "settings", "actions", "playback", "qtmodels"),
    ("widgets",),
    ("app", "cli", "tools", "__main__"),
)


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _graph(root: Path) -> dict[str, set[str]]:
    """Module -> the package modules it imports (``from pkg import module`` counts as module)."""
    files = {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        targets: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    targets.add(sub if sub in files else node.module)
        graph[name] = {t for t in targets if t in files and t != name}
    return graph


def _rank(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None  # the package's own __init__
    top = "cli" if parts[1].startswith("cli_") else parts[1]  # cli_<area>.py: the CLI's parts
    for i, names in enumerate(RANKS):
        if top in names:
            return i
    raise AssertionError(f"{module}: its package has no rank in RANKS")


def _upward(graph: dict[str, set[str]]) -> list[str]:
    out = []
    for module, targets in sorted(graph.items()):
        mine = _rank(module)
        for target in sorted(targets):
            theirs = _rank(target)
            if mine is not None and theirs is not None and theirs > mine:
                out.append(f"{module} imports {target} (rank {theirs} > {mine})")
    return out


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


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


def test_reports_are_pure() -> None:
    """Report values in, figures and files out: the queries that fill them are services'."""
    assert (
        _violations(("reports",), ("sqlalchemy", "alembic", "qcdesk.db", "qcdesk.services")) == []
    )


def test_every_package_has_a_rank() -> None:
    for module in _graph(PACKAGE):
        _rank(module)


def test_no_import_runs_upward() -> None:
    assert _upward(_graph(PACKAGE)) == []


def test_no_import_cycle() -> None:
    assert _cycles(_graph(PACKAGE)) == []


def _write(root: Path, files: Iterable[tuple[str, str]]) -> Path:
    for rel, text in files:
        path = root / "qcdesk" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "qcdesk"


def test_a_planted_upward_import_is_caught(tmp_path: Path) -> None:
    """A lazy import of a service from the domain fails the rank check."""
    root = _write(
        tmp_path,
        [
            ("__init__.py", ""),
            ("domain/__init__.py", ""),
            ("domain/scoring.py", "def f():\n    from qcdesk.services import evaluations\n"),
            ("services/__init__.py", ""),
            ("services/evaluations.py", "from qcdesk.domain.scoring import f\n"),
        ],
    )
    graph = _graph(root)
    assert _upward(graph) == [
        "qcdesk.domain.scoring imports qcdesk.services.evaluations (rank 2 > 0)"
    ]
    assert _cycles(graph) == [["qcdesk.domain.scoring", "qcdesk.services.evaluations"]]


def test_a_planted_cycle_within_a_package_is_caught(tmp_path: Path) -> None:
    """Two report modules that import each other, one under TYPE_CHECKING, form a cycle."""
    root = _write(
        tmp_path,
        [
            ("__init__.py", ""),
            ("reports/__init__.py", ""),
            ("reports/a.py", "from qcdesk.reports import b\n"),
            (
                "reports/b.py",
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from qcdesk.reports.a import X\n",
            ),
            ("reports/c.py", "from qcdesk.reports import a\n"),
        ],
    )
    graph = _graph(root)
    assert _upward(graph) == []
    assert _cycles(graph) == [["qcdesk.reports.a", "qcdesk.reports.b"]]


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


def test_the_gui_seam_carries_no_session_factory() -> None:
    """Widgets get the typed `Services`, which holds no session factory, and never ask for one."""
    import dataclasses

    from qcdesk.services.context import ServiceLayer, Services

    assert "session_factory" not in {f.name for f in dataclasses.fields(Services)}
    assert "session_factory" in {f.name for f in dataclasses.fields(ServiceLayer)}
    offenders = [
        str(path.relative_to(PACKAGE))
        for package in DB_FREE
        for path in (PACKAGE / package).rglob("*.py")
        if "session_factory" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
