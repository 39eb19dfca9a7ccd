"""A mystery-shopping assignment: the fields (shared with the workspace panel) and the dialog.

`AssignmentFields` is one form used twice: in the "New mystery assignment" dialog and, for
editing, in the review workspace. It emits `edited` only when a value is complete (a line
left, a choice made, a date set), never per keystroke, so the panel's autosave does not
create a consultant for every letter typed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QSignalBlocker,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.qtmodels.labels import to_qdate, to_qdatetime
from qcdesk.services.dto import AssignmentDraft, MysteryAssignmentInfo
from qcdesk.widgets.layouts import combo_line_edit
from qcdesk.widgets.messages import show_known_error

if TYPE_CHECKING:
    from qcdesk.services.context import Services

MYSTERY_CHANNELS = {
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit to a shop"),
    "call": QT_TRANSLATE_NOOP("Labels", "Phone call"),
    "online": QT_TRANSLATE_NOOP("Labels", "Online request"),
}


def mystery_channel_label(code: str) -> str:
    source = MYSTERY_CHANNELS.get(code)
    return code if source is None else QCoreApplication.translate("Labels", source)


class AssignmentFields(QWidget):
    """Client, channel, location, consultant, scenario, dates, shopper and check-in place."""

    edited = Signal()

    def __init__(
        self, catalog: Any, *, client_editable: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._clients = catalog.list_clients()
        self.client_combo = QComboBox()
        self.client_combo.setEditable(True)
        self.client_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for client in self._clients:
            self.client_combo.addItem(client.name, client.id)
        self.client_combo.setEnabled(client_editable)
        self.channel_combo = QComboBox()
        for code in MYSTERY_CHANNELS:
            self.channel_combo.addItem("", code)
        self.location_edit = QLineEdit()
        self.consultant_combo = QComboBox()
        self.consultant_combo.setEditable(True)
        self.consultant_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.scenario_edit = QPlainTextEdit()
        self.scenario_edit.setTabChangesFocus(True)
        self.scenario_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.planned_check = QCheckBox()
        self.planned_edit = QDateEdit(QDate.currentDate())
        self.planned_edit.setCalendarPopup(True)
        self.shopper_edit = QLineEdit()
        self.checkin_check = QCheckBox()
        self.checkin_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.checkin_edit.setCalendarPopup(True)
        self.checkin_edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.place_edit = QLineEdit()

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: list[QLabel] = []
        planned = self._pair(self.planned_check, self.planned_edit)
        checkin = self._pair(self.checkin_check, self.checkin_edit)
        for field in (
            self.client_combo,
            self.channel_combo,
            self.location_edit,
            self.consultant_combo,
            self.scenario_edit,
            planned,
            self.shopper_edit,
            checkin,
            self.place_edit,
        ):
            label = QLabel()
            label.setBuddy(field)
            self._labels.append(label)
            self.form.addRow(label, field)

        # The scenario is saved once typing pauses; everything else when a value is complete.
        self._scenario_timer = QTimer(self)
        self._scenario_timer.setSingleShot(True)
        self._scenario_timer.setInterval(800)
        self._scenario_timer.timeout.connect(self.edited)
        self.scenario_edit.textChanged.connect(self._scenario_timer.start)
        self.client_combo.currentTextChanged.connect(self._on_client_combo_text_changed)
        self.channel_combo.activated.connect(self.edited)
        for edit in (self.location_edit, self.shopper_edit, self.place_edit):
            edit.editingFinished.connect(self.edited)
        combo_line_edit(self.consultant_combo).editingFinished.connect(self.edited)
        self.consultant_combo.activated.connect(self.edited)
        self.planned_check.toggled.connect(self._on_planned_check_toggled)
        self.checkin_check.toggled.connect(self._on_checkin_check_toggled)
        self.planned_edit.editingFinished.connect(self.edited)
        self.checkin_edit.editingFinished.connect(self.edited)
        self._on_client_combo_text_changed(self.client_combo.currentText())
        self.planned_edit.setEnabled(False)
        self.checkin_edit.setEnabled(False)
        self.retranslate()

    @staticmethod
    def _pair(check: QCheckBox, edit: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(check)
        row.addWidget(edit, 1)
        return box

    def retranslate(self) -> None:
        texts = (
            self.tr("Client &company:"),
            self.tr("C&hannel:"),
            self.tr("&Location:"),
            self.tr("C&onsultant:"),
            self.tr("&Scenario:"),
            self.tr("&Planned date:"),
            self.tr("S&hopper:"),
            self.tr("Check-&in time:"),
            self.tr("Check-in &place:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        for i in range(self.channel_combo.count()):
            self.channel_combo.setItemText(i, mystery_channel_label(self.channel_combo.itemData(i)))
        combo_line_edit(self.client_combo).setPlaceholderText(self.tr("New or existing company"))
        self.location_edit.setPlaceholderText(self.tr("Shop, branch or website"))
        combo_line_edit(self.consultant_combo).setPlaceholderText(self.tr("Identified later"))
        self.scenario_edit.setPlaceholderText(self.tr("What the shopper asks for and objects to"))
        self.place_edit.setPlaceholderText(self.tr("Address or coordinates"))
        self.planned_check.setToolTip(self.tr("The visit has a planned date"))
        self.checkin_check.setToolTip(self.tr("The shopper has checked in"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- values -------------------------------------------------------------------------------
    def set_assignment(self, info: MysteryAssignmentInfo) -> None:
        """Show *info* without emitting `edited` (loading is not editing)."""
        with QSignalBlocker(self):
            self.client_combo.setEditText(info.client)
            self._on_client_combo_text_changed(info.client)
            self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(info.channel)))
            self.location_edit.setText(info.location)
            self.consultant_combo.setEditText(info.consultant or "")
            with QSignalBlocker(self.scenario_edit):
                self.scenario_edit.setPlainText(info.scenario)
            self.planned_check.setChecked(info.planned_date is not None)
            self.planned_edit.setEnabled(info.planned_date is not None)
            if info.planned_date is not None:
                self.planned_edit.setDate(to_qdate(info.planned_date))
            self.shopper_edit.setText(info.shopper)
            self.checkin_check.setChecked(info.checkin_at is not None)
            self.checkin_edit.setEnabled(info.checkin_at is not None)
            if info.checkin_at is not None:
                self.checkin_edit.setDateTime(to_qdatetime(info.checkin_at))
            self.place_edit.setText(info.checkin_place)

    def flush(self) -> None:
        """Emit a pending scenario edit now (before the form closes or switches visit)."""
        if self._scenario_timer.isActive():
            self._scenario_timer.stop()
            self.edited.emit()

    def draft(self) -> AssignmentDraft:
        planned: date | None = None
        if self.planned_check.isChecked():
            planned = self.planned_edit.date().toPython()  # type: ignore[assignment]
        checkin: datetime | None = None
        if self.checkin_check.isChecked():
            checkin = self.checkin_edit.dateTime().toPython()  # type: ignore[assignment]
        return AssignmentDraft(
            client=self.client_combo.currentText().strip(),
            channel=str(self.channel_combo.currentData()),
            location=self.location_edit.text().strip(),
            consultant=self.consultant_combo.currentText().strip() or None,
            scenario=self.scenario_edit.toPlainText().strip(),
            planned_date=planned,
            shopper=self.shopper_edit.text().strip(),
            checkin_at=None if checkin is None else checkin.replace(second=0, microsecond=0),
            checkin_place=self.place_edit.text().strip(),
        )

    # -- slots --------------------------------------------------------------------------------
    def _on_client_combo_text_changed(self, text: str) -> None:
        current = self.consultant_combo.currentText()
        with QSignalBlocker(self.consultant_combo):
            self.consultant_combo.clear()
            self.consultant_combo.addItem("")
            client = next((c for c in self._clients if c.name == text.strip()), None)
            if client is not None:
                for person in self._catalog.list_consultants(client.id, active_only=True):
                    self.consultant_combo.addItem(person.name, person.id)
            self.consultant_combo.setEditText(current)

    def _on_planned_check_toggled(self, on: bool) -> None:
        self.planned_edit.setEnabled(on)
        self.edited.emit()

    def _on_checkin_check_toggled(self, on: bool) -> None:
        self.checkin_edit.setEnabled(on)
        if on and not self.signalsBlocked():
            self.checkin_edit.setDateTime(QDateTime.currentDateTime())
        self.edited.emit()


class VisitDialog(QDialog):
    """ "New mystery assignment": asks for the fields, creates it, keeps the result in `created`.

    Opened with ``open()`` (window-modal, non-blocking); the caller reacts to `accepted`.
    """

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.created: MysteryAssignmentInfo | None = None
        self.setMinimumWidth(520)
        self.fields = AssignmentFields(services.catalog, parent=self)
        self.fields.planned_check.setChecked(True)  # a new assignment is usually planned
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.fields.client_combo.currentTextChanged.connect(self._update_ok)
        self.fields.location_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New mystery assignment"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _update_ok(self, *_args: object) -> None:
        d = self.fields
        ready = bool(d.client_combo.currentText().strip() and d.location_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def accept(self) -> None:
        """Create the assignment; a KnownError (locked database) keeps the dialog open."""
        try:
            self.created = self._services.mystery.create(self.fields.draft())
        except KnownError as err:
            show_known_error(self, err)
            return
        super().accept()
