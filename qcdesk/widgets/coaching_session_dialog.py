"""Record a coaching session: when, how, who, notes, agreed actions, the acknowledgement."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QDateTime, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcdesk.qtmodels.base import Index
from qcdesk.services.coaching_dto import ActionDraft, SessionDraft, SessionInfo
from qcdesk.services.context import Services

FORMATS = ("one_to_one", "group", "call")


class ActionsEditModel(QAbstractTableModel):
    """Agreed actions being typed: text, owner, due date (DD.MM.YYYY or empty)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[list[str]] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = (self.tr("Action"), self.tr("Owner"), self.tr("Due (DD.MM.YYYY)"))
            return names[section] if 0 <= section < 3 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return None
        return self.rows[index.row()][index.column()]

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.rows[index.row()][index.column()] = str(value)
        self.dataChanged.emit(index, index)
        return True

    def add(self, text: str = "", owner: str = "", due: str = "") -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append([text, owner, due])
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def drafts(self) -> tuple[tuple[ActionDraft, ...], list[int]]:
        """The typed actions, and the (1-based) rows whose due date cannot be read."""
        out, bad = [], []
        for i, (text, owner, due) in enumerate(self.rows, start=1):
            if not text.strip():
                continue
            day = QDate.fromString(due.strip(), "dd.MM.yyyy") if due.strip() else None
            if day is not None and not day.isValid():
                bad.append(i)
                continue
            out.append(ActionDraft(text, owner, day.toPython() if day else None))  # type: ignore[arg-type]
        return tuple(out), bad


class SessionDialog(QDialog):
    saved = Signal(object)  # the SessionInfo

    def __init__(
        self,
        services: Services,
        client_id: int,
        consultant_id: int | None,
        consultant: str,
        parent: QWidget | None = None,
    ) -> None:
        """*consultant_id* None: the team's planning meeting (*consultant* names the company)."""
        super().__init__(parent)
        self.setObjectName("SessionDialog")
        self.services = services
        self.client_id, self.consultant_id = client_id, consultant_id
        meeting = consultant_id is None
        title = self.tr("Planning meeting: %1") if meeting else self.tr("Coaching session: %1")
        self.setWindowTitle(title.replace("%1", consultant))
        self.when_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.format_combo = QComboBox()
        for key, text in zip(
            FORMATS, (self.tr("one-to-one"), self.tr("group"), self.tr("on a call")), strict=True
        ):
            self.format_combo.addItem(text, key)
        if meeting:
            self.format_combo.clear()
            self.format_combo.addItem(self.tr("planning meeting"), "meeting")
        plan = None if meeting else services.coaching.current_plan(consultant_id or 0)
        who = (plan.coach if plan else "", "" if meeting else consultant)
        self.participants_edit = QLineEdit(", ".join(p for p in who if p))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(80)
        self.action_rows = ActionsEditModel(self)
        self.actions_view = QTableView()
        self.actions_view.setModel(self.action_rows)
        self.actions_view.verticalHeader().hide()
        self.actions_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add, remove = QPushButton(self.tr("Add action")), QPushButton(self.tr("Remove action"))
        add.clicked.connect(lambda: self.action_rows.add(owner="" if meeting else consultant))
        remove.clicked.connect(
            lambda: self.action_rows.remove(self.actions_view.currentIndex().row())
        )
        self.ack_check = QCheckBox(self.tr("The consultant acknowledged the plan and the actions"))
        self.ack_check.setVisible(not meeting)
        self.ack_date = QDateEdit(QDate.currentDate())
        self.ack_date.setCalendarPopup(True)
        self.ack_date.setDisplayFormat("dd.MM.yyyy")
        self.ack_date.setEnabled(False)
        self.ack_check.toggled.connect(self.ack_date.setEnabled)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #C0392B")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Date and time:"), self.when_edit)
        form.addRow(self.tr("&Format:"), self.format_combo)
        form.addRow(self.tr("&Participants:"), self.participants_edit)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        ack = QHBoxLayout()
        ack.addWidget(self.ack_check)
        ack.addWidget(self.ack_date)
        self.ack_date.setVisible(not meeting)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Agreed actions:")))
        layout.addWidget(self.actions_view, 1)
        layout.addLayout(row)
        layout.addLayout(ack)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def save(self) -> SessionInfo | None:
        actions, bad = self.action_rows.drafts()
        if bad:
            self.error_label.setText(
                self.tr("Action %1: the due date is not DD.MM.YYYY.").replace("%1", str(bad[0]))
            )
            return None
        picked = self.ack_date.date().toPython()
        ack_on = picked if self.ack_check.isChecked() and isinstance(picked, date) else None
        made = self.services.coaching.add_session(
            SessionDraft(
                client_id=self.client_id,
                held_at=self.when_edit.dateTime().toPython(),  # type: ignore[arg-type]
                format=str(self.format_combo.currentData()),
                consultant_id=self.consultant_id,
                participants=tuple(p.strip() for p in self.participants_edit.text().split(",")),
                notes=self.notes_edit.toPlainText(),
                actions=actions,
                acknowledged=self.ack_check.isChecked(),
                acknowledged_on=ack_on,
            )
        )
        self.saved.emit(made)
        self.accept()
        return made
