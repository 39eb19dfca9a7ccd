"""Reviewer alignment with the references, and a reviewer's onboarding feedback.

The table ranks reviewers by how they match the reference (golden) answers and whether they
score systematically higher or lower (drift). Choosing a reviewer lists their criteria and,
below, every answer of theirs that differs from a reference with that criterion's guidance
quoted: the onboarding feedback a new reviewer reads after scoring a pack of references.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelection, Qt, Slot
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qcdesk.qtmodels.alignment import CriterionAlignmentModel, ReviewerAlignmentModel
from qcdesk.services.context import Services
from qcdesk.widgets.criterion_row import answer_labels


def _view(model: ReviewerAlignmentModel | CriterionAlignmentModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class AlignmentPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._client: int | None = None
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.reviewers = ReviewerAlignmentModel(self)
        self.reviewer_view = _view(self.reviewers, self)
        self.reviewer_view.setObjectName("AlignmentReviewers")
        self.reviewer_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.criteria = CriterionAlignmentModel(self)
        self.criteria_view = _view(self.criteria, self)
        self.criteria_view.setObjectName("AlignmentCriteria")
        self.feedback = QTextBrowser(self)
        self.feedback.setObjectName("OnboardingFeedback")
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.criteria_view)
        lower.addWidget(self.feedback)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.reviewer_view)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Each reviewer's finished evaluations of interactions that have a reference "
                "(calibration answers, and references mixed into their work), compared with "
                "it. Drift: how many points more (+) or fewer (−) the reviewer gives than the "
                "reference. Red: agreement below 80 % or drift of 10 points or more."
            )
        )
        self.reviewers.retranslate()
        self.criteria.retranslate()
        self._show_feedback()

    def refresh(self, client: int | None) -> None:
        """Compute the figures again for the company *client* (None: every company)."""
        self._client = client
        selected = self.current_reviewer()
        self.reviewers.set_rows(self._services.alignment.report(client))
        names = [self.reviewers.row(i).reviewer for i in range(self.reviewers.rowCount())]
        if names:
            row = names.index(selected) if selected in names else 0
            self.reviewer_view.selectRow(row)
        self._on_selection_changed()

    def current_reviewer(self) -> str | None:
        rows = self.reviewer_view.selectionModel().selectedRows()
        return self.reviewers.row(rows[0].row()).reviewer if rows else None

    @Slot()
    def _on_selection_changed(self, *_: QItemSelection) -> None:
        rows = self.reviewer_view.selectionModel().selectedRows()
        self.criteria.set_rows(self.reviewers.row(rows[0].row()).criteria if rows else ())
        self._show_feedback()

    def _show_feedback(self) -> None:
        name = self.current_reviewer()
        if name is None:
            self.feedback.setPlainText(
                self.tr("No reference yet: record the agreed answers of a calibration first.")
            )
            return
        found = self._services.alignment.onboarding(name)
        labels = answer_labels()
        parts = [
            "<h3>"
            + escape(self.tr("Where {name} differs from the references").format(name=name))
            + "</h3>"
        ]
        if not found:
            parts.append("<p>" + escape(self.tr("Nowhere: every answer matches.")) + "</p>")
        for d in found:
            answered = self.tr("#{id}: answered «{given}», the reference says «{ref}».").format(
                id=d.interaction_id,
                given=labels.get(d.given or "", d.given or "—"),
                ref=labels.get(d.reference or "", d.reference or "—"),
            )
            parts.append(
                f"<p><b>{escape(d.title)}</b><br>{escape(answered)}"
                f"<br><i>{escape(d.guidance)}</i></p>"
            )
        self.feedback.setHtml("".join(parts))
