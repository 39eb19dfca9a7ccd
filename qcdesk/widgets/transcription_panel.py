"""The transcription queue dock: jobs with progress and ETA, Cancel, Retry, Pause all.

The queue's lifecycle is `TranscriptionRunner`'s (Qt-free, shared with the CLI); this dock
shows it, asks the user, and runs the runner's job body in a `FunctionJob`, whose engine is
built on first use in the worker thread, so the window never waits for a model to load (the
one part of that load that would hold the GIL long, parsing the tokenizer, is done by
`warm_up` on the GUI thread as the first job starts, not at start-up: the tokenizers import
and the parse cost start-up ~0.1-0.3 s that a session without transcription never needs).
Every state change is reported to the runner from the main thread, in the job's signal slots.
Queueing a call whose transcript a reviewer corrected asks first; the runner keeps the answer
for this session only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcdesk import settings as opts
from qcdesk.errors import KnownError
from qcdesk.jobs import Eta, FunctionJob, JobManager
from qcdesk.qtmodels.jobs import JOB_ID_ROLE, JobsTableModel, LiveProgress
from qcdesk.qtmodels.transcript import format_time
from qcdesk.services.transcription_queue import device_summary
from qcdesk.services.transcription_runner import StartedJob, TranscriptionRunner
from qcdesk.widgets.job_progress import format_eta
from qcdesk.widgets.messages import known_error_text, render_template

if TYPE_CHECKING:
    from qcdesk.services.context import Services


class TranscriptionPanel(QDockWidget):
    """Lists the queue and runs it; emits `transcribed(id)` when a transcript was stored."""

    transcribed = Signal(int)  # interaction id
    device_found = Signal(str)  # status bar text: where transcription runs, and why
    idle = Signal()  # nothing running and nothing started after the last job

    def __init__(
        self,
        services: Services,
        settings: opts.Settings,
        jobs: JobManager,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TranscriptionPanel")
        self._queue = services.transcription_queue
        self._transcripts = services.transcripts
        self._settings = settings
        self._jobs = jobs
        self._runner = TranscriptionRunner(self._queue, self._engine_factory())
        self._current: tuple[StartedJob, FunctionJob] | None = None  # the runner's, and its job
        self._eta = Eta()
        self.device_job: FunctionJob | None = None

        self.model = JobsTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("TranscriptionJobsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 320)
        # Status, progress and time left are short but translated: sized to their text.
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.summary_label = QLabel()
        self.cancel_button = QPushButton()
        self.retry_button = QPushButton()
        self.pause_button = QPushButton()
        self.pause_button.setCheckable(True)
        self.clear_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_label, 1)
        for button in (self.cancel_button, self.retry_button, self.pause_button, self.clear_button):
            buttons.addWidget(button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setWidget(body)

        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        self.pause_button.toggled.connect(self.set_paused)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        settings.changed.connect(self._on_settings_changed)
        self._warmed = False  # the tokenizer is parsed when the first job starts
        self._retranslate()
        self.reload()
        # Jobs a previous run left unfinished resume once the window is up.
        QTimer.singleShot(0, self.start_next)

    # -- public API ---------------------------------------------------------------------------
    @property
    def running_job(self) -> FunctionJob | None:
        return None if self._current is None else self._current[1]

    @property
    def paused(self) -> bool:
        return self._runner.paused

    def enqueue(self, interaction_ids: list[int]) -> list[int]:
        """Queue interactions (those already waiting are skipped) and start if idle.

        Calls whose transcript has a reviewer's corrections are queued only if the user agrees
        to replace them (`confirm_overwrite`).
        """
        allowed, overwrite = self.confirm_overwrite(list(dict.fromkeys(interaction_ids)))
        added = self._runner.enqueue(allowed, overwrite_edits=overwrite)
        self.reload()
        self.start_next()
        if added and (row := self.model.row_of(added[-1])) is not None:
            self.table.scrollTo(self.model.index(row, 0))  # the new jobs are at the bottom
        return list(added)

    def confirm_overwrite(self, interaction_ids: list[int]) -> tuple[list[int], set[int]]:
        """The interactions to transcribe, and those of them whose corrections may go.

        One call: replace the corrections or cancel. Several: replace, skip the corrected
        calls, or cancel everything. Declining is the default button.
        """
        counts = self._transcripts.edited_counts(interaction_ids)
        if not counts:
            return interaction_ids, set()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace corrections?"))
        segments = sum(counts.values())
        if len(interaction_ids) == 1:
            box.setText(
                self.tr("The transcript of this call has %n corrected segment(s).", "", segments)
            )
        else:
            box.setText(
                self.tr("%n of the selected calls have corrected transcripts.", "", len(counts))
                + " "
                + self.tr("(%n corrected segment(s) in all.)", "", segments)
            )
        box.setInformativeText(
            self.tr("Transcribing again replaces the corrections with a new transcript.")
        )
        replace = box.addButton(self.tr("Replace corrections"), QMessageBox.ButtonRole.AcceptRole)
        replace.setObjectName("replace_corrections")
        skip = None
        if len(interaction_ids) > 1:
            skip = box.addButton(self.tr("Skip corrected calls"), QMessageBox.ButtonRole.ApplyRole)
            skip.setObjectName("skip_corrected")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        box.setDefaultButton(skip or cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace:
            return interaction_ids, set(counts)
        if skip is not None and clicked is skip:
            return [i for i in interaction_ids if i not in counts], set()
        return [], set()

    def pending_interactions(self) -> list[int]:
        return list(self._queue.pending())

    def check_device(self) -> FunctionJob:
        """Find out, in a job, where transcription will run; emits `device_found`."""
        job = FunctionJob(
            device_summary,
            self._settings.get(opts.ASR_DEVICE),
            self._settings.get(opts.ASR_REMOTE_URL),
        )
        job.signals.finished.connect(self._on_device_job_finished)
        job.signals.failed.connect(self._on_device_job_failed)
        self.device_job = job
        self._jobs.submit(job)
        return job

    def set_paused(self, paused: bool) -> None:
        """Pause all: stop the running job (it goes back to the queue) and start no other."""
        self.pause_button.setChecked(paused)
        if self._runner.pause(paused) and self._current is not None:
            self._current[1].cancel()
        elif not paused:
            self.start_next()
        self._retranslate()

    def start_next(self) -> None:
        """Start the oldest queued job unless one is running or the queue is paused."""
        if self._current is not None or self._runner.paused:
            return
        started = self._runner.start_next()
        if started is None:
            self._update_summary()
            self.idle.emit()
            return
        if not self._warmed:  # now, between jobs, rather than as a stall inside the first one
            self._warmed = self.warm_up()
        job = FunctionJob(self._runner.work, started)
        self._current = (started, job)
        self._eta.reset()
        job.signals.progress.connect(self._on_job_progress)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        job.signals.cancelled.connect(self._on_job_cancelled)
        job.signals.crashed.connect(self._on_job_crashed)
        self.reload()
        self.model.set_progress(started.job_id, LiveProgress(0.0, self.tr("Starting…"), ""))
        self._jobs.submit(job)

    def reload(self) -> None:
        self.model.set_rows(self._queue.jobs())
        self._update_summary()
        self._update_buttons()

    # -- job signals --------------------------------------------------------------------------
    def _on_job_progress(self, done: int, total: int, phase: str) -> None:
        if self._current is None or total <= 0:
            return
        started, job = self._current
        duration = started.duration
        fraction = done / total
        if job.is_cancelled():
            text, eta = self.tr("Cancelling…"), ""
        elif phase == "model":
            text, eta = self.tr("Loading model…"), ""
        else:
            eta = format_eta(self._eta.eta_seconds(done, total))
            if duration > 0:
                text = f"{format_time(fraction * duration)} / {format_time(duration)}"
            else:
                text = f"{round(fraction * 100)} %"
        self.model.set_progress(started.job_id, LiveProgress(fraction, text, eta))

    def _end_current(self) -> None:
        """Forget the running job (the runner is told how it ended by the caller)."""
        assert self._current is not None
        started, _job = self._current
        self._current = None
        self.model.set_progress(started.job_id, None)

    def _on_job_finished(self, _outcome: Any) -> None:
        self._end_current()
        interaction_id = self._runner.finished()
        self.reload()
        self.transcribed.emit(interaction_id)
        self.start_next()

    def _on_job_failed(self, err: KnownError) -> None:
        self._end_current()
        self._runner.failed(known_error_text(err))
        self.reload()
        self.start_next()

    def _on_job_crashed(self, _text: str) -> None:
        # The traceback reaches the global crash hook through the job manager.
        self._end_current()
        self._runner.failed(self.tr("Unexpected error; the log has the details."))
        self.reload()
        self.start_next()

    def _on_job_cancelled(self) -> None:
        self._end_current()
        self._runner.cancelled()
        self.reload()
        self.start_next()

    def _on_device_job_finished(self, result: tuple[str, str, dict[str, str]]) -> None:
        device, template, params = result
        reason = render_template(template, params, context="Device")
        if device == "remote":
            self.device_found.emit(self.tr("Transcription: server %1").replace("%1", reason))
        else:
            self.device_found.emit(self.tr("Transcription: %1").replace("%1", reason))

    def _on_device_job_failed(self, err: KnownError) -> None:
        self.device_found.emit(self.tr("Transcription: %1").replace("%1", known_error_text(err)))

    # -- buttons ------------------------------------------------------------------------------
    def selected_job_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(JOB_ID_ROLE) for index in sorted(rows, key=lambda i: i.row())]

    def cancel_jobs(self, job_ids: list[int]) -> None:
        if self._runner.cancel(job_ids) and self._current is not None:
            self._current[1].cancel()
            self._on_job_progress(0, 1, "")  # shows "Cancelling…" at once
        self.reload()

    def retry_jobs(self, job_ids: list[int]) -> None:
        rows = [r for j in job_ids if (r := self._queue.get(j)) is not None]
        rows = [r for r in rows if r.status in ("failed", "cancelled")]
        allowed, overwrite = self.confirm_overwrite([r.interaction_id for r in rows])
        self._runner.retry(
            [r.id for r in rows if r.interaction_id in allowed], overwrite_edits=overwrite
        )
        self.reload()
        self.start_next()

    def _on_cancel_button_clicked(self) -> None:
        self.cancel_jobs(self.selected_job_ids())

    def _on_retry_button_clicked(self) -> None:
        self.retry_jobs(self.selected_job_ids())

    def _on_clear_button_clicked(self) -> None:
        self._queue.clear_finished()
        self.reload()

    def _update_buttons(self, *_args: object) -> None:
        statuses = {self._queue_status(j) for j in self.selected_job_ids()}
        self.cancel_button.setEnabled(bool(statuses & {"queued", "running"}))
        self.retry_button.setEnabled(bool(statuses & {"failed", "cancelled"}))

    def _queue_status(self, job_id: int) -> str:
        row = self.model.row_of(job_id)
        return "" if row is None else self.model.job(row).status

    def _update_summary(self) -> None:
        self.summary_label.setText(self.summary_text())

    def summary_text(self) -> str:
        """The summary line; "waiting" excludes the running job, which is counted apart."""
        rows = self.model.rows()
        running = sum(1 for r in rows if r.status == "running")
        waiting = sum(1 for r in rows if r.status == "queued")
        failed = sum(1 for r in rows if r.status == "failed")
        parts = [self.tr("%n call(s) being transcribed", "", running)] if running else []
        parts.append(self.tr("%n call(s) waiting", "", waiting))
        text = " · ".join(parts)
        if failed:
            text += " · " + self.tr("%n failed", "", failed)
        if self._runner.paused:
            text += " · " + self.tr("paused")
        return text

    # -- settings and language ----------------------------------------------------------------
    def _engine_factory(self) -> Any:
        """A function that builds the engine from the settings as they are now."""
        from qcdesk.asr import create_engine

        model = self._settings.get(opts.ASR_MODEL) or None
        device = self._settings.get(opts.ASR_DEVICE)
        url = self._settings.get(opts.ASR_REMOTE_URL)
        key = self._settings.get(opts.ASR_API_KEY)
        return lambda: create_engine(model, device=device, remote_url=url, api_key=key)

    def warm_up(self) -> bool:
        """Parse the local model's tokenizer now, on the GUI thread (see `qcdesk.asr.warmup`).

        Called as the first job of the session starts and when the model setting changes
        (the user is in the settings dialog then, not reading or listening).
        """
        if self._settings.get(opts.ASR_REMOTE_URL):
            return False
        from qcdesk.asr.warmup import warm_up

        return warm_up(self._settings.get(opts.ASR_MODEL) or None)

    def _on_settings_changed(self, key: str) -> None:
        if key in {s.key for s in opts.ASR_SETTINGS}:
            # The running job keeps its engine; the next one is built from the new settings.
            self._runner.set_engine_factory(self._engine_factory())
            if key in (opts.ASR_MODEL.key, opts.ASR_REMOTE_URL.key):
                self.warm_up()
            if key != opts.ASR_API_KEY.key:
                self.check_device()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Transcription queue"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.retry_button.setText(self.tr("Retry"))
        self.pause_button.setText(self.tr("Resume") if self.paused else self.tr("Pause all"))
        self.clear_button.setText(self.tr("Clear finished"))
        self.model.retranslate()
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
