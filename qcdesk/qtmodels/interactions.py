"""The interactions table: a flat model over `InteractionRow` values, sorted in Python.

There may be 100,000 rows, so the model holds plain frozen rows, formats only what the view
asks for, and sorts itself on keys computed once per sort (no QSortFilterProxyModel calling back
into Python per comparison, no SQL per row). Filtering happens in SQL before `set_rows`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.qtmodels.labels import (
    direction_label,
    format_customer,
    format_datetime,
    kind_label,
    minutes_text,
    stage_fallback,
    status_label,
    to_qdatetime,
    yes_no,
)
from qcdesk.services.dto import InteractionRow

CONTEXT = "InteractionsTableModel"
ID_ROLE = Qt.ItemDataRole.UserRole  # the interaction id
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value the column sorts by
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole InteractionRow

# (id, header, raw value). The raw value is what sorting and SORT_ROLE use.
COLUMNS: tuple[tuple[str, str, Callable[[InteractionRow], Any]], ...] = (
    ("started_at", QT_TRANSLATE_NOOP("InteractionsTableModel", "Date"), lambda r: r.started_at),
    ("kind", QT_TRANSLATE_NOOP("InteractionsTableModel", "Kind"), lambda r: r.kind),
    ("direction", QT_TRANSLATE_NOOP("InteractionsTableModel", "Direction"), lambda r: r.direction),
    ("client", QT_TRANSLATE_NOOP("InteractionsTableModel", "Company"), lambda r: r.client),
    (
        "consultant",
        QT_TRANSLATE_NOOP("InteractionsTableModel", "Consultant"),
        lambda r: r.consultant,
    ),
    ("customer", QT_TRANSLATE_NOOP("InteractionsTableModel", "Customer"), lambda r: r.customer_ref),
    ("duration", QT_TRANSLATE_NOOP("InteractionsTableModel", "Duration"), lambda r: r.duration),
    ("status", QT_TRANSLATE_NOOP("InteractionsTableModel", "Status"), lambda r: r.status),
    ("score", QT_TRANSLATE_NOOP("InteractionsTableModel", "Score"), lambda r: r.score),
    (
        "stage",
        QT_TRANSLATE_NOOP("InteractionsTableModel", "Stage reached"),
        lambda r: r.stage_reached,
    ),
    ("goal", QT_TRANSLATE_NOOP("InteractionsTableModel", "Goal"), lambda r: r.goal_achieved),
    (
        "transcribed",
        QT_TRANSLATE_NOOP("InteractionsTableModel", "Transcript"),
        lambda r: r.transcribed,
    ),
)
COLUMN_IDS = tuple(c[0] for c in COLUMNS)
_RIGHT = {"duration", "score"}
_CENTER = {"goal", "transcribed"}
_STATUS_ORDER = {"new": 0, "in_progress": 1, "reviewed": 2}


def format_duration(seconds: float | None) -> str:
    """``mm:ss`` (``h:mm:ss`` from an hour on); empty when unknown."""
    if seconds is None:
        return ""
    total = int(round(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _suggested_only(row: InteractionRow, column: str) -> bool:
    """A value in *column* is auto-prefill's (`InteractionRow.suggested_only`): grey italics,
    so that a glance at the list never mistakes it for a reviewer's."""
    if not row.suggested_only:
        return False
    if column == "score":
        return row.score is not None
    if column == "stage":
        return row.stage_reached is not None
    return column == "goal" and row.goal_achieved is not None


class InteractionsTableModel(QAbstractTableModel):
    """Rows of interactions for the main table; read-only, sorted in the model."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[InteractionRow] = []
        self._pos: dict[int, int] = {}  # interaction id -> row number
        self._stage_titles: dict[str, str] = {}
        self._stage_order: dict[str, int] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- data -------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _tr(COLUMNS[section][1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(COLUMNS[section][0])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row_no, col = index.row(), index.column()
        if not (0 <= row_no < len(self._rows) and 0 <= col < len(COLUMNS)):
            return None
        row = self._rows[row_no]
        column = COLUMNS[col][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "score" and row.critical_failed:
                return QBrush(QColor(176, 0, 32))
            if column == "status" and row.review_incomplete:
                return QBrush(QColor(176, 96, 0))
            if _suggested_only(row, column):
                return QBrush(QColor(110, 110, 110))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if _suggested_only(row, column):
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return COLUMNS[col][2](row)
        if role == ROW_ROLE:
            return row
        return None

    def _display(self, row: InteractionRow, column: str) -> str:
        if column == "started_at":
            if row.started_at is None:
                return ""
            return format_datetime(row.started_at)
        if column == "kind":
            return kind_label(row.kind)
        if column == "direction":
            return direction_label(row.direction)
        if column == "client":
            return row.client
        if column == "consultant":
            return row.consultant or ""
        if column == "customer":
            return format_customer(row.customer_ref)
        if column == "duration":
            if row.kind == "chat" and row.duration is not None:
                return minutes_text(row.duration)  # a chat spans hours or days, not a clock
            return format_duration(row.duration)
        if column == "status":
            if row.review_incomplete:
                return QCoreApplication.translate("InteractionsTableModel", "Reviewed, incomplete")
            return status_label(row.status)
        if column == "score":
            return "" if row.score is None else f"{row.score:.0f}%"
        if column == "stage":
            return self.stage_title(row.stage_reached)
        if column == "goal":
            return yes_no(row.goal_achieved)
        if column == "transcribed":
            return "✓" if row.transcribed else ""
        return ""

    def _tooltip(self, row: InteractionRow, column: str) -> str:
        if column == "status" and row.review_incomplete:
            return QCoreApplication.translate(
                "InteractionsTableModel",
                "Reviewed, but criteria added to its checklist since are unanswered",
            )
        if column == "score" and row.critical_failed:
            return QCoreApplication.translate(
                "InteractionsTableModel", "A critical criterion failed: the score is zero."
            )
        if _suggested_only(row, column):
            return QCoreApplication.translate(
                "InteractionsTableModel",
                "Auto-prefill suggestion: no reviewer has confirmed it yet",
            )
        if column == "started_at" and row.started_at is not None:
            return QLocale().toString(to_qdatetime(row.started_at), QLocale.FormatType.LongFormat)
        return self._display(row, column)

    @staticmethod
    def _alignment(column: str) -> int:
        v = Qt.AlignmentFlag.AlignVCenter
        if column in _RIGHT:
            v |= Qt.AlignmentFlag.AlignRight
        elif column in _CENTER:
            v |= Qt.AlignmentFlag.AlignHCenter
        else:
            v |= Qt.AlignmentFlag.AlignLeft
        return int(v.value)

    def stage_title(self, stage: str | None) -> str:
        if not stage:
            return ""
        return self._stage_titles.get(stage) or stage_fallback(stage)

    # -- changing rows ----------------------------------------------------------------------
    def rows(self) -> list[InteractionRow]:
        return list(self._rows)

    def row_at(self, row_no: int) -> InteractionRow:
        return self._rows[row_no]

    def row_of(self, interaction_id: int) -> int | None:
        """The row number of an interaction, or None when it is not listed."""
        return self._pos.get(interaction_id)

    def set_rows(self, rows: Sequence[InteractionRow]) -> None:
        """Replace all rows, keeping the current sort."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort_column >= 0:
            self._rows = self._sorted(self._rows, self._sort_column, self._sort_order)
        self._reindex()
        self.endResetModel()

    def update_row(self, row: InteractionRow) -> bool:
        """Replace the row with the same id in place; False when it is not listed.

        The row keeps its position even if its sort key changed, so the line under the
        reviewer's eyes does not jump away after an edit; the next sort places it.
        """
        pos = self._pos.get(row.id)
        if pos is None:
            return False
        self._rows[pos] = row
        self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(COLUMNS) - 1))
        return True

    def remove_row(self, interaction_id: int) -> bool:
        pos = self._pos.get(interaction_id)
        if pos is None:
            return False
        self.beginRemoveRows(QModelIndex(), pos, pos)
        del self._rows[pos]
        self._reindex()
        self.endRemoveRows()
        return True

    def set_stage_titles(self, titles: dict[str, str]) -> None:
        """Stage id -> title, from the checklist templates, in funnel order.

        The order matters: sorting by stage follows the funnel, not the alphabet.
        """
        self._stage_titles = dict(titles)
        self._stage_order = {sid: i for i, sid in enumerate(titles)}
        self.retranslate()

    def retranslate(self) -> None:
        """Relabel headers and cells after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )

    def _reindex(self) -> None:
        self._pos = {r.id: i for i, r in enumerate(self._rows)}

    # -- sorting ----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_column, self._sort_order = column, order
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old_pos = {r.id: i for i, r in enumerate(self._rows)}
        self._rows = self._sorted(self._rows, column, order)
        self._reindex()
        self._move_persistent(old_pos)
        self.layoutChanged.emit()

    def _move_persistent(self, old_pos: dict[int, int]) -> None:
        old_to_new = {old: self._pos[rid] for rid, old in old_pos.items()}
        old_indexes = self.persistentIndexList()
        new_indexes = [self.index(old_to_new[i.row()], i.column()) for i in old_indexes]
        self.changePersistentIndexList(old_indexes, new_indexes)

    def _sorted(
        self, rows: list[InteractionRow], column: int, order: Qt.SortOrder
    ) -> list[InteractionRow]:
        """Rows sorted by the column's key; empty values last in both orders."""
        key = self._key_function(COLUMNS[column][0])
        keyed = [(key(r), r) for r in rows]
        present = [kr for kr in keyed if kr[0] is not None]
        missing = [kr[1] for kr in keyed if kr[0] is None]
        present.sort(key=lambda kr: kr[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [r for _k, r in present] + missing

    def _key_function(self, column: str) -> Callable[[InteractionRow], Any]:
        """A key per row, computed once per sort; None means "no value" (sorted last)."""
        if column == "started_at":
            return lambda r: r.started_at
        if column in ("kind", "direction"):
            label = kind_label if column == "kind" else direction_label
            cache: dict[str | None, str] = {}

            def by_label(r: InteractionRow) -> str | None:
                code = r.kind if column == "kind" else r.direction
                if code is None:
                    return None
                if code not in cache:
                    cache[code] = label(code).casefold()
                return cache[code]

            return by_label
        if column == "status":
            return lambda r: _STATUS_ORDER.get(r.status, len(_STATUS_ORDER))
        if column in ("client", "consultant", "customer"):
            attr = {"client": "client", "consultant": "consultant", "customer": "customer_ref"}[
                column
            ]

            def by_text(r: InteractionRow) -> str | None:
                v = getattr(r, attr)
                return v.casefold() if v else None

            return by_text
        if column == "duration":
            return lambda r: r.duration
        if column == "score":
            return lambda r: r.score
        if column == "stage":
            unknown = len(self._stage_order)

            def by_stage(r: InteractionRow) -> tuple[int, str] | None:
                if not r.stage_reached:
                    return None
                pos = self._stage_order.get(r.stage_reached, unknown)
                return pos, self.stage_title(r.stage_reached).casefold()

            return by_stage
        if column == "goal":
            return lambda r: None if r.goal_achieved is None else int(r.goal_achieved)
        if column == "transcribed":
            return lambda r: int(r.transcribed)
        raise KeyError(column)
