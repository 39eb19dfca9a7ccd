"""The attachments of a mystery visit as a list model: name, kind icon or photo thumbnail.

Thumbnails arrive later from a job (decoding a dozen 12-megapixel photos takes a second or
two), so the model shows a kind icon first and swaps in each picture when it is ready.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.services.dto import AttachmentInfo

ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the AttachmentInfo of a row
KIND_LABELS = {
    "photo": QT_TRANSLATE_NOOP("Labels", "Photo"),
    "screenshot": QT_TRANSLATE_NOOP("Labels", "Screenshot"),
    "audio": QT_TRANSLATE_NOOP("Labels", "Audio"),
    "document": QT_TRANSLATE_NOOP("Labels", "Document"),
}
_KIND_ICONS = {
    "photo": QStyle.StandardPixmap.SP_FileIcon,
    "screenshot": QStyle.StandardPixmap.SP_DesktopIcon,
    "audio": QStyle.StandardPixmap.SP_MediaVolume,
    "document": QStyle.StandardPixmap.SP_FileDialogDetailedView,
}
IMAGE_KINDS = ("photo", "screenshot")

_Index = QModelIndex | QPersistentModelIndex


def attachment_kind_label(kind: str) -> str:
    source = KIND_LABELS.get(kind)
    return kind if source is None else QCoreApplication.translate("Labels", source)


class AttachmentsModel(QAbstractListModel):
    """Rows are AttachmentInfo values; criteria titles come from the visit's form."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttachmentInfo] = []
        self._thumbs: dict[int, QPixmap] = {}
        self._titles: dict[str, str] = {}

    def set_rows(self, rows: list[AttachmentInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        keep = {r.id for r in rows}
        self._thumbs = {k: v for k, v in self._thumbs.items() if k in keep}
        self.endResetModel()

    def set_criteria_titles(self, titles: dict[str, str]) -> None:
        self._titles = dict(titles)
        self.retranslate()

    def retranslate(self) -> None:
        """Ask views for every label again (after a language switch or new criteria titles)."""
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def update_row(self, info: AttachmentInfo) -> None:
        for i, r in enumerate(self._rows):
            if r.id == info.id:
                self._rows[i] = info
                self.dataChanged.emit(self.index(i), self.index(i))
                return

    def set_thumbnail(self, attachment_id: int, pixmap: QPixmap) -> None:
        self._thumbs[attachment_id] = pixmap
        for i, r in enumerate(self._rows):
            if r.id == attachment_id:
                self.dataChanged.emit(
                    self.index(i), self.index(i), [Qt.ItemDataRole.DecorationRole]
                )

    def has_thumbnail(self, attachment_id: int) -> bool:
        return attachment_id in self._thumbs

    def rows(self) -> list[AttachmentInfo]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            linked = len(r.criteria)
            if not linked:
                return r.original_name
            evidence = self.tr("evidence: %n", "", linked)
            return f"{r.original_name}\n{evidence}"
        if role == Qt.ItemDataRole.DecorationRole:
            thumb = self._thumbs.get(r.id)
            if thumb is not None:
                return QIcon(thumb)
            style = QApplication.style()
            return style.standardIcon(_KIND_ICONS.get(r.kind, QStyle.StandardPixmap.SP_FileIcon))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{attachment_kind_label(r.kind)}: {r.original_name}"]
            lines += [f"• {self._titles.get(c, c)}" for c in r.criteria]
            return "\n".join(lines)
        if role == ATTACHMENT_ROLE:
            return r
        return None
