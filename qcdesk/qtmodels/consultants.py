"""The consultants table of View → Consultants: name, company, team, extension, calls, active."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.qtmodels.base import Index, RowsTableModel

if TYPE_CHECKING:
    from qcdesk.services.consultants import ConsultantRecord

CONTEXT = "ConsultantsModel"
ID_ROLE = Qt.ItemDataRole.UserRole
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("ConsultantsModel", "Consultant")),
    ("client", QT_TRANSLATE_NOOP("ConsultantsModel", "Company")),
    ("team", QT_TRANSLATE_NOOP("ConsultantsModel", "Team")),
    ("extension", QT_TRANSLATE_NOOP("ConsultantsModel", "Extension")),
    ("interactions", QT_TRANSLATE_NOOP("ConsultantsModel", "Interactions")),
    ("active", QT_TRANSLATE_NOOP("ConsultantsModel", "Status")),
)


class ConsultantsTableModel(RowsTableModel):
    """Read-only rows of `ConsultantRecord`; inactive people are drawn grey and italic."""

    column_count = len(COLUMNS)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ConsultantRecord] = []

    def set_rows(self, rows: list[ConsultantRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ConsultantRecord]:
        return list(self._rows)

    def row_of(self, consultant_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == consultant_id), None)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "active":
                text = "Active" if r.active else "Inactive"
                return QCoreApplication.translate(CONTEXT, text)
            value = getattr(r, column)
            return "" if value is None else str(value)
        if role == ID_ROLE:
            return r.id
        if role == RECORD_ROLE:
            return r
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "interactions":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not r.active and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(120, 120, 120))
        if not r.active and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None


# lupdate: the two status words above are looked up in this context at display time.
_STATUS_WORDS = (
    QT_TRANSLATE_NOOP("ConsultantsModel", "Active"),
    QT_TRANSLATE_NOOP("ConsultantsModel", "Inactive"),
)
