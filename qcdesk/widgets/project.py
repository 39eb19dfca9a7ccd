"""The open project and File → New project / Open project / Recent projects.

A project is a database with its library beside it. Switching opens the other project first
(so a file that is not a qcdesk database leaves the current one untouched), then stops the
current project's jobs, saves and closes its window, disposes its database connections, and
builds a fresh main window on the new services: no widget ever holds data of two projects.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from qcdesk import settings as opts
from qcdesk.errors import KnownError
from qcdesk.jobs import JobManager
from qcdesk.services.context import LibraryMissingError, ServiceLayer
from qcdesk.services.projects import close_project, open_project
from qcdesk.widgets.messages import known_error_text, show_known_error
from qcdesk.widgets.recent_projects import same_path

if TYPE_CHECKING:
    from qcdesk.services.context import Services

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
        self.services: Services | None = None
        self.window: Any = None
        self.name_dialog: QInputDialog | None = None

    def start(self, services: Services) -> Any:
        """Show the main window on already opened *services* (start-up)."""
        self.services = services
        self.window = self._build_window(services)
        opts.remember_project(self.settings, services.db_path)
        self.window.show()
        self.ask_reviewer_name()
        return self.window

    def ask_reviewer_name(self) -> QInputDialog | None:
        """On the first run, ask who reviews: the name goes on every evaluation and report.

        Asked once (answered or dismissed); Settings keeps it editable afterwards.
        """
        if self.settings.get(opts.REVIEWER).strip() or self.settings.get(opts.REVIEWER_ASKED):
            return None
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(QCoreApplication.translate("Project", "Welcome to qcdesk"))
        dialog.setLabelText(
            QCoreApplication.translate(
                "Project",
                "Your name as a reviewer. It goes on your evaluations and reports; "
                "you can change it later in Settings.",
            )
        )
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self._on_name_dialog_text_value_selected)
        dialog.finished.connect(self._on_name_dialog_finished)
        dialog.open()
        self.name_dialog = dialog
        return dialog

    def _on_name_dialog_text_value_selected(self, name: str) -> None:
        if name.strip():
            self.settings.set(opts.REVIEWER, name.strip())

    def _on_name_dialog_finished(self, _result: int) -> None:
        self.settings.set(opts.REVIEWER_ASKED, True)
        self.name_dialog = None

    def switch(self, db_path: Path) -> bool:
        """Open the project whose database is *db_path*; False (and a message) if it fails."""
        db_path = Path(db_path).expanduser()
        if self.services is not None and same_path(db_path, self.services.db_path):
            return True
        parent = self.window if isinstance(self.window, QWidget) else None
        try:
            services = open_asking_for_library(
                db_path, None, self.settings.get(opts.REVIEWER), parent
            )
        except KnownError as err:
            log.warning("cannot open project %s: %s", db_path, err)
            show_known_error(parent, err)
            return False
        if services is None:  # the library was not found and the user gave up looking
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

    def _build_window(self, services: Services) -> Any:
        from qcdesk.widgets.main_window import MainWindow

        window = MainWindow(services, self.settings, self.jobs, log_dir=self.log_dir)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        window.project_requested.connect(self.switch)
        return window


def open_asking_for_library(
    db_path: Path, library: Path | None, reviewer: str, parent: QWidget | None
) -> ServiceLayer | None:
    """Open a project, asking where its media library went while the database cannot find it.

    None: the user closed the question instead of choosing a folder.

    Raises:
        KnownError: the file is not a qcdesk database, or cannot be created or read.
    """
    while True:
        try:
            return open_project(db_path, library, reviewer=reviewer)
        except LibraryMissingError as err:
            log.warning("media library missing: %s", err)
            library = ask_library_folder(parent, known_error_text(err), str(err.params["path"]))
            if library is None:
                return None


def ask_library_folder(parent: QWidget | None, text: str, missing: str) -> Path | None:
    """One question for a library that is not where the database says: choose it, or close."""
    box = QMessageBox(QMessageBox.Icon.Warning, "qcdesk", text, parent=parent)
    box.setWindowTitle(QCoreApplication.translate("App", "Media library not found"))
    choose = box.addButton(
        QCoreApplication.translate("App", "Choose folder…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(choose)
    box.exec()
    if box.clickedButton() is not choose:
        return None
    start = next((str(p) for p in Path(missing).parents if p.is_dir()), "")
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("App", "Where is the media library?"), start
    )
    return Path(folder) if folder else None
