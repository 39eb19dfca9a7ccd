"""The workspace header's checklist button: the version in use, re-score, switch checklist.

Re-scoring with the current version and using another checklist are both explicit, and both
first show what would change (the service's dry run) and apply only when the reviewer
agrees, since a past score must keep the meaning it was given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.actions import spec
from qcdesk.errors import KnownError
from qcdesk.widgets.messages import show_known_error

if TYPE_CHECKING:
    from qcdesk.services.context import Services


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


class RescoreDialog(QDialog):
    """What moving the evaluation changes: criteria kept, dropped, emptied, new; the score."""

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Change the checklist of this evaluation"))
        head = self.tr("{old} v{old_version} → {new} v{new_version}").format(
            old=report.old_title,
            old_version=report.old_version,
            new=report.new_title,
            new_version=report.new_version,
        )
        score = self.tr("Score: {old} → {new}").format(
            old=_pct(report.old_score), new=_pct(report.new_score)
        )
        if report.new_critical and not report.old_critical:
            score += " · " + self.tr("a critical criterion fails")
        lines = [f"<b>{head}</b>", score]

        def names(ids: tuple[str, ...]) -> str:
            return ", ".join(f"«{report.titles.get(i, i)}»" for i in ids)

        lines.append(self.tr("Answers kept: %n", "", len(report.kept)))
        if report.dropped:
            lines.append(self.tr("Not in the new version, answers dropped: %1").replace(
                "%1", names(report.dropped)))  # fmt: skip
        if report.cleared:
            lines.append(self.tr("Answer type changed, left empty: %1").replace(
                "%1", names(report.cleared)))  # fmt: skip
        if report.new:
            lines.append(self.tr("New, to be answered: %1").replace("%1", names(report.new)))
        if report.stage_cleared:
            lines.append(self.tr("The stage reached is not in the new version and is cleared."))
        if not report.changed:
            lines = [self.tr("The evaluation already uses this version.")]
        self.summary = QLabel("<br>".join(lines))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(
            self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(report.changed)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


class TemplateSwitch(QToolButton):
    """Header button "Checklist · v2" whose menu re-scores or switches the checklist."""

    applied = Signal(object)  # the RescoreReport, with the new evaluation state

    def __init__(
        self, services: Services, actions: dict[str, QAction], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("TemplateSwitch")
        self._services = services
        self._state: Any = None
        self._kind = "call"
        self._client_id: int | None = None
        self.dialog: RescoreDialog | None = None
        self.rescore_action = actions["rescore"]
        self.switch_action = actions["switch_template"]
        self.menu_ = QMenu(self)
        self.choices_menu = QMenu(self.menu_)
        self.switch_action.setMenu(self.choices_menu)
        self.menu_.addAction(self.rescore_action)
        self.menu_.addAction(self.switch_action)
        self.setMenu(self.menu_)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.menu_.aboutToShow.connect(self.refresh_menu)
        self.rescore_action.triggered.connect(self.ask_rescore)

    def set_state(self, state: Any, kind: str, client_id: int | None) -> None:
        self._state, self._kind, self._client_id = state, kind, client_id
        self.retranslate()
        self.refresh_menu()

    def retranslate(self) -> None:
        if self._state is None:
            return
        t = self._state.template
        self.setText(self.tr("{title} · v{version}").format(title=t.title, version=t.version))
        self.setToolTip(
            self.tr("This evaluation was filled with version {version} of «{title}»").format(
                version=t.version, title=t.title
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh_menu(self) -> None:
        """Fresh choices each time: templates may have been published meanwhile."""
        if self._state is None:
            return
        newer = self._services.rescore.newer_version(self._state.evaluation_id)
        self.rescore_action.setEnabled(newer is not None)
        base = QCoreApplication.translate("Actions", spec("rescore").label)
        self.rescore_action.setText(base if newer is None else f"{base} (v{newer})")
        self.choices_menu.clear()
        current = self._state.template.id
        for info in self._services.templates.choices(self._kind, self._client_id):
            if info.slug == current:
                continue
            text = self.tr("{title} · v{version}").format(title=info.title, version=info.version)
            action = self.choices_menu.addAction(text)
            action.triggered.connect(lambda _=False, tid=info.template_id: self.ask_switch(tid))
        self.switch_action.setEnabled(not self.choices_menu.isEmpty())

    def ask_rescore(self) -> RescoreDialog | None:
        return self._ask(lambda apply: self._services.rescore.rescore(
            self._state.evaluation_id, apply=apply))  # fmt: skip

    def ask_switch(self, template_id: int) -> RescoreDialog | None:
        return self._ask(lambda apply: self._services.rescore.switch_template(
            self._state.evaluation_id, template_id, apply=apply))  # fmt: skip

    def _ask(self, move: Any) -> RescoreDialog | None:
        if self._state is None:
            return None
        try:
            preview = move(False)
        except KnownError as err:
            show_known_error(self, err)
            return None
        dialog = RescoreDialog(preview, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._apply(move))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _apply(self, move: Any) -> None:
        self.dialog = None
        try:
            report = move(True)
        except KnownError as err:
            show_known_error(self, err)
            return
        self.applied.emit(report)
