"""The settings dialog: language (applied live), reviewer, file name patterns, transcription."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk import settings as opts
from qcdesk.domain.filename import DEFAULT_PATTERNS
from qcdesk.widgets.form_dialog import FormDialog

# Language names are written in their own language, as language menus everywhere do.
LANGUAGES = (("", None), ("ru", "Русский"), ("en", "English"))
DEVICES = ("auto", "cpu", "cuda")


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

        # Transcription: where the model comes from, where it runs, or a remote server.
        self.model_edit = QLineEdit()
        self.model_button = QPushButton()
        self.model_button.clicked.connect(self._on_model_button_clicked)
        model_row = QWidget()
        model_layout = QHBoxLayout(model_row)
        model_layout.setContentsMargins(0, 0, 0, 0)
        model_layout.addWidget(self.model_edit, 1)
        model_layout.addWidget(self.model_button)
        self.device_combo = QComboBox()
        for code in DEVICES:
            self.device_combo.addItem("", code)
        self.remote_url_edit = QLineEdit()
        self.api_key_edit = QLineEdit()
        self.api_key_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self._add_row(self.language_combo)
        self._add_row(self.reviewer_edit)
        self._add_row(self.patterns_edit)
        self.form.addRow(self.patterns_help)
        self._add_row(model_row)
        self._row_labels[-1].setBuddy(self.model_edit)
        self._add_row(self.device_combo)
        self._add_row(self.remote_url_edit)
        self._add_row(self.api_key_edit)
        buttons = self._ok_cancel()
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

        i = self.language_combo.findData(settings.get(opts.LANGUAGE))
        self.language_combo.setCurrentIndex(max(i, 0))
        self.reviewer_edit.setText(settings.get(opts.REVIEWER))
        patterns: tuple[str, ...] = settings.get(opts.FILENAME_PATTERNS)
        self.patterns_edit.setPlainText("\n".join(patterns))
        self.model_edit.setText(settings.get(opts.ASR_MODEL))
        device = self.device_combo.findData(settings.get(opts.ASR_DEVICE))
        self.device_combo.setCurrentIndex(max(device, 0))
        self.remote_url_edit.setText(settings.get(opts.ASR_REMOTE_URL))
        self.api_key_edit.setText(settings.get(opts.ASR_API_KEY))
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_combo.setItemText(0, self.tr("System language"))
        texts = (
            self.tr("&Language:"),
            self.tr("&Reviewer name:"),
            self.tr("File name &patterns:"),
            self.tr("Speech &model:"),
            self.tr("&Device:"),
            self.tr("Remote &server URL:"),
            self.tr("API &key:"),
        )
        for row, text in enumerate(texts):
            self._row_labels[row].setText(text)
        self.reviewer_edit.setPlaceholderText(self.tr("Shown on evaluations and reports"))
        self.patterns_edit.setPlaceholderText("\n".join(DEFAULT_PATTERNS))
        self.model_edit.setPlaceholderText(self.tr("Bundled base model (or a name such as small)"))
        self.model_button.setText(self.tr("Choose folder…"))
        for i, text in enumerate(
            (self.tr("Automatic"), self.tr("Processor (CPU)"), self.tr("Graphics card (CUDA)"))
        ):
            self.device_combo.setItemText(i, text)
        self.remote_url_edit.setPlaceholderText(
            self.tr("Empty: transcribe on this computer; e.g. http://gpu-server:8000/v1")
        )
        self.patterns_help.setText(
            self.tr(
                "One pattern per line; empty uses the built-in ones shown in grey. "
                "Placeholders: {date}, {time}, {customer}, {extension}, {direction}, {any}."
            )
        )

    def patterns(self) -> tuple[str, ...]:
        lines = self.patterns_edit.toPlainText().splitlines()
        return tuple(line.strip() for line in lines if line.strip())

    def _on_model_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a faster-whisper model folder"), self.model_edit.text()
        )
        if folder:
            self.model_edit.setText(folder)

    def accept(self) -> None:
        self._settings.set(opts.REVIEWER, self.reviewer_edit.text().strip())
        self._settings.set(opts.ASR_MODEL, self.model_edit.text().strip())
        self._settings.set(opts.ASR_DEVICE, self.device_combo.currentData())
        self._settings.set(opts.ASR_REMOTE_URL, self.remote_url_edit.text().strip())
        self._settings.set(opts.ASR_API_KEY, self.api_key_edit.text().strip())
        self._settings.set(opts.FILENAME_PATTERNS, self.patterns())
        # Last: a language change retranslates every open window, this one included.
        self._settings.set(opts.LANGUAGE, self.language_combo.currentData())
        super().accept()
