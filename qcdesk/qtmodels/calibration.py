"""Tables of a calibration's comparison: per criterion, per interaction's answers, totals.

All three read a frozen ``domain.calibration.Comparison``. A criterion row is tinted when
the group agrees too little (agreement below 80 % or Krippendorff's alpha below 0.667, the
level under which Krippendorff advises against drawing even tentative conclusions); an
answer differing from the majority is tinted in the answers grid.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from qcdesk.domain.calibration import Comparison, CriterionResult, ItemResult
from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.qtmodels.base import Index, RowsTableModel

CONTEXT = "CalibrationModels"
FLAGGED_ROLE = Qt.ItemDataRole.UserRole + 1
LOW = QColor("#fde2e1")
MIN_AGREEMENT, MIN_ALPHA = 0.8, 0.667
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)

CRITERIA_COLUMNS = (
    QT_TRANSLATE_NOOP("CalibrationModels", "Criterion"),
    QT_TRANSLATE_NOOP("CalibrationModels", "Agreement"),
    QT_TRANSLATE_NOOP("CalibrationModels", "Fleiss' κ"),
    QT_TRANSLATE_NOOP("CalibrationModels", "Krippendorff's α"),
    QT_TRANSLATE_NOOP("CalibrationModels", "Differ from the majority"),
)
ANSWER_TEXT = {
    "yes": QT_TRANSLATE_NOOP("CalibrationModels", "yes"),
    "no": QT_TRANSLATE_NOOP("CalibrationModels", "no"),
    "partial": QT_TRANSLATE_NOOP("CalibrationModels", "partly"),
    "na": QT_TRANSLATE_NOOP("CalibrationModels", "N/A"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def share(x: float | None) -> str:
    return "—" if x is None else QLocale().toString(x * 100, "f", 0) + " %"


def coefficient(x: float | None) -> str:
    return "—" if x is None else QLocale().toString(x, "f", 2)


def points(x: float | None) -> str:
    return "—" if x is None else QLocale().toString(x, "f", 1)


def answer_text(value: str | None) -> str:
    if value is None:
        return "—"
    return _tr(ANSWER_TEXT[value]) if value in ANSWER_TEXT else value


def flagged(r: CriterionResult) -> bool:
    f = r.figures
    return (f.agreement is not None and f.agreement < MIN_AGREEMENT) or (
        f.krippendorff_alpha is not None and f.krippendorff_alpha < MIN_ALPHA
    )


class CalibrationCriteriaModel(RowsTableModel):
    """One row per criterion: the group's agreement figures and who differs from the majority."""

    column_count = len(CRITERIA_COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[CriterionResult, ...] = ()

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._rows = comparison.criteria if comparison else ()
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, col = self._rows[index.row()], index.column()
        f = r.figures
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.title,
                share(f.agreement),
                coefficient(f.fleiss_kappa),
                coefficient(f.krippendorff_alpha),
                ", ".join(r.deviating) or "—",
            )[col]
        if role == FLAGGED_ROLE:
            return flagged(r)
        if role == Qt.ItemDataRole.BackgroundRole and flagged(r):
            return QBrush(LOW)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2, 3):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            pairs = "\n".join(f"{k.a} – {k.b}: κ {coefficient(k.kappa)}" for k in f.cohen)
            metric = (
                QCoreApplication.translate("CalibrationModels", "interval scale, N/A left out")
                if f.alpha_metric == "interval"
                else QCoreApplication.translate("CalibrationModels", "categories")
            )
            head = QCoreApplication.translate(
                "CalibrationModels", "Cohen's κ by pair ({metric} for α):"
            ).format(metric=metric)
            return f"{head}\n{pairs}\n\n{r.guidance}".strip()
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(CRITERIA_COLUMNS[section]) if 0 <= section < self.column_count else None
        return None


class CalibrationAnswersModel(RowsTableModel):
    """One interaction: criteria down, participants across, then the majority and reference."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[CriterionResult, ...] = ()
        self._people: tuple[str, ...] = ()
        self._item: ItemResult | None = None
        self._reference: dict[str, str | None] | None = None

    def set_item(
        self,
        comparison: Comparison | None,
        item: ItemResult | None,
        reference: dict[str, str | None] | None,
    ) -> None:
        self.beginResetModel()
        self._people = comparison.participants if comparison else ()
        wanted = set(item.majority) if item else set()
        self._rows = (
            tuple(r for r in comparison.criteria if r.criterion_id in wanted)
            if (comparison)
            else ()
        )
        self._item, self._reference = item, reference
        self.column_count = 1 + len(self._people) + 2
        self.endResetModel()

    def _value(self, r: CriterionResult, col: int) -> str | None:
        assert self._item is not None
        if col <= len(self._people):
            return self._item.answers[self._people[col - 1]].get(r.criterion_id)
        if col == len(self._people) + 1:
            return self._item.majority.get(r.criterion_id)
        return (self._reference or {}).get(r.criterion_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._item is None:
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return r.title if col == 0 else answer_text(self._value(r, col))
        differs = (
            0 < col <= len(self._people)
            and (top := self._item.majority.get(r.criterion_id)) is not None
            and (value := self._value(r, col)) is not None
            and value != top
        )
        if role == FLAGGED_ROLE:
            return differs
        if role == Qt.ItemDataRole.BackgroundRole and differs:
            return QBrush(LOW)
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return CENTER
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("CalibrationModels", "Criterion")
        if section <= len(self._people):
            return self._people[section - 1]
        if section == len(self._people) + 1:
            return QCoreApplication.translate("CalibrationModels", "Majority")
        return (
            QCoreApplication.translate("CalibrationModels", "Reference")
            if section == len(self._people) + 2
            else None
        )


class CalibrationTotalsModel(RowsTableModel):
    """One row per interaction: each participant's total score and the spread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ItemResult, ...] = ()
        self._people: tuple[str, ...] = ()
        self.labels: dict[int, str] = {}  # interaction id -> how the screen names it

    def set_comparison(self, comparison: Comparison | None, labels: dict[int, str]) -> None:
        self.beginResetModel()
        self._rows = comparison.items if comparison else ()
        self._people = comparison.participants if comparison else ()
        self.labels = labels
        self.column_count = 1 + len(self._people) + 1
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self.labels.get(r.interaction_id, f"#{r.interaction_id}")
            if col <= len(self._people):
                return points(r.totals[self._people[col - 1]])
            return points(r.spread)
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("CalibrationModels", "Interaction")
        if section <= len(self._people):
            return self._people[section - 1]
        return (
            QCoreApplication.translate("CalibrationModels", "Spread")
            if section == len(self._people) + 1
            else None
        )
