"""A client company's telephony settings: extensions, calendar, callback threshold, profit inputs.

The extension table is edited once per company (extensions the log has and nobody is mapped
to are listed, empty, for the user to fill). The lost-profit inputs are ranges; they count as
the company's own only when the user ticks the confirmation, and any change unticks it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcdesk.errors import KnownError
from qcdesk.widgets.form_dialog import FormDialog
from qcdesk.widgets.messages import show_known_error

if TYPE_CHECKING:
    from qcdesk.services.calllog import CallLogService

SHARES = ("lead_share", "recovered_share", "conversion")


class CallSettingsDialog(FormDialog):
    def __init__(self, calllog: CallLogService, client: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._calllog = calllog
        self.client = client
        settings = calllog.settings(client)
        self._initial = settings.profit.to_json()
        self.setMinimumWidth(720)
        self.country_edit = QLineEdit(settings.country)
        self.country_edit.setMaxLength(3)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(1, 24 * 60)
        self.minutes_spin.setValue(round(settings.callback_minutes))
        self.range_spins: dict[str, list[QDoubleSpinBox]] = {}
        self._add_row(self.country_edit)
        self._add_row(self.minutes_spin)
        for key in ("average_deal", *SHARES):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            spins = []
            for value in settings.profit.ranges[key]:
                spin = QDoubleSpinBox()
                if key == "average_deal":
                    spin.setRange(0, 1e9)
                    spin.setDecimals(0)
                    spin.setValue(value)
                else:
                    spin.setRange(0, 100)
                    spin.setDecimals(1)
                    spin.setSuffix(" %")
                    spin.setValue(value * 100)
                spin.valueChanged.connect(self._on_value_changed)
                line.addWidget(spin)
                spins.append(spin)
            self.range_spins[key] = spins
            self._add_row(row)
        self.non_sales_edit = QPlainTextEdit("\n".join(sorted(settings.profit.non_sales)))
        self.non_sales_edit.setMaximumHeight(70)
        self.non_sales_edit.textChanged.connect(self._on_value_changed)
        self._add_row(self.non_sales_edit)
        self.confirm_check = QCheckBox()
        self.confirm_check.setChecked(settings.profit.confirmed)
        self._add_row(self.confirm_check)
        folder = calllog.watch_folders().get(client)
        self.folder_edit = QLineEdit("" if folder is None else str(folder))
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        folder_row = QWidget()
        folder_line = QHBoxLayout(folder_row)
        folder_line.setContentsMargins(0, 0, 0, 0)
        folder_line.addWidget(self.folder_edit, 1)
        folder_line.addWidget(self.folder_button)
        self._add_row(folder_row)
        self.extensions = QStandardItemModel(0, 2, self)
        for mapped in calllog.extensions(client):
            self.extensions.appendRow(
                [QStandardItem(mapped.extension), QStandardItem(mapped.consultant)]
            )
        for ext in calllog.unmapped_extensions(client):
            self.extensions.appendRow([QStandardItem(ext), QStandardItem("")])
        self._mapped = {r.extension for r in calllog.extensions(client)}
        self.extensions_view = QTableView()
        self.extensions_view.setModel(self.extensions)
        self.extensions_view.horizontalHeader().setStretchLastSection(True)
        self.extensions_view.verticalHeader().hide()
        self.extensions_view.setColumnWidth(0, 170)
        self.extensions_label = QLabel()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.buttons = self._ok_cancel()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.extensions_label)
        layout.addWidget(self.extensions_view, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.buttons)
        self._retranslate()

    def _on_value_changed(self, *_: object) -> None:
        self.confirm_check.setChecked(False)  # new values are not the confirmed ones

    def _on_folder_button_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Watch folder"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    def _on_add_button_clicked(self) -> None:
        self.extensions.appendRow([QStandardItem(""), QStandardItem("")])
        self.extensions_view.edit(self.extensions.index(self.extensions.rowCount() - 1, 0))

    def profit(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, spins in self.range_spins.items():
            scale = 1 if key == "average_deal" else 100
            out[key] = [spin.value() / scale for spin in spins]
        lines = self.non_sales_edit.toPlainText().splitlines()
        out["non_sales"] = [n.strip() for n in lines if n.strip()]
        out["confirmed"] = self.confirm_check.isChecked()
        return out

    def mapping(self) -> dict[str, str]:
        """Extension -> consultant name, rows with both filled."""
        rows = (
            (self.extensions.item(r, 0).text().strip(), self.extensions.item(r, 1).text().strip())
            for r in range(self.extensions.rowCount())
        )
        return {ext: who for ext, who in rows if ext and who}

    def accept(self) -> None:
        profit = self.profit()
        bad = [k for k in self.range_spins if not profit[k][0] <= profit[k][1] <= profit[k][2]]
        if bad:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("Each range must go from the lowest to the highest value."),
            )
            return
        try:
            self._calllog.set_settings(
                self.client,
                country=self.country_edit.text().strip() or "RU",
                callback_minutes=self.minutes_spin.value(),
                profit=profit,
            )
            mapping = self.mapping()
            for ext, who in mapping.items():
                self._calllog.set_extension(self.client, ext, who)
            for ext in self._mapped - set(mapping):
                self._calllog.remove_extension(self.client, ext)
            folder = self.folder_edit.text().strip()
            self._calllog.set_watch_folder(self.client, Path(folder) if folder else None)
        except KnownError as err:
            show_known_error(self, err)
            return
        super().accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Telephony settings: %1").replace("%1", self.client))
        labels = (
            self.tr("Production calendar (country code):"),
            self.tr("Called back in time within, minutes:"),
            self.tr("Average deal (low, expected, high):"),
            self.tr("Share of missed calls that are leads:"),
            self.tr("Share a timely callback recovers:"),
            self.tr("First-call conversion to a sale:"),
            self.tr("Numbers that are not sales (one a line):"),
            self.tr("Confirmed:"),
            self.tr("Watch folder (recordings and logs):"),
        )
        for label, text in zip(self._row_labels, labels, strict=True):
            label.setText(text)
        self.confirm_check.setText(self.tr("The company's own values, not defaults"))
        self.extensions_label.setText(self.tr("Extensions and the consultants who answer them:"))
        self.extensions.setHorizontalHeaderLabels([self.tr("Extension"), self.tr("Consultant")])
        self.add_button.setText(self.tr("Add an extension"))
        self.folder_button.setText(self.tr("Choose…"))
        self.folder_edit.setPlaceholderText(self.tr("none: nothing is imported by itself"))
