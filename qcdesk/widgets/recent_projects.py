"""File → New project, Open project and Recent projects: the dialogs and the menu.

The main window uses these to ask which project to open and emits `project_requested`;
`ProjectController` (widgets/project.py) does the switch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from qcdesk import settings as opts
from qcdesk.services.projects import new_project_db


def same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == Path(b).resolve()
    except OSError:
        return False


def choose_new_project(parent: QWidget, settings: opts.Settings) -> Path | None:
    """Ask for a folder for a new project; the database to open there, or None."""
    title = QCoreApplication.translate("Project", "New project: choose an empty folder")
    folder = QFileDialog.getExistingDirectory(parent, title, _start_dir(settings))
    if not folder:
        return None
    db = new_project_db(Path(folder))
    if db.exists():
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Project", "New project"),
            QCoreApplication.translate("Project", "%1 already holds a project. Open it?").replace(
                "%1", folder
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return db


def choose_project(parent: QWidget, settings: opts.Settings) -> Path | None:
    """Ask for a project database to open; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Project", "Open project"),
        _start_dir(settings),
        QCoreApplication.translate(
            "Project", "qcdesk projects (*.db *.sqlite *.sqlite3);;All files (*)"
        ),
    )
    return Path(path) if path else None


def _start_dir(settings: opts.Settings) -> str:
    recent = settings.get(opts.RECENT_PROJECTS)
    return str(Path(recent[0]).parent.parent) if recent else ""


def fill_recent_menu(menu: QMenu, settings: opts.Settings, current: Path, open_path: Any) -> None:
    """Rebuild File → Recent projects: one entry per project, missing ones greyed out.

    Args:
        open_path: called with the database Path of the entry chosen.
    """
    menu.clear()
    recent = settings.get(opts.RECENT_PROJECTS)
    for number, path in enumerate(recent, start=1):
        exists = Path(path).is_file()
        label = f"&{number} {_project_name(Path(path))}" if number < 10 else path
        action = menu.addAction(label)
        action.setData(path)
        action.setToolTip(path)
        action.setStatusTip(path)
        if same_path(Path(path), current):
            action.setCheckable(True)
            action.setChecked(True)
        if not exists:
            action.setEnabled(False)
            action.setText(label + " " + QCoreApplication.translate("Project", "(not found)"))
        action.triggered.connect(lambda _=False, p=path: open_path(Path(p)))
    if not recent:
        empty = menu.addAction(QCoreApplication.translate("Project", "No recent projects"))
        empty.setEnabled(False)
    menu.addSeparator()
    missing = [p for p in recent if not Path(p).is_file()]
    remove = menu.addAction(QCoreApplication.translate("Project", "Remove missing projects"))
    remove.setEnabled(bool(missing))
    remove.triggered.connect(lambda: [opts.forget_project(settings, p) for p in missing])
    clear = menu.addAction(QCoreApplication.translate("Project", "Clear the list"))
    clear.setEnabled(bool(recent))
    clear.triggered.connect(
        lambda: settings.set(opts.RECENT_PROJECTS, (str(Path(current).resolve()),))
    )


def _project_name(db: Path) -> str:
    """How a project is named in the menu: its folder, and the file when not the usual one."""
    name = db.parent.name or str(db.parent)
    return name if db.name == "qcdesk.db" else f"{name}/{db.name}"
