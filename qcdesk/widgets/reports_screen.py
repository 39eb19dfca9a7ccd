"""The Reports screen: choose company, period, consultant and language; preview and export.

Building a report and rendering it take up to a few seconds on a large history, so both run in
a job and the screen only shows the result. The last built report is kept (keyed by company,
consultant and period; the language only changes the rendering) so "Export" after "Preview"
does not query again; showing the screen again drops it, since reviews may have changed.
Exports write through the service, which writes to a temporary name and renames, so a
cancelled or failed export never leaves half a file under the chosen name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTemporaryDir, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.actions import build_actions, retranslate_actions
from qcdesk.errors import KnownError
from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.reports.model import Period
from qcdesk.widgets.job_progress import JobProgressDialog
from qcdesk.widgets.messages import show_known_error
from qcdesk.widgets.period_picker import PeriodPicker
from qcdesk.widgets.report_settings_dialog import ReportSettingsDialog

if TYPE_CHECKING:
    from qcdesk.services.context import Services

LANGUAGES = (("ru", "Русский"), ("en", "English"))  # written in their own language
EMPTY_DAY = date(1970, 1, 1)  # before any call: a report of this day has no data, only settings


@dataclass(frozen=True)
class ReportRequest:
    client_id: int
    consultant_id: int | None  # None: the team report
    period: Period
    lang: str

    @property
    def key(self) -> tuple[int, int | None, Period]:
        return (self.client_id, self.consultant_id, self.period)


@dataclass(frozen=True)
class Produced:
    """What a report job hands back: the report and, when asked to write it, the file."""

    request: ReportRequest
    report: Any
    kind: str  # "build", "preview", "pdf" or "xlsx"
    path: Path | None


def produce(
    reports: Any,
    request: ReportRequest,
    report: Any | None,
    kind: str,
    path: Path | None,
    *,
    progress: Any,
    is_cancelled: Any,
) -> Produced:
    """Build the report (unless given) and write it as *kind*; runs in a job, Qt-free."""
    progress(0, 2, "query")
    if report is None:
        if request.consultant_id is None:
            report = reports.team_report(request.client_id, request.period)
        else:
            report = reports.consultant_report(request.consultant_id, request.period)
    progress(1, 2, "render")
    if path is not None and not is_cancelled():
        writer = reports.write_xlsx if kind == "xlsx" else reports.write_pdf
        # The file dialog asked before replacing; the screen checked the target's refusals.
        path = writer(report, path, request.lang, replace=True)
    progress(2, 2, "")
    return Produced(request, report, kind, path)


class ReportsScreen(QWidget):
    """A page of the main window's stack; `closed` asks the window to show the list again."""

    closed = Signal()

    def __init__(self, services: Services, jobs: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.jobs = jobs
        self.job: FunctionJob | None = None
        self.batch_job: FunctionJob | None = None
        self.progress_dialog: JobProgressDialog | None = None
        self.settings_dialog: ReportSettingsDialog | None = None
        self.last_written: Path | None = None
        self.last_batch: list[Path] = []
        self._cache: tuple[tuple[int, int | None, Period], Any] | None = None
        self._then: str | None = None  # export waiting for the report to ask for a file name
        self._export_dir = Path.home()
        # Qt's temporary folder goes with the widget; Python's warns when collected implicitly.
        self._preview_dir = QTemporaryDir()
        self._previews = 0
        self._shown: Path | None = None  # the preview file the document shows
        self.setObjectName("ReportsScreen")
        self.action_map = build_actions(self, scope="reports")
        for action in self.action_map.values():
            self.addAction(action)
        self.action_map["reports_back"].triggered.connect(self.close_screen)
        self.action_map["report_preview"].triggered.connect(self.preview)

        self.client_combo = QComboBox()
        self.consultant_combo = QComboBox()
        self.period_picker = PeriodPicker()
        self.lang_combo = QComboBox()
        for code, name in LANGUAGES:
            self.lang_combo.addItem(name, code)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(3)]
        for label, field in zip(
            self._labels, (self.client_combo, self.consultant_combo, self.lang_combo), strict=True
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)

        self.back_button = QToolButton()
        self.back_button.setDefaultAction(self.action_map["reports_back"])
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.preview_button = QPushButton()
        self.preview_button.setDefault(True)
        self.pdf_button = QPushButton()
        self.xlsx_button = QPushButton()
        self.all_button = QPushButton()
        self.meeting_button = QPushButton()
        self.meeting_dialog: Any = None
        self.settings_button = QPushButton()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        side_layout.addLayout(self.form)
        side_layout.addWidget(self.period_picker)
        for button in (self.preview_button, self.pdf_button, self.xlsx_button, self.all_button):
            side_layout.addWidget(button)
        side_layout.addWidget(self.meeting_button)
        side_layout.addSpacing(12)
        side_layout.addWidget(self.settings_button)
        side_layout.addWidget(self.status_label)
        side_layout.addStretch(1)

        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.pdf_view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.client_combo.currentIndexChanged.connect(self._on_client_combo_changed)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.xlsx_button.clicked.connect(self._on_xlsx_button_clicked)
        self.all_button.clicked.connect(self._on_all_button_clicked)
        self.settings_button.clicked.connect(self.open_report_settings)
        self.meeting_button.clicked.connect(self.open_meeting_pack)
        self._retranslate()
        self.reload()

    # -- language -----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        texts = (self.tr("Client &company:"), self.tr("C&onsultant:"), self.tr("Report &language:"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.preview_button.setText(self.tr("Preview"))
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.xlsx_button.setText(self.tr("Export XLSX…"))
        self.all_button.setText(self.tr("All individual reports for the month…"))
        self.all_button.setToolTip(
            self.tr("Writes one PDF per consultant with activity in the chosen month")
        )
        self.settings_button.setText(self.tr("Report settings for this company…"))
        self.meeting_button.setText(self.tr("Planning meeting pack…"))
        if self.consultant_combo.count():
            self.consultant_combo.setItemText(0, self.tr("Team report"))
        retranslate_actions(self.action_map)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- choices ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read companies and consultants and forget the cached report (data may differ)."""
        self._cache = None
        current = self.client_combo.currentData()
        with QSignalBlocker(self.client_combo):
            self.client_combo.clear()
            for client in self.services.catalog.list_clients():
                self.client_combo.addItem(client.name, client.id)
            pos = self.client_combo.findData(current) if current is not None else -1
            self.client_combo.setCurrentIndex(max(pos, 0) if self.client_combo.count() else -1)
        self._on_client_combo_changed()

    def _on_client_combo_changed(self, *_args: object) -> None:
        current = self.consultant_combo.currentData()
        self.consultant_combo.clear()
        self.consultant_combo.addItem(self.tr("Team report"), None)
        client = self.current_client()
        if client is not None:
            for person in self.services.catalog.list_consultants(client.id):
                self.consultant_combo.addItem(person.name, person.id)
            self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(client.language)))
        self.consultant_combo.setCurrentIndex(max(0, self.consultant_combo.findData(current)))
        self._update_enabled()

    def current_client(self) -> Any:
        client_id = self.client_combo.currentData()
        for client in self.services.catalog.list_clients():
            if client.id == client_id:
                return client
        return None

    def select(
        self, client_id: int, consultant_id: int | None, period: Period, lang: str = "ru"
    ) -> None:
        """Set every choice at once (tests, and the main window opening a consultant's report)."""
        self.client_combo.setCurrentIndex(self.client_combo.findData(client_id))
        self.consultant_combo.setCurrentIndex(max(0, self.consultant_combo.findData(consultant_id)))
        self.period_picker.set_period(period)
        self.lang_combo.setCurrentIndex(self.lang_combo.findData(lang))

    def request(self) -> ReportRequest | None:
        client_id = self.client_combo.currentData()
        if client_id is None:
            return None
        return ReportRequest(
            client_id, self.consultant_combo.currentData(), self.period_picker.period(), self.lang()
        )

    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    # -- preview and export -------------------------------------------------------------------
    def preview(self) -> None:
        self._previews += 1  # a new name each time: the document may still hold the old file
        self._start("preview", Path(self._preview_dir.path()) / f"preview-{self._previews}.pdf")

    def export_pdf(self, path: Path | None = None) -> None:
        """Write the PDF to *path*, or ask for a file name (suggesting the report's own)."""
        self._export("pdf", path)

    def export_xlsx(self, path: Path | None = None) -> None:
        self._export("xlsx", path)

    def _on_pdf_button_clicked(self) -> None:
        self.export_pdf()

    def _on_xlsx_button_clicked(self) -> None:
        self.export_xlsx()

    def _export(self, kind: str, path: Path | None) -> None:
        if path is None:
            report = self._cached()
            if report is None:
                self._then = kind  # build first: the suggested file name comes from the report
                self._start("build", None)
                return
            path = self._ask_path(kind, report)
            if path is None:
                return
        if self._refused(path):
            return
        self._start(kind, path)

    def _refused(self, path: Path) -> bool:
        """Say why *path* may not be written (the database, the library, a device); True then.

        QFileDialog has asked before replacing a file, so only the refusals are checked here;
        the service checks them again when it writes.
        """
        try:
            self.services.reports.check_outputs([path], replace=True)
        except KnownError as err:
            show_known_error(self, err)
            return True
        return False

    def _ask_path(self, kind: str, report: Any) -> Path | None:
        name = self.services.reports.default_filename(report, kind, self.lang())
        title = self.tr("Export PDF") if kind == "pdf" else self.tr("Export XLSX")
        pattern = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("Excel files (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(self._export_dir / name), pattern)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        self._export_dir = path.parent
        return path

    def _cached(self) -> Any | None:
        request = self.request()
        if request is not None and self._cache is not None and self._cache[0] == request.key:
            return self._cache[1]
        return None

    def _start(self, kind: str, path: Path | None) -> None:
        request = self.request()
        if request is None or self.job is not None:
            return
        job = FunctionJob(produce, self.services.reports, request, self._cached(), kind, path)
        self.job = job
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        job.signals.cancelled.connect(self._on_job_stopped)
        job.signals.crashed.connect(self._on_job_stopped)  # the job manager reports the bug
        self.status_label.setText(
            self.tr("Rendering the report…") if path else self.tr("Preparing the report…")
        )
        self._update_enabled()
        self.jobs.submit(job)

    def _on_job_finished(self, produced: Produced) -> None:
        self.job = None
        self._cache = (produced.request.key, produced.report)
        self._update_enabled()
        if produced.kind == "preview" and produced.path is not None:
            self._show_pdf(produced.path)
        elif produced.path is not None:
            self.last_written = produced.path
            self._export_dir = produced.path.parent  # the next export suggests the same folder
            self.status_label.setText(self.tr("Saved %1").replace("%1", str(produced.path)))
        else:
            self.status_label.clear()
        then, self._then = self._then, None
        if then is not None and (path := self._ask_path(then, produced.report)) is not None:
            if not self._refused(path):
                self._start(then, path)

    def _show_pdf(self, path: Path) -> None:
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.status_label.setText(
                self.tr("Cannot show the preview of %1").replace("%1", str(path))
            )
            return
        if self._shown is not None and self._shown != path:
            self._shown.unlink(missing_ok=True)  # the document let go of it in close()
        self._shown = path
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = self.document.pageCount()
        self.status_label.setText(self.tr("%n page(s)", "", pages))

    def _on_job_failed(self, err: KnownError) -> None:
        self._on_job_stopped()
        show_known_error(self, err)

    def _on_job_stopped(self, *_args: object) -> None:
        self.job = None
        self._then = None
        self.status_label.clear()
        self._update_enabled()

    def _update_enabled(self) -> None:
        ready = self.job is None and self.client_combo.currentData() is not None
        for w in (self.preview_button, self.pdf_button, self.xlsx_button, self.all_button):
            w.setEnabled(ready)
        self.settings_button.setEnabled(ready)
        self.action_map["report_preview"].setEnabled(ready)

    # -- all individual reports ---------------------------------------------------------------
    def _on_all_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the individual reports"), str(self._export_dir)
        )
        if folder and self._may_write_batch(Path(folder)):
            self._export_dir = Path(folder)
            self.write_all_individual(Path(folder))

    def _may_write_batch(self, folder: Path) -> bool:
        """Refuse the media library; ask before replacing this month's reports in *folder*."""
        try:
            self.services.reports.check_folder(folder)
        except KnownError as err:
            show_known_error(self, err)
            return False
        existing = self.services.reports.existing_individual(folder, self.period_picker.month())
        if not existing:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Replace reports"),
            self.tr(
                "%n report(s) for this month already exist in %1. Replace them?", "", len(existing)
            ).replace("%1", str(folder)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def write_all_individual(self, folder: Path) -> FunctionJob | None:
        """Write every consultant's report for the chosen month into *folder*, as a job."""
        client_id = self.client_combo.currentData()
        if client_id is None:
            return None
        job = FunctionJob(
            self.services.reports.write_all_individual,
            client_id,
            self.period_picker.month(),
            folder,
            self.lang(),
        )
        self.batch_job = job
        title = self.tr("Individual reports: %1").replace("%1", self.client_combo.currentText())
        self.progress_dialog = JobProgressDialog(job, title, self)
        job.signals.finished.connect(self._on_batch_job_finished)
        job.signals.cancelled.connect(self._on_batch_job_cancelled)
        job.signals.failed.connect(self._on_batch_job_failed)
        self.progress_dialog.open()
        self.jobs.submit(job)
        return job

    def _on_batch_job_finished(self, paths: list[Path]) -> None:
        self.last_batch = list(paths)
        folder = str(paths[0].parent) if paths else ""
        self.status_label.setText(
            self.tr("Wrote %n report(s) to %1", "", len(paths)).replace("%1", folder)
        )

    def _on_batch_job_cancelled(self) -> None:
        partial = self.batch_job.result if self.batch_job is not None else None
        self.last_batch = list(partial) if isinstance(partial, list) else []
        self.status_label.setText(self.tr("Cancelled after %n report(s)", "", len(self.last_batch)))

    def _on_batch_job_failed(self, err: KnownError) -> None:
        show_known_error(self, err)

    # -- settings and leaving -----------------------------------------------------------------
    def open_report_settings(self) -> ReportSettingsDialog | None:
        client = self.current_client()
        if client is None:
            return None
        # The service has no getter for the branding alone; a report of an empty day carries
        # the company's targets and logo and costs two indexed queries that find nothing.
        current = self.services.reports.team_report(client.id, Period(EMPTY_DAY, EMPTY_DAY))
        dialog = ReportSettingsDialog(
            self.services.reports,
            client,
            targets=current.targets,
            logo_path=current.logo_path,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_settings_dialog_accepted)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _on_settings_dialog_accepted(self) -> None:
        self._cache = None  # targets, logo and agency are part of the report

    def open_meeting_pack(self) -> Any:
        """Reports → Planning meeting: the pack's dialog for the chosen company and period."""
        from qcdesk.widgets.meeting_dialog import MeetingPackDialog

        dialog = MeetingPackDialog(
            self.services, self.jobs, self.client_combo.currentData(), self._export_dir, self
        )
        dialog.period_picker.set_period(self.period_picker.period())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.meeting_dialog = dialog
        return dialog

    def close_screen(self) -> None:
        self.closed.emit()
