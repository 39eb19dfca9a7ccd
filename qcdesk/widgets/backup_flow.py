"""Backups from the window: *File → Back up project…* and the daily automatic backup.

Both run the Qt-free services/backup.py in a job, so the window keeps responding while a
large library is copied; kept out of the main window, which only starts them.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from qcdesk import settings as opts
from qcdesk.errors import KnownError
from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.services.backup import BackupResult, backup_project, run_auto_backup
from qcdesk.widgets.job_progress import JobProgressDialog
from qcdesk.widgets.messages import known_error_text, show_known_error

if TYPE_CHECKING:
    from qcdesk.services.context import Services

log = logging.getLogger(__name__)


class BackupFlow(QObject):
    """Ask where, back up in a job with a progress dialog, then say what was written."""

    done = Signal(object)  # the BackupResult, or None when cancelled

    def __init__(self, services: Services, jobs: JobManager, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._parent = parent
        self.job: FunctionJob | None = None
        self.progress: JobProgressDialog | None = None
        self.message: QMessageBox | None = None

    def choose(self) -> None:
        """The save dialog (it asks before replacing a file), then `run`."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"qcdesk-backup-{date.today():%Y-%m-%d}.zip"
        path, _filter = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Back up project"),
            str(Path(folder or Path.home()) / name),
            self.tr("Backups (*.zip)"),
        )
        if path:
            self.run(Path(path))

    def run(self, out: Path) -> FunctionJob:
        s = self._services
        # force: the save dialog has already asked whether to replace an existing file.
        job = FunctionJob(backup_project, s.db_path, s.library_dir, out, force=True)
        self.job = job
        self.progress = JobProgressDialog(job, self.tr("Backing up the project"), self._parent)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.cancelled.connect(self._on_job_cancelled)
        job.signals.failed.connect(self._on_job_failed)
        self.progress.open()
        self._jobs.submit(job)
        return job

    def _on_job_finished(self, result: BackupResult) -> None:
        lines = [
            self.tr("The project was backed up to %1.").replace("%1", str(result.path)),
            self.tr("%n library file(s) included.", "", result.files),
        ]
        if result.missing:
            lines.append(
                self.tr(
                    "%n file(s) the database lists are missing from the library:",
                    "",
                    len(result.missing),
                )
            )
            lines.extend(result.missing[:20])
        if result.damaged:
            lines.append(
                self.tr(
                    "%n library file(s) do not match their hash (damaged):", "", len(result.damaged)
                )
            )
            lines.extend(result.damaged[:20])
        box = QMessageBox(self._parent)
        problem = bool(result.missing or result.damaged)
        box.setIcon(QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Backup finished"))
        box.setText("\n".join(lines))
        box.open()
        self.message = box
        self.done.emit(result)

    def _on_job_cancelled(self) -> None:
        self.done.emit(None)

    def _on_job_failed(self, err: KnownError) -> None:
        self.message = show_known_error(self._parent, err, self.tr("Backup failed"))
        self.done.emit(None)


class AutoBackup(QObject):
    """Today's automatic backup in a job at start-up; the outcome goes to the status bar."""

    def __init__(
        self, services: Services, settings: opts.Settings, jobs: JobManager, window: QMainWindow
    ) -> None:
        super().__init__(window)
        self._services = services
        self._settings = settings
        self._jobs = jobs
        self._window = window
        self.job: FunctionJob | None = None

    def start(self) -> FunctionJob | None:
        """Submit the backup job when the setting is on; None when it is off."""
        if not self._settings.get(opts.AUTO_BACKUP):
            return None
        s = self._services
        keep = max(1, self._settings.get(opts.AUTO_BACKUP_KEEP))
        job = FunctionJob(run_auto_backup, s.db_path, s.library_dir, keep=keep)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        self.job = job
        self._jobs.submit(job)
        return job

    def _on_job_finished(self, result: BackupResult | None) -> None:
        if result is not None:
            text = self.tr("Automatic backup saved: %1").replace("%1", result.path.name)
            self._window.statusBar().showMessage(text, 8000)

    def _on_job_failed(self, err: KnownError) -> None:
        log.warning("automatic backup failed: %s", err)
        text = self.tr("Automatic backup failed: %1").replace("%1", known_error_text(err))
        self._window.statusBar().showMessage(text, 30000)


def backup_at_close(services: Services, settings: opts.Settings) -> None:
    """After the window has closed: the day's backup if start-up did not make it.

    The start-up job is cancelled when the window closes early (and a session may span
    midnight); the event loop has ended by now, so nothing waits on this thread.
    """
    if not settings.get(opts.AUTO_BACKUP):
        return
    try:
        run_auto_backup(
            services.db_path, services.library_dir, keep=max(1, settings.get(opts.AUTO_BACKUP_KEEP))
        )
    except KnownError as err:
        log.warning("automatic backup at close failed: %s", err)
