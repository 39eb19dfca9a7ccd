"""The settings dialog: language (applied live), reviewer name, file name patterns."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qcdesk import settings as opts
from qcdesk.domain.filename import DEFAULT_PATTERNS
from qcdesk.widgets.form_dialog import FormDialog

# Language names are written in their own language, as language menus everywhere do.
LANGUAGES = (("", None), ("ru", "Русский"), ("en", "English"))


class SettingsDialog(FormDialog):
    """Edits the user's settings; saving a new language retranslates the running UI."""

    def __init__(self, settings: opts.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setMinimumWidth(520)
        self.language_combo = QComboBox()
        for code, name in LANGUAGES:
            self.language_combo.addItem(name or "", code)
        self.reviewer_edit = QLineEdit()
        self.patterns_edit = QPlainTextEdit()
        self.patterns_edit.setTabChangesFocus(True)
        self.patterns_edit.setMinimumHeight(110)
        self.patterns_help = QLabel()
        self.patterns_help.setWordWrap(True)
        self.patterns_help.setEnabled(False)

        self._add_row(self.language_combo)
        self._add_row(self.reviewer_edit)
        self._add_row(self.patterns_edit)
        self.form.addRow(self.patterns_help)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

        i = self.language_combo.findData(settings.get(opts.LANGUAGE))
        self.language_combo.setCurrentIndex(max(i, 0))
        self.reviewer_edit.setText(settings.get(opts.REVIEWER))
        self.patterns_edit.setPlainText("\n".join(settings.get(opts.FILENAME_PATTERNS)))
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_combo.setItemText(0, self.tr("System language"))
        texts = (self.tr("&Language:"), self.tr("&Reviewer name:"), self.tr("File name &patterns:"))
        for row, text in enumerate(texts):
            self._row_labels[row].setText(text)
        self.reviewer_edit.setPlaceholderText(self.tr("Shown on evaluations and reports"))
        self.patterns_edit.setPlaceholderText("\n".join(DEFAULT_PATTERNS))
        self.patterns_help.setText(
            self.tr(
                "One pattern per line; empty uses the built-in ones shown in grey. "
                "Placeholders: {date}, {time}, {customer}, {extension}, {direction}, {any}."
            )
        )

    def patterns(self) -> tuple[str, ...]:
        lines = self.patterns_edit.toPlainText().splitlines()
        return tuple(line.strip() for line in lines if line.strip())

    def accept(self) -> None:
        self._settings.set(opts.REVIEWER, self.reviewer_edit.text().strip())
        self._settings.set(opts.FILENAME_PATTERNS, self.patterns())
        # Last: a language change retranslates every open window, this one included.
        self._settings.set(opts.LANGUAGE, self.language_combo.currentData())
        super().accept()
