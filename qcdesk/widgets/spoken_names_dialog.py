"""A client company's spoken names: how people say or spell it, one per line.

Auto-prefill gives them to the rules with the company's name, which listen for them in what
the consultant said («Диваны плюс», «Диваны+», «ДП»). Saved through
``services.catalog.set_spoken_names`` when accepted; a KnownError (too many, too long) keeps
the dialog open with the message, so what was typed is not lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from qcdesk.errors import KnownError
from qcdesk.services.dto import ClientInfo
from qcdesk.widgets.form_dialog import FormDialog
from qcdesk.widgets.messages import show_known_error

if TYPE_CHECKING:
    from qcdesk.services.catalog import CatalogService


class SpokenNamesDialog(FormDialog):
    """Edits one company's spoken names, one per line."""

    def __init__(
        self, catalog: CatalogService, client: ClientInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.client = client
        self.names_edit = QPlainTextEdit()
        self.names_edit.setPlainText("\n".join(catalog.spoken_names(client.id)))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.buttons = self._ok_cancel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.names_edit)
        layout.addWidget(self.buttons)
        self.resize(420, 300)
        self._retranslate()

    def names(self) -> list[str]:
        return self.names_edit.toPlainText().splitlines()

    def accept(self) -> None:
        try:
            self._catalog.set_spoken_names(self.client.id, self.names())
        except KnownError as err:
            show_known_error(self, err)
            return
        super().accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Spoken names: %1").replace("%1", self.client.name))
        self.names_edit.setPlaceholderText(self.tr("Sofas Plus\nSofas+"))
        self.note.setText(
            self.tr(
                "How people say or spell this company's name, one per line. Auto-prefill "
                "counts «named the company» when the consultant says the name or one of these, "
                "even misheard by speech recognition. New transcriptions and a re-run of "
                "auto-prefill use them."
            )
        )
