"""View → Coaching: a consultant's development plan, coaching sessions and progress.

Three tabs over one consultant: the plan (proposed from recurring errors, targets edited in
the table, saved as a new version each time, printable on one page), the sessions with their
agreed actions (overdue ones red; done and acknowledged toggled here), and the focus criteria
before and after a session, with the verdict the numbers allow.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.qtmodels.coaching import (
    CoachingTableModel,
    FocusModel,
    actions_model,
    progress_model,
    sessions_model,
)
from qcdesk.services.coaching_dto import PlanDraft, PlanExample, PlanInfo
from qcdesk.services.context import Services
from qcdesk.widgets.coaching_session_dialog import SessionDialog
from qcdesk.widgets.messages import known_error_text, show_known_error


def _table(model: CoachingTableModel, stretch: int = 0) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class CoachingWindow(QDialog):
    def __init__(
        self, services: Services, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CoachingWindow")
        self.services = services
        self.today = today or date.today()
        self.plan: PlanInfo | None = None
        self.session_dialog: SessionDialog | None = None
        self.client_combo = QComboBox()
        self.consultant_combo = QComboBox()
        top = QFormLayout()
        self._client_label, self._person_label = QLabel(), QLabel()
        top.addRow(self._client_label, self.client_combo)
        top.addRow(self._person_label, self.consultant_combo)
        self._client_label.setBuddy(self.client_combo)
        self._person_label.setBuddy(self.consultant_combo)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._plan_tab(), "")
        self.tabs.addTab(self._sessions_tab(), "")
        self.tabs.addTab(self._progress_tab(), "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.client_combo.currentIndexChanged.connect(self._on_client_combo_changed)
        self.consultant_combo.currentIndexChanged.connect(self._on_consultant_combo_changed)
        self._retranslate()
        for client in services.catalog.list_clients():
            self.client_combo.addItem(client.name, client.id)
        self.resize(1000, 680)

    # -- building -----------------------------------------------------------------------------
    def _plan_tab(self) -> QWidget:
        page = QWidget()
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.coach_edit = QLineEdit()
        self.due_check = QCheckBox()
        self.due_edit = QDateEdit()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("dd.MM.yyyy")
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.focus_model = FocusModel(self)
        self.focus_view = _table(self.focus_model)
        self.examples_model = CoachingTableModel(
            [
                ("✓/✗", lambda e: "✓" if e.good else "✗"),
                (QT_TRANSLATE_NOOP("CoachingModel", "Criterion"), self._criterion_title),
                (
                    QT_TRANSLATE_NOOP("CoachingModel", "Date"),
                    lambda e: e.when.strftime("%d.%m.%Y") if e.when else "—",
                ),
                (QT_TRANSLATE_NOOP("CoachingModel", "Quote"), lambda e: e.quote),
            ],
            parent=self,
        )
        self.examples_view = _table(self.examples_model, 3)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(70)
        self.propose_button = QPushButton()
        self.remove_button = QPushButton()
        self.save_button = QPushButton()
        self.print_button = QPushButton()
        form = QFormLayout()
        self._coach_label, self._due_label, self._notes_label = QLabel(), QLabel(), QLabel()
        due = QHBoxLayout()
        due.addWidget(self.due_check)
        due.addWidget(self.due_edit, 1)
        form.addRow(self._coach_label, self.coach_edit)
        form.addRow(self._due_label, due)
        form.addRow(self._notes_label, self.notes_edit)
        self._coach_label.setBuddy(self.coach_edit)
        self._due_label.setBuddy(self.due_check)
        self._notes_label.setBuddy(self.notes_edit)
        buttons = QHBoxLayout()
        for b in (self.propose_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.print_button, self.save_button):
            buttons.addWidget(b)
        self._examples_label = QLabel()
        layout = QVBoxLayout(page)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.focus_view, 2)
        layout.addWidget(self._examples_label)
        layout.addWidget(self.examples_view, 2)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.propose_button.clicked.connect(self.propose)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.save_button.clicked.connect(self.save_plan)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        return page

    def _sessions_tab(self) -> QWidget:
        page = QWidget()
        self.sessions_model = sessions_model(self.today, self)
        self.sessions_view = _table(self.sessions_model, 2)
        self.actions_model = actions_model(self.today, self)
        self.actions_view = _table(self.actions_model)
        self.add_session_button = QPushButton()
        self.done_button = QPushButton()
        self.ack_button = QPushButton()
        self.session_notes = QLabel()
        self.session_notes.setWordWrap(True)
        self.session_notes.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_session_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ack_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.sessions_view, 2)
        layout.addWidget(self.session_notes)
        layout.addWidget(self.actions_view, 2)
        layout.addLayout(buttons)
        self.sessions_view.selectionModel().currentRowChanged.connect(self._on_session_changed)
        self.add_session_button.clicked.connect(self.add_session)
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self.ack_button.clicked.connect(self._on_ack_button_clicked)
        return page

    def _progress_tab(self) -> QWidget:
        page = QWidget()
        self.progress_session = QComboBox()
        self.window_spin = QSpinBox()
        self.window_spin.setRange(1, 200)
        self._window_label = QLabel()
        self._window_label.setBuddy(self.window_spin)
        self.progress_model = progress_model(self)
        self.progress_view = _table(self.progress_model)
        self.progress_note = QLabel()
        self.progress_note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.progress_session, 1)
        top.addWidget(self._window_label)
        top.addWidget(self.window_spin)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.progress_view, 1)
        layout.addWidget(self.progress_note)
        self.progress_session.currentIndexChanged.connect(self._on_progress_session_changed)
        self.window_spin.editingFinished.connect(self._on_window_spin_edited)
        return page

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Coaching"))
        self._client_label.setText(self.tr("Client &company:"))
        self._person_label.setText(self.tr("Co&nsultant:"))
        for i, text in enumerate((self.tr("Plan"), self.tr("Sessions"), self.tr("Progress"))):
            self.tabs.setTabText(i, text)
        self._coach_label.setText(self.tr("C&oach:"))
        self._due_label.setText(self.tr("&Due date:"))
        self.due_check.setText(self.tr("Set"))
        self._notes_label.setText(self.tr("No&tes:"))
        self._examples_label.setText(self.tr("Examples (newest failure and good answer):"))
        self.propose_button.setText(self.tr("Propose from recurring errors"))
        self.remove_button.setText(self.tr("Remove focus"))
        self.save_button.setText(self.tr("Save as new version"))
        self.print_button.setText(self.tr("Print on one page…"))
        self.add_session_button.setText(self.tr("Add session…"))
        self.done_button.setText(self.tr("Mark done / open"))
        self.ack_button.setText(self.tr("Acknowledged / not"))
        self._window_label.setText(self.tr("&Evaluations on each side (company):"))

    def _criterion_title(self, example: PlanExample) -> str:
        for f in self.focus_model.rows():
            if (f.channel, f.criterion_id) == (example.channel, example.criterion_id):
                return str(f.title)
        return example.criterion_id

    # -- choices ------------------------------------------------------------------------------
    def consultant_id(self) -> int | None:
        value = self.consultant_combo.currentData()
        return None if value is None else int(value)

    def _on_client_combo_changed(self, *_args: object) -> None:
        client_id = self.client_combo.currentData()
        if client_id is not None:
            self.window_spin.setValue(self.services.coaching.progress_window(client_id))
        self.consultant_combo.blockSignals(True)
        self.consultant_combo.clear()
        client_id = self.client_combo.currentData()
        if client_id is not None:
            for person in self.services.catalog.list_consultants(client_id):
                self.consultant_combo.addItem(person.name, person.id)
        self.consultant_combo.blockSignals(False)
        self._on_consultant_combo_changed()

    def select(self, client_id: int, consultant_id: int) -> None:
        self.client_combo.setCurrentIndex(self.client_combo.findData(client_id))
        self.consultant_combo.setCurrentIndex(self.consultant_combo.findData(consultant_id))

    def _on_consultant_combo_changed(self, *_args: object) -> None:
        pid = self.consultant_id()
        self.plan = None if pid is None else self.services.coaching.current_plan(pid)
        self._show_plan()
        self.reload_sessions()

    # -- plan ---------------------------------------------------------------------------------
    def _show_plan(self) -> None:
        plan = self.plan
        if plan is None:
            self.plan_label.setText(
                self.tr("No saved plan. Propose one from recurring errors, edit it and save.")
            )
        elif plan.proposed:
            self.plan_label.setText(self.tr("Proposed, not saved yet."))
        else:
            made = plan.created_at.strftime("%d.%m.%Y") if plan.created_at else ""
            self.plan_label.setText(
                self.tr("Version %1 of %2").replace("%1", str(plan.version)).replace("%2", made)
            )
        self.focus_model.set_rows(plan.focus if plan else ())
        self.examples_model.set_rows(plan.examples if plan else ())
        self.coach_edit.setText(plan.coach if plan else "")
        self.notes_edit.setPlainText(plan.notes if plan else "")
        has_due = plan is not None and plan.due_date is not None
        self.due_check.setChecked(has_due)
        self.due_edit.setEnabled(has_due)
        due = plan.due_date if plan and plan.due_date else self.today
        self.due_edit.setDate(QDate(due.year, due.month, due.day))
        self.print_button.setEnabled(plan is not None and not plan.proposed)

    def propose(self) -> None:
        pid = self.consultant_id()
        if pid is None:
            return
        self.plan = self.services.coaching.propose_plan(pid)
        self._show_plan()

    def _on_remove_button_clicked(self) -> None:
        self.focus_model.remove(self.focus_view.currentIndex().row())

    def draft(self) -> PlanDraft:
        due = self.due_edit.date().toPython() if self.due_check.isChecked() else None
        return PlanDraft(
            tuple(self.focus_model.rows()),
            due_date=due,  # type: ignore[arg-type]
            coach=self.coach_edit.text(),
            notes=self.notes_edit.toPlainText(),
            examples=tuple(self.examples_model.rows()),
        )

    def save_plan(self) -> PlanInfo | None:
        pid = self.consultant_id()
        if pid is None:
            return None
        try:
            self.plan = self.services.coaching.save_plan(pid, self.draft())
        except ValueError:
            self.plan_label.setText(self.tr("A plan needs at least one focus criterion."))
            return None
        self._show_plan()
        return self.plan

    def _on_print_button_clicked(self) -> None:
        pid = self.consultant_id()
        if pid is None:
            return
        name = f"{self.consultant_combo.currentText()}_plan.pdf".replace(" ", "_")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Print the plan"), str(Path.home() / name), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.print_plan(Path(chosen))

    def print_plan(self, path: Path) -> Path | None:
        pid = self.consultant_id()
        if pid is None:
            return None
        client = self.client_combo.currentData()
        lang = self.services.reports.client_language(client)
        try:  # the file dialog asked before replacing
            return self.services.reports.write_plan_pdf(pid, path, lang, replace=True)
        except KnownError as err:
            show_known_error(self, err)
            return None

    # -- sessions -----------------------------------------------------------------------------
    def reload_sessions(self) -> None:
        pid = self.consultant_id()
        found = [] if pid is None else self.services.coaching.sessions(consultant_id=pid)
        self.sessions_model.set_rows(found)
        self.actions_model.set_rows(())
        self.session_notes.clear()
        if found:
            self.sessions_view.selectRow(0)
        self.progress_session.blockSignals(True)
        self.progress_session.clear()
        for x in found:
            self.progress_session.addItem(x.held_at.strftime("%d.%m.%Y %H:%M"), x.id)
        self.progress_session.blockSignals(False)
        self._on_progress_session_changed()

    def _on_session_changed(self, *_args: object) -> None:
        row = self.sessions_view.currentIndex().row()
        rows = self.sessions_model.rows()
        chosen = rows[row] if 0 <= row < len(rows) else None
        self.actions_model.set_rows(chosen.actions if chosen else ())
        self.session_notes.setText(chosen.notes if chosen else "")

    def add_session(self) -> SessionDialog | None:
        pid, client_id = self.consultant_id(), self.client_combo.currentData()
        if pid is None or client_id is None:
            return None
        dialog = SessionDialog(
            self.services, client_id, pid, self.consultant_combo.currentText(), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.reload_sessions)
        self.session_dialog = dialog
        dialog.open()
        return dialog

    def _on_done_button_clicked(self) -> None:
        index = self.actions_view.currentIndex()
        rows = self.actions_model.rows()
        if not 0 <= index.row() < len(rows):
            return
        action = rows[index.row()]
        self.services.coaching.set_action_done(action.id, not action.done)
        self._reload_keeping(self.sessions_view.currentIndex().row())

    def _on_ack_button_clicked(self) -> None:
        rows = self.sessions_model.rows()
        row = self.sessions_view.currentIndex().row()
        if 0 <= row < len(rows):
            self.services.coaching.acknowledge(rows[row].id, not rows[row].acknowledged)
            self._reload_keeping(row)

    def _reload_keeping(self, row: int) -> None:
        self.reload_sessions()
        if 0 <= row < self.sessions_model.rowCount():
            self.sessions_view.selectRow(row)

    # -- progress -----------------------------------------------------------------------------
    def _on_window_spin_edited(self) -> None:
        client_id = self.client_combo.currentData()
        if client_id is not None:
            self.services.coaching.set_progress_window(client_id, self.window_spin.value())
            self._on_progress_session_changed()

    def _on_progress_session_changed(self, *_args: object) -> None:
        pid, session = self.consultant_id(), self.progress_session.currentData()
        self.progress_model.set_rows(())
        if pid is None or session is None:
            self.progress_note.setText(self.tr("No session yet: progress is measured from one."))
            return
        try:
            info = self.services.coaching.progress(pid, int(session))
        except KnownError as err:
            self.progress_note.setText(known_error_text(err))
            return
        self.progress_model.set_rows(info.rows)
        self.progress_note.setText(
            self.tr(
                "Up to %1 reviewed evaluations before and after the session (set per company). "
                "A verdict needs at least %2 answers on each side and Fisher's exact test "
                "(two-sided, significance level 0.05); otherwise the change is shown without one."
            )
            .replace("%1", str(info.n))
            .replace("%2", str(info.min_side))
        )
