"""A modal progress dialog for one job: bar, current item, ETA, Cancel.

It only reflects the job's signals and sets its cancel flag; what happens with the result
is the caller's business (connected to the same job's signals).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.jobs import Eta, Job


def format_eta(seconds: float | None) -> str:
    """Rounded remaining time for people: "about 3 min", "less than a minute"."""
    if seconds is None:
        return ""
    if seconds < 60:
        return QCoreApplication.translate("JobProgressDialog", "less than a minute left")
    # Abbreviated units need no plural forms in either language (lupdate cannot mark plurals
    # of QCoreApplication.translate, so "%n minute(s)" would stay wrong for 2-4 in Russian).
    minutes = int(round(seconds / 60))
    if minutes < 60:
        return QCoreApplication.translate("JobProgressDialog", "about %1 min left").replace(
            "%1", str(minutes)
        )
    hours = int(round(seconds / 3600))
    return QCoreApplication.translate("JobProgressDialog", "about %1 h left").replace(
        "%1", str(hours)
    )


class JobProgressDialog(QDialog):
    """Shows a job's progress until it ends, then closes itself."""

    def __init__(self, job: Job, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._title = title
        self._eta = Eta()
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)

        self.phase_label = QLabel()
        self.item_label = QLabel()
        self.item_label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first report
        self.eta_label = QLabel()
        self.eta_label.setEnabled(False)
        buttons = QDialogButtonBox()
        self.cancel_button = QPushButton()
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.item_label)
        layout.addWidget(self.eta_label)
        layout.addSpacing(4)
        layout.addWidget(buttons)

        job.signals.progress.connect(self._on_job_progress)
        for signal in (job.signals.finished, job.signals.failed, job.signals.crashed):
            signal.connect(self._on_job_ended)
        job.signals.cancelled.connect(self._on_job_ended)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self._title)
        self.cancel_button.setText(self.tr("Cancel"))
        if self._job.is_cancelled():
            self.phase_label.setText(self.tr("Cancelling…"))
        elif not self.phase_label.text():
            self.phase_label.setText(self.tr("Starting…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        """Escape and the close button cancel the job; the dialog closes when the job ends."""
        self._on_cancel_button_clicked()

    def _on_cancel_button_clicked(self) -> None:
        self._job.cancel()
        self.cancel_button.setEnabled(False)
        self.phase_label.setText(self.tr("Cancelling…"))

    def _on_job_progress(self, done: int, total: int, item: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if not self._job.is_cancelled():
            self.phase_label.setText(
                self.tr("%1 of %2").replace("%1", str(done)).replace("%2", str(total))
            )
        metrics = self.item_label.fontMetrics()
        self.item_label.setText(
            metrics.elidedText(item, Qt.TextElideMode.ElideMiddle, max(200, self.width() - 40))
        )
        self.eta_label.setText(format_eta(self._eta.eta_seconds(done, total)))

    def _on_job_ended(self, *_args: object) -> None:
        # Close after the signal handlers of the caller ran (they may open a result dialog).
        QTimer.singleShot(0, self.accept)
