"""Tables of the coaching window: plan focus (targets editable), sessions, actions, progress.

One small model class serves all four: each table is a list of columns, every column a
translatable header and a function from the row value to its text. Overdue actions (and
sessions holding one) are drawn red; a focus area that conclusively improved is drawn green.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.qtmodels.base import Index, RowsTableModel

CONTEXT = "CoachingModel"
RED = QColor("#C0392B")
GREEN = QColor("#1E8449")
FORMATS = {
    "one_to_one": QT_TRANSLATE_NOOP("CoachingModel", "one-to-one"),
    "group": QT_TRANSLATE_NOOP("CoachingModel", "group"),
    "call": QT_TRANSLATE_NOOP("CoachingModel", "on a call"),
    "meeting": QT_TRANSLATE_NOOP("CoachingModel", "planning meeting"),
}


def t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def num(v: float, digits: int = 1) -> str:
    """In the interface language's notation (``80,0`` in Russian)."""
    return QLocale().toString(float(v), "f", digits)


def pct(v: float | None) -> str:
    return "—" if v is None else f"{num(v)} %"


def day(d: date | None) -> str:
    return "—" if d is None else d.strftime("%d.%m.%Y")


Column = tuple[str, Callable[[Any], str]]


class CoachingTableModel(RowsTableModel):
    """Read-only rows shown through *columns*; *color* picks a row's text colour (or None)."""

    def __init__(
        self,
        columns: Sequence[Column],
        color: Callable[[Any], QColor | None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self.column_count = len(self._columns)
        self._color = color
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.column_count:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return t(self._columns[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()][1](row)
        if role == Qt.ItemDataRole.ForegroundRole and self._color is not None:
            c = self._color(row)
            return None if c is None else QBrush(c)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


class FocusModel(CoachingTableModel):
    """The plan's focus criteria; the target column is edited in place (0..100 %)."""

    TARGET = 1
    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                (QT_TRANSLATE_NOOP("CoachingModel", "Criterion"), lambda f: f.title),
                (QT_TRANSLATE_NOOP("CoachingModel", "Target, %"), lambda f: _num(f.target)),
                (
                    QT_TRANSLATE_NOOP("CoachingModel", "Failed"),
                    lambda f: f"{f.failures} / {f.answered}" if f.answered else "—",
                ),
                (QT_TRANSLATE_NOOP("CoachingModel", "Weight"), lambda f: _num(f.weight or None)),
            ],  # fmt: skip
            parent=parent,
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.TARGET:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == self.TARGET:
            target = self._rows[index.row()].target
            return 0.0 if target is None else float(target)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != self.TARGET:
            return False
        try:
            target = float(value)
        except (TypeError, ValueError):
            return False
        if not 0 <= target <= 100:
            return False
        self._rows[index.row()] = replace(self._rows[index.row()], target=target)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited.emit()


def _num(v: float | None) -> str:
    return "—" if v is None else QLocale().toString(float(v), "g", 6)


def sessions_model(today: date, parent: Any = None) -> CoachingTableModel:
    def actions(x: Any) -> str:
        done = sum(a.done for a in x.actions)
        late = sum(a.overdue(today) for a in x.actions)
        text = f"{done} / {len(x.actions)}"
        return text + (
            " · " + t(QT_TRANSLATE_NOOP("CoachingModel", "%1 overdue")).replace("%1", str(late))
            if late
            else ""
        )

    return CoachingTableModel(
        [
            (
                QT_TRANSLATE_NOOP("CoachingModel", "Date"),
                lambda x: x.held_at.strftime("%d.%m.%Y %H:%M"),
            ),
            (
                QT_TRANSLATE_NOOP("CoachingModel", "Format"),
                lambda x: t(FORMATS.get(x.format, x.format)),
            ),
            (
                QT_TRANSLATE_NOOP("CoachingModel", "Participants"),
                lambda x: ", ".join(x.participants),
            ),
            (
                QT_TRANSLATE_NOOP("CoachingModel", "Acknowledged"),
                lambda x: (
                    day(x.acknowledged_on)
                    if x.acknowledged
                    else t(QT_TRANSLATE_NOOP("CoachingModel", "no"))
                ),
            ),
            (QT_TRANSLATE_NOOP("CoachingModel", "Actions done"), actions),
        ],  # fmt: skip
        lambda x: RED if any(a.overdue(today) for a in x.actions) else None,
        parent,
    )


def actions_model(today: date, parent: Any = None) -> CoachingTableModel:
    def state(a: Any) -> str:
        if a.done:
            return (
                t(QT_TRANSLATE_NOOP("CoachingModel", "done %1")).replace("%1", day(a.done_on))
                if a.done_on
                else t(QT_TRANSLATE_NOOP("CoachingModel", "done"))
            )
        return (
            t(QT_TRANSLATE_NOOP("CoachingModel", "overdue"))
            if a.overdue(today)
            else t(QT_TRANSLATE_NOOP("CoachingModel", "open"))
        )

    return CoachingTableModel(
        [
            (QT_TRANSLATE_NOOP("CoachingModel", "Action"), lambda a: a.text),
            (QT_TRANSLATE_NOOP("CoachingModel", "Owner"), lambda a: a.owner or "—"),
            (QT_TRANSLATE_NOOP("CoachingModel", "Due"), lambda a: day(a.due_date)),
            (QT_TRANSLATE_NOOP("CoachingModel", "State"), state),
        ],
        lambda a: RED if a.overdue(today) else None,
        parent,
    )


def verdict(row: Any) -> str:
    f = row.figures
    if f.reason == "too_few":
        return t(QT_TRANSLATE_NOOP("CoachingModel", "too few to conclude"))
    p = num(f.p_value, 3) if f.p_value is not None else "—"
    if f.reason == "not_significant":
        return t(QT_TRANSLATE_NOOP("CoachingModel", "not significant (p = %1)")).replace("%1", p)
    word = (
        t(QT_TRANSLATE_NOOP("CoachingModel", "improved"))
        if (f.change or 0) > 0
        else t(QT_TRANSLATE_NOOP("CoachingModel", "worse"))
    )
    return (
        t(QT_TRANSLATE_NOOP("CoachingModel", "%1, significant (p = %2)"))
        .replace("%1", word)
        .replace("%2", p)
    )


def progress_model(parent: Any = None) -> CoachingTableModel:
    def change(row: Any) -> str:
        c = row.figures.change
        return "—" if c is None else ("+" if c > 0 else "−" if c < 0 else "±") + num(abs(c))

    return CoachingTableModel(
        [
            (QT_TRANSLATE_NOOP("CoachingModel", "Criterion"), lambda r: r.focus.title),
            (QT_TRANSLATE_NOOP("CoachingModel", "Target"), lambda r: pct(r.focus.target)),
            (
                QT_TRANSLATE_NOOP("CoachingModel", "Before"),
                lambda r: f"{pct(r.figures.before)} ({r.figures.n_before})",
            ),
            (
                QT_TRANSLATE_NOOP("CoachingModel", "After"),
                lambda r: f"{pct(r.figures.after)} ({r.figures.n_after})",
            ),
            (QT_TRANSLATE_NOOP("CoachingModel", "Change, pp"), change),
            (QT_TRANSLATE_NOOP("CoachingModel", "Verdict"), verdict),
        ],  # fmt: skip
        lambda r: GREEN if r.figures.improved else None,
        parent,
    )
