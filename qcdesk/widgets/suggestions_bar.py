"""The bar above the checklist that speaks for auto-prefill: what waits, accept all, re-run.

Re-running loads the lemmatiser the first time (about a second), so it runs in a job and the
form re-renders from the state the job returns; confirmed answers are never changed by it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from qcdesk.errors import KnownError
from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.services.dto import EvaluationState
from qcdesk.widgets.criterion_row import pending
from qcdesk.widgets.messages import known_error_text


def rerun(evaluations: Any, evaluation_id: int, *, progress: Any, is_cancelled: Any) -> Any:
    """Job body: auto-prefill again for one evaluation (Qt-free service call)."""
    progress(0, 1, "prefill")
    state = evaluations.rerun_prefill(evaluation_id)
    progress(1, 1, "prefill")
    return state


class SuggestionsBar(QWidget):
    accept_all_requested = Signal()
    rerun_requested = Signal()  # before the job starts: the form saves pending comments
    rerun_finished = Signal(object)  # the new EvaluationState
    failed = Signal(str)  # a translated KnownError message

    def __init__(self, evaluations: Any, jobs: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._evaluations = evaluations
        self._jobs = jobs
        self._job: FunctionJob | None = None
        self.label = QLabel(self)
        self.accept_all_button = QPushButton(self)
        self.accept_all_button.clicked.connect(self.accept_all_requested)
        self.rerun_button = QPushButton(self)
        self.rerun_button.clicked.connect(self.rerun)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.accept_all_button)
        row.addWidget(self.rerun_button)
        self._evaluation_id: int | None = None
        self._state: EvaluationState | None = None
        self.retranslate()

    def show_state(self, state: EvaluationState) -> None:
        self._evaluation_id = state.evaluation_id
        self._state = state
        self.rerun_button.setEnabled(self._job is None)
        self.retranslate()

    def retranslate(self) -> None:
        self.accept_all_button.setToolTip(
            self.tr("Accept every auto-prefill suggestion that is not marked «check manually»")
        )
        self.rerun_button.setText(self.tr("Re-run auto-prefill"))
        self.rerun_button.setToolTip(
            self.tr("Run the rules on the transcript again; confirmed answers stay as they are")
        )
        state = self._state
        if state is None:
            return
        waiting = [a for a in state.answers.values() if pending(a)]
        to_accept = sum(1 for a in waiting if a.suggested_value is not None)
        manual = len(waiting) - to_accept
        self.accept_all_button.setText(self.tr("Accept all (%n)", "", to_accept))
        self.accept_all_button.setEnabled(to_accept > 0)
        if state.autoscored_at is None:
            self.label.setText(self.tr("No auto-prefill yet"))
        elif waiting:
            self.label.setText(
                self.tr("Suggestions to confirm: {accept}; check manually: {manual}").format(
                    accept=to_accept, manual=manual
                )
            )
        else:
            self.label.setText(self.tr("Every suggestion has been checked"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def running(self) -> bool:
        return self._job is not None

    @Slot()
    def rerun(self) -> None:
        """Run auto-prefill again in a job (one at a time); the form re-renders when done."""
        if self._evaluation_id is None or self._job is not None:
            return
        self.rerun_requested.emit()
        job = FunctionJob(rerun, self._evaluations, self._evaluation_id)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        job.signals.crashed.connect(self._on_job_crashed)
        self._job = job
        self.rerun_button.setEnabled(False)
        self._jobs.submit(job)

    def _end_job(self) -> bool:
        if self._job is None or self.sender() is not self._job.signals:
            return False
        self._job = None
        self.rerun_button.setEnabled(True)
        return True

    @Slot(object)
    def _on_job_finished(self, state: EvaluationState) -> None:
        if self._end_job():
            self.rerun_finished.emit(state)

    @Slot(object)
    def _on_job_failed(self, err: KnownError) -> None:
        if self._end_job():
            self.failed.emit(known_error_text(err))

    @Slot(str)
    def _on_job_crashed(self, _text: str) -> None:
        self._end_job()  # the JobManager hands the traceback to the global hook
