"""Choosing a report period: a month picker, presets, and free from/to dates.

Reports are made per calendar month almost always, so the month picker drives the dates; the
from/to fields stay editable for the odd period (a campaign, a fortnight), and "Quarter" takes
the calendar quarter of the chosen month, which is how quarterly reviews are counted.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QSignalBlocker
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from qcdesk.qtmodels.labels import to_qdate
from qcdesk.reports.model import Period


def quarter_of(d: date) -> Period:
    """The calendar quarter that contains *d*."""
    first = 3 * ((d.month - 1) // 3) + 1
    last = first + 2
    return Period(date(d.year, first, 1), date(d.year, last, calendar.monthrange(d.year, last)[1]))


def previous_month(d: date) -> Period:
    """The whole calendar month before the one that contains *d*."""
    before = d.replace(day=1) - timedelta(days=1)
    return Period.month(before.year, before.month)


class PeriodPicker(QGroupBox):
    """The period box of the Reports screen; `period()` is always a valid range."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month_edit = QDateEdit()
        # Numeric: Qt date edits print the genitive month name («сентября 2026»).
        self.month_edit.setDisplayFormat("MM.yyyy")
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.this_month_button = QPushButton()
        self.last_month_button = QPushButton()
        self.quarter_button = QPushButton()
        presets = QWidget()
        row = QHBoxLayout(presets)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.this_month_button, self.last_month_button, self.quarter_button):
            row.addWidget(button)
        form = QFormLayout(self)
        self._labels = [QLabel() for _ in range(3)]
        edits = (self.month_edit, self.from_edit, self.to_edit)
        for label, edit in zip(self._labels, edits, strict=True):
            label.setBuddy(edit)
        form.addRow(self._labels[0], self.month_edit)
        form.addRow(presets)
        form.addRow(self._labels[1], self.from_edit)
        form.addRow(self._labels[2], self.to_edit)

        self.month_edit.dateChanged.connect(self._on_month_edit_changed)
        self.this_month_button.clicked.connect(self._on_this_month_button_clicked)
        self.last_month_button.clicked.connect(self._on_last_month_button_clicked)
        self.quarter_button.clicked.connect(self._on_quarter_button_clicked)
        self._retranslate()
        self.set_period(previous_month(date.today()))  # the month just closed: the usual report

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Period"))
        for label, text in zip(
            self._labels, (self.tr("&Month:"), self.tr("&From:"), self.tr("&To:")), strict=True
        ):
            label.setText(text)
        self.this_month_button.setText(self.tr("This month"))
        self.last_month_button.setText(self.tr("Last month"))
        self.quarter_button.setText(self.tr("Quarter"))
        self.quarter_button.setToolTip(self.tr("The calendar quarter of the chosen month"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_period(self, period: Period) -> None:
        """Show *period* in the date fields; the month picker follows its first month."""
        with QSignalBlocker(self.month_edit):
            self.month_edit.setDate(QDate(period.start.year, period.start.month, 1))
        self.from_edit.setDate(to_qdate(period.start))
        self.to_edit.setDate(to_qdate(period.end))

    def period(self) -> Period:
        start: date = self.from_edit.date().toPython()  # type: ignore[assignment]
        end: date = self.to_edit.date().toPython()  # type: ignore[assignment]
        return Period(min(start, end), max(start, end))  # a reversed range is a slip, not an error

    def month(self) -> Period:
        d = self.month_edit.date()
        return Period.month(d.year(), d.month())

    def _on_month_edit_changed(self, d: QDate) -> None:
        self.set_period(Period.month(d.year(), d.month()))

    def _on_this_month_button_clicked(self) -> None:
        today = date.today()
        self.set_period(Period.month(today.year, today.month))

    def _on_last_month_button_clicked(self) -> None:
        self.set_period(previous_month(date.today()))

    def _on_quarter_button_clicked(self) -> None:
        self.set_period(quarter_of(self.month().start))
