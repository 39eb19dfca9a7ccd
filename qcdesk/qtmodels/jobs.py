"""The transcription queue as a table: call, status, progress, time left, message.

Rows come from the queue service as frozen values; the live progress of the running job is
kept beside them (it is never stored) and set by the panel from the job's signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.qtmodels.base import RowsTableModel
from qcdesk.qtmodels.interactions import format_duration
from qcdesk.qtmodels.labels import format_customer, format_datetime

if TYPE_CHECKING:
    from qcdesk.services.transcription_queue import QueuedJob

CONTEXT = "JobsTableModel"
JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1
INTERACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
FRACTION_ROLE = Qt.ItemDataRole.UserRole + 4  # 0..1 for the running job, else None

COLUMNS = (
    ("call", QT_TRANSLATE_NOOP("JobsTableModel", "Call")),
    ("status", QT_TRANSLATE_NOOP("JobsTableModel", "Status")),
    ("progress", QT_TRANSLATE_NOOP("JobsTableModel", "Progress")),
    ("eta", QT_TRANSLATE_NOOP("JobsTableModel", "Time left")),
    ("message", QT_TRANSLATE_NOOP("JobsTableModel", "Message")),
)
STATUS_LABELS = {
    "queued": QT_TRANSLATE_NOOP("JobsTableModel", "Queued"),
    "running": QT_TRANSLATE_NOOP("JobsTableModel", "Running"),
    "done": QT_TRANSLATE_NOOP("JobsTableModel", "Done"),
    "failed": QT_TRANSLATE_NOOP("JobsTableModel", "Failed"),
    "cancelled": QT_TRANSLATE_NOOP("JobsTableModel", "Cancelled"),
}


@dataclass
class LiveProgress:
    fraction: float  # 0..1
    text: str  # "Loading model…" or "1:05 / 3:10"
    eta: str


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class JobsTableModel(RowsTableModel):
    """Read-only model over queue rows plus the running job's live progress."""

    column_count = len(COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QueuedJob] = []
        self._live: dict[int, LiveProgress] = {}

    # -- data ---------------------------------------------------------------------------------
    def set_rows(self, rows: list[QueuedJob]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        ids = {r.id for r in rows}
        self._live = {k: v for k, v in self._live.items() if k in ids}
        self.endResetModel()

    def rows(self) -> list[QueuedJob]:
        return list(self._rows)

    def row_of(self, job_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == job_id:
                return i
        return None

    def job(self, row: int) -> QueuedJob:
        return self._rows[row]

    def set_progress(self, job_id: int, progress: LiveProgress | None) -> None:
        """Show (or, with None, clear) the live progress of one job."""
        if progress is None:
            self._live.pop(job_id, None)
        else:
            self._live[job_id] = progress
        if (row := self.row_of(job_id)) is not None:
            self.dataChanged.emit(self.index(row, 2), self.index(row, 3))

    def progress(self, job_id: int) -> LiveProgress | None:
        return self._live.get(job_id)

    # -- Qt model API --------------------------------------------------------------------------
    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return _tr(COLUMNS[section][1])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        job = self._rows[index.row()]
        if role == JOB_ID_ROLE:
            return job.id
        if role == INTERACTION_ID_ROLE:
            return job.interaction_id
        if role == STATUS_ROLE:
            return job.status
        live = self._live.get(job.id)
        if role == FRACTION_ROLE:
            return None if live is None else live.fraction
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, column, live)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text wherever a column is narrow
            return self._display(job, column, live) or None
        return None

    def _display(self, job: QueuedJob, column: str, live: LiveProgress | None) -> str:
        if column == "call":
            parts = [f"#{job.interaction_id}"]
            if job.started_at is not None:
                parts.append(format_datetime(job.started_at))
            parts += [p for p in (job.consultant, format_customer(job.customer_ref)) if p]
            if job.duration:
                parts.append(format_duration(job.duration))
            return " · ".join(parts)
        if column == "status":
            source = STATUS_LABELS.get(job.status)
            return job.status if source is None else _tr(source)
        if column == "progress":
            if live is not None:
                return live.text
            return "100 %" if job.status == "done" else ""
        if column == "eta":
            return live.eta if live is not None else ""
        if job.status == "failed":
            return job.error
        if job.attempts > 1:
            return self.tr("Attempt %n", "", job.attempts)
        return ""
