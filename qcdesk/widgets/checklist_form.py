"""The checklist form: answer criteria from the keyboard while listening; every change saves.

Each change goes to the EvaluationService at once and the form re-renders from the state it
returns, so what is on screen is what is in the database. Comments are the one exception to
"at once": they save on edit-finish or after a short pause in typing, and `flush` saves any
pending text before the form is left, so a comment is never lost.

Auto-prefill suggestions arrive unconfirmed (see ``criterion_row`` for how they look): Enter
or ✓ accepts one, "Accept all" accepts every one that is not an abstention, and answering
differently overrides it. "Re-run auto-prefill" runs the rules again in a job; confirmed
answers are never touched by it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from qcdesk.domain.checklist import NA, Criterion, Stage
from qcdesk.errors import KnownError
from qcdesk.jobs import JobManager
from qcdesk.playback import PlaybackController
from qcdesk.qtmodels.transcript import format_time
from qcdesk.services.dto import EvaluationState
from qcdesk.services.evaluations import EvaluationService
from qcdesk.widgets.criterion_row import STYLE as ROW_STYLE
from qcdesk.widgets.criterion_row import CriterionRow, pending
from qcdesk.widgets.evaluation_summary import OverallBox, confirm_incomplete, incomplete_text
from qcdesk.widgets.layouts import clear_layout
from qcdesk.widgets.messages import known_error_text
from qcdesk.widgets.suggestions_bar import SuggestionsBar

COMMENT_DEBOUNCE_MS = 800
_STYLE = (
    ROW_STYLE
    + """
QLabel#criticalBadge { color: white; background: #c62828; border-radius: 3px; padding: 0 4px; }
QLabel#criticalFlag { color: white; background: #c62828; border-radius: 4px; padding: 4px 8px;
    font-weight: bold; }
QLabel#totalLabel { font-size: 18pt; font-weight: bold; }
QLabel#outcomeHint { color: #1a4fa0; }
QLabel#incompleteFlag { background: #fff4ce; border: 1px solid #e0c060; padding: 4px 8px; }
"""
)


def value_for_digit(criterion: Criterion, digit: int) -> str | None:
    """The answer value digit *digit* gives *criterion*, or None when the key means nothing.

    1 is always the best answer (yes, or 1 of a 1..5 scale read left to right); 0 is N/A.
    """
    if digit == 0:
        return NA if criterion.na_allowed else None
    choices = tuple(v for v in criterion.values if v != NA)
    return choices[digit - 1] if 1 <= digit <= len(choices) else None


class ChecklistForm(QWidget):
    """The evaluation of one interaction, driven by keys: J/K or arrows move, digits answer."""

    changed = Signal(int)  # interaction id, after every saved change
    error = Signal(str)  # a translated KnownError message
    evidence_activated = Signal(int, float)  # transcript segment, seconds: show it there
    prefilled = Signal(int)  # interaction id, after auto-prefill ran again

    def __init__(
        self,
        evaluations: EvaluationService,
        controller: PlaybackController,
        parent: QWidget | None = None,
        jobs: JobManager | None = None,
    ) -> None:
        super().__init__(parent)
        self._evaluations = evaluations
        self._controller = controller
        self._jobs = jobs or JobManager(synchronous=True, parent=self)
        self._state: EvaluationState | None = None
        # Set for chats: evidence chips then show the message's clock time, not an offset.
        self.time_origin: datetime | None = None
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
        self.suggestions = SuggestionsBar(evaluations, self._jobs, self)
        self.suggestions.accept_all_requested.connect(self.accept_all)
        self.suggestions.rerun_requested.connect(self.flush)
        self.suggestions.rerun_finished.connect(self._on_suggestions_rerun_finished)
        self.suggestions.failed.connect(self._show_error)
        self.accept_all_button = self.suggestions.accept_all_button
        self.rerun_button = self.suggestions.rerun_button
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
        # Reviewed, yet criteria are unanswered beyond those left out (a template switch).
        self.incomplete_label = QLabel(self)
        self.incomplete_label.setObjectName("incompleteFlag")
        self.incomplete_label.setWordWrap(True)
        self.incomplete_label.setTextFormat(Qt.TextFormat.RichText)
        self.incomplete_label.linkActivated.connect(self._on_incomplete_label_link_activated)
        self.incomplete_label.hide()

        self._body = QWidget()
        self._body_layout = QVBoxLayout(self._body)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self._body)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

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
        self.outcome_hint = QLabel(outcome)
        self.outcome_hint.setObjectName("outcomeHint")
        self.outcome_hint.setWordWrap(True)
        form.addRow("", self.outcome_hint)
        self._outcome = outcome
        self.overall = OverallBox()
        self.overall.edited.connect(self._on_overall_edited)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(summary)
        layout.addWidget(self.incomplete_label)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.error_label)
        layout.addWidget(self.scroll_area, 1)
        self._shortcuts()

    def set_compare_mode(self) -> None:
        """A calibration or reference form: no outcome, sign-off or auto-prefill.

        The outcome lives on the interaction and belongs to its review; the calibration screen
        submits a participant's answers or records the reference with its own buttons; and a
        suggestion would tell a participant what to answer.
        """
        self._outcome.hide()
        self.reviewed_button.hide()
        self.suggestions.hide()

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
            self.overall.clear_pending()
            self.overall.show_state(state)
            self.set_current(self._first_pending(state))

    def _first_pending(self, state: EvaluationState) -> str:
        """Where a freshly opened form starts: the first suggestion to accept, else the top.

        So Enter accepts the current suggestion right after the call opens.
        """
        for row in self._rows:
            answer = state.answers.get(row.criterion.id)
            if pending(answer) and answer is not None and answer.suggested_value is not None:
                return row.criterion.id
        return self._rows[0].criterion.id

    def _build(self, state: EvaluationState) -> None:
        self._pending_comments.clear()
        self._body_layout.removeWidget(self._outcome)
        self._body_layout.removeWidget(self.overall)
        clear_layout(self._body_layout)
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
                row = CriterionRow(criterion, number, self.chip_time, self)
                self._connect_row(row)
                self._rows.append(row)
                self._body_layout.addWidget(row)
        self.goal_check.setToolTip(state.template.goal)
        self._body_layout.addWidget(self._outcome)
        self._body_layout.addWidget(self.overall)
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
        self.suggestions.show_state(state)
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
        self._show_outcome_hint(state)
        self.overall.show_state(state)
        self._show_incomplete(state)

    def _show_incomplete(self, state: EvaluationState) -> None:
        """Flag a reviewed form that has criteria unanswered beyond those left out."""
        if not state.incomplete:
            self.incomplete_label.hide()
            return
        self.incomplete_label.setText(
            "<b>{}</b>{}<a href='leave-out'>{}</a>".format(
                self.tr("Reviewed, but these criteria are unanswered since:"),
                incomplete_text(state),
                self.tr("Leave them out…"),
            )
        )
        self.incomplete_label.show()

    def _show_outcome_hint(self, state: EvaluationState) -> None:
        if state.autoscored_at is None or state.suggested_stage is None:
            self.outcome_hint.hide()
            return
        title = next(
            (s.title for s in state.template.stages if s.id == state.suggested_stage),
            state.suggested_stage,
        )
        goal = self.tr("goal achieved") if state.suggested_goal else self.tr("goal not achieved")
        self.outcome_hint.setText(
            self.tr("Auto-prefill suggests: {stage}, {goal}").format(stage=title, goal=goal)
        )
        self.outcome_hint.show()

    def _connect_row(self, row: CriterionRow) -> None:
        row.activated.connect(self.set_current)
        row.answer_clicked.connect(self._on_row_answer_clicked)
        row.accept_clicked.connect(self._on_row_accept_clicked)
        row.comment_edited.connect(self._on_row_comment_edited)
        row.comment_finished.connect(self._on_row_comment_finished)
        row.comment_returned.connect(self._on_row_comment_returned)
        row.evidence_requested.connect(self._on_row_evidence_requested)
        row.evidence_removed.connect(self.remove_evidence)
        row.seek_requested.connect(self.seek_seconds)
        row.quote_activated.connect(self.show_evidence)

    def _run(self, command: Callable[[int], EvaluationState]) -> None:
        """Run one EvaluationService command on this form's evaluation (its id is the argument),
        re-render from its result, tell listeners."""
        if self._state is None:
            return
        try:
            state = command(self._state.evaluation_id)
        except KnownError as err:
            self._show_error(known_error_text(err))
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
                self.scroll_area.ensureWidgetVisible(row, 20, 40)

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
        self._run(lambda e: self._evaluations.set_answer(e, cid, value))
        self.move_current(1)

    def clear_current(self) -> None:
        cid = self.current_criterion()
        if cid is not None:
            self._run(lambda e: self._evaluations.set_answer(e, cid, None))

    def accept_current(self) -> None:
        """Accept the current criterion's suggestion (Enter), then advance to the next one."""
        cid = self.current_criterion()
        answer = self._state.answers.get(cid) if self._state and cid else None
        if cid is None or not pending(answer) or answer is None or answer.suggested_value is None:
            return
        self._run(lambda e: self._evaluations.accept_suggestion(e, cid))
        self.move_current(1)

    @Slot()
    def accept_all(self) -> None:
        self.flush()
        self._run(self._evaluations.accept_all_suggestions)

    @Slot()
    def rerun_prefill(self) -> None:
        """Run auto-prefill again in a job; the form re-renders when it is done."""
        self.suggestions.rerun()

    def chip_time(self, seconds: float) -> str:
        """An evidence time as the reviewer reads it: m:ss into a call, the clock in a chat."""
        if self.time_origin is None:
            return format_time(seconds)
        return (self.time_origin + timedelta(seconds=seconds)).strftime("%d.%m %H:%M")

    def show_evidence(self, segment: int, seconds: float) -> None:
        """A suggestion's evidence chip: play from there and show the segment."""
        self.seek_seconds(seconds)
        self.evidence_activated.emit(segment, seconds)

    def add_evidence_here(self) -> None:
        """Store the player's position as evidence for the current criterion."""
        cid = self.current_criterion()
        if cid is not None:
            seconds = round(self._controller.position() / 1000, 1)
            self._run(lambda e: self._evaluations.add_evidence(e, cid, seconds))

    def remove_evidence(self, criterion_id: str, seconds: float) -> None:
        self._run(lambda e: self._evaluations.remove_evidence(e, criterion_id, seconds))

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
            self._run(partial(self._evaluations.set_comment, criterion_id=cid, comment=text))
        self.overall.flush()
        if self.deal_spin.hasFocus():
            self._on_outcome_edited()

    # -- row and outcome slots --------------------------------------------------------------

    @Slot(str, str)
    def _on_row_answer_clicked(self, cid: str, value: str) -> None:
        self.set_current(cid)
        answer = self._state.answers.get(cid) if self._state else None
        if pending(answer) and answer is not None and answer.value == value:
            self._run(
                lambda e: self._evaluations.accept_suggestion(e, cid)
            )  # a click on it confirms it
            return
        new = None if answer is not None and answer.value == value else value
        self._run(lambda e: self._evaluations.set_answer(e, cid, new))

    @Slot(str)
    def _on_row_accept_clicked(self, cid: str) -> None:
        self.set_current(cid)
        self._run(lambda e: self._evaluations.accept_suggestion(e, cid))

    @Slot(str, str)
    def _on_row_comment_edited(self, cid: str, text: str) -> None:
        self._pending_comments[cid] = text
        self._comment_timer.start()

    @Slot(str)
    def _on_row_comment_finished(self, cid: str) -> None:
        if cid in self._pending_comments:
            self.flush()

    @Slot()
    def _on_row_comment_returned(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str)
    def _on_row_evidence_requested(self, cid: str) -> None:
        self.set_current(cid)
        self.add_evidence_here()

    @Slot()
    def _on_outcome_edited(self, *_: object) -> None:
        if self._state is None:
            return
        stage = self.stage_combo.currentData()
        amount = self.deal_spin.value() or None
        s = self._state
        # An untouched checkbox keeps "unknown" (None) rather than turning it into "no".
        goal: bool | None = self.goal_check.isChecked()
        if goal == bool(s.goal_achieved):
            goal = s.goal_achieved
        if (stage, goal, amount) == (s.stage_reached, s.goal_achieved, s.deal_amount):
            return
        self._run(
            lambda e: self._evaluations.set_outcome(
                e, stage_reached=stage, goal_achieved=goal, deal_amount=amount
            )
        )

    @Slot(str, str)
    def _on_overall_edited(self, name: str, text: str) -> None:
        if name == "overall_comment":
            self._run(lambda e: self._evaluations.set_overall(e, overall_comment=text))
        else:
            self._run(lambda e: self._evaluations.set_overall(e, recommendation=text))

    @Slot(bool)
    def _on_reviewed_button_clicked(self, checked: bool) -> None:
        self.flush()
        if checked:
            self.mark_reviewed()
        else:
            self._run(lambda e: self._evaluations.set_status(e, "in_progress"))
        if self._state is not None:
            self._show_reviewed(self._state.status == "reviewed")

    def mark_reviewed(self) -> None:
        """Mark the form reviewed; with criteria unanswered, only once the reviewer confirms.

        Declining leaves the form in progress on the first unanswered criterion.
        """
        state = self._state
        if state is None:
            return
        if state.unanswered:
            by_id = {c.id: c for c in state.template.criteria()}
            critical = sum(1 for c in state.unanswered if c in by_id and by_id[c].critical)
            head = self.tr("%n criterion(s) unanswered.", "", len(state.unanswered))
            if critical:
                head += " " + self.tr("%n of them critical (★).", "", critical)
            confirmed = confirm_incomplete(self, state, head)
            self.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard back to the form
            if not confirmed:
                self._show_reviewed(state.status == "reviewed")
                self.set_current(state.unanswered[0])
                return
        incomplete = bool(state.unanswered)
        self._run(
            lambda e: self._evaluations.set_status(e, "reviewed", confirm_incomplete=incomplete)
        )

    @Slot(str)
    def _on_incomplete_label_link_activated(self, _link: str) -> None:
        self.flush()
        self.mark_reviewed()

    def _show_reviewed(self, reviewed: bool) -> None:
        self.reviewed_button.setChecked(reviewed)
        self.reviewed_button.setText(self.tr("Reviewed") if reviewed else self.tr("Mark reviewed"))

    @Slot(object)
    def _on_suggestions_rerun_finished(self, state: EvaluationState) -> None:
        if self._state is not None and state.evaluation_id == self._state.evaluation_id:
            self.error_label.hide()
            self._apply(state)
            self.changed.emit(state.interaction_id)
            self.prefilled.emit(state.interaction_id)

    @Slot(str)
    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.error.emit(text)
