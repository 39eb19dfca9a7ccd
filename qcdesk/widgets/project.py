"""The open project and File → New project / Open project / Recent projects.

A project is a database with its library beside it. Switching opens the other project first
(so a file that is not a qcdesk database leaves the current one untouched), then stops the
current project's jobs, saves and closes its window, disposes its database connections, and
builds a fresh main window on the new services: no widget ever holds data of two projects.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from qcdesk import settings as opts
from qcdesk.errors import KnownError
from qcdesk.jobs import JobManager
from qcdesk.services.projects import close_project, new_project_db, open_project

log = logging.getLogger(__name__)


class ProjectController(QObject):
    """Owns the services and the main window of the open project; swaps both on a switch."""

    switched = Signal(object)  # the new MainWindow

    def __init__(
        self,
        settings: opts.Settings,
        jobs: JobManager,
        log_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.jobs = jobs
        self.log_dir = log_dir
        self.services: Any = None
        self.window: Any = None

    def start(self, services: Any) -> Any:
        """Show the main window on already opened *services* (start-up)."""
        self.services = services
        self.window = self._build_window(services)
        opts.remember_project(self.settings, services.db_path)
        self.window.show()
        return self.window

    def switch(self, db_path: Path) -> bool:
        """Open the project whose database is *db_path*; False (and a message) if it fails."""
        db_path = Path(db_path).expanduser()
        if self.services is not None and _same(db_path, self.services.db_path):
            return True
        parent = self.window if isinstance(self.window, QWidget) else None
        try:
            services = open_project(db_path, reviewer=self.settings.get(opts.REVIEWER))
        except KnownError as err:
            from qcdesk.widgets.messages import show_known_error

            log.warning("cannot open project %s: %s", db_path, err)
            show_known_error(parent, err)
            return False
        old_window, old_services = self.window, self.services
        if old_window is not None:
            old_window.close_project()
        self.jobs.shutdown()  # the old project's transcriptions stop, as on quit
        window = self._build_window(services)
        window.show()  # before the old one closes: the last window closing would quit
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_services is not None:
            close_project(old_services)
        self.services, self.window = services, window
        opts.remember_project(self.settings, services.db_path)
        log.info("switched to project %s", services.db_path)
        self.switched.emit(window)
        return True

    def _build_window(self, services: Any) -> Any:
        from qcdesk.widgets.main_window import MainWindow

        window = MainWindow(services, self.settings, self.jobs, log_dir=self.log_dir)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        window.project_requested.connect(self.switch)
        return window


def _same(a: Path, b: Path) -> bool:
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
        if _same(Path(path), current):
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
