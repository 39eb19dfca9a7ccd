"""Models for the template library and editor: versions as a table, a checklist as a tree.

The tree and the stages table sit over an immutable `ChecklistTemplate`: they never change it
themselves. An edit (a renamed stage, a dragged criterion) is reported by a signal, the editor
turns it into an undoable command that builds a new template, and the model is given that
template back. Drops are therefore reported and refused, so the view never removes the
dragged rows itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.qtmodels.base import RowsTableModel
from qcdesk.qtmodels.labels import format_date, kind_label

if TYPE_CHECKING:
    from qcdesk.services.templates import TemplateInfo

CONTEXT = "TemplatesModel"
VERSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TEMPLATE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
INFO_ROLE = Qt.ItemDataRole.UserRole + 3
PATH_ROLE = Qt.ItemDataRole.UserRole + 4
MIME = "application/x-qcdesk-checklist-item"
PROBLEM_COLOR = QColor("#c62828")
Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    ("title", QT_TRANSLATE_NOOP("TemplatesModel", "Checklist")),
    ("client", QT_TRANSLATE_NOOP("TemplatesModel", "Client company")),
    ("kind", QT_TRANSLATE_NOOP("TemplatesModel", "Kind")),
    ("language", QT_TRANSLATE_NOOP("TemplatesModel", "Language")),
    ("version", QT_TRANSLATE_NOOP("TemplatesModel", "Version")),
    ("status", QT_TRANSLATE_NOOP("TemplatesModel", "Status")),
    ("evaluations", QT_TRANSLATE_NOOP("TemplatesModel", "Evaluations")),
    ("default", QT_TRANSLATE_NOOP("TemplatesModel", "Default for")),
    ("published", QT_TRANSLATE_NOOP("TemplatesModel", "Published")),
)
STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("TemplatesModel", "Draft"),
    "published": QT_TRANSLATE_NOOP("TemplatesModel", "Published"),
    "archived": QT_TRANSLATE_NOOP("TemplatesModel", "Archived"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_label(status: str) -> str:
    source = STATUS_LABELS.get(status)
    return status if source is None else _tr(source)


class TemplatesTableModel(RowsTableModel):
    """Template versions: only each template's newest unless all versions are asked for.

    The evaluations column counts the evaluations of the version in the row: a new draft has
    none, whatever its predecessors have. In the newest-only view the template's total over all
    its versions follows in brackets when it differs ("0 (12 in all versions)"), since that is
    "how many evaluations use it".
    """

    column_count = len(COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[TemplateInfo] = []
        self._rows: list[TemplateInfo] = []
        self._totals: dict[int, int] = {}
        self._all_versions = False

    def set_rows(self, rows: list[TemplateInfo], all_versions: bool | None = None) -> None:
        self.beginResetModel()
        self._all = list(rows)
        if all_versions is not None:
            self._all_versions = all_versions
        self._totals = {}
        for r in rows:
            self._totals[r.template_id] = self._totals.get(r.template_id, 0) + r.evaluations
        self._rows = [r for r in rows if self._all_versions or r.newest]
        self.endResetModel()

    def set_all_versions(self, on: bool) -> None:
        self.set_rows(self._all, on)

    def info(self, row: int) -> TemplateInfo:
        return self._rows[row]

    def row_of(self, version_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.version_id == version_id), None)

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == VERSION_ID_ROLE:
            return r.version_id
        if role == TEMPLATE_ID_ROLE:
            return r.template_id
        if role == INFO_ROLE:
            return r
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return r.slug
        if role == Qt.ItemDataRole.ForegroundRole and r.status == "archived":
            return QColor("#808891")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("version", "evaluations"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, r: TemplateInfo, column: str) -> Any:
        if column == "title":
            return r.title
        if column == "client":
            return (
                r.client
                if r.client is not None
                else _tr(QT_TRANSLATE_NOOP("TemplatesModel", "Shared"))
            )
        if column == "kind":
            return kind_label(r.kind)
        if column == "language":
            return r.language
        if column == "version":
            return r.version
        if column == "status":
            return status_label(r.status)
        if column == "evaluations":
            total = self._totals.get(r.template_id, 0)
            if self._all_versions or total == r.evaluations:
                return r.evaluations
            text = QCoreApplication.translate("TemplatesModel", "%1 (%2 in all versions)")
            return text.replace("%1", str(r.evaluations)).replace("%2", str(total))
        if column == "default":
            return ", ".join(r.default_for)
        if r.published_at is None:
            return ""
        return format_date(r.published_at.date())


class ChecklistTreeModel(QAbstractItemModel):
    """Sections and their criteria; paths are ("section", i) and ("criterion", i, j).

    Internal ids: 0 for a section, section index + 1 for a criterion (so a criterion's parent
    is known without storing objects in the index).
    """

    move_requested = Signal(object, object)  # source path, (section, row) or (None, row)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._t: ChecklistTemplate | None = None
        self._problems: dict[tuple[Any, ...], str] = {}

    def set_template(self, t: ChecklistTemplate, structure_changed: bool = True) -> None:
        if structure_changed or self._t is None:
            self.beginResetModel()
            self._t = t
            self.endResetModel()
            return
        self._t = t
        self._refresh_all()

    def set_problems(self, problems: dict[tuple[Any, ...], str]) -> None:
        if problems != self._problems:
            self._problems = dict(problems)
            self._refresh_all()

    def retranslate(self) -> None:
        """Relabel "untitled" rows and problem marks after a language switch."""
        self._refresh_all()

    def _refresh_all(self) -> None:
        for i in range(self.rowCount()):
            section = self.index(i, 0)
            self.dataChanged.emit(section, section)
            n = self.rowCount(section)
            if n:
                self.dataChanged.emit(self.index(0, 0, section), self.index(n - 1, 0, section))

    def index_of(self, path: tuple[Any, ...]) -> QModelIndex:
        if not path or self._t is None:
            return QModelIndex()
        if path[0] == "section" and path[1] < len(self._t.sections):
            return self.index(path[1], 0)
        if path[0] == "criterion" and path[1] < len(self._t.sections):
            if path[2] < len(self._t.sections[path[1]].criteria):
                return self.index(path[2], 0, self.index(path[1], 0))
        return QModelIndex()

    @staticmethod
    def path(index: Index) -> tuple[Any, ...]:
        if not index.isValid():
            return ()
        if index.internalId() == 0:
            return ("section", index.row())
        return ("criterion", index.internalId() - 1, index.row())

    # -- structure ----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if self._t is None or column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._t.sections) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        if row < len(self._t.sections[parent.row()].criteria):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if self._t is None:
            return 0
        if not parent.isValid():
            return len(self._t.sections)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._t.sections[parent.row()].criteria)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._t is None:
            return None
        path = self.path(index)
        if role == PATH_ROLE:
            return path
        section = self._t.sections[path[1]]
        if path[0] == "section":
            if role == Qt.ItemDataRole.DisplayRole:
                return section.title or _tr(
                    QT_TRANSLATE_NOOP("TemplatesModel", "(untitled section)")
                )
        else:
            c = section.criteria[path[2]]
            if role == Qt.ItemDataRole.DisplayRole:
                mark = "⚠ " if c.critical else ""
                untitled = QT_TRANSLATE_NOOP("TemplatesModel", "(untitled criterion)")
                return mark + (c.title or _tr(untitled))
            if role == Qt.ItemDataRole.ToolTipRole and path not in self._problems:
                return c.id
        problem = self._problems.get(path)
        if problem is not None:
            if role == Qt.ItemDataRole.ForegroundRole:
                return PROBLEM_COLOR
            if role == Qt.ItemDataRole.ToolTipRole:
                return problem
        if role == Qt.ItemDataRole.FontRole and path[0] == "section":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    # -- drag and drop ------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.internalId() == 0:
            base |= Qt.ItemFlag.ItemIsDropEnabled
        return base

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]  # noqa: N802
        data = QMimeData()
        if indexes:
            text = ",".join(str(x) for x in self.path(indexes[0]))
            data.setData(MIME, QByteArray(text.encode("ascii")))
        return data

    def _drop_target(
        self, data: QMimeData, row: int, parent: Index
    ) -> tuple[tuple[Any, ...], tuple[int | None, int]] | None:
        if self._t is None or not data.hasFormat(MIME):
            return None
        raw = bytes(data.data(MIME).data()).decode("ascii").split(",")
        source: tuple[Any, ...] = (raw[0], *map(int, raw[1:]))
        if source[0] == "section":
            if parent.isValid():  # a section dropped on or inside a section: before it
                if parent.internalId() != 0:
                    return None
                row = parent.row()
            return source, (None, len(self._t.sections) if row < 0 else row)
        if not parent.isValid():
            return None  # criteria live in sections
        if parent.internalId() != 0:  # onto a criterion: before it, in its section
            return source, (parent.internalId() - 1, parent.row())
        count = len(self._t.sections[parent.row()].criteria)
        return source, (parent.row(), count if row < 0 else row)

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return (
            action == Qt.DropAction.MoveAction and self._drop_target(data, row, parent) is not None
        )

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = self._drop_target(data, row, parent)
        if action != Qt.DropAction.MoveAction or target is None:
            return False
        # Reported after the drop event has finished: the editor rebuilds the model then.
        QTimer.singleShot(0, lambda: self.move_requested.emit(*target))
        return False


class StagesTableModel(QAbstractTableModel):
    """The funnel stages (id, title), editable in place; edits are reported, not applied."""

    edited = Signal(int, int, str)  # row, column (0 id, 1 title), new text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stages: list[tuple[str, str]] = []
        self.locked: frozenset[str] = frozenset()  # ids that outcomes already refer to

    def set_stages(self, stages: list[tuple[str, str]]) -> None:
        if stages == self._stages:
            return
        if len(stages) == len(self._stages):
            self._stages = list(stages)
            if stages:
                self.dataChanged.emit(self.index(0, 0), self.index(len(stages) - 1, 1))
            return
        self.beginResetModel()
        self._stages = list(stages)
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._stages)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                _tr(QT_TRANSLATE_NOOP("TemplatesModel", "Stage"))
                if section == 1
                else _tr(QT_TRANSLATE_NOOP("TemplatesModel", "Id"))
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._stages):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._stages[index.row()][index.column()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1 or self._stages[index.row()][0] not in self.locked:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self.edited.emit(index.row(), index.column(), str(value))
        return True
