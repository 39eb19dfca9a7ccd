"""Per-criterion agreement of auto-prefill with reviewers, as a table with flagged rows.

Rows come from ``AgreementService.report`` (frozen values). A flagged row (agreement or kappa
below the thresholds) is tinted and says why in its tooltip, so the head of sales sees at a
glance which rule to fix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.qtmodels.base import RowsTableModel

if TYPE_CHECKING:
    from qcdesk.services.agreement import AgreementReport, CriterionAgreement

CONTEXT = "AgreementTableModel"
FLAGGED_ROLE = Qt.ItemDataRole.UserRole + 1
CRITERION_ROLE = Qt.ItemDataRole.UserRole + 2
FLAG_COLOR = QColor("#fde2e1")
_Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    ("template", QT_TRANSLATE_NOOP("AgreementTableModel", "Template")),
    ("criterion", QT_TRANSLATE_NOOP("AgreementTableModel", "Criterion")),
    ("n", QT_TRANSLATE_NOOP("AgreementTableModel", "Reviewed")),
    ("agreement", QT_TRANSLATE_NOOP("AgreementTableModel", "Agreement")),
    ("coverage", QT_TRANSLATE_NOOP("AgreementTableModel", "Coverage")),
    ("accuracy", QT_TRANSLATE_NOOP("AgreementTableModel", "Accuracy when answered")),
    ("kappa", QT_TRANSLATE_NOOP("AgreementTableModel", "Kappa")),
)
OUTCOME_TITLES = {
    "stage_reached": QT_TRANSLATE_NOOP("AgreementTableModel", "Outcome: stage reached"),
    "goal_achieved": QT_TRANSLATE_NOOP("AgreementTableModel", "Outcome: goal achieved"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _share(x: float | None) -> str:
    return "—" if x is None else QLocale().toString(x * 100, "f", 0) + " %"


class AgreementTableModel(RowsTableModel):
    column_count = len(COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report: AgreementReport | None = None
        self._rows: tuple[CriterionAgreement, ...] = ()

    def set_report(self, report: AgreementReport | None) -> None:
        self.beginResetModel()
        self._report = report
        self._rows = report.rows if report else ()
        self.endResetModel()

    def report(self) -> AgreementReport | None:
        return self._report

    def row(self, i: int) -> CriterionAgreement:
        return self._rows[i]

    def _text(self, r: CriterionAgreement, column: str) -> str:
        if column == "template":
            return r.template
        if column == "criterion":
            title = OUTCOME_TITLES.get(r.criterion_id)
            return _tr(title) if title else r.title
        if column == "n":
            return str(r.n)
        if column == "agreement":
            return _share(r.agreement)
        if column == "coverage":
            return _share(r.coverage)
        if column == "accuracy":
            return _share(r.accuracy_answered)
        return "—" if r.kappa is None else QLocale().toString(r.kappa, "f", 2)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == FLAGGED_ROLE:
            return r.flagged
        if role == CRITERION_ROLE:
            return r.criterion_id
        if role == Qt.ItemDataRole.BackgroundRole and r.flagged:
            return QBrush(FLAG_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("template", "criterion"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and r.flagged and self._report is not None:
            return QCoreApplication.translate(
                "AgreementTableModel",
                "Below the threshold (agreement {agreement}, kappa {kappa}): check this rule",
            ).format(
                agreement=_share(self._report.min_agreement),
                kappa=QLocale().toString(self._report.min_kappa, "f", 2),
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][0] == "kappa":
            return QCoreApplication.translate(
                "AgreementTableModel",
                "Cohen's kappa: agreement beyond chance; «check manually» counts as an answer "
                "of its own",
            )
        return None
