"""One criterion of the checklist form: answer buttons, comment, evidence, and the suggestion.

An auto-prefill suggestion that the reviewer has not confirmed must never pass for a
reviewer's answer (agents dispute scores they cannot check), so a pending row gets a dashed,
tinted outline, its answer button a dashed look and an "auto 0.92" badge; an abstention says
"check manually". Each suggestion shows its evidence as chips with the quote: a click plays
from there and scrolls the transcript to the segment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.domain.checklist import NA, Criterion
from qcdesk.services.dto import AnswerState, SuggestionEvidence
from qcdesk.widgets.layouts import clear_layout, layout_widgets

QUOTE_CHIP_CHARS = 28

STYLE = """
QFrame#criterionRow { border: 1px solid transparent; border-left: 3px solid transparent;
    border-radius: 3px; }
QFrame#criterionRow[suggestion="pending"] { border: 1px dashed #5b8def;
    border-left: 3px dashed #5b8def; background: #f1f6ff; }
QFrame#criterionRow[suggestion="abstained"] { border: 1px dashed #e09a1a;
    border-left: 3px dashed #e09a1a; background: #fff8ec; }
QFrame#criterionRow[current="true"] { border-left: 3px solid palette(highlight);
    background: palette(alternate-base); }
QFrame#criterionRow[current="true"][suggestion="pending"] { background: #e6effd; }
QFrame#criterionRow[current="true"][suggestion="abstained"] { background: #fdf0d9; }
QLabel#autoBadge { color: #1a4fa0; background: #dbe7fd; border: 1px dashed #5b8def;
    border-radius: 3px; padding: 0 4px; }
QLabel#autoBadge[abstained="true"] { color: #8a5300; background: #ffecc7;
    border: 1px dashed #e09a1a; }
QLabel#autoHint { color: palette(mid); }
QToolButton#answer:checked { background: palette(highlight); color: palette(highlighted-text); }
QToolButton#answer[pending="true"]:checked { background: #dbe7fd; color: #1a3e8c;
    border: 1px dashed #5b8def; }
QToolButton#evidenceChip { border: 1px solid #b9c9e8; border-radius: 8px; padding: 0 6px;
    background: white; }
QToolButton#evidenceChip:hover { background: #e6effd; }
"""


def answer_labels() -> dict[str, str]:
    return {
        "yes": QCoreApplication.translate("ChecklistForm", "Yes"),
        "no": QCoreApplication.translate("ChecklistForm", "No"),
        "partial": QCoreApplication.translate("ChecklistForm", "Partial"),
        NA: QCoreApplication.translate("ChecklistForm", "N/A"),
    }


def speaker_label(speaker: str) -> str:
    if speaker == "consultant":
        return QCoreApplication.translate("ChecklistForm", "Consultant")
    if speaker == "client":
        return QCoreApplication.translate("ChecklistForm", "Client")
    return speaker


def pending(answer: AnswerState | None) -> bool:
    """A suggestion the reviewer has not confirmed yet (abstentions included)."""
    return answer is not None and answer.suggested and not answer.confirmed


class CriterionRow(QFrame):
    """One criterion: title, guidance, answer buttons, comment and evidence chips.

    It only shows and reports: every click is a signal carrying the criterion id, which the
    form turns into a service call, so the row knows nothing of the form.
    """

    activated = Signal(str)  # criterion id: clicked anywhere, it becomes the current one
    answer_clicked = Signal(str, str)  # criterion id, value
    accept_clicked = Signal(str)  # criterion id: accept the suggestion
    comment_edited = Signal(str, str)  # criterion id, text (every keystroke)
    comment_finished = Signal(str)  # criterion id: the comment box lost focus
    comment_returned = Signal()  # Enter in the comment box: the keyboard back to the form
    evidence_requested = Signal(str)  # criterion id: evidence at the player's position
    evidence_removed = Signal(str, float)  # criterion id, seconds
    seek_requested = Signal(float)  # seconds: an evidence chip was clicked
    quote_activated = Signal(int, float)  # segment, seconds: a suggestion's quote was clicked

    def __init__(
        self,
        criterion: Criterion,
        number: int,
        chip_time: Callable[[float], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("criterionRow")
        self.setProperty("suggestion", "")
        self.criterion = criterion
        self._chip_time = chip_time  # how the form writes a time (m:ss, or a chat's clock)
        self._evidence: tuple[float, ...] = ()
        self._suggested: tuple[SuggestionEvidence, ...] | None = None
        labels = answer_labels()
        title = QLabel(f"{number}. {criterion.title}", self)
        title.setWordWrap(True)
        title.setToolTip(criterion.guidance)
        self.guidance = QLabel(criterion.guidance, self)
        self.guidance.setWordWrap(True)
        self.guidance.hide()
        more = QToolButton(self)
        more.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion))
        more.setAutoRaise(True)
        more.setToolTip(QCoreApplication.translate("ChecklistForm", "Show guidance"))
        more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        more.setEnabled(bool(criterion.guidance))
        more.clicked.connect(lambda: self.guidance.setVisible(not self.guidance.isVisible()))
        self.badge = QLabel(self)
        self.badge.setObjectName("autoBadge")
        self.badge.hide()
        head = QHBoxLayout()
        if criterion.critical:
            critical = QLabel(QCoreApplication.translate("ChecklistForm", "Critical"), self)
            critical.setObjectName("criticalBadge")
            critical.setToolTip(
                QCoreApplication.translate(
                    "ChecklistForm", "A failed critical criterion sets the total score to 0"
                )
            )
            head.addWidget(critical, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(title, 1)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
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
            b.clicked.connect(lambda _=False, v=value: self.answer_clicked.emit(criterion.id, v))
            answers.addWidget(b)
            self.buttons[value] = b
        self.accept_button = QToolButton(self)
        self.accept_button.setObjectName("acceptButton")
        self.accept_button.setText("✓")
        self.accept_button.setToolTip(
            QCoreApplication.translate("ChecklistForm", "Accept the suggestion (Enter)")
        )
        self.accept_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.accept_button.clicked.connect(lambda: self.accept_clicked.emit(criterion.id))
        self.accept_button.hide()
        self.hint = QLabel(self)  # the suggestion beside an answer that overrode it
        self.hint.setObjectName("autoHint")
        self.hint.hide()
        answers.addWidget(self.accept_button)
        answers.addWidget(self.hint)
        answers.addStretch(1)
        self.quotes = QHBoxLayout()  # the suggestion's evidence chips
        self.quotes.setSpacing(4)
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(QCoreApplication.translate("ChecklistForm", "Comment"))
        self.comment.textEdited.connect(lambda text: self.comment_edited.emit(criterion.id, text))
        self.comment.editingFinished.connect(lambda: self.comment_finished.emit(criterion.id))
        # Enter saves and hands the keyboard back to the form, ready for the next digit.
        self.comment.returnPressed.connect(self.comment_returned)
        self.evidence_button = QToolButton(self)
        self.evidence_button.setText(QCoreApplication.translate("ChecklistForm", "Evidence"))
        self.evidence_button.setToolTip(
            QCoreApplication.translate("ChecklistForm", "Add evidence at the current time (Ctrl+E)")
        )
        self.evidence_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.evidence_button.clicked.connect(lambda: self.evidence_requested.emit(criterion.id))
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
        box.addLayout(self.quotes)
        box.addLayout(tail)

    def mousePressEvent(self, event: Any) -> None:
        self.activated.emit(self.criterion.id)
        super().mousePressEvent(event)

    def set_current(self, current: bool) -> None:
        self.setProperty("current", current)
        self._repolish(self)

    def _repolish(self, w: Any) -> None:
        w.style().unpolish(w)
        w.style().polish(w)

    def apply(self, answer: AnswerState | None, keep_comment: bool) -> None:
        value = answer.value if answer else None
        waiting = pending(answer)
        for v, b in self.buttons.items():
            b.setChecked(v == value)
            if bool(b.property("pending")) != (waiting and v == value):
                b.setProperty("pending", waiting and v == value)
                self._repolish(b)
        self._apply_suggestion(answer, waiting)
        if not keep_comment:
            text = answer.comment if answer else ""
            if self.comment.text() != text:
                self.comment.setText(text)
        evidence = answer.evidence if answer else ()
        if evidence != self._evidence:
            self._evidence = evidence
            clear_layout(self.chips)
            for seconds in evidence:
                self.chips.addWidget(self._chip(seconds))

    def _apply_suggestion(self, answer: AnswerState | None, waiting: bool) -> None:
        suggested = answer is not None and answer.suggested
        abstained = suggested and answer is not None and answer.suggested_value is None
        kind = ("abstained" if abstained else "pending") if waiting else ""
        if self.property("suggestion") != kind:
            self.setProperty("suggestion", kind)
            self._repolish(self)
        self.badge.setVisible(waiting)
        if waiting and answer is not None:
            conf = answer.suggested_confidence or 0.0
            if abstained:
                self.badge.setText(QCoreApplication.translate("ChecklistForm", "check manually"))
                self.badge.setToolTip(
                    QCoreApplication.translate(
                        "ChecklistForm",
                        "Auto-prefill is not sure (confidence {confidence}): answer it yourself",
                    ).format(confidence=f"{conf:.2f}")
                )
            else:
                self.badge.setText(
                    QCoreApplication.translate("ChecklistForm", "auto {confidence}").format(
                        confidence=f"{conf:.2f}"
                    )
                )
                self.badge.setToolTip(
                    QCoreApplication.translate(
                        "ChecklistForm",
                        "Suggested by auto-prefill: Enter or ✓ accepts it, a digit overrides it",
                    )
                )
            if bool(self.badge.property("abstained")) != abstained:
                self.badge.setProperty("abstained", abstained)
                self._repolish(self.badge)
        self.accept_button.setVisible(waiting and not abstained)
        overridden = (
            suggested
            and not waiting
            and answer is not None
            and answer.suggested_value is not None
            and answer.suggested_value != answer.value
        )
        self.hint.setVisible(overridden)
        if overridden and answer is not None and answer.suggested_value is not None:
            label = answer_labels().get(answer.suggested_value, answer.suggested_value)
            self.hint.setText(
                QCoreApplication.translate("ChecklistForm", "auto: {answer}").format(answer=label)
            )
            self.hint.setToolTip(
                QCoreApplication.translate("ChecklistForm", "Auto-prefill suggested another answer")
            )
        quotes = answer.suggested_evidence if suggested and answer is not None else ()
        if quotes != self._suggested:
            self._suggested = quotes
            clear_layout(self.quotes)
            for ev in quotes:
                self.quotes.addWidget(self._quote_chip(ev))
            if quotes:
                self.quotes.addStretch(1)

    def chip_buttons(self) -> list[QToolButton]:
        return _buttons(self.chips)

    def quote_chips(self) -> list[QToolButton]:
        return _buttons(self.quotes)

    def _quote_chip(self, ev: SuggestionEvidence) -> QToolButton:
        chip = QToolButton(self)
        chip.setObjectName("evidenceChip")
        quote = ev.quote if len(ev.quote) <= QUOTE_CHIP_CHARS else ev.quote[:QUOTE_CHIP_CHARS] + "…"
        text = f"{self._chip_time(ev.start)} «{quote}»"
        tip = QCoreApplication.translate(
            "ChecklistForm",
            "{speaker}, {start}–{end}: «{quote}»\nClick: play it and show it in the transcript",
        ).format(
            speaker=speaker_label(ev.speaker),
            start=self._chip_time(ev.start),
            end=self._chip_time(ev.end),
            quote=ev.quote,
        )
        if ev.similarity is not None and ev.match:
            # A tolerant match: what was heard, and how close it is to what was looked for.
            shown = QCoreApplication.translate(
                "ChecklistForm", "heard «{words}», {percent}% alike"
            ).format(words=ev.match, percent=round(ev.similarity * 100))
            text += f" · {shown}"
            tip += "\n" + shown
        chip.setText(text)
        chip.setToolTip(tip)
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chip.clicked.connect(lambda: self.quote_activated.emit(ev.segment, ev.start))
        return chip

    def _chip(self, seconds: float) -> QToolButton:
        chip = QToolButton(self)
        chip.setText(self._chip_time(seconds))
        chip.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        chip.setToolTip(
            QCoreApplication.translate("ChecklistForm", "Play from here; right-click to remove")
        )
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chip.clicked.connect(lambda: self.seek_requested.emit(seconds))
        chip.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        chip.customContextMenuRequested.connect(lambda pos: self._chip_menu(chip, seconds, pos))
        return chip

    def _chip_menu(self, chip: QToolButton, seconds: float, pos: QPoint) -> None:
        menu = QMenu(chip)
        menu.addAction(
            QCoreApplication.translate("ChecklistForm", "Remove evidence"),
            lambda: self.evidence_removed.emit(self.criterion.id, seconds),
        )
        menu.exec(chip.mapToGlobal(pos))


def _buttons(layout: QHBoxLayout) -> list[QToolButton]:
    return [w for w in layout_widgets(layout) if isinstance(w, QToolButton)]
