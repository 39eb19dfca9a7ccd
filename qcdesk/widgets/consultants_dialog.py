"""View → Consultants: rename, put in teams, merge duplicates, deactivate.

Every change goes through `ConsultantService` at once (no "Apply"), and `changed` tells the
main window to reload its side pane and list. The button slots ask with small input dialogs;
the operations themselves are plain methods, which tests call directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcdesk.errors import KnownError
from qcdesk.qtmodels.consultants import ConsultantsTableModel
from qcdesk.widgets.messages import show_known_error

if TYPE_CHECKING:
    from qcdesk.services.context import Services


class ConsultantsDialog(QDialog):
    """The consultants of one company (or all), with the actions on the selected one."""

    changed = Signal()

    def __init__(
        self, services: Services, client_id: int | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._services = services
        self.setObjectName("ConsultantsDialog")
        self.resize(940, 500)
        self.client_label = QLabel()
        self.client_combo = QComboBox()
        self.client_combo.addItem("", None)
        for client in services.catalog.list_clients():
            self.client_combo.addItem(client.name, client.id)
        self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(client_id)))
        self.client_label.setBuddy(self.client_combo)
        self.model = ConsultantsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((210, 150, 140, 100, 130)):
            self.table.setColumnWidth(column, width)
        self.rename_button = QPushButton()
        self.team_button = QPushButton()
        self.rename_team_button = QPushButton()
        self.merge_button = QPushButton()
        self.active_button = QPushButton()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.client_label)
        top.addWidget(self.client_combo, 1)
        side = QVBoxLayout()
        for button in (self.rename_button, self.team_button, self.rename_team_button,
                       self.merge_button, self.active_button):  # fmt: skip
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        self.client_combo.currentIndexChanged.connect(self._on_client_combo_current_index_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_rename_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.team_button.clicked.connect(self._on_team_button_clicked)
        self.rename_team_button.clicked.connect(self._on_rename_team_button_clicked)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.active_button.clicked.connect(self._on_active_button_clicked)
        self.reload()
        self._retranslate()

    # -- data -----------------------------------------------------------------------------------
    def reload(self) -> None:
        keep = self.current()
        self.model.set_rows(self._services.consultants.list_all(self.client_combo.currentData()))
        row = self.model.row_of(keep.id) if keep is not None else None
        self.table.selectRow(row if row is not None else 0)
        self._update_buttons()

    def current(self) -> Any:
        """The selected ConsultantRecord, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows()[rows[0].row()] if rows else None

    def select(self, consultant_id: int) -> None:
        row = self.model.row_of(consultant_id)
        if row is not None:
            self.table.selectRow(row)

    def _run(self, fn: Any, *args: Any) -> Any:
        try:
            result = fn(*args)
        except KnownError as err:
            show_known_error(self, err)
            return None
        self.reload()
        self.changed.emit()
        return result

    # -- operations (tests call these) ----------------------------------------------------------
    def rename(self, consultant_id: int, name: str) -> Any:
        return self._run(self._services.consultants.rename, consultant_id, name)

    def set_team(self, consultant_id: int, team: str) -> Any:
        return self._run(self._services.consultants.set_team, consultant_id, team)

    def rename_team(self, client_id: int, old: str, new: str) -> Any:
        return self._run(self._services.consultants.rename_team, client_id, old, new)

    def merge(self, source_id: int, target_id: int) -> Any:
        result = self._run(self._services.consultants.merge, source_id, target_id)
        if result is not None:
            self.select(target_id)
        return result

    def set_active(self, consultant_id: int, active: bool) -> Any:
        return self._run(self._services.consultants.set_active, consultant_id, active)

    # -- buttons --------------------------------------------------------------------------------
    def _on_rename_button_clicked(self, *_: object) -> None:
        c = self.current()
        if c is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename consultant"), self.tr("New name of %1:").replace("%1", c.name),
            text=c.name,
        )  # fmt: skip
        if ok and name.strip() and name.strip() != c.name:
            self.rename(c.id, name)

    def _on_team_button_clicked(self) -> None:
        c = self.current()
        if c is None:
            return
        teams = ["", *self._services.consultants.teams(c.client_id)]
        current = teams.index(c.team) if c.team in teams else 0
        team, ok = QInputDialog.getItem(
            self, self.tr("Team"), self.tr("Team of %1 (empty: none):").replace("%1", c.name),
            teams, current, True,
        )  # fmt: skip
        if ok:
            self.set_team(c.id, team)

    def _on_rename_team_button_clicked(self) -> None:
        c = self.current()
        if c is None or not c.team:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename team"), self.tr("New name of the team %1:").replace("%1", c.team),
            text=c.team,
        )  # fmt: skip
        if ok and name.strip():
            self.rename_team(c.client_id, c.team, name)

    def _on_merge_button_clicked(self) -> None:
        c = self.current()
        if c is None:
            return
        others = [r for r in self._services.consultants.list_all(c.client_id) if r.id != c.id]
        if not others:
            return
        labels = [f"{r.name} ({r.team})" if r.team else r.name for r in others]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Merge consultants"),
            self.tr("Merge %1 into:").replace("%1", c.name), labels, 0, False,
        )  # fmt: skip
        if not ok:
            return
        target = others[labels.index(choice)]
        question = self.tr(
            "Move %n interaction(s) of %1 to %2 and delete %1? This cannot be undone.",
            "",
            c.interactions,
        )
        answer = QMessageBox.question(
            self,
            self.tr("Merge consultants"),
            question.replace("%1", c.name).replace("%2", target.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.merge(c.id, target.id)

    def _on_active_button_clicked(self) -> None:
        c = self.current()
        if c is not None:
            self.set_active(c.id, not c.active)

    def _on_client_combo_current_index_changed(self, _index: int) -> None:
        self.reload()

    def _on_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        c = self.current()
        for button in (self.rename_button, self.team_button, self.merge_button,
                       self.active_button):  # fmt: skip
            button.setEnabled(c is not None)
        self.rename_team_button.setEnabled(c is not None and bool(c.team))
        self.active_button.setText(
            self.tr("&Activate") if c is not None and not c.active else self.tr("&Deactivate")
        )

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Consultants"))
        self.client_label.setText(self.tr("Client &company:"))
        self.client_combo.setItemText(0, self.tr("All companies"))
        self.rename_button.setText(self.tr("&Rename…"))
        self.team_button.setText(self.tr("&Team…"))
        self.rename_team_button.setText(self.tr("Rename t&eam…"))
        self.merge_button.setText(self.tr("&Merge into…"))
        self.merge_button.setToolTip(
            self.tr("The same person twice (e.g. a chat author name): move all their "
                    "interactions to the other and delete this one")
        )  # fmt: skip
        self.hint.setText(
            self.tr("Deactivated consultants stay in reports and history, but are not offered "
                    "for new imports and assignments.")
        )  # fmt: skip
        self._update_buttons()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
