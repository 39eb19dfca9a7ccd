"""Import: the options dialog asked before a batch, and the result dialog after it.

Both dialogs are opened with ``open()`` (window-modal, non-blocking) so the caller's flow
continues from signals, which also keeps them drivable from tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QIcon, QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qcdesk import settings as opts
from qcdesk.qtmodels.labels import channel_label, direction_label
from qcdesk.services.dto import ImportFailure, ImportReport
from qcdesk.services.importer import ImportOptions
from qcdesk.widgets.form_dialog import FormDialog
from qcdesk.widgets.layouts import combo_line_edit
from qcdesk.widgets.messages import failure_text, render_template

if TYPE_CHECKING:
    from qcdesk.services.context import Services


class ImportDialog(FormDialog):
    """Asks which company and consultant a batch of recordings belongs to."""

    def __init__(
        self,
        services: Services,
        settings: opts.Settings,
        paths: Sequence[Path],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self.paths = list(paths)
        self._clients = services.catalog.list_clients()
        self.setMinimumWidth(480)

        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        self.files_label.setTextFormat(Qt.TextFormat.PlainText)
        self.client_combo = QComboBox()
        self.client_combo.setEditable(True)
        self.client_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for client in self._clients:
            self.client_combo.addItem(client.name, client.id)
        self.consultant_combo = QComboBox()
        self.consultant_combo.setEditable(True)
        self.consultant_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.direction_combo = QComboBox()
        for code in ("", "incoming", "outgoing"):
            self.direction_combo.addItem("", code)
        self.channel_combo = QComboBox()
        for code in ("left", "right"):
            self.channel_combo.addItem("", code)
        # None: the company's language setting; "auto": Whisper detects it per call.
        self.language_combo = QComboBox()
        languages: tuple[str | None, ...] = (None, "auto", "ru", "en")
        for language in languages:
            self.language_combo.addItem("", language)

        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._add_row(self.client_combo)
        self._add_row(self.consultant_combo)
        self._add_row(self.direction_combo)
        self._add_row(self.channel_combo)
        self._add_row(self.language_combo)
        self.buttons = self._ok_cancel()
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.files_label)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

        self.client_combo.currentTextChanged.connect(self._on_client_combo_text_changed)
        last = settings.get(opts.LAST_CLIENT)
        self.client_combo.setCurrentIndex(self.client_combo.findText(last) if last else 0)
        if self.client_combo.currentIndex() < 0 and self._clients:
            self.client_combo.setCurrentIndex(0)
        self._select(self.direction_combo, settings.get(opts.DEFAULT_DIRECTION))
        self._select(self.channel_combo, settings.get(opts.CONSULTANT_CHANNEL))
        self._on_client_combo_text_changed(self.client_combo.currentText())
        self._retranslate()

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        i = combo.findData(code)
        combo.setCurrentIndex(max(i, 0))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import recordings"))
        n = len(self.paths)
        names = ", ".join(p.name for p in self.paths[:3]) + (" …" if n > 3 else "")
        self.files_label.setText(self.tr("%n file(s) or folder(s): %1", "", n).replace("%1", names))
        labels = (
            self.tr("Client &company:"),
            self.tr("C&onsultant:"),
            self.tr("&Direction:"),
            self.tr("Consultant on the &stereo channel:"),
            self.tr("Call &language:"),
        )
        for row, text in enumerate(labels):
            self._row_labels[row].setText(text)
        combo_line_edit(self.client_combo).setPlaceholderText(self.tr("New or existing company"))
        combo_line_edit(self.consultant_combo).setPlaceholderText(
            self.tr("From the file name (extension), if known")
        )
        self.direction_combo.setItemText(0, self.tr("From the file name"))
        for i in range(1, self.direction_combo.count()):
            self.direction_combo.setItemText(i, direction_label(self.direction_combo.itemData(i)))
        for i in range(self.channel_combo.count()):
            self.channel_combo.setItemText(i, channel_label(self.channel_combo.itemData(i)))
        for i, text in enumerate(
            (
                self.tr("As set for the company"),
                self.tr("Detect from the speech"),
                self.tr("Russian"),
                self.tr("English"),
            )
        ):
            self.language_combo.setItemText(i, text)

    def _on_client_combo_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))
        current = self.consultant_combo.currentText()
        self.consultant_combo.clear()
        self.consultant_combo.addItem("")
        client = next((c for c in self._clients if c.name == text.strip()), None)
        if client is not None:
            for person in self._services.catalog.list_consultants(client.id, active_only=True):
                self.consultant_combo.addItem(person.name, person.id)
        self.consultant_combo.setEditText(current)

    def options(self) -> ImportOptions:
        patterns = self._settings.get(opts.FILENAME_PATTERNS)
        return ImportOptions(
            client=self.client_combo.currentText().strip(),
            consultant=self.consultant_combo.currentText().strip() or None,
            direction=self.direction_combo.currentData() or None,
            filename_patterns=patterns or None,
            consultant_channel=self.channel_combo.currentData(),
            language=self.language_combo.currentData(),
        )

    def accept(self) -> None:
        o = self.options()
        if not o.client:
            return
        self._settings.set(opts.LAST_CLIENT, o.client)
        self._settings.set(opts.DEFAULT_DIRECTION, o.direction or "")
        self._settings.set(opts.CONSULTANT_CHANNEL, o.consultant_channel)
        super().accept()


def reason_text(failure: ImportFailure) -> str:
    """The translated reason with the file named by its name alone.

    The File column already names the file (its tooltip the full path); a reason that
    started with a long folder path showed nothing but the path in its column.
    """
    params = dict(failure.params)
    if params.get("path"):
        params["path"] = Path(params["path"]).name
    return render_template(failure.template, params, failure.error)


class ImportResultDialog(QDialog):
    """What the batch did: counts, then every failed file with its translated reason."""

    NAME_SHARE = 0.35  # the File column takes at most this share of the view's width

    def __init__(
        self, report: ImportReport, cancelled: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.cancelled = cancelled
        self.setMinimumSize(620, 320 if report.failed else 160)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.failures = QStandardItemModel(0, 2, self)
        self.view = QTreeView()
        self.view.setModel(self.failures)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.view.header().setStretchLastSection(True)
        self.view.setVisible(bool(report.failed))
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for f in report.failed:
            self.add_row(warn, f)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._retranslate()

    def add_row(self, icon: QIcon, f: ImportFailure) -> None:
        """One file and its reason; the tooltips hold the full path and the full message."""
        name = QStandardItem(icon, Path(f.path).name)
        name.setToolTip(f.path)
        reason = QStandardItem(reason_text(f))
        reason.setToolTip(failure_text(f))
        self.failures.appendRow([name, reason])
        self._fit_name_column()

    def _fit_name_column(self) -> None:
        """The File column as wide as its names, but never so wide that the reason starves."""
        self.view.resizeColumnToContents(0)
        cap = int(max(self.view.viewport().width(), self.minimumWidth()) * self.NAME_SHARE)
        if self.view.columnWidth(0) > cap:
            self.view.setColumnWidth(0, cap)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_name_column()

    def failure_messages(self) -> list[str]:
        return [self.failures.item(r, 1).text() for r in range(self.failures.rowCount())]

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import finished"))
        r = self.report
        lines = []
        if self.cancelled:
            lines.append(self.tr("Import was cancelled."))
        lines.append(self.tr("Imported %n recording(s).", "", len(r.imported)))
        if r.duplicates:
            lines.append(
                self.tr("%n file(s) already in the library were skipped.", "", len(r.duplicates))
            )
        if r.failed:
            lines.append(self.tr("%n file(s) could not be imported:", "", len(r.failed)))
        self.summary_label.setText("\n".join(lines))
        self.failures.setHorizontalHeaderLabels([self.tr("File"), self.tr("Problem")])
        for row, f in enumerate(r.failed):
            self.failures.item(row, 1).setText(reason_text(f))
            self.failures.item(row, 1).setToolTip(failure_text(f))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
