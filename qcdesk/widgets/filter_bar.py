"""The filter bar above the interactions table; it only builds an `InteractionFilter`.

Dates use the QDateEdit idiom of a minimum date shown as a dash for "no bound", since a date
edit cannot be empty; score bounds do the same with -1.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QEvent, QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QToolButton,
    QWidget,
)

from qcdesk.qtmodels.labels import KINDS, STATUSES, kind_label, status_label
from qcdesk.services.dto import InteractionFilter

NO_DATE = QDate(2000, 1, 1)


class FilterBar(QWidget):
    """Date range, kind, status, score range, outcome and free text; emits `changed`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = InteractionFilter()  # company/consultant come from the side pane
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.kind_combo = QComboBox()
        self.kind_combo.addItem("", None)
        for code in KINDS:
            self.kind_combo.addItem("", code)
        self.status_combo = QComboBox()
        self.status_combo.addItem("", None)
        for code in STATUSES:
            self.status_combo.addItem("", code)
        self.score_min = self._score_spin()
        self.score_max = self._score_spin()
        self.outcome_combo = QComboBox()
        for value in (None, True, False):
            self.outcome_combo.addItem("", value)
        self.transcribed_combo = QComboBox()
        for value in (None, True, False):
            self.transcribed_combo.addItem("", value)
        self.text_edit = QLineEdit()
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setMinimumWidth(180)
        self.clear_button = QToolButton()
        self.clear_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogResetButton)
        )
        self.clear_button.setAutoRaise(True)

        self._labels = [QLabel() for _ in range(6)]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        pairs: list[tuple[QLabel, list[QWidget]]] = [
            (self._labels[0], [self.date_from, QLabel("–"), self.date_to]),
            (self._labels[1], [self.kind_combo]),
            (self._labels[2], [self.status_combo]),
            (self._labels[3], [self.score_min, QLabel("–"), self.score_max]),
            (self._labels[4], [self.outcome_combo]),
            (self._labels[5], [self.transcribed_combo]),
        ]
        for label, widgets in pairs:
            layout.addWidget(label)
            for w in widgets:
                layout.addWidget(w)
            layout.addSpacing(8)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.clear_button)

        # Typing waits for a pause, so 100,000 rows are not re-queried on every key.
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(250)
        self._text_timer.timeout.connect(self.changed)
        self.text_edit.textChanged.connect(self._text_timer.start)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.changed)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self.changed)
        for spin in (self.score_min, self.score_max):
            spin.valueChanged.connect(self.changed)
        self.clear_button.clicked.connect(self.clear)
        self._retranslate()

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.kind_combo, self.status_combo, self.outcome_combo, self.transcribed_combo)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDisplayFormat("dd.MM.yyyy")
        return edit

    @staticmethod
    def _score_spin() -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(-1, 100)
        spin.setValue(-1)
        spin.setSpecialValueText("—")
        spin.setSuffix("%")
        return spin

    def _retranslate(self) -> None:
        for label, text in zip(
            self._labels,
            (
                self.tr("Date:"),
                self.tr("Kind:"),
                self.tr("Status:"),
                self.tr("Score:"),
                self.tr("Goal:"),
                self.tr("Transcript:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.kind_combo.setItemText(0, self.tr("Any kind"))
        for i in range(1, self.kind_combo.count()):
            self.kind_combo.setItemText(i, kind_label(self.kind_combo.itemData(i)))
        self.status_combo.setItemText(0, self.tr("Any status"))
        for i in range(1, self.status_combo.count()):
            self.status_combo.setItemText(i, status_label(self.status_combo.itemData(i)))
        for i, text in enumerate((self.tr("Any"), self.tr("Achieved"), self.tr("Not achieved"))):
            self.outcome_combo.setItemText(i, text)
        for i, text in enumerate((self.tr("Any"), self.tr("Transcribed"), self.tr("Not yet"))):
            self.transcribed_combo.setItemText(i, text)
        self.text_edit.setPlaceholderText(self.tr("Search customer or consultant"))
        self.clear_button.setToolTip(self.tr("Clear filters"))
        self.date_from.setToolTip(self.tr("From this day"))
        self.date_to.setToolTip(self.tr("To this day, inclusive"))
        self.score_min.setToolTip(self.tr("Lowest score"))
        self.score_max.setToolTip(self.tr("Highest score"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_scope(self, client_id: int | None, consultant_id: int | None) -> None:
        """The company/consultant chosen in the side pane (not a widget of this bar)."""
        self._base = replace(self._base, client_id=client_id, consultant_id=consultant_id)
        self.changed.emit()

    def filter(self) -> InteractionFilter:
        def day(edit: QDateEdit) -> date | None:
            d = edit.date()
            return None if d == NO_DATE else date(d.year(), d.month(), d.day())

        def score(spin: QSpinBox) -> float | None:
            return None if spin.value() < 0 else float(spin.value())

        return replace(
            self._base,
            date_from=day(self.date_from),
            date_to=day(self.date_to),
            kind=self.kind_combo.currentData(),
            status=self.status_combo.currentData(),
            score_min=score(self.score_min),
            score_max=score(self.score_max),
            goal_achieved=self.outcome_combo.currentData(),
            transcribed=self.transcribed_combo.currentData(),
            text=self.text_edit.text().strip(),
        )

    def is_filtering(self) -> bool:
        f = self.filter()
        return f != InteractionFilter(client_id=f.client_id, consultant_id=f.consultant_id)

    def clear(self) -> None:
        """Reset every field with one `changed`, not one per field."""
        widgets = (
            self.date_from,
            self.date_to,
            self.kind_combo,
            self.status_combo,
            self.score_min,
            self.score_max,
            self.outcome_combo,
            self.transcribed_combo,
            self.text_edit,
        )
        blockers = [QSignalBlocker(w) for w in widgets]
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        for combo in self._combos():
            combo.setCurrentIndex(0)
        self.score_min.setValue(-1)
        self.score_max.setValue(-1)
        self.text_edit.clear()
        for b in blockers:
            b.unblock()
        self._text_timer.stop()
        self.changed.emit()
