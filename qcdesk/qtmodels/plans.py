"""Table models of the plans screen: My queue, progress against quota, productivity, disputes.

Each is a list of frozen values from `PlanService`/`DisputeService` with a column table of
(id, header, text); the header and labels are translated when asked for, so a language switch
needs only `retranslate()`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.qtmodels.base import RowsTableModel
from qcdesk.services.plan_dto import DisputeInfo, PlanItemInfo, Progress

CONTEXT = "PlanModels"
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the frozen value of the row
LATE = QColor("#fde2e1")
_Index = QModelIndex | QPersistentModelIndex

LABELS = {
    "pending": QT_TRANSLATE_NOOP("PlanModels", "To do"),
    "in_progress": QT_TRANSLATE_NOOP("PlanModels", "In progress"),
    "reviewed": QT_TRANSLATE_NOOP("PlanModels", "Reviewed"),
    "skipped": QT_TRANSLATE_NOOP("PlanModels", "Skipped"),
    "call": QT_TRANSLATE_NOOP("PlanModels", "Call"),
    "chat": QT_TRANSLATE_NOOP("PlanModels", "Chat"),
    "visit": QT_TRANSLATE_NOOP("PlanModels", "Visit"),
    "any": QT_TRANSLATE_NOOP("PlanModels", "any channel"),
    "open": QT_TRANSLATE_NOOP("PlanModels", "Open"),
    "accepted": QT_TRANSLATE_NOOP("PlanModels", "Accepted"),
    "partially_accepted": QT_TRANSLATE_NOOP("PlanModels", "Partially accepted"),
    "rejected": QT_TRANSLATE_NOOP("PlanModels", "Rejected"),
    "wrong_consultant": QT_TRANSLATE_NOOP("PlanModels", "Wrong consultant"),
    "not_sales": QT_TRANSLATE_NOOP("PlanModels", "Not a sales conversation"),
    "bad_audio": QT_TRANSLATE_NOOP("PlanModels", "Bad audio"),
    "duplicate": QT_TRANSLATE_NOOP("PlanModels", "Duplicate"),
    "too_short": QT_TRANSLATE_NOOP("PlanModels", "Too short to judge"),
    "other": QT_TRANSLATE_NOOP("PlanModels", "Other"),
    "reviewer_error": QT_TRANSLATE_NOOP("PlanModels", "Reviewer error"),
    "guidance_unclear": QT_TRANSLATE_NOOP("PlanModels", "Guidance unclear"),
    "evidence_missing": QT_TRANSLATE_NOOP("PlanModels", "Evidence missing"),
    "not_reviewer_error": QT_TRANSLATE_NOOP("PlanModels", "Not a reviewer error"),
    "incoming": QT_TRANSLATE_NOOP("PlanModels", "incoming"),
    "outgoing": QT_TRANSLATE_NOOP("PlanModels", "outgoing"),
}


def label(code: str | None) -> str:
    """The translated name of a status, channel, reason or direction code."""
    if code is None:
        return "—"
    source = LABELS.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


def _date(d: Any) -> str:
    if d is None:
        return "—"
    return QLocale().toString(QDate(d.year, d.month, d.day), QLocale.FormatType.ShortFormat)


def _when(t: Any) -> str:
    if t is None:
        return "—"
    return QLocale().toString(QDateTime(t), QLocale.FormatType.ShortFormat)


def _num(x: float | None, digits: int = 1, suffix: str = "") -> str:
    return "—" if x is None else QLocale().toString(float(x), "f", digits) + suffix


def _stratum(text: str) -> str:
    """``direction=incoming|channel=call`` -> ``incoming, call`` in the UI language."""
    return ", ".join(label(part.partition("=")[2]) for part in text.split("|") if part) or "—"


Column = tuple[str, str, Callable[[Any], str]]


class ColumnsModel(RowsTableModel):
    """Rows of frozen values shown through a column table; late rows tinted."""

    columns: tuple[Column, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self.column_count = len(self.columns)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def late(self, row: Any) -> bool:
        return False

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][2](row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.BackgroundRole and self.late(row):
            return QBrush(LATE)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.column_count:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, self.columns[section][1])
        return None


class QueueModel(ColumnsModel):
    """My queue: open plan items of one reviewer, due first."""

    columns = (
        ("due", QT_TRANSLATE_NOOP("PlanModels", "Due"), lambda r: _date(r.due_date)),
        ("when", QT_TRANSLATE_NOOP("PlanModels", "Date"), lambda r: _when(r.started_at)),
        ("consultant", QT_TRANSLATE_NOOP("PlanModels", "Consultant"), lambda r: r.consultant),
        ("channel", QT_TRANSLATE_NOOP("PlanModels", "Channel"), lambda r: label(r.kind)),
        ("direction", QT_TRANSLATE_NOOP("PlanModels", "Direction"), lambda r: label(r.direction)),
        ("status", QT_TRANSLATE_NOOP("PlanModels", "Status"), lambda r: label(r.status)),
        ("plan", QT_TRANSLATE_NOOP("PlanModels", "Plan"), lambda r: f"#{r.plan_id}"),
    )

    def late(self, row: PlanItemInfo) -> bool:
        return row.overdue


class ItemsModel(ColumnsModel):
    """Every item of a plan, skipped ones with their reason."""

    columns = (
        ("consultant", QT_TRANSLATE_NOOP("PlanModels", "Consultant"), lambda r: r.consultant),
        ("channel", QT_TRANSLATE_NOOP("PlanModels", "Channel"), lambda r: label(r.kind)),
        ("stratum", QT_TRANSLATE_NOOP("PlanModels", "Stratum"), lambda r: _stratum(r.stratum)),
        ("when", QT_TRANSLATE_NOOP("PlanModels", "Date"), lambda r: _when(r.started_at)),
        ("reviewer", QT_TRANSLATE_NOOP("PlanModels", "Reviewer"), lambda r: r.reviewer or "—"),
        ("due", QT_TRANSLATE_NOOP("PlanModels", "Due"), lambda r: _date(r.due_date)),
        ("status", QT_TRANSLATE_NOOP("PlanModels", "Status"), lambda r: label(r.status)),
        ("reason", QT_TRANSLATE_NOOP("PlanModels", "Skipped because"),
         lambda r: label(r.skip_reason) if r.skip_reason else ""),
    )  # fmt: skip

    def late(self, row: PlanItemInfo) -> bool:
        return row.overdue


def _done(p: Progress) -> str:
    share = 100.0 * p.reviewed / p.quota if p.quota else None
    return f"{p.reviewed} / {p.quota} ({_num(share, 0, ' %')})"


class ProgressModel(ColumnsModel):
    """Reviewed against the quota, per consultant or per reviewer."""

    columns = (
        ("name", QT_TRANSLATE_NOOP("PlanModels", "Name"), lambda p: p.name),
        ("done", QT_TRANSLATE_NOOP("PlanModels", "Reviewed / quota"), _done),
        ("drawn", QT_TRANSLATE_NOOP("PlanModels", "In the sample"), lambda p: str(p.drawn)),
        ("skipped", QT_TRANSLATE_NOOP("PlanModels", "Skipped"), lambda p: str(p.skipped)),
        ("overdue", QT_TRANSLATE_NOOP("PlanModels", "Overdue"), lambda p: str(p.overdue)),
    )

    def late(self, row: Progress) -> bool:
        return row.overdue > 0


class ProductivityModel(ColumnsModel):
    columns = (
        ("reviewer", QT_TRANSLATE_NOOP("PlanModels", "Reviewer"), lambda r: r.reviewer),
        ("reviews", QT_TRANSLATE_NOOP("PlanModels", "Reviews"), lambda r: str(r.reviews)),
        ("days", QT_TRANSLATE_NOOP("PlanModels", "Days worked"), lambda r: str(r.days)),
        ("per_day", QT_TRANSLATE_NOOP("PlanModels", "Reviews per day"),
         lambda r: _num(r.per_day)),
        ("minutes", QT_TRANSLATE_NOOP("PlanModels", "Median minutes per review"),
         lambda r: _num(r.median_minutes)),
        ("overdue", QT_TRANSLATE_NOOP("PlanModels", "Overdue share"),
         lambda r: _num(None if r.overdue_share is None else 100 * r.overdue_share, 0, " %")),
    )  # fmt: skip


class DisputesModel(ColumnsModel):
    columns = (
        ("opened", QT_TRANSLATE_NOOP("PlanModels", "Opened"), lambda d: _when(d.opened_at)),
        ("consultant", QT_TRANSLATE_NOOP("PlanModels", "Consultant"), lambda d: d.consultant),
        ("reviewer", QT_TRANSLATE_NOOP("PlanModels", "Reviewer"), lambda d: d.reviewer),
        ("answers", QT_TRANSLATE_NOOP("PlanModels", "Answers"), lambda d: str(len(d.items))),
        ("deadline", QT_TRANSLATE_NOOP("PlanModels", "Deadline"), lambda d: _date(d.deadline)),
        ("status", QT_TRANSLATE_NOOP("PlanModels", "Status"), lambda d: label(d.status)),
        ("score", QT_TRANSLATE_NOOP("PlanModels", "Score before → after"),
         lambda d: f"{_num(d.score_before)} → {_num(d.score_after)}"
         if d.status != "open" else _num(d.score_before)),
    )  # fmt: skip

    def late(self, row: DisputeInfo) -> bool:
        return row.overdue
