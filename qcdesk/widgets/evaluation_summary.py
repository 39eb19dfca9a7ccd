"""The parts of the checklist form about the evaluation as a whole.

`OverallBox` holds the overall comment and the recommendation (saved like a criterion's
comment: after a pause in typing or when the field is left). `confirm_incomplete` is the
question asked before a form with unanswered criteria is marked reviewed: it lists them,
critical ones first and in red, so a reviewer never signs off a missing critical criterion
by accident.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from qcdesk.services.dto import EvaluationState

DEBOUNCE_MS = 800


class OverallBox(QGroupBox):
    """Overall comment and recommendation; `edited(field, text)` after a typing pause."""

    edited = Signal(str, str)  # "overall_comment" or "recommendation", the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Overall"))
        self.comment_edit = self._edit(self.tr("What went well and what did not, in a few words"))
        self.recommendation_edit = self._edit(self.tr("What the consultant should do differently"))
        form = QFormLayout(self)
        form.addRow(self.tr("Comment"), self.comment_edit)
        form.addRow(self.tr("Recommendation"), self.recommendation_edit)
        self._pending: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.comment_edit.textChanged.connect(lambda: self._changed("overall_comment"))
        self.recommendation_edit.textChanged.connect(lambda: self._changed("recommendation"))
        self._loading = False

    def _edit(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        edit.installEventFilter(self)
        return edit

    def _field(self, name: str) -> QPlainTextEdit:
        return self.comment_edit if name == "overall_comment" else self.recommendation_edit

    def show_state(self, state: EvaluationState) -> None:
        """Show the stored texts, except in a field the reviewer is typing in."""
        self._loading = True
        try:
            for name, text in (
                ("overall_comment", state.overall_comment),
                ("recommendation", state.recommendation),
            ):
                edit = self._field(name)
                if name in self._pending or edit.hasFocus():
                    continue
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
        finally:
            self._loading = False

    def clear_pending(self) -> None:
        self._timer.stop()
        self._pending.clear()

    def _changed(self, name: str) -> None:
        if self._loading:
            return
        self._pending[name] = self._field(name).toPlainText()
        self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Emit what is waiting for the debounce (the form saves it)."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for name, text in pending.items():
            self.edited.emit(name, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._pending:
            self.flush()
        return super().eventFilter(watched, event)


def incomplete_text(state: EvaluationState) -> str:
    """HTML list of the unanswered criteria of *state*, critical ones first and marked."""
    by_id = {c.id: c for c in state.template.criteria()}
    missing = [by_id[c] for c in state.unanswered if c in by_id]
    missing.sort(key=lambda c: not c.critical)
    items = []
    for c in missing:
        if c.critical:
            items.append(f'<li><b style="color:#c62828">{escape(c.title)}</b> ★</li>')
        else:
            items.append(f"<li>{escape(c.title)}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def confirm_incomplete(parent: QWidget, state: EvaluationState, head: str) -> bool:
    """Ask whether to mark *state* reviewed although criteria are unanswered.

    *head* says how many are missing; the caller words it with ``self.tr`` plurals, which
    ``QCoreApplication.translate`` would not count right for Russian.
    """
    by_id = {c.id: c for c in state.template.criteria()}
    critical = sum(1 for c in state.unanswered if c in by_id and by_id[c].critical)
    box = QMessageBox(parent)
    box.setObjectName("incompleteReviewDialog")
    box.setIcon(QMessageBox.Icon.Warning if critical else QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ChecklistForm", "Unanswered criteria"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<p><b>{escape(head)}</b></p>" + incomplete_text(state))
    box.setInformativeText(
        QCoreApplication.translate(
            "ChecklistForm",
            "Mark the form reviewed anyway? The evaluation records these criteria as left out.",
        )
    )
    leave = box.addButton(
        QCoreApplication.translate("ChecklistForm", "Leave them out"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    back = box.addButton(
        QCoreApplication.translate("ChecklistForm", "Answer them"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    chosen = box.clickedButton() is leave
    box.deleteLater()
    return chosen
