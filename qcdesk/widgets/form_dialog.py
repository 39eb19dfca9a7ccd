"""A dialog with a labelled form that retranslates itself when the language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget


class FormDialog(QDialog):
    """Keeps the row labels so ``_retranslate`` can set their text again after a switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self._row_labels: list[QLabel] = []

    def _add_row(self, field: QWidget) -> None:
        label = QLabel()
        label.setBuddy(field)
        self._row_labels.append(label)
        self.form.addRow(label, field)

    def _ok_cancel(self) -> QDialogButtonBox:
        """OK and Cancel buttons wired to accept and reject (Qt translates their text)."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
