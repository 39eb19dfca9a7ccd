"""File → Import call log…: pick the logs and the company, import in a job, show the result.

The result lists every row that was not imported (file, line, column) and says how many
calls were linked to recordings and how many answered calls and recordings stayed unlinked,
so nothing is dropped without the user seeing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from qcdesk import settings as opts
from qcdesk.errors import KnownError
from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.services.calllog import CallLogReport, Parser, preview_log
from qcdesk.services.dto import ImportReport
from qcdesk.widgets.calllog_mapping_dialog import CallLogMappingDialog
from qcdesk.widgets.import_dialog import ImportResultDialog
from qcdesk.widgets.job_progress import JobProgressDialog
from qcdesk.widgets.messages import show_known_error

if TYPE_CHECKING:
    from qcdesk.services.context import Services


class CallLogResultDialog(ImportResultDialog):
    """Counts in call words, then each row or file that was not imported with its reason."""

    def __init__(
        self, report: CallLogReport, cancelled: bool = False, parent: QWidget | None = None
    ) -> None:
        self.calls = report
        super().__init__(ImportReport((), (), report.failed), cancelled, parent)

    def _retranslate(self) -> None:
        super()._retranslate()
        r = self.calls
        lines = [self.tr("Import was cancelled.")] if self.cancelled else []
        lines.append(self.tr("Imported %n call(s).", "", r.calls))
        if r.duplicates:
            lines.append(self.tr("Skipped %n call(s) imported before.", "",
                                 r.duplicates))  # fmt: skip
        lines.append(self.tr("Linked %n call(s) to their recordings.", "", r.matched_recordings))
        calls = sum(1 for u in r.unmatched if u.kind == "call")
        recordings = len(r.unmatched) - calls
        if calls:
            lines.append(self.tr("Answered call(s) without a recording: %n.", "", calls))
        if recordings:
            lines.append(self.tr("Recording(s) that match no call of the log: %n.", "", recordings))
        if r.failed:
            lines.append(self.tr("Not imported: %n row(s) or file(s).", "", len(r.failed)))
        self.summary_label.setText("\n".join(lines))
        self.setWindowTitle(self.tr("Call log import finished"))


class CallLogImportFlow(QObject):
    """Files, company, then the import job with progress, then the result; emits ``done``."""

    done = Signal(object)  # the CallLogReport

    def __init__(
        self, services: Services, settings: opts.Settings, jobs: JobManager, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self._jobs = jobs
        self._parent = parent
        self.job: FunctionJob | None = None
        self.mapping_dialog: CallLogMappingDialog | None = None
        self.progress: JobProgressDialog | None = None
        self.result: CallLogResultDialog | None = None

    def choose(self, client: str | None = None) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Import call log"),
            self._settings.get(opts.LAST_IMPORT_DIR),
            self.tr("Call logs (*.csv *.txt);;All files (*)"),
        )
        if not files:
            return
        self._settings.set(opts.LAST_IMPORT_DIR, str(Path(files[0]).parent))
        self.ask_client([Path(f) for f in files], client)

    def ask_client(self, paths: Sequence[Path], client: str | None = None) -> None:
        """Ask whose log *paths* are (files chosen or dropped), then start the import."""
        names = [c.name for c in self._services.catalog.list_clients()]
        current = names.index(client) if client in names else 0
        name, ok = QInputDialog.getItem(
            self._parent,
            self.tr("Import call log"),
            self.tr("Whose call log is it (client company)?"),
            names,
            current,
            True,
        )
        if ok and name.strip():
            self.start(paths, name.strip())

    def start(self, paths: Sequence[Path], client: str) -> CallLogMappingDialog | None:
        """Asterisk logs import at once; any other export asks for its columns first."""
        try:
            preview = preview_log(paths[0])
        except KnownError as err:
            show_known_error(self._parent, err)
            return None
        if preview.asterisk:
            self.run(paths, client)
            return None
        dialog = CallLogMappingDialog(self._services.calllog, client, preview, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._on_mapping_accepted(d, paths, client))
        self.mapping_dialog = dialog
        dialog.open()
        return dialog

    def _on_mapping_accepted(
        self, dialog: CallLogMappingDialog, paths: Sequence[Path], client: str
    ) -> None:
        mapping = dialog.mapping()
        if mapping is None:
            return
        try:
            if dialog.preset_name():
                self._services.calllog.save_preset(client, dialog.preset_name(), mapping)
        except KnownError as err:
            show_known_error(self._parent, err)
        self.run(paths, client, self._services.calllog.mapped_parser(client, mapping))

    def run(self, paths: Sequence[Path], client: str, parser: Parser | None = None) -> None:
        job = FunctionJob(self._services.calllog.import_paths, list(paths), client, parser)
        self.job = job
        self.progress = JobProgressDialog(job, self.tr("Importing the call log"), self._parent)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.cancelled.connect(self._on_job_cancelled)
        job.signals.failed.connect(self._on_job_failed)
        self.progress.open()
        self._jobs.submit(job)

    def _on_job_finished(self, report: CallLogReport) -> None:
        self._show(report, cancelled=False)

    def _on_job_cancelled(self) -> None:
        partial = self.job.result if self.job is not None else None
        empty = CallLogReport(0, 0, 0)
        self._show(partial if isinstance(partial, CallLogReport) else empty, cancelled=True)

    def _on_job_failed(self, err: KnownError) -> None:
        self.done.emit(CallLogReport(0, 0, 0))
        show_known_error(self._parent, err)

    def _show(self, report: CallLogReport, cancelled: bool) -> None:
        self.done.emit(report)
        self.result = CallLogResultDialog(report, cancelled, self._parent)
        self.result.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result.open()
