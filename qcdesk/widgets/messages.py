"""Translated messages for known errors, and the dialog shown for bugs.

A KnownError carries an English template; it is translated here, at display time, in the
"KnownError" context where lupdate found it at the raise site.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from qcdesk.errors import KnownError
from qcdesk.services.dto import ImportFailure


def render_template(
    template: str, params: Mapping[str, object], fallback: str = "", context: str = "KnownError"
) -> str:
    """Translate *template* in *context* (KnownError by default) and fill in *params*.

    A translation with a broken placeholder falls back to the English text, then to
    *fallback*, so an error is never hidden by a translation mistake.
    """
    if not template:
        return fallback
    translated = QCoreApplication.translate(context, template)
    for text in (translated, template):
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            continue
    return fallback or template


def known_error_text(err: KnownError) -> str:
    return render_template(err.template, err.params, str(err))


def failure_text(failure: ImportFailure) -> str:
    return render_template(failure.template, failure.params, failure.error)


def show_known_error(parent: QWidget | None, err: KnownError, title: str = "") -> QMessageBox:
    """A non-blocking warning box naming the problem (and the file, via the template)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Messages", "qcdesk"))
    box.setText(known_error_text(err))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def open_folder(path: Path) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class CrashDialog(QMessageBox):
    """Shown for a bug: apologises, keeps the traceback in Details, offers the log folder."""

    def __init__(self, traceback_text: str, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log_dir = log_dir
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(QCoreApplication.translate("CrashDialog", "Unexpected error"))
        self.setText(
            QCoreApplication.translate(
                "CrashDialog",
                "Something went wrong inside qcdesk. Your saved work is safe. "
                "The details were written to the log file; please send it to support.",
            )
        )
        self.setDetailedText(traceback_text)
        self.open_button = self.addButton(
            QCoreApplication.translate("CrashDialog", "Open log folder"),
            QMessageBox.ButtonRole.ActionRole,
        )
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.addButton(QMessageBox.StandardButton.Close)

    def _on_open_button_clicked(self) -> None:
        open_folder(self._log_dir)
