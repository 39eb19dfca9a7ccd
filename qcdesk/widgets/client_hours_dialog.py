"""A client company's time zone and working hours, the clock chat response times run on.

Saved through ``services.catalog.set_schedule`` when accepted; a KnownError (an unknown zone)
keeps the dialog open with the message, so what was typed is not lost.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from qcdesk.errors import KnownError
from qcdesk.services.dto import ClientInfo, ClientSchedule
from qcdesk.widgets.form_dialog import FormDialog
from qcdesk.widgets.messages import show_known_error

# Russia's zones first: the companies qcdesk is made for are mostly there.
COMMON_ZONES = ("Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg",
                "Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk",
                "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka")  # fmt: skip


class ClientHoursDialog(FormDialog):
    """Edits one company's time zone, working days and hours (or round the clock)."""

    def __init__(self, catalog: Any, client: ClientInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.client = client
        schedule: ClientSchedule = catalog.schedule(client.id)
        hours = schedule.working_hours or {
            "days": [0, 1, 2, 3, 4],
            "start": "09:00",
            "end": "18:00",
        }
        self.zone_combo = QComboBox()
        self.zone_combo.setEditable(True)
        others = sorted(available_timezones() - set(COMMON_ZONES))
        self.zone_combo.addItems([*COMMON_ZONES, *others])
        self.zone_combo.setEditText(schedule.timezone)
        self.always_check = QCheckBox()
        self.always_check.setChecked(schedule.working_hours is None)
        days = QWidget()
        row = QHBoxLayout(days)
        row.setContentsMargins(0, 0, 0, 0)
        self.day_checks = []
        for d in range(7):
            check = QCheckBox(QLocale().dayName(d + 1, QLocale.FormatType.ShortFormat))
            check.setChecked(d in hours.get("days", ()))
            row.addWidget(check)
            self.day_checks.append(check)
        self.start_edit = QTimeEdit(QTime.fromString(str(hours.get("start")), "HH:mm"))
        self.end_edit = QTimeEdit(QTime.fromString(str(hours.get("end")), "HH:mm"))
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        for field in (self.zone_combo, self.always_check, days, self.start_edit, self.end_edit):
            self._add_row(field)
        self._days = days
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.buttons = self._ok_cancel()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.always_check.toggled.connect(self._on_always_check_toggled)
        self._on_always_check_toggled(self.always_check.isChecked())
        self._retranslate()

    def _on_always_check_toggled(self, always: bool) -> None:
        for w in (self._days, self.start_edit, self.end_edit):
            w.setEnabled(not always)

    def hours(self) -> dict[str, Any] | None:
        if self.always_check.isChecked():
            return None
        return {
            "days": [d for d, c in enumerate(self.day_checks) if c.isChecked()],
            "start": self.start_edit.time().toString("HH:mm"),
            "end": self.end_edit.time().toString("HH:mm"),
        }

    def accept(self) -> None:
        try:
            self._catalog.set_schedule(self.client.id, self.zone_combo.currentText().strip(),
                                       self.hours())  # fmt: skip
        except KnownError as err:
            show_known_error(self, err)
            return
        super().accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Working hours: %1").replace("%1", self.client.name))
        labels = (
            self.tr("Time &zone:"),
            self.tr("Round the &clock:"),
            self.tr("Working &days:"),
            self.tr("&From:"),
            self.tr("&To:"),
        )
        for label, text in zip(self._row_labels, labels, strict=True):
            label.setText(text)
        self.always_check.setText(self.tr("Every hour counts"))
        self.note.setText(
            self.tr(
                "Chat response times count only working time: a message at 22:00 answered at "
                "9:05 the next working day waited 5 minutes. An end before the start is a "
                "night shift. New imports and a re-run of auto-prefill use these hours."
            )
        )
