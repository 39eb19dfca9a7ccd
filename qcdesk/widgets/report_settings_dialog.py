"""Report settings of one client company: agency name, logo, KPI targets and channel weights.

The agency's name belongs to the whole database (it is on every cover), the rest to the client
company; both are saved through ``services.reports`` when the dialog is accepted. A save that
fails with a KnownError (an unreadable logo, a locked database) keeps the dialog open with the
message, so what the user typed is not lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qcdesk.errors import KnownError
from qcdesk.reports.model import CHANNELS, Targets
from qcdesk.services.dto import ClientInfo
from qcdesk.widgets.form_dialog import FormDialog
from qcdesk.widgets.messages import show_known_error


class ReportSettingsDialog(FormDialog):
    """Edits what reports of *client* show besides the data: branding and KPI targets."""

    def __init__(
        self,
        reports: Any,
        client: ClientInfo,
        *,
        targets: Targets | None = None,
        logo_path: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reports = reports
        self.client = client
        targets = targets or Targets()
        self.setMinimumWidth(520)
        self.agency_edit = QLineEdit(reports.get_agency_name())
        self.logo_edit = QLineEdit(logo_path or "")
        self.logo_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        logo_row = QWidget()
        row = QHBoxLayout(logo_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo_edit, 1)
        row.addWidget(self.browse_button)
        self.score_spin = QDoubleSpinBox()
        self.score_spin.setRange(0, 100)
        self.score_spin.setDecimals(1)
        self.score_spin.setSuffix(" %")
        self.score_spin.setValue(targets.score)
        self.conversion_spin = QDoubleSpinBox()
        self.conversion_spin.setRange(0, 100)
        self.conversion_spin.setDecimals(1)
        self.conversion_spin.setSuffix(" %")
        self.conversion_spin.setValue(targets.conversion)
        self.critical_spin = QSpinBox()
        self.critical_spin.setRange(0, 10_000)
        self.critical_spin.setValue(targets.max_critical)
        self.recurring_spin = QSpinBox()
        self.recurring_spin.setRange(1, 100)
        self.recurring_spin.setSuffix(" %")
        self.recurring_spin.setValue(round(targets.recurring_share * 100))
        # Weights of calls, chats and mystery shopping in the combined score; ratios matter.
        weights = reports.get_channel_weights(client.id)
        self.weight_spins: dict[str, QDoubleSpinBox] = {}
        weights_row = QWidget()
        weights_layout = QHBoxLayout(weights_row)
        weights_layout.setContentsMargins(0, 0, 0, 0)
        self._weight_labels: dict[str, QLabel] = {}
        for channel in CHANNELS:
            spin = QDoubleSpinBox()
            spin.setRange(0, 100)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setValue(float(weights.get(channel, 0.0)))
            label = QLabel()
            label.setBuddy(spin)
            self.weight_spins[channel] = spin
            self._weight_labels[channel] = label
            weights_layout.addWidget(label)
            weights_layout.addWidget(spin, 1)
        self.mask_check = QCheckBox()
        self.mask_check.setChecked(reports.personal_data_masked(client.id))
        for field in (
            self.agency_edit,
            logo_row,
            self.score_spin,
            self.conversion_spin,
            self.critical_spin,
            self.recurring_spin,
            weights_row,
            self.mask_check,
        ):
            self._add_row(field)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.buttons = self._ok_cancel()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Report settings: %1").replace("%1", self.client.name))
        labels = (
            self.tr("&Agency name:"),
            self.tr("Client &logo:"),
            self.tr("Target mean &score:"),
            self.tr("Target &conversion:"),
            self.tr("Critical errors at &most:"),
            self.tr("&Recurring error from:"),
            self.tr("Channel &weights:"),
            self.tr("Personal data:"),
        )
        for label, text in zip(self._row_labels, labels, strict=True):
            label.setText(text)
        self.browse_button.setText(self.tr("&Browse…"))
        names = {
            "call": self.tr("calls"),
            "chat": self.tr("chats"),
            "visit": self.tr("mystery shopping"),
        }
        for channel, label in self._weight_labels.items():
            label.setText(names[channel])
        for spin in self.weight_spins.values():
            spin.setToolTip(
                self.tr("The combined score of a consultant weights each channel's mean score "
                        "by these numbers; channels without evaluations are left out, and 0 "
                        "leaves a channel out always.")
            )  # fmt: skip
        self.mask_check.setText(self.tr("&Mask phone, card and passport numbers in exports"))
        self.mask_check.setToolTip(
            self.tr("Quotes, comments and customer numbers in PDF and XLSX reports show "
                    "these numbers as asterisks; names are never masked.")
        )  # fmt: skip
        self.logo_edit.setPlaceholderText(self.tr("No logo"))
        self.recurring_spin.setToolTip(
            self.tr("A criterion is a recurring error when a consultant fails it in at least "
                    "this share of evaluations (and at least 3 times).")
        )  # fmt: skip
        self.note.setText(
            self.tr("The agency name is shown on the cover of every report; the logo, "
                    "targets and channel weights apply to this client company only.")
        )  # fmt: skip

    def _on_browse_button_clicked(self) -> None:
        start = self.logo_edit.text().strip() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a logo"), start, self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.logo_edit.setText(path)

    def save(self) -> bool:
        """Store the values; on a KnownError show it and return False (the dialog stays)."""
        logo = self.logo_edit.text().strip() or None
        weights = {c: spin.value() for c, spin in self.weight_spins.items()}
        if not any(weights.values()):
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("At least one channel needs a weight above zero."),
            )
            return False
        try:
            self._reports.set_agency_name(self.agency_edit.text().strip())
            self._reports.set_client_branding(
                self.client.id,
                logo_path=logo,
                kpi_score_target=self.score_spin.value(),
                kpi_conversion_target=self.conversion_spin.value(),
                kpi_max_critical=self.critical_spin.value(),
                recurring_error_share=self.recurring_spin.value() / 100,
            )
            self._reports.set_channel_weights(self.client.id, weights)
            self._reports.set_personal_data_masked(self.client.id, self.mask_check.isChecked())
        except KnownError as err:
            show_known_error(self, err)
            return False
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
