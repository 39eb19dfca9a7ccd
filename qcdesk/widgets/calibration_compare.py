"""The comparison of a calibration session: per criterion, per interaction, overall.

Shown only once the service hands the results out (everyone submitted, or the lead closed the
session). Rows in red are criteria the group does not agree on; in the answers grid, red cells
are answers that differ from the majority.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcdesk.qtmodels.calibration import (
    CalibrationAnswersModel,
    CalibrationCriteriaModel,
    CalibrationTotalsModel,
    coefficient,
    points,
    share,
)
from qcdesk.services.calibration import CalibrationResults


def _table(model: CalibrationCriteriaModel | CalibrationAnswersModel | CalibrationTotalsModel,
           name: str, parent: QWidget) -> QTableView:  # fmt: skip
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class CalibrationComparison(QWidget):
    """Overall figures, the per-criterion table, one interaction's answers, the totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: CalibrationResults | None = None
        self._labels: dict[int, str] = {}
        self.overall = QLabel(self)
        self.overall.setWordWrap(True)
        self.overall.setTextFormat(Qt.TextFormat.RichText)
        self.people = QLabel(self)
        self.people.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555;")
        self.criteria_model = CalibrationCriteriaModel(self)
        self.criteria_view = _table(self.criteria_model, "CalibrationCriteria", self)
        self.answers_model = CalibrationAnswersModel(self)
        self.answers_view = _table(self.answers_model, "CalibrationAnswers", self)
        self.totals_model = CalibrationTotalsModel(self)
        self.totals_view = _table(self.totals_model, "CalibrationTotals", self)
        self.item_combo = QComboBox(self)
        self.item_combo.currentIndexChanged.connect(self._on_item_combo_changed)
        self.item_label = QLabel(self)
        answers = QWidget(self)
        box = QVBoxLayout(answers)
        box.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(self.item_label)
        pick.addWidget(self.item_combo, 1)
        box.addLayout(pick)
        box.addWidget(self.answers_view, 1)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(answers)
        right.addWidget(self.totals_view)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.criteria_view)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.overall)
        layout.addWidget(self.people)
        layout.addWidget(split, 1)
        layout.addWidget(self.legend)
        self.retranslate()

    def retranslate(self) -> None:
        self.item_label.setText(self.tr("Answers for"))
        self.legend.setText(
            self.tr(
                "Red rows: agreement below 80 % or Krippendorff's α below 0.67. «—»: everyone "
                "gave one and the same answer throughout, so κ and α cannot tell agreement "
                "from chance. Scales (1–5) count in α by how far apart the answers are."
            )
        )
        for model in (self.criteria_model, self.answers_model, self.totals_model):
            model.retranslate()
        self._show_summary()

    def set_results(self, results: CalibrationResults | None, labels: dict[int, str]) -> None:
        """Show *results* (None: nothing yet); *labels* name the interactions."""
        self._results, self._labels = results, labels
        comparison = results.comparison if results else None
        self.criteria_model.set_comparison(comparison)
        self.totals_model.set_comparison(comparison, labels)
        current = self.item_combo.currentData()
        with QSignalBlocker(self.item_combo):
            self.item_combo.clear()
            for item in comparison.items if comparison else ():
                self.item_combo.addItem(labels.get(item.interaction_id, ""), item.interaction_id)
            self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(current)))
        self._on_item_combo_changed()
        self._show_summary()

    @Slot()
    def _on_item_combo_changed(self, *_: object) -> None:
        results = self._results
        iid = self.item_combo.currentData()
        item = None
        if results is not None:
            item = next((i for i in results.comparison.items if i.interaction_id == iid), None)
        self.answers_model.set_item(
            results.comparison if results else None,
            item,
            results.references.get(iid) if results and iid is not None else None,
        )

    def _show_summary(self) -> None:
        if self._results is None:
            self.overall.clear()
            self.people.clear()
            return
        c = self._results.comparison
        f = c.overall
        pairs = ", ".join(f"{k.a} – {k.b} {coefficient(k.kappa)}" for k in f.cohen)
        self.overall.setText(
            self.tr(
                "<b>Overall</b>: agreement {agreement} · Fleiss' κ {fleiss} · "
                "Krippendorff's α {alpha} · totals differ by {mean} points on average, "
                "at most {max}<br>Cohen's κ by pair: {pairs}"
            ).format(
                agreement=share(f.agreement),
                fleiss=coefficient(f.fleiss_kappa),
                alpha=coefficient(f.krippendorff_alpha),
                mean=points(c.mean_spread),
                max=points(c.max_spread),
                pairs=pairs or "—",
            )
        )
        parts = [
            self.tr("{name}: {n} of {of}").format(name=p.name, n=p.deviations, of=p.compared)
            for p in c.people
        ]
        self.people.setText(
            self.tr("Answers differing from the majority: {people}").format(people="; ".join(parts))
        )
