"""Small forms of the plans screen: skip an item, open a dispute, decide a dispute.

Each dialog keeps its OK button disabled until what the service requires is there (a reason,
a comment, at least one answer), and a dispute's decision follows the ticks: every answer
ticked is "accepted", some "partially accepted", none "rejected".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qcdesk.errors import KnownError
from qcdesk.qtmodels.plans import label
from qcdesk.services.plan_dto import DISPUTE_REASONS, SKIP_REASONS
from qcdesk.widgets.criterion_row import answer_labels
from qcdesk.widgets.messages import known_error_text

if TYPE_CHECKING:
    from qcdesk.services.context import Services


def _answer(value: str | None) -> str:
    return "—" if value is None else answer_labels().get(value, value)


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class SkipDialog(QDialog):
    """Why an item leaves the sample, and whether another is drawn from its stratum."""

    def __init__(self, item: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SkipDialog")
        self.setWindowTitle(self.tr("Skip an item"))
        self.reason = QComboBox()
        for code in SKIP_REASONS:
            self.reason.addItem(label(code), code)
        self.comment = QLineEdit()
        self.replace = QCheckBox(self.tr("Draw a replacement from the same stratum"))
        self.replace.setChecked(True)
        self.buttons = _buttons(self)
        form = QFormLayout(self)
        what = self.tr("{consultant}, {channel}, interaction {id}")
        form.addRow(
            QLabel(what.format(consultant=item.consultant, channel=label(item.kind),
                               id=item.interaction_id))
        )  # fmt: skip
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow(self.replace)
        form.addRow(self.buttons)
        self.reason.currentIndexChanged.connect(self._check)
        self.comment.textChanged.connect(self._check)
        self._check()

    def _check(self, *_: object) -> None:
        ok = self.reason.currentData() != "other" or bool(self.comment.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def choice(self) -> tuple[str, str, bool]:
        return self.reason.currentData(), self.comment.text(), self.replace.isChecked()


class DisputeDialog(QDialog):
    """Tick the contested answers, propose others if wished, and say why (mandatory)."""

    def __init__(
        self, services: Services, evaluation_id: int, state: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DisputeDialog")
        self.setWindowTitle(self.tr("Open a dispute"))
        self.resize(640, 560)
        self._services = services
        self._evaluation = evaluation_id
        self.rows: dict[str, tuple[QCheckBox, QComboBox]] = {}
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.addWidget(QLabel(self.tr("Criterion")), 0, 0)
        grid.addWidget(QLabel(self.tr("Answer given")), 0, 1)
        grid.addWidget(QLabel(self.tr("Proposed answer")), 0, 2)
        for row, c in enumerate(state.template.criteria(), start=1):
            given = state.answers.get(c.id)
            value = given.value if given else None
            tick = QCheckBox(c.title)
            combo = QComboBox()
            combo.addItem(self.tr("(no proposal)"), None)
            for v in c.values:
                if v != value:
                    combo.addItem(_answer(v), v)
            combo.setEnabled(False)
            tick.toggled.connect(combo.setEnabled)
            tick.toggled.connect(self._check)
            grid.addWidget(tick, row, 0)
            grid.addWidget(QLabel(_answer(value)), row, 1)
            grid.addWidget(combo, row, 2)
            self.rows[c.id] = (tick, combo)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("Why the finding is contested (required)"))
        self.comment.setMaximumHeight(90)
        self.comment.textChanged.connect(self._check)
        self.on_behalf = QLineEdit()
        self.on_behalf.setPlaceholderText(self.tr("e.g. the consultant or the head of sales"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = _buttons(self)
        form = QFormLayout()
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow(self.tr("On behalf of:"), self.on_behalf)
        box = QVBoxLayout(self)
        box.addWidget(scroll, 1)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self._check()

    def _check(self, *_: object) -> None:
        ok = any(t.isChecked() for t, _ in self.rows.values())
        ok = ok and bool(self.comment.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def proposals(self) -> dict[str, str | None]:
        return {cid: c.currentData() for cid, (t, c) in self.rows.items() if t.isChecked()}

    def accept(self) -> None:
        try:
            self.created = self._services.disputes.open(
                self._evaluation, self.proposals(), self.comment.toPlainText(),
                self.on_behalf.text(),
            )  # fmt: skip
        except KnownError as err:
            self.error.setText(known_error_text(err))
            return
        super().accept()


class DecideDialog(QDialog):
    """Accept the contested answers one by one (with the final answer), give a reason."""

    def __init__(
        self, services: Services, dispute: Any, template: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DecideDialog")
        self.setWindowTitle(self.tr("Decide the dispute"))
        self.resize(640, 460)
        self._services = services
        self._dispute = dispute
        titles = {c.id: c for c in template.criteria()}
        intro = QLabel(self.tr("{who}: «{comment}»").format(
            who=dispute.opened_by + (f" ({dispute.on_behalf_of})" if dispute.on_behalf_of else ""),
            comment=dispute.comment))  # fmt: skip
        intro.setWordWrap(True)
        before = dispute.score_before
        score = "—" if before is None else QLocale().toString(float(before), "f", 1) + " %"
        about = QLabel(
            self.tr("Evaluation by {reviewer} of {consultant}, score {score}").format(
                reviewer=dispute.reviewer or "—", consultant=dispute.consultant, score=score
            )
        )
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Accept")), 0, 0)
        grid.addWidget(QLabel(self.tr("Answer given")), 0, 1)
        grid.addWidget(QLabel(self.tr("Proposed")), 0, 2)
        grid.addWidget(QLabel(self.tr("Final answer")), 0, 3)
        self.rows: dict[str, tuple[QCheckBox, QComboBox]] = {}
        for row, item in enumerate(dispute.items, start=1):
            c = titles.get(item.criterion_id)
            tick = QCheckBox(c.title if c else item.criterion_id)
            final = QComboBox()
            for v in c.values if c else ():
                final.addItem(_answer(v), v)
            other = next((v for v in (c.values if c else ()) if v != item.original), None)
            final.setCurrentIndex(max(0, final.findData(item.proposed or other)))
            final.setEnabled(False)
            tick.toggled.connect(final.setEnabled)
            tick.toggled.connect(self._check)
            grid.addWidget(tick, row, 0)
            grid.addWidget(QLabel(_answer(item.original)), row, 1)
            grid.addWidget(QLabel(_answer(item.proposed)), row, 2)
            grid.addWidget(final, row, 3)
            self.rows[item.criterion_id] = (tick, final)
        self.outcome = QLabel()
        self.reason = QComboBox()
        for code in DISPUTE_REASONS:
            self.reason.addItem(label(code), code)
        self.comment = QPlainTextEdit()
        self.comment.setMaximumHeight(80)
        self.comment.textChanged.connect(self._check)
        self.as_lead = QCheckBox(self.tr("I decide as the QC lead"))
        self.as_lead.setChecked(services.evaluations.reviewer.strip() != dispute.reviewer)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = _buttons(self)
        form = QFormLayout()
        form.addRow(self.tr("Decision:"), self.outcome)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow(self.as_lead)
        box = QVBoxLayout(self)
        box.addWidget(about)
        box.addWidget(intro)
        box.addLayout(grid)
        box.addLayout(form)
        box.addStretch(1)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self._check()

    def decision(self) -> str:
        ticked = sum(t.isChecked() for t, _ in self.rows.values())
        if ticked == len(self.rows):
            return "accepted"
        return "partially_accepted" if ticked else "rejected"

    def _check(self, *_: object) -> None:
        self.outcome.setText(label(self.decision()))
        ok = bool(self.comment.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def accept(self) -> None:
        accept = {cid: f.currentData() for cid, (t, f) in self.rows.items() if t.isChecked()}
        try:
            self.decided = self._services.disputes.decide(
                self._dispute.id, self.decision(), self.reason.currentData(),
                self.comment.toPlainText(), accept, as_lead=self.as_lead.isChecked(),
            )  # fmt: skip
        except KnownError as err:
            self.error.setText(known_error_text(err))
            return
        super().accept()
