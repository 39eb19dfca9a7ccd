"""The part every flat table model here shares: counts from a row sequence, a language refresh."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """A table over ``self._rows`` (any sized sequence) with ``column_count`` columns.

    Texts are made in ``data()``/``headerData()`` at call time, so after a language switch the
    views only need to be told that everything changed: ``retranslate()``.
    """

    column_count = 0
    _rows: list | tuple  # type: ignore[type-arg]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.column_count

    def retranslate(self) -> None:
        """Relabel headers and cells after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.column_count - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, self.column_count - 1)
            self.dataChanged.emit(self.index(0, 0), last)
