"""The lead's forms: draw a new sampling plan, and give its items to reviewers.

Both call the same service methods as ``qcdesk plan create`` / ``plan assign``; a refusal is
shown in the form, which stays open so nothing typed is lost.
"""

from __future__ import annotations

import random
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from qcdesk.domain.sample_filter import SampleFilter
from qcdesk.errors import KnownError
from qcdesk.qtmodels.plans import label
from qcdesk.widgets.messages import known_error_text

if TYPE_CHECKING:
    from qcdesk.services.context import Services


def _spin(top: int, value: int = 0, special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, top)
    box.setValue(value)
    if special:
        box.setSpecialValueText(special)
    return box


def _due(edit: QDateEdit) -> date:
    chosen: date = edit.date().toPython()  # type: ignore[assignment]
    return chosen


class _Form(QDialog):
    def _finish(self, form: QFormLayout) -> None:
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def _refuse(self, err: Exception) -> None:
        self.error.setText(known_error_text(err) if isinstance(err, KnownError) else str(err))


class NewPlanDialog(_Form):
    """Company, month, quotas per consultant, strata, filters, seed and due date."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NewPlanDialog")
        self.setWindowTitle(self.tr("New review plan"))
        self._services = services
        self.created: Any = None
        self.client = QComboBox()
        for c in services.catalog.list_clients():
            self.client.addItem(c.name, c.id)
        today = QDate.currentDate()
        self.month = QDateEdit(QDate(today.year(), today.month(), 1).addMonths(-1))
        self.month.setDisplayFormat("MM.yyyy")
        self.quotas = {k: _spin(1000, v) for k, v in (("call", 8), ("chat", 4), ("visit", 0))}
        quota_row = QHBoxLayout()
        for k, box in self.quotas.items():
            quota_row.addWidget(QLabel(label(k)))
            quota_row.addWidget(box)
        self.by_direction = QCheckBox(self.tr("Keep the mix of incoming and outgoing"))
        self.duration_min = _spin(36000, 0, self.tr("any"))
        self.duration_max = _spin(36000, 0, self.tr("any"))
        duration = QHBoxLayout()
        duration.addWidget(self.duration_min)
        duration.addWidget(QLabel("—"))
        duration.addWidget(self.duration_max)
        self.prefill_below = QDoubleSpinBox()
        self.prefill_below.setRange(0, 100)
        self.prefill_below.setSpecialValueText(self.tr("any"))
        self.critical_no = QCheckBox(self.tr("Auto-prefill suggested «no» on a critical criterion"))
        self.unreviewed = QCheckBox(self.tr("Not reviewed yet"))
        self.unreviewed.setChecked(True)
        self.workdays = QCheckBox(self.tr("Monday to Friday only"))
        self.seed = _spin(2**31 - 1, random.randrange(1, 10**6))
        self.due = QDateEdit(today.addDays(14))
        self.due.setCalendarPopup(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Company:"), self.client)
        form.addRow(self.tr("Month:"), self.month)
        form.addRow(self.tr("Per consultant:"), quota_row)
        form.addRow(self.by_direction)
        form.addRow(self.tr("Duration, s:"), duration)
        form.addRow(self.tr("Auto-prefill score below, %:"), self.prefill_below)
        form.addRow(self.critical_no)
        form.addRow(self.unreviewed)
        form.addRow(self.workdays)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow(self.tr("Due:"), self.due)
        self._finish(form)

    def sample_filter(self) -> SampleFilter:
        return SampleFilter(
            duration_min=self.duration_min.value() or None,
            duration_max=self.duration_max.value() or None,
            prefill_below=self.prefill_below.value() or None,
            critical_no=self.critical_no.isChecked(),
            unreviewed=self.unreviewed.isChecked(),
            weekdays=(0, 1, 2, 3, 4) if self.workdays.isChecked() else (),
        )

    def accept(self) -> None:
        quotas = {k: b.value() for k, b in self.quotas.items() if b.value()}
        if not quotas or self.client.currentData() is None:
            self.error.setText(self.tr("Choose a company and at least one quota."))
            return
        try:
            self.created = self._services.plans.create(
                self.client.currentData(), self.month.date().toString("yyyy-MM"), quotas,
                self.sample_filter(), ("direction",) if self.by_direction.isChecked() else (),
                self.seed.value(), _due(self.due),
            )  # fmt: skip
        except (KnownError, ValueError) as err:
            self._refuse(err)
            return
        super().accept()


class AssignDialog(_Form):
    """Reviewers (even split, or weights), the due date; or one reviewer for chosen items."""

    def __init__(
        self,
        services: Services,
        plan_id: int,
        interactions: list[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AssignDialog")
        self.setWindowTitle(self.tr("Assign to reviewers"))
        self._services = services
        self._plan = plan_id
        self._interactions = interactions
        self.given: dict[str, int] = {}
        self.reviewers = QLineEdit(services.evaluations.reviewer)
        self.reviewers.setPlaceholderText(self.tr("Names, separated by commas"))
        self.weights = QLineEdit()
        self.weights.setPlaceholderText(self.tr("e.g. 2, 1 (empty: evenly)"))
        self.due = QDateEdit(QDate.currentDate().addDays(14))
        self.due.setCalendarPopup(True)
        self.reassign = QCheckBox(self.tr("Also items already assigned"))
        form = QFormLayout(self)
        if interactions is not None:
            form.addRow(QLabel(self.tr("%n item(s) chosen", "", len(interactions))))
        form.addRow(self.tr("Reviewers:"), self.reviewers)
        form.addRow(self.tr("Weights:"), self.weights)
        form.addRow(self.tr("Due:"), self.due)
        if interactions is None:
            form.addRow(self.reassign)
        self._finish(form)

    def _weights(self, count: int) -> list[float] | None:
        """The weights typed, or None for an even split; ValueError when they do not fit."""
        text = self.weights.text().replace(";", ",")
        if not text.strip():
            return None
        weights = [float(w) for w in text.split(",")]
        if len(weights) != count or min(weights) < 0 or sum(weights) <= 0:
            raise ValueError(text)
        return weights

    def accept(self) -> None:
        names = [n.strip() for n in self.reviewers.text().split(",") if n.strip()]
        if not names or len(set(names)) != len(names):
            self.error.setText(self.tr("Name each reviewer once."))
            return
        try:
            weights = self._weights(len(names))
        except ValueError:
            self.error.setText(self.tr("Give one weight per reviewer, such as 2, 1."))
            return
        try:
            self.given = self._services.plans.assign(
                self._plan, names, weights, interactions=self._interactions,
                due=_due(self.due), reassign=self.reassign.isChecked(),
            )  # fmt: skip
        except (KnownError, ValueError) as err:
            self._refuse(err)
            return
        super().accept()
