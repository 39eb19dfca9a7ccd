"""Editing an interaction's details after import: company, consultant, direction, date, customer.

Opened from the list's context menu (or Ctrl+I) and from the workspace. The consultant list
follows the company chosen and offers active consultants only, plus the one assigned now even
if deactivated, so opening and accepting the dialog never changes anything by itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qcdesk.errors import KnownError
from qcdesk.qtmodels.labels import direction_label, kind_label, to_qdatetime
from qcdesk.widgets.form_dialog import FormDialog
from qcdesk.widgets.messages import show_known_error

if TYPE_CHECKING:
    from qcdesk.services.context import Services

LANGUAGES = ("auto", "ru", "en")


class MetadataDialog(FormDialog):
    """The editable fields of one interaction; OK saves through the metadata service."""

    saved = Signal(int)  # the interaction id, after a successful save

    def __init__(
        self, services: Services, interaction_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.interaction_id = interaction_id
        self.meta = services.metadata.get(interaction_id)
        self._clients = services.catalog.list_clients()
        self.setMinimumWidth(460)

        self.client_combo = QComboBox()
        for client in self._clients:
            self.client_combo.addItem(client.name, client.id)
        self.consultant_combo = QComboBox()
        self.direction_combo = QComboBox()
        for code in ("", "incoming", "outgoing"):
            self.direction_combo.addItem("", code or None)
        self.date_check = QCheckBox()
        self.date_edit = QDateTimeEdit()
        self.date_edit.setCalendarPopup(True)
        date_row = QWidget()
        date_layout = QHBoxLayout(date_row)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.addWidget(self.date_check)
        date_layout.addWidget(self.date_edit, 1)
        self.customer_edit = QLineEdit()
        self.language_combo: QComboBox | None = None

        self._add_row(self.client_combo)
        self._add_row(self.consultant_combo)
        self._add_row(self.direction_combo)
        self._add_row(date_row)
        self._add_row(self.customer_edit)
        if services.metadata.has_language:
            self.language_combo = QComboBox()
            for code in LANGUAGES:
                self.language_combo.addItem("", code)
            self._add_row(self.language_combo)
        self.buttons = self._ok_cancel()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

        self.client_combo.currentIndexChanged.connect(self._on_client_combo_current_index_changed)
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        self._load()
        self._retranslate()

    def _load(self) -> None:
        m = self.meta
        self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(m.client_id)))
        self._fill_consultants()
        self.direction_combo.setCurrentIndex(max(0, self.direction_combo.findData(m.direction)))
        self.date_check.setChecked(m.started_at is not None)
        self.date_edit.setEnabled(m.started_at is not None)
        self.date_edit.setDateTime(to_qdatetime(m.started_at or datetime.now().replace(second=0)))
        self.customer_edit.setText(m.customer_ref or "")
        if self.language_combo is not None:
            i = self.language_combo.findData(m.language or "auto")
            self.language_combo.setCurrentIndex(max(0, i))

    def _fill_consultants(self) -> None:
        client_id = self.client_combo.currentData()
        keep = self.consultant_combo.currentData() if self.consultant_combo.count() else None
        if keep is None and client_id == self.meta.client_id:
            keep = self.meta.consultant_id
        self.consultant_combo.clear()
        self.consultant_combo.addItem("", None)
        for person in self._services.catalog.list_consultants(client_id):
            if person.active or person.id == self.meta.consultant_id:
                self.consultant_combo.addItem(person.name, person.id)
        self.consultant_combo.setCurrentIndex(max(0, self.consultant_combo.findData(keep)))
        self.consultant_combo.setItemText(0, self.tr("(not assigned)"))

    def _on_client_combo_current_index_changed(self, _index: int) -> None:
        self._fill_consultants()

    def _retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Details of the interaction: %1").replace("%1", kind_label(self.meta.kind))
        )
        labels = [
            self.tr("Client &company:"),
            self.tr("C&onsultant:"),
            self.tr("&Direction:"),
            self.tr("Date and &time:"),
            self.tr("C&ustomer:"),
        ]
        if self.language_combo is not None:
            labels.append(self.tr("&Language:"))
            names = (self.tr("Company's language"), self.tr("Russian"), self.tr("English"))
            for i, name in enumerate(names):
                self.language_combo.setItemText(i, name)
        for row, text in enumerate(labels):
            self._row_labels[row].setText(text)
        self.consultant_combo.setItemText(0, self.tr("(not assigned)"))
        self.direction_combo.setItemText(0, self.tr("Unknown"))
        for i in range(1, self.direction_combo.count()):
            self.direction_combo.setItemText(i, direction_label(self.direction_combo.itemData(i)))
        self.date_check.setToolTip(self.tr("Unchecked: the date is not known"))
        self.customer_edit.setPlaceholderText(self.tr("Phone number or name"))

    def values(self) -> dict[str, Any]:
        """The fields as `MetadataService.update` takes them."""
        started = None
        if self.date_check.isChecked():
            started = self.date_edit.dateTime().toPython()
            assert isinstance(started, datetime)
            started = started.replace(second=0, microsecond=0)
            if self.meta.started_at is not None and started == self.meta.started_at.replace(
                second=0, microsecond=0
            ):
                started = self.meta.started_at  # the editor shows minutes: keep the seconds
        out: dict[str, Any] = {
            "client_id": self.client_combo.currentData(),
            "consultant_id": self.consultant_combo.currentData(),
            "direction": self.direction_combo.currentData(),
            "started_at": started,
            "customer_ref": self.customer_edit.text(),
        }
        if self.language_combo is not None:
            out["language"] = self.language_combo.currentData()
        return out

    def accept(self) -> None:
        try:
            self.meta = self._services.metadata.update(self.interaction_id, **self.values())
        except KnownError as err:
            show_known_error(self, err)
            return
        self.saved.emit(self.interaction_id)
        super().accept()
