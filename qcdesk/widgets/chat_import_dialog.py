"""Chat import: company, format, CSV column mapping with a preview, and who each author is.

The files are read in a job (a Telegram account export can be large), then the dialog shows
every author with their message count. Authors the company's earlier imports taught qcdesk
are pre-set; new ones are asked once here and remembered. A CSV file gets its columns mapped
with the first rows shown, as the file's encoding and separator were detected.
``chat_import_flow.ChatImportFlow`` runs the import in a job with progress and result dialogs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcdesk import settings as opts
from qcdesk.domain.chat_formats import CsvMapping
from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.services.chat_import import AuthorRole, ChatFilePreview, ChatImportOptions
from qcdesk.widgets.form_dialog import FormDialog
from qcdesk.widgets.layouts import clear_layout, combo_line_edit
from qcdesk.widgets.messages import failure_text, show_known_error

if TYPE_CHECKING:
    from qcdesk.services.context import Services

FORMATS = ("auto", "telegram", "whatsapp", "csv", "json")
PREVIEW_ROWS = 6


class ChatImportDialog(FormDialog):
    """Asks which company the chats belong to and which authors are its consultants."""

    def __init__(
        self,
        services: Services,
        settings: opts.Settings,
        jobs: JobManager,
        paths: Sequence[Path],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self._jobs = jobs
        self.paths = list(paths)
        self.previews: list[ChatFilePreview] = []
        self._scan_job: FunctionJob | None = None
        self._rows: dict[str, tuple[QComboBox, QComboBox]] = {}
        self.setMinimumWidth(640)

        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        self.client_combo = QComboBox()
        self.client_combo.setEditable(True)
        self.client_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for client in services.catalog.list_clients():
            self.client_combo.addItem(client.name, client.id)
        self.format_combo = QComboBox()
        for code in FORMATS:
            self.format_combo.addItem("", code)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._add_row(self.client_combo)
        self._add_row(self.format_combo)

        self.csv_box = QGroupBox()
        self.csv_info = QLabel()
        self.header_check = QCheckBox()
        self.header_check.setChecked(True)
        self.column_combos = [
            QComboBox() for _ in range(5)
        ]  # time, time of day, author, text, chat
        self.column_labels = [QLabel() for _ in self.column_combos]
        self.preview_model = QStandardItemModel(0, 0, self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.preview_view.verticalHeader().hide()
        self.preview_view.setMaximumHeight(170)
        grid = QGridLayout()
        for i, (label, combo) in enumerate(
            zip(self.column_labels, self.column_combos, strict=True)
        ):
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)
            combo.activated.connect(self._on_mapping_changed)
        csv_layout = QVBoxLayout(self.csv_box)
        csv_layout.addWidget(self.csv_info)
        csv_layout.addWidget(self.header_check)
        csv_layout.addLayout(grid)
        csv_layout.addWidget(self.preview_view)
        self.csv_box.hide()

        self.authors_box = QGroupBox()
        self.authors_grid = QGridLayout(self.authors_box)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #c62828;")
        self.buttons = self._ok_cancel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.files_label)
        layout.addLayout(self.form)
        layout.addWidget(self.csv_box)
        layout.addWidget(self.authors_box)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)

        last = settings.get(opts.LAST_CLIENT)
        if last and self.client_combo.findText(last) >= 0:
            self.client_combo.setCurrentIndex(self.client_combo.findText(last))
        self._retranslate()
        self.client_combo.currentTextChanged.connect(self._on_client_changed)
        self.format_combo.activated.connect(self._on_mapping_changed)
        self.header_check.toggled.connect(self._on_mapping_changed)
        self.scan()

    # -- reading the files ------------------------------------------------------------------

    def scan(self) -> None:
        """Read the files in a job for their authors (and CSV columns); fills the dialog."""
        if self._scan_job is not None:
            self._scan_job.cancel()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.problems_label.setText(self.tr("Reading the files…"))
        job = FunctionJob(
            self._services.chats.preview,
            self.paths,
            self.client_name(),
            self.format_combo.currentData(),
            self._mapping(),
        )
        job.signals.finished.connect(self._on_scan_job_finished)
        job.signals.failed.connect(self._on_scan_job_failed)
        self._scan_job = job
        self._jobs.submit(job)

    def _on_scan_job_finished(self, previews: list[ChatFilePreview]) -> None:
        if self._scan_job is None or self.sender() is not self._scan_job.signals:
            return  # an older scan, overtaken by a newer one
        self._scan_job = None
        self.previews = previews
        self._show_csv(next((p for p in previews if p.csv is not None), None))
        self._show_authors()

    def _on_scan_job_failed(self, err: Any) -> None:
        self._scan_job = None
        show_known_error(self, err)

    def _show_csv(self, preview: ChatFilePreview | None) -> None:
        self.csv_box.setVisible(preview is not None)
        if preview is None or preview.csv is None:
            return
        table, mapping = preview.csv, preview.csv_mapping
        self.csv_info.setText(
            self.tr("Encoding %1, separator «%2»")
            .replace("%1", table.encoding)
            .replace("%2", "Tab" if table.delimiter == "\t" else table.delimiter)
        )
        names = list(table.rows[0]) if table.rows else []
        if not self.header_check.isChecked() or not names:
            names = [self.tr("Column %1").replace("%1", str(i + 1)) for i in range(table.width)]
        wanted = (-1, -1, -1, -1, -1)
        if mapping is not None:
            wanted = tuple(  # type: ignore[assignment]
                -1 if v is None else v
                for v in (
                    mapping.timestamp,
                    mapping.time,
                    mapping.author,
                    mapping.text,
                    mapping.chat,
                )
            )
        for k, combo in enumerate(self.column_combos):
            current = combo.currentData()
            with QSignalBlocker(combo):
                combo.clear()
                if k in (1, 4):  # optional columns
                    combo.addItem(self.tr("(none)"), -1)
                for i, name in enumerate(names):
                    combo.addItem(name, i)
                pick = combo.findData(current if current is not None else wanted[k])
                combo.setCurrentIndex(pick)
        self.preview_model.clear()
        self.preview_model.setHorizontalHeaderLabels(names)
        first = 1 if self.header_check.isChecked() else 0
        for row in table.rows[first : first + PREVIEW_ROWS]:
            self.preview_model.appendRow([QStandardItem(cell) for cell in row])

    def _mapping(self) -> CsvMapping | None:
        """The columns picked in the dialog; None (guess from the header) until all are set."""
        values = [c.currentData() for c in self.column_combos]
        values = [None if v is None or v < 0 else int(v) for v in values]
        if self.csv_box.isHidden() or None in (values[0], values[2], values[3]):
            return None
        return CsvMapping(values[0], values[2], values[3], time=values[1], chat=values[4],
                          header=self.header_check.isChecked())  # fmt: skip

    def _on_mapping_changed(self, *_: object) -> None:
        self.scan()

    def _on_client_changed(self, _text: str) -> None:
        self._show_authors()

    # -- authors ----------------------------------------------------------------------------

    def _show_authors(self) -> None:
        clear_layout(self.authors_grid)
        self._rows.clear()
        counts: dict[str, int] = {}
        for p in self.previews:
            for author, n in p.authors:
                counts[author] = counts.get(author, 0) + n
        known = self._services.chats.known_authors(self.client_name()) if self.client_name() else {}
        people = [c.name for c in self._consultants()]
        company = self.client_name().casefold()
        for row, (author, n) in enumerate(sorted(counts.items(), key=lambda kv: -kv[1])):
            remembered = known.get(author)
            name = QLabel(self.tr("%1 (%n message(s))", "", n).replace("%1", author))
            if remembered is None:
                name.setText(name.text() + " · " + self.tr("new"))
                name.setStyleSheet("font-weight: bold;")
            role = QComboBox()
            role.addItem(self.tr("Customer"), "client")
            role.addItem(self.tr("Consultant"), "consultant")
            person = QComboBox()
            person.setEditable(True)
            person.addItems(people)
            guess = remembered.role if remembered else (
                "consultant" if company and company in author.casefold() else "client"
            )  # fmt: skip
            role.setCurrentIndex(role.findData(guess))
            person.setEditText((remembered.consultant if remembered else None) or author)
            person.setEnabled(guess == "consultant")
            role.currentIndexChanged.connect(self._on_role_changed)
            self.authors_grid.addWidget(name, row, 0)
            self.authors_grid.addWidget(role, row, 1)
            self.authors_grid.addWidget(person, row, 2)
            self._rows[author] = (role, person)
        problems = [failure_text(p.error) for p in self.previews if p.error is not None]
        self.problems_label.setText("\n".join(problems))
        self.problems_label.setVisible(bool(problems))
        self._on_role_changed()

    def _consultants(self) -> list[Any]:
        client = next(
            (c for c in self._services.catalog.list_clients() if c.name == self.client_name()), None
        )
        if client is None:
            return []
        return self._services.catalog.list_consultants(client.id, active_only=True)

    def _on_role_changed(self, *_: object) -> None:
        for role, person in self._rows.values():
            person.setEnabled(role.currentData() == "consultant")
        ok = bool(self.client_name()) and any(
            role.currentData() == "consultant" for role, _ in self._rows.values()
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def set_role(self, author: str, role: str, consultant: str | None = None) -> None:
        """Set an author's role as the reviewer would (used by tests and keyboard users)."""
        combo, person = self._rows[author]
        combo.setCurrentIndex(combo.findData(role))
        if consultant:
            person.setEditText(consultant)

    # -- result -----------------------------------------------------------------------------

    def client_name(self) -> str:
        return self.client_combo.currentText().strip()

    def options(self) -> ChatImportOptions:
        authors = {
            author: AuthorRole(
                role.currentData(),
                person.currentText().strip() or None
                if role.currentData() == "consultant"
                else None,
            )
            for author, (role, person) in self._rows.items()
        }
        return ChatImportOptions(
            client=self.client_name(),
            fmt=self.format_combo.currentData(),
            authors=authors,
            csv_mapping=self._mapping(),
        )

    def accept(self) -> None:
        if not self.client_name():
            return
        self._settings.set(opts.LAST_CLIENT, self.client_name())
        super().accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import chats"))
        n = len(self.paths)
        names = ", ".join(p.name for p in self.paths[:3]) + (" …" if n > 3 else "")
        self.files_label.setText(self.tr("%n file(s) or folder(s): %1", "", n).replace("%1", names))
        for label, text in zip(
            self._row_labels, (self.tr("Client &company:"), self.tr("&Format:")), strict=True
        ):
            label.setText(text)
        combo_line_edit(self.client_combo).setPlaceholderText(self.tr("New or existing company"))
        format_names = (
            self.tr("Detect automatically"),
            self.tr("Telegram (result.json)"),
            self.tr("WhatsApp (.txt, .zip)"),
            self.tr("CSV (time, author, text)"),
            self.tr("qcdesk transcript (JSON)"),
        )
        for i, text in enumerate(format_names):
            self.format_combo.setItemText(i, text)
        self.csv_box.setTitle(self.tr("CSV columns"))
        self.header_check.setText(self.tr("The first row holds column names"))
        for label, text in zip(
            self.column_labels,
            (self.tr("Time:"), self.tr("Time of day:"), self.tr("Author:"), self.tr("Text:"),
             self.tr("Chat:")),
            strict=True,
        ):  # fmt: skip
            label.setText(text)
        self.authors_box.setTitle(self.tr("Who is who (remembered for the company)"))
