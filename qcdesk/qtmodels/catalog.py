"""The side pane's tree: client companies, each with its consultants, plus an "all" entry.

Indexes carry a small integer instead of a Python pointer (internalPointer on a PySide object
that may be collected is a crash waiting to happen): 0 for a top-level item, and for a
consultant the row of its company plus one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QApplication, QStyle

from qcdesk.services.dto import ClientInfo, ConsultantInfo

FILTER_ROLE = Qt.ItemDataRole.UserRole  # (client_id | None, consultant_id | None)

Index = QModelIndex | QPersistentModelIndex


class CatalogTreeModel(QAbstractItemModel):
    """Read-only tree: row 0 is "All companies", then one row per company with consultants."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._clients: list[ClientInfo] = []
        self._consultants: list[list[ConsultantInfo]] = []

    def set_catalog(
        self, clients: Sequence[ClientInfo], consultants: Sequence[ConsultantInfo]
    ) -> None:
        self.beginResetModel()
        self._clients = sorted(clients, key=lambda c: c.name.casefold())
        by_client: dict[int, list[ConsultantInfo]] = {c.id: [] for c in self._clients}
        for person in consultants:
            by_client.setdefault(person.client_id, []).append(person)
        self._consultants = [
            sorted(by_client[c.id], key=lambda p: p.name.casefold()) for c in self._clients
        ]
        self.endResetModel()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row > len(self._clients):
                return QModelIndex()
            return self.createIndex(row, column, 0)
        if parent.internalId() != 0 or parent.row() == 0:
            return QModelIndex()
        people = self._consultants[parent.row() - 1]
        if row >= len(people):
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._clients) + 1
        if parent.column() != 0 or parent.internalId() != 0 or parent.row() == 0:
            return 0
        return len(self._consultants[parent.row() - 1])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        company_row = index.internalId()
        if company_row == 0 and index.row() == 0:
            return self._all_data(role)
        if company_row == 0:
            client = self._clients[index.row() - 1]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return client.name
            if role == Qt.ItemDataRole.DecorationRole:
                return _icon(QStyle.StandardPixmap.SP_DirIcon)
            if role == FILTER_ROLE:
                return (client.id, None)
            return None
        person = self._consultants[company_row - 1][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return person.name
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [person.name]
            if person.team:
                parts.append(
                    QCoreApplication.translate("CatalogTreeModel", "Team: %1").replace(
                        "%1", person.team
                    )
                )
            if person.extension:
                parts.append(
                    QCoreApplication.translate("CatalogTreeModel", "Extension: %1").replace(
                        "%1", person.extension
                    )
                )
            return "\n".join(parts)
        if role == FILTER_ROLE:
            return (person.client_id, person.id)
        return None

    def _all_data(self, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return QCoreApplication.translate("CatalogTreeModel", "All companies")
        if role == Qt.ItemDataRole.DecorationRole:
            return _icon(QStyle.StandardPixmap.SP_DirHomeIcon)
        if role == FILTER_ROLE:
            return (None, None)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def find(self, client_id: int | None, consultant_id: int | None = None) -> QModelIndex:
        """The index that filters by this company/consultant ("All companies" for None)."""
        if client_id is None:
            return self.index(0, 0)
        for i, client in enumerate(self._clients, start=1):
            if client.id != client_id:
                continue
            company = self.index(i, 0)
            if consultant_id is None:
                return company
            for j, person in enumerate(self._consultants[i - 1]):
                if person.id == consultant_id:
                    return self.index(j, 0, company)
        return QModelIndex()

    def retranslate(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(0, 0))


def _icon(pixmap: QStyle.StandardPixmap) -> Any:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    return app.style().standardIcon(pixmap)
