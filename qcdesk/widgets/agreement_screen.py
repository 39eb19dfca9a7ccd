"""The agreement screen: how often auto-prefill agrees with reviewers, per criterion.

The head of sales reads it to decide which rule to fix: flagged rows fall below the
agreement or kappa threshold. The figures are computed in a job (a large history has many
answers to read) and cover finished ("reviewed") evaluations only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.actions import build_actions, retranslate_actions
from qcdesk.errors import KnownError
from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.qtmodels.agreement import AgreementTableModel
from qcdesk.widgets.messages import known_error_text

if TYPE_CHECKING:
    from qcdesk.services.context import Services


def compute(agreement: Any, client_id: int | None, *, progress: Any, is_cancelled: Any) -> Any:
    """Job body: the agreement report (Qt-free service call in a worker thread)."""
    progress(0, 1, "agreement")
    report = agreement.report(client_id)
    progress(1, 1, "agreement")
    return report


class AgreementScreen(QWidget):
    closed = Signal()

    def __init__(self, services: Services, jobs: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._job: FunctionJob | None = None
        self._error: KnownError | None = None  # the last run's, shown instead of the summary
        self.action_map = build_actions(self, scope="agreement")
        self.addActions(list(self.action_map.values()))
        self.back_button = QToolButton(self)
        self.back_button.setDefaultAction(self.action_map["agreement_back"])
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.back_button.setAutoRaise(True)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.client_combo = QComboBox(self)
        self.client_combo.addItem("", None)  # "All companies", named by _retranslate
        self.client_combo.activated.connect(self.reload)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.reload)
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.client_combo)
        head.addWidget(self.refresh_button)
        self.model = AgreementTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("AgreementTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.explain)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self.action_map["agreement_back"].triggered.connect(self.closed)
        self._retranslate()
        self._fill_clients()
        self.reload()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Auto-prefill agreement with reviewers"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.explain.setText(
            self.tr(
                "Each auto-prefill suggestion compared with the reviewer's final answer, over "
                "reviewed evaluations. «Check manually» counts as a disagreement. Rows in red "
                "are below the threshold: fix that criterion's rule in the template."
            )
        )
        self.client_combo.setItemText(0, self.tr("All companies"))
        retranslate_actions(self.action_map)
        self.model.retranslate()
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _fill_clients(self) -> None:
        current = self.client_combo.currentData()
        while self.client_combo.count() > 1:  # the first item, all companies, stays
            self.client_combo.removeItem(1)
        for cid, name in self._services.agreement.clients():
            self.client_combo.addItem(name, cid)
        self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(current)))

    @Slot()
    def reload(self, *_: object) -> None:
        """Compute the figures again for the chosen company (reviews may have changed)."""
        if self._job is not None:
            self._job.cancel()
        job = FunctionJob(compute, self._services.agreement, self.client_combo.currentData())
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        job.signals.crashed.connect(self._on_job_crashed)
        self._job, self._error = job, None
        self._show_summary()
        self._jobs.submit(job)

    def refresh(self) -> None:
        """Called when the screen is shown again: new companies, new reviews."""
        self._fill_clients()
        self.reload()

    @Slot(object)
    def _on_job_finished(self, report: Any) -> None:
        if self._job is None or self.sender() is not self._job.signals:
            return
        self._job = None
        self.model.set_report(report)
        self._show_summary()

    def _show_summary(self) -> None:
        """The line under the table: progress, the last run's error, or what was compared."""
        report = self.model.report()
        if self._job is not None:
            self.summary.setText(self.tr("Computing…"))
        elif self._error is not None:
            self.summary.setText(known_error_text(self._error))
        elif report is not None and not report.rows:
            self.summary.setText(
                self.tr("No reviewed evaluation with auto-prefill yet: nothing to compare.")
            )
        elif report is not None:
            flagged = sum(r.flagged for r in report.rows)
            self.summary.setText(
                self.tr("%n reviewed evaluation(s) compared", "", report.evaluations)
                + " · "
                + self.tr("%n criterion(s) below the threshold", "", flagged)
            )

    @Slot(object)
    def _on_job_failed(self, err: KnownError) -> None:
        if self._job is not None and self.sender() is self._job.signals:
            self._job, self._error = None, err
            self._show_summary()

    @Slot(str)
    def _on_job_crashed(self, _text: str) -> None:
        # The JobManager hands the traceback to the global hook; here we only stop waiting.
        if self._job is not None and self.sender() is self._job.signals:
            self._job = None
            self.summary.clear()
