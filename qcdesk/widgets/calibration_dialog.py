"""New calibration session: the company, its interactions (the list's selection), who takes part."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qcdesk.errors import KnownError
from qcdesk.services.calibration import CalibrationInfo
from qcdesk.services.context import Services
from qcdesk.widgets.messages import known_error_text


class NewCalibrationDialog(QDialog):
    """Creates the session on OK; a refused session (KnownError) is explained in the dialog."""

    def __init__(self, services: Services, interactions: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.created: CalibrationInfo | None = None
        self.setWindowTitle(self.tr("New calibration session"))
        self.client_combo = QComboBox(self)
        for cid, name in services.agreement.clients():
            self.client_combo.addItem(name, cid)
        self.title_edit = QLineEdit(self)
        self.interactions_edit = QLineEdit(", ".join(str(i) for i in interactions), self)
        self.interactions_edit.setPlaceholderText(self.tr("e.g. 12, 15, 31"))
        self.draw_spin = QSpinBox(self)
        self.draw_spin.setRange(1, 50)
        self.draw_spin.setValue(5)
        self.draw_button = QPushButton(self.tr("Draw at random"), self)
        self.draw_button.clicked.connect(self._on_draw_button_clicked)
        draw = QHBoxLayout()
        draw.addWidget(self.draw_spin)
        draw.addWidget(self.draw_button)
        draw.addStretch(1)
        self.participants_edit = QLineEdit(self)
        self.participants_edit.setPlaceholderText(self.tr("Names separated by commas"))
        if services.evaluations.reviewer:
            self.participants_edit.setText(services.evaluations.reviewer + ", ")
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("Company"), self.client_combo)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Interactions (numbers)"), self.interactions_edit)
        form.addRow("", draw)
        form.addRow(self.tr("Participants"), self.participants_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    @Slot()
    def _on_draw_button_clicked(self) -> None:
        """Fill the interactions with a random draw from the company (a new seed each time)."""
        client = self.client_combo.currentData()
        if client is None:
            return
        seed = QDateTime.currentMSecsSinceEpoch() % 2_147_483_647
        ids = self._services.calibration.draw(int(client), self.draw_spin.value(), seed)
        self.interactions_edit.setText(", ".join(str(i) for i in ids))

    @Slot()
    def _on_buttons_accepted(self) -> None:
        raw = [p.strip().lstrip("#") for p in self.interactions_edit.text().split(",")]
        if any(p and not p.isdigit() for p in raw):
            self._show(self.tr("Interactions are given by their numbers, separated by commas."))
            return
        ids = [int(p) for p in raw if p]
        people = [p for p in self.participants_edit.text().split(",") if p.strip()]
        client = self.client_combo.currentData()
        if client is None:
            self._show(self.tr("There is no company yet: import interactions first."))
            return
        try:
            self.created = self._services.calibration.create(
                int(client), ids, people, self.title_edit.text()
            )
        except KnownError as err:
            self._show(known_error_text(err))
            return
        self.accept()

    def _show(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
