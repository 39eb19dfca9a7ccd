"""Which column of a provider's export holds what: a preset or the user's choice, with a preview.

The dialog shows the file's first rows; each role (start time, customer number, extension…)
gets a column from a list of the file's columns. Choosing a preset fills the lists; the
result can be saved under a name for this client company, so the next export of the same
provider imports without asking.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcdesk.domain.calllog.mapped import ColumnMapping, resolve
from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.services.calllog import LogPreview
from qcdesk.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from qcdesk.services.calllog import CallLogService

# The roles the dialog offers, in the order a user thinks of them, with their labels.
ROLE_LABELS: tuple[tuple[str, str], ...] = (
    ("started_at", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Start time (required)")),
    ("direction", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Direction")),
    ("customer", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Customer's number")),
    ("caller", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Calling number")),
    ("called", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Called number")),
    ("line", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Line (company number)")),
    ("extension", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Extension")),
    ("consultant", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Employee")),
    ("answered_at", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Answer time")),
    ("ended_at", QT_TRANSLATE_NOOP("CallLogMappingDialog", "End time")),
    ("wait_seconds", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Waiting time")),
    ("talk_seconds", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Talk time")),
    ("disposition", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Call status")),
    ("recording", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Recording")),
    ("call_id", QT_TRANSLATE_NOOP("CallLogMappingDialog", "Call id")),
)


class CallLogMappingDialog(FormDialog):
    def __init__(
        self,
        calllog: CallLogService,
        client: str,
        preview: LogPreview,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._calllog = calllog
        self._client = client
        self.preview = preview
        self.setMinimumSize(860, 560)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.preset_combo = QComboBox()
        self.preset_combo.addItem("", "")
        for name in calllog.presets(client):
            self.preset_combo.addItem(name, name)
        self.header_check = QCheckBox()
        self.header_check.setChecked(True)
        self.utc_check = QCheckBox()
        self.role_combos: dict[str, QComboBox] = {}
        self.role_labels: list[QLabel] = []
        self._add_row(self.preset_combo)
        self._add_row(self.header_check)
        self._add_row(self.utc_check)
        self.save_edit = QLineEdit()
        self._add_row(self.save_edit)
        # Two columns of roles: fifteen rows one under another leave no room for the preview.
        self.roles_grid = QGridLayout()
        for i, (role, _label) in enumerate(ROLE_LABELS):
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._on_role_changed)
            label = QLabel()
            label.setBuddy(combo)
            self.role_combos[role] = combo
            self.role_labels.append(label)
            row, col = i % 8, (i // 8) * 2
            self.roles_grid.addWidget(label, row, col)
            self.roles_grid.addWidget(combo, row, col + 1)
        self.roles_grid.setColumnStretch(1, 1)
        self.roles_grid.setColumnStretch(3, 1)
        self.preview_model = QStandardItemModel(0, 0, self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.preview_view.verticalHeader().hide()
        self.preview_view.setMinimumHeight(140)
        self.buttons = self._ok_cancel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(self.form)
        layout.addLayout(self.roles_grid)
        layout.addWidget(self.preview_view, 1)
        layout.addWidget(self.buttons)
        self.preset_combo.currentIndexChanged.connect(self._on_preset_combo_changed)
        self.header_check.toggled.connect(self._on_header_check_toggled)
        self._retranslate()
        self._fill_columns()

    def _columns(self) -> list[tuple[str, str]]:
        """(label, spec) of each column: its header name, or #N without a header."""
        rows = self.preview.rows
        width = max((len(r) for r in rows), default=0)
        if self.header_check.isChecked() and rows:
            head = list(rows[0]) + [""] * (width - len(rows[0]))
            return [(h or f"#{i + 1}", h or f"#{i + 1}") for i, h in enumerate(head)]
        return [(f"#{i + 1}", f"#{i + 1}") for i in range(width)]

    def _fill_columns(self) -> None:
        columns = self._columns()
        for combo in self.role_combos.values():
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", "")
            for label, spec in columns:
                combo.addItem(label, spec)
            at = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(0, at))
            combo.blockSignals(False)
        self._show_preview()
        self._on_role_changed()

    def _show_preview(self) -> None:
        rows = list(self.preview.rows)
        self.preview_model.clear()
        labels = [label for label, _ in self._columns()]
        self.preview_model.setHorizontalHeaderLabels(labels)
        body = rows[1:] if self.header_check.isChecked() else rows
        for row in body[:15]:
            self.preview_model.appendRow([QStandardItem(c) for c in row])

    def apply(self, mapping: ColumnMapping) -> None:
        """Show *mapping*: the header and UTC switches, and each role's column in this file."""
        self.header_check.setChecked(mapping.header)
        self.utc_check.setChecked(mapping.utc)
        self._fill_columns()
        head = self.preview.rows[0] if mapping.header and self.preview.rows else None
        found = resolve(mapping, head)
        columns = self._columns()
        for role, combo in self.role_combos.items():
            i = found.get(role)
            combo.setCurrentIndex(i + 1 if i is not None and i < len(columns) else 0)
        self._preset = mapping

    _preset: ColumnMapping | None = None

    def mapping(self) -> ColumnMapping | None:
        """What the dialog says; None until the start time's column is chosen."""
        specs = {role: combo.currentData() for role, combo in self.role_combos.items()}
        if not specs["started_at"]:
            return None
        base = self._preset
        kw: dict[str, Any] = {role: (spec,) if spec else () for role, spec in specs.items()}
        return ColumnMapping(
            **kw,
            header=self.header_check.isChecked(),
            utc=self.utc_check.isChecked(),
            delimiter=base.delimiter if base else "",
            times=base.times if base else "auto",
            fixed_direction=base.fixed_direction if base else "",
        )

    def preset_name(self) -> str:
        return self.save_edit.text().strip()

    def _on_preset_combo_changed(self, _index: int) -> None:
        name = self.preset_combo.currentData()
        if name:
            self.apply(self._calllog.preset(self._client, name))

    def _on_header_check_toggled(self, _on: bool) -> None:
        self._fill_columns()

    def _on_role_changed(self, *_: object) -> None:
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(self.mapping() is not None)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Call log columns"))
        self.info.setText(
            self.tr(
                "{file} is not an Asterisk Master.csv. Say which column holds what, or choose "
                "a preset; the preview shows the first rows."
            ).replace("{file}", Path(self.preview.path).name)
        )
        texts = [
            self.tr("Preset"),
            self.tr("First row is a header"),
            self.tr("Times are UTC"),
            self.tr("Save as preset"),
        ]
        for label, text in zip(self._row_labels, texts, strict=True):
            label.setText(text)
        for label, (_, source) in zip(self.role_labels, ROLE_LABELS, strict=True):
            label.setText(self.tr(source))
        self.preset_combo.setItemText(0, self.tr("(none)"))
        self.save_edit.setPlaceholderText(self.tr("a name, to use this mapping again"))
