"""The checklist form: answer criteria from the keyboard while listening; every change saves.

Each change goes to the EvaluationService at once and the form re-renders from the state it
returns, so what is on screen is what is in the database. Comments are the one exception to
"at once": they save on edit-finish or after a short pause in typing, and `flush` saves any
pending text before the form is left, so a comment is never lost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.domain.checklist import NA, Criterion, Stage
from qcdesk.errors import KnownError
from qcdesk.playback import PlaybackController
from qcdesk.qtmodels.transcript import format_time
from qcdesk.services.dto import AnswerState, EvaluationState
from qcdesk.widgets.messages import known_error_text

COMMENT_DEBOUNCE_MS = 800
_STYLE = """
QFrame#criterionRow { border-left: 3px solid transparent; border-radius: 3px; }
QFrame#criterionRow[current="true"] { border-left: 3px solid palette(highlight);
    background: palette(alternate-base); }
QLabel#criticalBadge { color: white; background: #c62828; border-radius: 3px; padding: 0 4px; }
QLabel#criticalFlag { color: white; background: #c62828; border-radius: 4px; padding: 4px 8px;
    font-weight: bold; }
QLabel#totalLabel { font-size: 18pt; font-weight: bold; }
QToolButton#answer:checked { background: palette(highlight); color: palette(highlighted-text); }
"""


def value_for_digit(criterion: Criterion, digit: int) -> str | None:
    """The answer value digit *digit* gives *criterion*, or None when the key means nothing.

    1 is always the best answer (yes, or 1 of a 1..5 scale read left to right); 0 is N/A.
    """
    if digit == 0:
        return NA if criterion.na_allowed else None
    choices = tuple(v for v in criterion.values if v != NA)
    return choices[digit - 1] if 1 <= digit <= len(choices) else None


class CriterionRow(QFrame):
    """One criterion: title, guidance, answer buttons, comment and evidence chips."""

    def __init__(self, form: ChecklistForm, criterion: Criterion, number: int) -> None:
        super().__init__(form)
        self.setObjectName("criterionRow")
        self.criterion = criterion
        self._form = form
        self._evidence: tuple[float, ...] = ()
        labels = {
            "yes": QCoreApplication.translate("ChecklistForm", "Yes"),
            "no": QCoreApplication.translate("ChecklistForm", "No"),
            "partial": QCoreApplication.translate("ChecklistForm", "Partial"),
            NA: QCoreApplication.translate("ChecklistForm", "N/A"),
        }
        title = QLabel(f"{number}. {criterion.title}", self)
        title.setWordWrap(True)
        title.setToolTip(criterion.guidance)
        self.guidance = QLabel(criterion.guidance, self)
        self.guidance.setWordWrap(True)
        self.guidance.setForegroundRole(self.guidance.foregroundRole())
        self.guidance.hide()
        more = QToolButton(self)
        more.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion))
        more.setAutoRaise(True)
        more.setToolTip(QCoreApplication.translate("ChecklistForm", "Show guidance"))
        more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        more.setEnabled(bool(criterion.guidance))
        more.clicked.connect(lambda: self.guidance.setVisible(not self.guidance.isVisible()))
        head = QHBoxLayout()
        if criterion.critical:
            badge = QLabel(QCoreApplication.translate("ChecklistForm", "Critical"), self)
            badge.setObjectName("criticalBadge")
            badge.setToolTip(
                QCoreApplication.translate(
                    "ChecklistForm", "A failed critical criterion sets the total score to 0"
                )
            )
            head.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(title, 1)
        head.addWidget(more, 0, Qt.AlignmentFlag.AlignTop)
        self.buttons: dict[str, QToolButton] = {}
        answers = QHBoxLayout()
        digit = 0
        for value in criterion.values:
            b = QToolButton(self)
            b.setObjectName("answer")
            b.setCheckable(True)
            b.setText(labels.get(value, value))
            digit = 0 if value == NA else digit + 1
            b.setToolTip(QCoreApplication.translate("ChecklistForm", "Key {key}").format(key=digit))
            # Answers come from digits; buttons stay out of the Tab chain.
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, v=value: form._on_row_answer(self, v))
            answers.addWidget(b)
            self.buttons[value] = b
        answers.addStretch(1)
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(QCoreApplication.translate("ChecklistForm", "Comment"))
        self.comment.textEdited.connect(lambda text: form._on_row_comment_edited(self, text))
        self.comment.editingFinished.connect(lambda: form._on_row_comment_finished(self))
        # Enter saves and hands the keyboard back to the form, ready for the next digit.
        self.comment.returnPressed.connect(lambda: form.setFocus(Qt.FocusReason.OtherFocusReason))
        self.evidence_button = QToolButton(self)
        self.evidence_button.setText(QCoreApplication.translate("ChecklistForm", "Evidence"))
        self.evidence_button.setToolTip(
            QCoreApplication.translate("ChecklistForm", "Add evidence at the current time (Ctrl+E)")
        )
        self.evidence_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.evidence_button.clicked.connect(lambda: form._on_row_add_evidence(self))
        self.chips = QHBoxLayout()
        self.chips.setSpacing(2)
        tail = QHBoxLayout()
        tail.addWidget(self.comment, 1)
        tail.addLayout(self.chips)
        tail.addWidget(self.evidence_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 4, 4)
        box.setSpacing(3)
        box.addLayout(head)
        box.addWidget(self.guidance)
        box.addLayout(answers)
        box.addLayout(tail)

    def mousePressEvent(self, event: Any) -> None:
        self._form.set_current(self.criterion.id)
        super().mousePressEvent(event)

    def set_current(self, current: bool) -> None:
        self.setProperty("current", current)
        self.style().unpolish(self)
        self.style().polish(self)

    def apply(self, answer: AnswerState | None, keep_comment: bool) -> None:
        value = answer.value if answer else None
        for v, b in self.buttons.items():
            b.setChecked(v == value)
        if not keep_comment:
            text = answer.comment if answer else ""
            if self.comment.text() != text:
                self.comment.setText(text)
        evidence = answer.evidence if answer else ()
        if evidence != self._evidence:
            self._evidence = evidence
            while self.chips.count():
                w = self.chips.takeAt(0).widget()
                if w is not None:
                    w.deleteLater()
            for seconds in evidence:
                self.chips.addWidget(self._chip(seconds))

    def chip_buttons(self) -> list[QToolButton]:
        items = (self.chips.itemAt(i).widget() for i in range(self.chips.count()))
        return [w for w in items if isinstance(w, QToolButton)]

    def _chip(self, seconds: float) -> QToolButton:
        chip = QToolButton(self)
        chip.setText(format_time(seconds))
        chip.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        chip.setToolTip(
            QCoreApplication.translate("ChecklistForm", "Play from here; right-click to remove")
        )
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chip.clicked.connect(lambda: self._form.seek_seconds(seconds))
        chip.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        chip.customContextMenuRequested.connect(lambda pos: self._chip_menu(chip, seconds, pos))
        return chip

    def _chip_menu(self, chip: QToolButton, seconds: float, pos: QPoint) -> None:
        menu = QMenu(chip)
        menu.addAction(
            QCoreApplication.translate("ChecklistForm", "Remove evidence"),
            lambda: self._form.remove_evidence(self.criterion.id, seconds),
        )
        menu.exec(chip.mapToGlobal(pos))


class ChecklistForm(QWidget):
    """The evaluation of one interaction, driven by keys: J/K or arrows move, digits answer."""

    changed = Signal(int)  # interaction id, after every saved change
    error = Signal(str)  # a translated KnownError message

    def __init__(
        self, evaluations: Any, controller: PlaybackController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._evaluations = evaluations
        self._controller = controller
        self._state: EvaluationState | None = None
        self._rows: list[CriterionRow] = []
        self._section_labels: list[QLabel] = []
        self._current = -1
        self._pending_comments: dict[str, str] = {}
        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(COMMENT_DEBOUNCE_MS)
        self._comment_timer.timeout.connect(self.flush)
        self.setStyleSheet(_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.total_label = QLabel(self)
        self.total_label.setObjectName("totalLabel")
        self.critical_label = QLabel(self.tr("Critical failure: total score is 0"), self)
        self.critical_label.setObjectName("criticalFlag")
        self.critical_label.hide()
        self.progress_label = QLabel(self)
        self.reviewed_button = QPushButton(self.tr("Mark reviewed"), self)
        self.reviewed_button.setCheckable(True)
        self.reviewed_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        )
        self.reviewed_button.clicked.connect(self._on_reviewed_button_clicked)
        summary = QHBoxLayout()
        summary.addWidget(self.total_label)
        summary.addWidget(self.critical_label)
        summary.addStretch(1)
        summary.addWidget(self.progress_label)
        summary.addWidget(self.reviewed_button)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()

        self._body = QWidget()
        self._body_layout = QVBoxLayout(self._body)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self._body)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.stage_combo = QComboBox()
        self.stage_combo.activated.connect(self._on_outcome_edited)
        self.goal_check = QCheckBox(self.tr("Goal achieved"))
        self.goal_check.clicked.connect(self._on_outcome_edited)
        self.deal_spin = QDoubleSpinBox()
        self.deal_spin.setRange(0, 1e12)
        self.deal_spin.setDecimals(2)
        self.deal_spin.setGroupSeparatorShown(True)
        self.deal_spin.setSpecialValueText(self.tr("Not set"))
        self.deal_spin.editingFinished.connect(self._on_outcome_edited)
        outcome = QGroupBox(self.tr("Outcome"))
        form = QFormLayout(outcome)
        form.addRow(self.tr("Stage reached"), self.stage_combo)
        form.addRow("", self.goal_check)
        form.addRow(self.tr("Deal amount"), self.deal_spin)
        self._outcome = outcome

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(summary)
        layout.addWidget(self.error_label)
        layout.addWidget(self.scroll, 1)
        self._shortcuts()

    def _shortcuts(self) -> None:
        """Keys that only make sense inside the form; the workspace maps the rest.

        Digits and criterion moves are actions of the registry (qcdesk.actions, scope
        "review") that the workspace wires to `answer_current` and `move_current`; defining
        them here too would make Qt see two shortcuts for one key and fire neither.
        """
        for key in ("Backspace", "Delete"):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self.clear_current)

    # -- state ------------------------------------------------------------------------------

    def state(self) -> EvaluationState | None:
        return self._state

    def set_state(self, state: EvaluationState) -> None:
        """Show *state*, rebuilding the rows only when the template changed."""
        old = self._state
        if old is None or old.template_version_id != state.template_version_id:
            self._build(state)
        self._apply(state)
        if self._rows and (old is None or old.evaluation_id != state.evaluation_id):
            self.set_current(self._rows[0].criterion.id)

    def _build(self, state: EvaluationState) -> None:
        self._pending_comments.clear()
        self._body_layout.removeWidget(self._outcome)
        while self._body_layout.count():
            item = self._body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._rows, self._section_labels = [], []
        number = 0
        for section in state.template.sections:
            head = QHBoxLayout()
            title = QLabel(f"<b>{section.title}</b>")
            score = QLabel()
            head.addWidget(title, 1)
            head.addWidget(score)
            holder = QWidget()
            holder.setLayout(head)
            self._body_layout.addWidget(holder)
            self._section_labels.append(score)
            for criterion in section.criteria:
                number += 1
                row = CriterionRow(self, criterion, number)
                self._rows.append(row)
                self._body_layout.addWidget(row)
        self.goal_check.setToolTip(state.template.goal)
        self._body_layout.addWidget(self._outcome)
        self._body_layout.addStretch(1)
        self._current = -1

    def _stages(self, stages: tuple[Stage, ...]) -> None:
        wanted = [(self.tr("Not set"), None)] + [(s.title, s.id) for s in stages]
        have = [
            (self.stage_combo.itemText(i), self.stage_combo.itemData(i))
            for i in range(self.stage_combo.count())
        ]
        if wanted != have:
            self.stage_combo.clear()
            for text, data in wanted:
                self.stage_combo.addItem(text, data)

    def _apply(self, state: EvaluationState) -> None:
        self._state = state
        self._show_reviewed(state.status == "reviewed")
        for row in self._rows:
            cid = row.criterion.id
            keep = cid in self._pending_comments or row.comment.hasFocus()
            row.apply(state.answers.get(cid), keep)
        score = state.score
        total = None if score is None else score.total
        self.total_label.setText(
            self.tr("Total: {score}").format(score="—" if total is None else f"{total:.0f}%")
        )
        self.critical_label.setVisible(bool(score and score.critical_failed))
        answered = sum(1 for a in state.answers.values() if a.value is not None)
        self.progress_label.setText(
            self.tr("{answered} of {total} answered").format(
                answered=answered, total=len(self._rows)
            )
        )
        sections = score.sections if score else ()
        for i, label in enumerate(self._section_labels):
            value = sections[i] if i < len(sections) else None
            label.setText("—" if value is None else f"{value:.0f}%")
        self._stages(state.template.stages)
        i = self.stage_combo.findData(state.stage_reached) if state.stage_reached else 0
        self.stage_combo.setCurrentIndex(max(0, i))
        self.goal_check.setChecked(bool(state.goal_achieved))
        if not self.deal_spin.hasFocus():
            self.deal_spin.setValue(state.deal_amount or 0.0)

    def _call(self, method: str, *args: Any, **kw: Any) -> None:
        """Run one EvaluationService command, re-render from its result, tell listeners."""
        if self._state is None:
            return
        try:
            state = getattr(self._evaluations, method)(self._state.evaluation_id, *args, **kw)
        except KnownError as err:
            text = known_error_text(err)
            self.error_label.setText(text)
            self.error_label.show()
            self.error.emit(text)
            return
        self.error_label.hide()
        self._apply(state)
        self.changed.emit(state.interaction_id)

    # -- keyboard-driven commands -----------------------------------------------------------

    def current_criterion(self) -> str | None:
        return (
            self._rows[self._current].criterion.id if 0 <= self._current < len(self._rows) else None
        )

    def set_current(self, criterion_id: str) -> None:
        for i, row in enumerate(self._rows):
            row.set_current(row.criterion.id == criterion_id)
            if row.criterion.id == criterion_id:
                self._current = i
                self.scroll.ensureWidgetVisible(row, 20, 40)

    def move_current(self, delta: int) -> None:
        if self._rows:
            i = min(len(self._rows) - 1, max(0, self._current + delta))
            self.set_current(self._rows[i].criterion.id)

    def answer_current(self, digit: int) -> None:
        """Answer the current criterion with *digit* (see `value_for_digit`), then advance."""
        cid = self.current_criterion()
        if cid is None:
            return
        value = value_for_digit(self._rows[self._current].criterion, digit)
        if value is None:
            return
        self._call("set_answer", cid, value)
        self.move_current(1)

    def clear_current(self) -> None:
        cid = self.current_criterion()
        if cid is not None:
            self._call("set_answer", cid, None)

    def add_evidence_here(self) -> None:
        """Store the player's position as evidence for the current criterion."""
        cid = self.current_criterion()
        if cid is not None:
            self._call("add_evidence", cid, round(self._controller.position() / 1000, 1))

    def remove_evidence(self, criterion_id: str, seconds: float) -> None:
        self._call("remove_evidence", criterion_id, seconds)

    def seek_seconds(self, seconds: float) -> None:
        self._controller.seek(round(seconds * 1000))

    def row(self, criterion_id: str) -> CriterionRow:
        return next(r for r in self._rows if r.criterion.id == criterion_id)

    @Slot()
    def flush(self) -> None:
        """Save comments still waiting for their debounce and a deal amount being typed."""
        self._comment_timer.stop()
        pending, self._pending_comments = self._pending_comments, {}
        for cid, text in pending.items():
            self._call("set_comment", cid, text)
        if self.deal_spin.hasFocus():
            self._on_outcome_edited()

    # -- row and outcome slots --------------------------------------------------------------

    def _on_row_answer(self, row: CriterionRow, value: str) -> None:
        self.set_current(row.criterion.id)
        answer = self._state.answers.get(row.criterion.id) if self._state else None
        self._call(
            "set_answer",
            row.criterion.id,
            None if answer is not None and answer.value == value else value,
        )

    def _on_row_comment_edited(self, row: CriterionRow, text: str) -> None:
        self._pending_comments[row.criterion.id] = text
        self._comment_timer.start()

    def _on_row_comment_finished(self, row: CriterionRow) -> None:
        if row.criterion.id in self._pending_comments:
            self.flush()

    def _on_row_add_evidence(self, row: CriterionRow) -> None:
        self.set_current(row.criterion.id)
        self.add_evidence_here()

    @Slot()
    def _on_outcome_edited(self, *_: object) -> None:
        if self._state is None:
            return
        stage = self.stage_combo.currentData()
        amount = self.deal_spin.value() or None
        s = self._state
        # An untouched checkbox keeps "unknown" (None) rather than turning it into "no".
        goal = self.goal_check.isChecked()
        if goal == bool(s.goal_achieved):
            goal = s.goal_achieved
        if (stage, goal, amount) == (s.stage_reached, s.goal_achieved, s.deal_amount):
            return
        self._call("set_outcome", stage_reached=stage, goal_achieved=goal, deal_amount=amount)

    @Slot(bool)
    def _on_reviewed_button_clicked(self, checked: bool) -> None:
        self.flush()
        self._call("set_status", "reviewed" if checked else "in_progress")
        if self._state is not None:
            self._show_reviewed(self._state.status == "reviewed")

    def _show_reviewed(self, reviewed: bool) -> None:
        self.reviewed_button.setChecked(reviewed)
        self.reviewed_button.setText(self.tr("Reviewed") if reviewed else self.tr("Mark reviewed"))
