"""Reviewers against the references: one row per reviewer, or per criterion of one reviewer.

Drift is shown signed, in points: "+8.3" scores more generously than the reference. A row is
tinted when agreement is below 80 % or the drift is 10 points or more either way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QBrush

from qcdesk.domain.alignment import CriterionAlignment, ReviewerAlignment
from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.qtmodels.base import Index, RowsTableModel
from qcdesk.qtmodels.calibration import LOW, MIN_AGREEMENT, RIGHT, share

DRIFT_LIMIT = 10.0  # points
REVIEWER_COLUMNS = (
    QT_TRANSLATE_NOOP("AlignmentModels", "Reviewer"),
    QT_TRANSLATE_NOOP("AlignmentModels", "Compared"),
    QT_TRANSLATE_NOOP("AlignmentModels", "Agreement with the reference"),
    QT_TRANSLATE_NOOP("AlignmentModels", "Drift of the total, points"),
    QT_TRANSLATE_NOOP("AlignmentModels", "By month"),
)
CRITERION_COLUMNS = (
    QT_TRANSLATE_NOOP("AlignmentModels", "Criterion"),
    QT_TRANSLATE_NOOP("AlignmentModels", "Compared"),
    QT_TRANSLATE_NOOP("AlignmentModels", "Agreement with the reference"),
    QT_TRANSLATE_NOOP("AlignmentModels", "Drift, points"),
)


def signed(x: float | None) -> str:
    if x is None:
        return "—"
    text = QLocale().toString(abs(x), "f", 1)
    return ("+" if x > 0.05 else "−" if x < -0.05 else "") + text


def _low(agreement: float | None, drift: float | None) -> bool:
    return (agreement is not None and agreement < MIN_AGREEMENT) or (
        drift is not None and abs(drift) >= DRIFT_LIMIT
    )


class _Table(RowsTableModel):
    headers: tuple[str, ...] = ()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.headers):
                return QCoreApplication.translate("AlignmentModels", self.headers[section])
        return None


class ReviewerAlignmentModel(_Table):
    headers = REVIEWER_COLUMNS
    column_count = len(REVIEWER_COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ReviewerAlignment, ...] = ()

    def set_rows(self, rows: tuple[ReviewerAlignment, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, i: int) -> ReviewerAlignment:
        return self._rows[i]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            months = " · ".join(
                f"{p.period}: {share(p.agreement)}, {signed(p.drift)}" for p in r.periods
            )
            return (r.reviewer, str(r.attempts), share(r.agreement), signed(r.drift), months)[col]
        if role == Qt.ItemDataRole.BackgroundRole and _low(r.agreement, r.drift):
            return QBrush(LOW)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2, 3):
            return RIGHT
        return None


class CriterionAlignmentModel(_Table):
    headers = CRITERION_COLUMNS
    column_count = len(CRITERION_COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[CriterionAlignment, ...] = ()

    def set_rows(self, rows: tuple[CriterionAlignment, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.title, str(r.compared), share(r.agreement), signed(r.drift))[col]
        if role == Qt.ItemDataRole.BackgroundRole and _low(r.agreement, r.drift):
            return QBrush(LOW)
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return RIGHT
        return None
