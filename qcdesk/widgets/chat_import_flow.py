"""The chat import from the window: dialog, then a job with progress, then the result.

Kept out of the main window (already the busiest file) so that it only starts the flow and
reloads its lists when ``done`` is emitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QStyle, QWidget

from qcdesk import settings as opts
from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.services.chat_import import ChatImportOptions
from qcdesk.services.dto import ImportReport
from qcdesk.widgets.chat_import_dialog import ChatImportDialog
from qcdesk.widgets.import_dialog import ImportResultDialog, reason_text
from qcdesk.widgets.job_progress import JobProgressDialog
from qcdesk.widgets.messages import show_known_error

if TYPE_CHECKING:
    from qcdesk.services.context import Services


class ChatImportResultDialog(ImportResultDialog):
    """The import result in chat words ("chats", not "recordings"), warnings listed too."""

    def __init__(
        self, report: ImportReport, cancelled: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(report, cancelled, parent)
        info = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        for w in report.warnings:
            self.add_row(info, w)
        if report.warnings:
            self.view.setVisible(True)
            self.setMinimumHeight(320)
            self._retranslate()

    def _retranslate(self) -> None:
        super()._retranslate()
        r = self.report
        lines = [self.tr("Import was cancelled.")] if self.cancelled else []
        lines.append(self.tr("Imported %n chat(s).", "", len(r.imported)))
        if r.duplicates:
            lines.append(self.tr("%n file(s) were imported before and were skipped.", "",
                                 len(r.duplicates)))  # fmt: skip
        if r.failed:
            lines.append(self.tr("%n problem(s):", "", len(r.failed)))
        if r.warnings:
            lines.append(self.tr("%n warning(s):", "", len(r.warnings)))
        self.summary_label.setText("\n".join(lines))
        for row, w in enumerate(r.warnings, start=len(r.failed)):
            item = self.failures.item(row, 1)
            if item is not None:
                item.setText(reason_text(w))
        self.setWindowTitle(self.tr("Chat import finished"))


class ChatImportFlow(QObject):
    """Dialog, then the import job with a progress dialog, then the result; emits ``done``."""

    done = Signal(object)  # the ImportReport (partial when cancelled)

    def __init__(
        self, services: Services, settings: opts.Settings, jobs: JobManager, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._parent = parent
        self._settings = settings
        self.dialog: ChatImportDialog | None = None
        self.job: FunctionJob | None = None
        self.progress: JobProgressDialog | None = None
        self.result: ChatImportResultDialog | None = None

    def start(self, paths: Sequence[Path]) -> ChatImportDialog:
        dialog = ChatImportDialog(self._services, self._settings, self._jobs, paths, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self.run(d.paths, d.options()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def run(self, paths: list[Path], options: ChatImportOptions) -> None:
        job = FunctionJob(self._services.chats.import_paths, paths, options)
        self.job = job
        self.progress = JobProgressDialog(job, self.tr("Importing chats"), self._parent)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.cancelled.connect(self._on_job_cancelled)
        job.signals.failed.connect(self._on_job_failed)
        self.progress.open()
        self._jobs.submit(job)

    def _on_job_finished(self, report: ImportReport) -> None:
        self._show(report, cancelled=False)

    def _on_job_cancelled(self) -> None:
        partial = self.job.result if self.job is not None else None
        self._show(partial if isinstance(partial, ImportReport) else ImportReport((), (), ()), True)

    def _on_job_failed(self, err: Any) -> None:
        self.done.emit(ImportReport((), (), ()))
        show_known_error(self._parent, err)

    def _show(self, report: ImportReport, cancelled: bool) -> None:
        self.done.emit(report)
        shown = report.failed or report.duplicates or report.warnings
        if shown or cancelled or not report.imported:
            self.result = ChatImportResultDialog(report, cancelled, self._parent)
            self.result.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.result.open()
