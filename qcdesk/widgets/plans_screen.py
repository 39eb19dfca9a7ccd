"""View → Review plans: My queue, a plan's progress, reviewer productivity and disputes.

One screen with four tabs, so a reviewer finds the work assigned to them and the lead sees the
month at a glance. The reviewer whose queue is shown is the name in the settings by default;
the picker lists every name, because several people may share one machine. Opening an item
asks the main window to show the normal review workspace (`open_requested`); coming back
refreshes the figures. The lists are small (a month's sample), so they are read directly.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.actions import build_actions, retranslate_actions
from qcdesk.errors import KnownError
from qcdesk.qtmodels.plans import (
    ROW_ROLE,
    DisputesModel,
    ItemsModel,
    ProductivityModel,
    ProgressModel,
    QueueModel,
    label,
)
from qcdesk.widgets import plan_tabs
from qcdesk.widgets.messages import show_known_error

if TYPE_CHECKING:
    from qcdesk.services.context import Services


def _selected(view: QTableView) -> Any:
    index = view.currentIndex()
    return index.data(ROW_ROLE) if index.isValid() else None


class PlansScreen(QWidget):
    closed = Signal()
    open_requested = Signal(int)  # an interaction to review

    # Built by `plan_tabs` (one function per tab), named here for readers and mypy.
    queue_model: QueueModel
    queue_view: QTableView
    queue_summary: QLabel
    reviewer_label: QLabel
    reviewer_combo: QComboBox
    open_button: QPushButton
    skip_button: QPushButton
    plan_label: QLabel
    plan_combo: QComboBox
    plan_info: QLabel
    new_plan_button: QPushButton
    assign_button: QPushButton
    item_skip_button: QPushButton
    dispute_button: QPushButton
    consultant_caption: QLabel
    reviewer_caption: QLabel
    consultant_model: ProgressModel
    reviewer_model: ProgressModel
    items_model: ItemsModel
    consultant_view: QTableView
    reviewer_view: QTableView
    items_view: QTableView
    from_label: QLabel
    to_label: QLabel
    from_edit: QDateEdit
    to_edit: QDateEdit
    productivity_model: ProductivityModel
    productivity_view: QTableView
    productivity_note: QLabel
    status_combo: QComboBox
    decide_button: QPushButton
    disputes_model: DisputesModel
    disputes_view: QTableView
    dispute_detail: QLabel

    def __init__(self, services: Services, reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PlansScreen")
        self._services = services
        self.action_map = build_actions(self, scope="plans")
        self.addActions(list(self.action_map.values()))
        self.back_button = QToolButton()
        self.back_button.setDefaultAction(self.action_map["plans_back"])
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.back_button.setAutoRaise(True)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.refresh_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(plan_tabs.queue_tab(self, reviewer), "")
        self.tabs.addTab(plan_tabs.plan_tab(self), "")
        self.tabs.addTab(plan_tabs.productivity_tab(self), "")
        self.tabs.addTab(plan_tabs.disputes_tab(self), "")
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.action_map["plans_back"].triggered.connect(self.closed)
        self._retranslate()
        self.reload()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Review plans"))
        self.refresh_button.setText(self.tr("Refresh"))
        for i, text in enumerate((self.tr("My queue"), self.tr("Plan progress"),
                                  self.tr("Productivity"), self.tr("Disputes"))):  # fmt: skip
            self.tabs.setTabText(i, text)
        self.reviewer_label.setText(self.tr("&Reviewer:"))
        self.open_button.setText(self.tr("&Open"))
        self.skip_button.setText(self.tr("&Skip…"))
        self.item_skip_button.setText(self.tr("Skip…"))
        self.plan_label.setText(self.tr("&Plan:"))
        self.dispute_button.setText(self.tr("Open a &dispute…"))
        self.new_plan_button.setText(self.tr("&New plan…"))
        self.assign_button.setText(self.tr("&Assign…"))
        self.assign_button.setToolTip(
            self.tr("The items selected, or else the whole plan's unassigned items")
        )
        self.consultant_caption.setText(self.tr("Per consultant"))
        self.reviewer_caption.setText(self.tr("Per reviewer"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.productivity_note.setText(
            self.tr(
                "Reviews marked done in the period. Minutes: the median time the review "
                "workspace had an evaluation open. Overdue: plan items due in the period "
                "that were reviewed late or are still open past their due date."
            )
        )
        self.status_combo.setItemText(0, self.tr("All disputes"))
        for i in range(1, self.status_combo.count()):
            self.status_combo.setItemText(i, label(self.status_combo.itemData(i)))
        self.decide_button.setText(self.tr("&Decide…"))
        retranslate_actions(self.action_map)
        for m in (self.queue_model, self.items_model, self.consultant_model,
                  self.reviewer_model, self.productivity_model, self.disputes_model):  # fmt: skip
            m.retranslate()
        self._summaries()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- data ---------------------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        """Everything again: new plans, reviews done meanwhile, decided disputes."""
        names = self._services.plans.reviewers()
        current = self.reviewer_combo.currentText()
        self.reviewer_combo.blockSignals(True)
        self.reviewer_combo.clear()
        self.reviewer_combo.addItems(names)
        self.reviewer_combo.setCurrentText(current)
        self.reviewer_combo.blockSignals(False)
        plan_id = self.plan_combo.currentData()
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for p in self._services.plans.plans():
            self.plan_combo.addItem(f"#{p.id} · {p.client} · {p.period}", p.id)
        self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(plan_id)))
        self.plan_combo.blockSignals(False)
        self._fill_queue()
        self._fill_plan()
        self._fill_productivity()
        self._fill_disputes()

    @Slot()
    def _fill_queue(self, *_: object) -> None:
        self.queue_model.set_rows(self._services.plans.queue(self.reviewer_combo.currentText()))
        self._summaries()

    @Slot()
    def _fill_plan(self, *_: object) -> None:
        plan_id = self.plan_combo.currentData()
        if plan_id is None:
            for m in (self.consultant_model, self.reviewer_model, self.items_model):
                m.set_rows([])
            self.plan_info.clear()
            return
        status = self._services.plans.status(plan_id)
        self.consultant_model.set_rows(status.per_consultant)
        self.reviewer_model.set_rows(status.per_reviewer)
        self.items_model.set_rows(status.items)
        self._summaries()

    @Slot()
    def _fill_productivity(self, *_: object) -> None:
        lo: date = self.from_edit.date().toPython()  # type: ignore[assignment]
        hi: date = self.to_edit.date().toPython()  # type: ignore[assignment]
        rows = self._services.plans.productivity(lo, hi) if lo <= hi else []
        self.productivity_model.set_rows(rows)

    @Slot()
    def _fill_disputes(self, *_: object) -> None:
        self.disputes_model.set_rows(
            self._services.disputes.list(status=self.status_combo.currentData())
        )
        self.dispute_detail.clear()

    def _summaries(self) -> None:
        rows = self.queue_model.rows()
        late = sum(r.overdue for r in rows)
        self.queue_summary.setText(
            self.tr("%n item(s) to review", "", len(rows)) + " · " + self.tr("%n overdue", "", late)
        )
        plan_id = self.plan_combo.currentData()
        info = next((p for p in self._services.plans.plans() if p.id == plan_id), None)
        if info is not None:
            quotas = ", ".join(f"{label(k)} {n}" for k, n in info.quotas.items())
            items = self.items_model.rows()
            done = sum(i.status == "reviewed" for i in items)
            active = sum(i.status != "skipped" for i in items)
            self.plan_info.setText(
                self.tr("{client}, {period}: per consultant {quotas}; seed {seed}; due {due}. "
                        "Reviewed {done} of {active}.").format(
                    client=info.client, period=info.period, quotas=quotas, seed=info.seed,
                    due=info.due_date.isoformat() if info.due_date else "—", done=done,
                    active=active,
                )
            )  # fmt: skip

    # -- actions ------------------------------------------------------------------------------
    def _on_queue_view_activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(index.data(ROW_ROLE).interaction_id)

    def _on_items_view_activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(index.data(ROW_ROLE).interaction_id)

    def _on_disputes_view_activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(index.data(ROW_ROLE).interaction_id)

    def _on_open_button_clicked(self) -> None:
        if (item := _selected(self.queue_view)) is not None:
            self.open_requested.emit(item.interaction_id)

    def _on_skip_button_clicked(self) -> None:
        if (item := _selected(self.queue_view)) is not None:
            self.skip(item)

    def _on_item_skip_button_clicked(self) -> None:
        item = _selected(self.items_view)
        if item is not None and item.status != "skipped":
            self.skip(item)

    def skip(self, item: Any) -> Any:
        """Ask for the reason (and whether to replace), then skip the item."""
        from qcdesk.widgets.plan_dialogs import SkipDialog

        dialog = SkipDialog(item, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._apply_skip(item.id, *d.choice()))
        dialog.open()
        self.skip_dialog = dialog
        return dialog

    def _apply_skip(self, item_id: int, reason: str, comment: str, replace: bool) -> None:
        try:
            self._services.plans.skip(item_id, reason, comment, replace=replace)
        except KnownError as err:
            show_known_error(self, err)
        self.reload()

    def new_plan(self) -> Any:
        """Draw a new plan (company, month, quotas, filters); it is shown once drawn."""
        from qcdesk.widgets.plan_forms import NewPlanDialog

        dialog = NewPlanDialog(self._services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._show_plan(d.created.plan_id))
        dialog.open()
        self.plan_dialog = dialog
        return dialog

    def _show_plan(self, plan_id: int) -> None:
        self.reload()
        self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(plan_id)))
        self.tabs.setCurrentIndex(1)

    def _on_assign_button_clicked(self) -> None:
        self.assign()

    def assign(self) -> Any:
        """Assign the selected items by hand, or the plan's unassigned items."""
        from qcdesk.widgets.plan_forms import AssignDialog

        plan_id = self.plan_combo.currentData()
        if plan_id is None:
            return None
        rows = self.items_view.selectionModel().selectedRows()
        chosen = [i.data(ROW_ROLE) for i in rows]
        picked = [r.interaction_id for r in chosen if r.status != "skipped"] or None
        dialog = AssignDialog(self._services, plan_id, picked, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.reload)
        dialog.open()
        self.assign_dialog = dialog
        return dialog

    def _on_dispute_button_clicked(self) -> None:
        item = _selected(self.items_view)
        if item is not None:
            self.open_dispute(item.interaction_id)

    def open_dispute(self, interaction_id: int) -> Any:
        """The dispute form for the interaction's reviewed evaluation."""
        from qcdesk.widgets.plan_dialogs import DisputeDialog

        evaluation = self._services.disputes.evaluation_of(interaction_id)
        if evaluation is None:
            self.plan_info.setText(self.tr("Only a reviewed interaction can be disputed."))
            return None
        state = self._services.evaluations.open(interaction_id)
        dialog = DisputeDialog(self._services, evaluation, state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.reload)
        dialog.open()
        self.dispute_dialog = dialog
        return dialog

    def _on_decide_button_clicked(self) -> None:
        d = _selected(self.disputes_view)
        if d is not None and d.status == "open":
            self.decide(d)

    def decide(self, dispute: Any) -> Any:
        from qcdesk.widgets.plan_dialogs import DecideDialog

        state = self._services.evaluations.open(dispute.interaction_id)
        dialog = DecideDialog(self._services, dispute, state.template, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.reload)
        dialog.open()
        self.decide_dialog = dialog
        return dialog

    def _show_dispute(self, index: QModelIndex) -> None:
        d = index.data(ROW_ROLE)
        lines = [self.tr("{who} on {date}: {comment}").format(
            who=d.opened_by + (f" ({d.on_behalf_of})" if d.on_behalf_of else ""),
            date=d.opened_at.date().isoformat(), comment=d.comment)]  # fmt: skip
        for i in d.items:
            lines.append(f"{i.criterion_id}: {i.original or '—'} → {i.proposed or '—'}"
                         + (f" ⇒ {i.final or '—'}" if i.final is not None else ""))  # fmt: skip
        if d.status != "open":
            lines.append(self.tr("{who}: {status} ({reason}). {comment}").format(
                who=d.decided_by or "", status=label(d.status), reason=label(d.reason),
                comment=d.decision_comment))  # fmt: skip
        self.dispute_detail.setText("\n".join(lines))
