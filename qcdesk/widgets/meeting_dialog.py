"""Reports → Planning meeting: write a company's meeting pack (PDF and audio clips) as a job."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcdesk.errors import KnownError
from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.qtmodels.coaching import actions_model
from qcdesk.services.context import Services
from qcdesk.services.meetings import PackResult
from qcdesk.widgets.coaching_session_dialog import SessionDialog
from qcdesk.widgets.job_progress import JobProgressDialog
from qcdesk.widgets.messages import show_known_error
from qcdesk.widgets.period_picker import PeriodPicker, previous_month

LANGUAGES = (("ru", "Русский"), ("en", "English"))


class MeetingPackDialog(QDialog):
    def __init__(
        self,
        services: Services,
        jobs: JobManager,
        client_id: int | None = None,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MeetingPackDialog")
        self.services, self.jobs = services, jobs
        self.job: FunctionJob | None = None
        self.progress_dialog: JobProgressDialog | None = None
        self.pack_result: PackResult | None = None
        self.setWindowTitle(self.tr("Planning meeting pack"))
        self.client_combo = QComboBox()
        for client in services.catalog.list_clients():
            self.client_combo.addItem(client.name, client.id)
        if client_id is not None:
            self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(client_id)))
        self.period_picker = PeriodPicker()
        self.period_picker.set_period(previous_month(date.today()))
        self.lang_combo = QComboBox()
        for code, name in LANGUAGES:
            self.lang_combo.addItem(name, code)
        self.folder_edit = QLineEdit(str(folder or Path.home()))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.write_button = QPushButton(self.tr("Write the pack"))
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)
        self.status_label = QLabel(
            self.tr(
                "A short PDF for the head of sales (KPIs, the weakest criteria with quotes, each "
                "consultant's focus, the previous meeting's actions) and the quotes' audio clips "
                "in a clips folder beside it, with an index."
            )
        )
        self.status_label.setWordWrap(True)
        # The last recorded meeting's actions: ticked off here, printed in the next pack.
        self.actions_label = QLabel()
        self.actions_model = actions_model(date.today(), self)
        self.actions_view = QTableView()
        self.actions_view.setModel(self.actions_model)
        self.actions_view.verticalHeader().hide()
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.actions_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.done_button = QPushButton(self.tr("Mark done / open"))
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self.record_button = QPushButton(self.tr("Record a meeting…"))
        self.record_button.clicked.connect(self.record_meeting)
        self.session_dialog: SessionDialog | None = None
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Client &company:"), self.client_combo)
        form.addRow(self.tr("Pack &language:"), self.lang_combo)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.period_picker)
        layout.addWidget(self.status_label)
        layout.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.actions_label)
        layout.addWidget(self.actions_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.record_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        layout.addLayout(row)
        self.client_combo.currentIndexChanged.connect(self._on_client_changed)
        self._on_client_changed()
        self.resize(640, 620)

    def _on_client_changed(self, *_args: object) -> None:
        client_id = self.client_combo.currentData()
        if client_id is not None:
            lang = self.services.reports.client_language(client_id)
            self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))
        self.reload_actions()

    def reload_actions(self, *_args: object) -> None:
        """Show the actions of the company's newest recorded planning meeting."""
        client_id = self.client_combo.currentData()
        found = (
            []
            if client_id is None
            else self.services.coaching.sessions(client_id=client_id, formats=("meeting",))
        )
        last = found[0] if found else None
        self.actions_model.set_rows(last.actions if last else ())
        self.actions_label.setText(
            self.tr("Actions agreed at the meeting of %1:").replace(
                "%1", last.held_at.strftime("%d.%m.%Y")
            )
            if last
            else self.tr("No planning meeting recorded yet.")
        )

    def _on_done_button_clicked(self) -> None:
        row = self.actions_view.currentIndex().row()
        rows = self.actions_model.rows()
        if 0 <= row < len(rows):
            self.services.coaching.set_action_done(rows[row].id, not rows[row].done)
            self.reload_actions()
            self.actions_view.selectRow(row)

    def record_meeting(self) -> SessionDialog | None:
        """Record the meeting held now, with the actions agreed (they go into the next pack)."""
        client_id = self.client_combo.currentData()
        if client_id is None:
            return None
        company = self.client_combo.currentText()
        dialog = SessionDialog(self.services, client_id, None, company, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.reload_actions)
        self.session_dialog = dialog
        dialog.open()
        return dialog

    def _on_browse_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the meeting pack"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    def write(self, *, replace: bool | None = None) -> FunctionJob | None:
        """Start the job; asks before replacing a pack already in the folder (unless told)."""
        client_id = self.client_combo.currentData()
        if client_id is None or self.job is not None:
            return None
        folder = Path(self.folder_edit.text()).expanduser()
        period, lang = self.period_picker.period(), str(self.lang_combo.currentData())
        pdf, index = self.services.meetings.pack_paths(
            self.client_combo.currentText(), period, folder, lang
        )
        existing = self.services.meetings.existing(folder, pdf, index)
        if existing and replace is None:
            question = self.tr(
                "%1 already holds a meeting pack (%n file(s)). Replace it?", "", len(existing)
            )
            answer = QMessageBox.question(
                self,
                self.tr("Replace the pack"),
                question.replace("%1", str(folder)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            replace = answer == QMessageBox.StandardButton.Yes
            if not replace:
                return None
        job = FunctionJob(
            self.services.meetings.write_pack,
            client_id,
            period,
            folder,
            lang,
            replace_existing=bool(replace),
        )
        self.job = job
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        job.signals.cancelled.connect(self._on_job_stopped)
        job.signals.crashed.connect(self._on_job_stopped)
        self.progress_dialog = JobProgressDialog(job, self.windowTitle(), self)
        self.progress_dialog.open()
        self.write_button.setEnabled(False)
        self.jobs.submit(job)
        return job

    def _on_job_finished(self, result: PackResult) -> None:
        self._on_job_stopped()
        self.pack_result = result
        text = self.tr("Wrote %1 and %n audio clip(s).", "", len(result.clips)).replace(
            "%1", str(result.pdf)
        )
        if result.skipped:
            text += "\n" + self.tr("No clip for: %1").replace("%1", "; ".join(result.skipped))
        self.status_label.setText(text)

    def _on_job_failed(self, err: KnownError) -> None:
        self._on_job_stopped()
        show_known_error(self, err)

    def _on_job_stopped(self, *_args: object) -> None:
        self.job = None
        self.write_button.setEnabled(True)
