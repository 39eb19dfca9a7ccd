"""The checklist editor: structure, properties, live preview, problems, undo and redo.

The template being edited is immutable; every edit builds a new one and pushes it on a
QUndoStack as a `ReplaceTemplate` command (typing in one field merges into one step), so undo
is exact by construction. Problems come from the same rules as ``qcdesk template validate``
(``check_template``) and are shown as they appear; a draft may be saved unfinished, and only
publishing insists on a clean template.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qcdesk.actions import build_actions, retranslate_actions
from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.checklist_schema import check_template, template_to_dict
from qcdesk.errors import KnownError, TemplateError
from qcdesk.qtmodels.templates import PATH_ROLE, ChecklistTreeModel, status_label
from qcdesk.widgets import template_editor_ops as ops
from qcdesk.widgets.messages import known_error_text
from qcdesk.widgets.template_editor_edits import EditsMixin
from qcdesk.widgets.template_editor_fields import (
    CriterionFields,
    OutcomeFields,
    SectionFields,
    TemplateFields,
)
from qcdesk.widgets.template_editor_preview import preview_html

if TYPE_CHECKING:
    from qcdesk.services.context import Services

Path = tuple[Any, ...]
SLOW_REFRESH_MS = 150


class ReplaceTemplate(QUndoCommand):
    """One edit: the template before and after, and what was selected at each point."""

    def __init__(
        self, editor: TemplateEditor, after: ChecklistTemplate, select: Path, text: str, key: Any
    ) -> None:
        super().__init__(text)
        self._editor, self._key = editor, key
        self._before, self._select_before = editor.template(), editor.selected_path()
        self._after, self._select_after = after, select

    def redo(self) -> None:
        self._editor._show(self._after, self._select_after)

    def undo(self) -> None:
        self._editor._show(self._before, self._select_before)

    def id(self) -> int:
        return 1 if self._key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, ReplaceTemplate) or other._key != self._key:
            return False
        self._after, self._select_after = other._after, other._select_after
        return True


def _shape(t: ChecklistTemplate) -> tuple[int, ...]:
    return tuple(len(s.criteria) for s in t.sections)


class TemplateEditor(EditsMixin, QWidget):
    """A page of the template library; `closed` after saving, `published` with the version."""

    closed = Signal()
    published = Signal(int)  # version id

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TemplateEditor")
        self.services = services
        self._version: Any = None  # the TemplateVersion being edited
        self._t: ChecklistTemplate | None = None
        self._problems: list[Any] = []
        # Validation and the preview take tens of milliseconds on a long checklist: they run
        # once typing pauses, and at once when someone asks for the problems.
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(SLOW_REFRESH_MS)
        self._slow.timeout.connect(self._refresh_slow)
        self.undo_stack = QUndoStack(self)
        self.action_map = build_actions(self, scope="template_editor")
        for name, action in self.action_map.items():
            if name == "editor_delete":  # Delete belongs to the tree, never to a text field
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            else:
                self.addAction(action)
        self._build()
        self._connect()
        self.retranslate()

    def retranslate(self) -> None:
        self.template_box.setTitle(self.tr("Checklist"))
        self.empty_label.setText(self.tr("Select a section or a criterion, or add one."))
        self.tabs.setTabText(0, self.tr("Selected item"))
        self.tabs.setTabText(1, self.tr("Outcome: stages and goal"))
        self.preview_label.setText(self.tr("Preview: the form as a reviewer sees it"))
        retranslate_actions(self.action_map)
        self.tree_model.retranslate()
        if self._t is not None:  # the heading, the preview and the problems are made of texts
            self._update_heading()
            self._refresh_slow()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- layout -------------------------------------------------------------------------------
    def _tool(self, name: str, text: bool = False) -> QToolButton:
        b = QToolButton()
        b.setDefaultAction(self.action_map[name])
        b.setAutoRaise(True)
        if text:
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return b

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self._tool("editor_back", text=True))
        top.addWidget(self.heading, 1)
        top.addWidget(self.status_label)
        for name in ("editor_undo", "editor_redo", "editor_save", "editor_publish"):
            top.addWidget(self._tool(name, text=True))

        self.fields = TemplateFields()
        self.tree_model = ChecklistTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("ChecklistTree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.addAction(self.action_map["editor_delete"])
        tree_tools = QHBoxLayout()
        for name in ("editor_add_section", "editor_add_criterion", "editor_duplicate",
                     "editor_delete", "editor_move_up", "editor_move_down"):  # fmt: skip
            tree_tools.addWidget(self._tool(name, text=name.startswith("editor_add")))
        tree_tools.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.template_box = QGroupBox()
        QVBoxLayout(self.template_box).addWidget(self.fields)
        left_layout.addWidget(self.template_box)
        left_layout.addLayout(tree_tools)
        left_layout.addWidget(self.tree, 1)

        self.section_fields = SectionFields()
        self.criterion_fields = CriterionFields()
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.item_stack = QStackedWidget()
        self.item_stack.addWidget(self.empty_label)
        for page in (self.section_fields, self.criterion_fields):
            scroll = QScrollArea()  # a small window scrolls the criterion form, never squeezes it
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self.item_stack.addWidget(scroll)
        self.outcome_fields = OutcomeFields()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.item_stack, "")
        self.tabs.addTab(self.outcome_fields, "")

        self.preview = QTextBrowser()
        self.preview.setObjectName("TemplatePreview")
        self.problems_model = QStandardItemModel(self)
        self.problems_view = QListView()
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_view.setWordWrap(True)
        self.problems_view.setMaximumHeight(150)
        self.problems_label = QLabel()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_label = QLabel()
        right_layout.addWidget(self.preview_label)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.problems_label)
        right_layout.addWidget(self.problems_view)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for w in (left, self.tabs, right):
            self.splitter.addWidget(w)
        self.splitter.setSizes([360, 520, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        a = self.action_map
        a["editor_back"].triggered.connect(self.close_editor)
        a["editor_undo"].triggered.connect(self.undo_stack.undo)
        a["editor_redo"].triggered.connect(self.undo_stack.redo)
        a["editor_save"].triggered.connect(self.save)
        a["editor_publish"].triggered.connect(self.confirm_and_publish)
        a["editor_add_section"].triggered.connect(self.add_section)
        a["editor_add_criterion"].triggered.connect(self.add_criterion)
        a["editor_duplicate"].triggered.connect(self.duplicate_selected)
        a["editor_delete"].triggered.connect(self.delete_selected)
        a["editor_move_up"].triggered.connect(lambda: self.move_selected(-1))
        a["editor_move_down"].triggered.connect(lambda: self.move_selected(1))
        self.undo_stack.canUndoChanged.connect(a["editor_undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(a["editor_redo"].setEnabled)
        self.undo_stack.cleanChanged.connect(self._update_heading)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree_model.move_requested.connect(self._on_tree_model_move_requested)
        self.fields.edited.connect(self._on_fields_edited)
        self.section_fields.edited.connect(self._on_section_fields_edited)
        self.criterion_fields.edited.connect(self._on_criterion_fields_edited)
        self.outcome_fields.edited.connect(self._on_outcome_fields_edited)
        self.outcome_fields.stages_model.edited.connect(self._on_stages_model_edited)
        self.outcome_fields.stage_action.connect(self._on_outcome_fields_stage_action)
        self.problems_view.activated.connect(self._on_problems_view_activated)
        self.problems_view.clicked.connect(self._on_problems_view_activated)

    # -- state --------------------------------------------------------------------------------
    def open(self, version: Any) -> None:
        """Edit *version* (a TemplateVersion, always a draft)."""
        self._version = version
        self._t = None
        self.undo_stack.clear()
        t = version.template
        first: Path = ("criterion", 0, 0) if t.sections and t.sections[0].criteria else ()
        self._show(t, first or (("section", 0) if t.sections else ()))
        _ = self.problems  # preview and problems at once for a freshly opened template
        self.undo_stack.setClean()
        self.action_map["editor_undo"].setEnabled(False)
        self.action_map["editor_redo"].setEnabled(False)
        self.status_label.clear()

    def version(self) -> Any:
        return self._version

    def template(self) -> ChecklistTemplate:
        assert self._t is not None
        return self._t

    def selected_path(self) -> Path:
        path: Path = self.tree_model.path(self.tree.currentIndex())
        return path

    def select(self, path: Path) -> None:
        index = self.tree_model.index_of(path)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.tree.selectionModel().setCurrentIndex(index, flags)
        if index.isValid():
            self.tree.scrollTo(index)
        self._show_item()

    def apply(
        self, t: ChecklistTemplate, text: str, select: Path | None = None, key: Any = None
    ) -> None:
        """Push *t* as one undoable edit (nothing when it changes nothing)."""
        if self._t is not None and template_to_dict(t) == template_to_dict(self._t):
            return
        target = self.selected_path() if select is None else select
        self.undo_stack.push(ReplaceTemplate(self, t, target, text, key))

    def _show(self, t: ChecklistTemplate, select: Path) -> None:
        """Display *t* everywhere (called by the undo commands)."""
        structural = self._t is None or _shape(self._t) != _shape(t)
        self._t = t
        self.tree_model.set_template(t, structure_changed=structural)
        if structural:
            self.tree.expandAll()
        if structural or select != self.selected_path():
            self.select(select)
        else:
            self._show_item()
        self.fields.show_values(
            t.title, t.id, t.kind, t.language, bool(self._version and self._version.slug_locked)
        )
        if self._version is not None:
            self.outcome_fields.stages_model.locked = self._version.locked_stages
        self.outcome_fields.show_outcome(t.goal, [(s.id, s.title) for s in t.stages])
        self._slow.start()
        self._update_heading()

    def _version_text(self) -> str:
        if self._version is None:
            return ""
        info = self._version.info
        return self.tr("Version {version} · {status}").format(
            version=info.version, status=status_label(info.status)
        )

    def _update_heading(self, *_args: object) -> None:
        if self._t is None:
            return
        dirty = "" if self.undo_stack.isClean() else " *"
        self.heading.setText(f"{self._t.title} · {self._version_text()}{dirty}")

    @property
    def problems(self) -> list[Any]:
        """The current problems (checked now if an edit is waiting for its check)."""
        if self._slow.isActive():
            self._slow.stop()
            self._refresh_slow()
        return self._problems

    def _refresh_slow(self) -> None:
        if self._t is not None:
            self.preview.setHtml(preview_html(self._t, self._version_text()))
            self._check()
            self._show_item()  # scrolls the preview to the selected criterion again

    def _check(self) -> None:
        def translate(s: str) -> str:
            return QCoreApplication.translate("KnownError", s)

        self._problems = check_template(self.template())
        self.problems_model.clear()
        marks: dict[Path, str] = {}
        for p in self._problems:
            text = p.render(translate)
            item = QStandardItem(text)
            item.setData(p.where, PATH_ROLE)
            item.setForeground(Qt.GlobalColor.darkRed)
            self.problems_model.appendRow(item)
            if p.where and p.where[0] in ("section", "criterion"):
                marks.setdefault(p.where, text)
        self.tree_model.set_problems(marks)
        n = len(self._problems)
        text = self.tr("%n problem(s) to fix before publishing", "", n)
        self.problems_label.setText(text if n else self.tr("No problems"))
        self.problems_view.setVisible(bool(n))  # the preview gets the room when all is well

    def _show_item(self) -> None:
        path = self.selected_path()
        t = self.template()
        for name in ("editor_duplicate", "editor_delete", "editor_move_up", "editor_move_down"):
            self.action_map[name].setEnabled(bool(path))
        if not path:
            self.item_stack.setCurrentWidget(self.empty_label)
            return
        section = t.sections[path[1]]
        if path[0] == "section":
            share = ops.share_of_total(t, sum(c.weight for c in section.criteria))
            self.section_fields.show_section(section.title, len(section.criteria), share)
            self.item_stack.setCurrentIndex(1)
            return
        c = section.criteria[path[2]]
        self.preview.scrollToAnchor(f"c{path[1]}_{path[2]}")
        locked = bool(self._version and c.id and c.id in self._version.locked_ids)
        self.criterion_fields.show_criterion(c, locked, ops.share_of_total(t, c.weight))
        self.item_stack.setCurrentIndex(2)

    def _on_tree_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if self._t is not None:
            self._show_item()

    def _on_problems_view_activated(self, index: QModelIndex) -> None:
        where = index.data(PATH_ROLE)
        if where and where[0] in ("section", "criterion"):
            self.tabs.setCurrentIndex(0)
            self.select(tuple(where))
        elif where and where[0] == "stage":
            self.tabs.setCurrentIndex(1)
            self.outcome_fields.select_stage(where[1])

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> bool:
        """Store the draft as it is (unfinished is fine); False when the database refused."""
        if self._version is None:
            return False
        try:
            self._version = self.services.templates.save_draft(
                self._version.info.version_id, self.template()
            )
        except KnownError as err:
            self.status_label.setText(known_error_text(err))
            return False
        self.undo_stack.setClean()
        self.status_label.setText(self.tr("Draft saved"))
        self._update_heading()
        return True

    def confirm_and_publish(self) -> bool:
        """The Publish action: show what the draft changes and publish only when confirmed."""
        from qcdesk.widgets.publish_confirm import confirm_publish

        if self._version is None or self.problems:
            return self.publish()  # says what is missing
        if not confirm_publish(self, self.services, self._version.info.slug, self.template()):
            return False
        return self.publish()

    def publish(self) -> bool:
        """Save, then publish: the version becomes current and can no longer change."""
        if not self.save():
            return False
        if self.problems:
            self.status_label.setText(
                self.tr("Fix %n problem(s) before publishing", "", len(self.problems))
            )
            self.problems_view.setFocus()
            return False
        try:
            version = self.services.templates.publish(self._version.info.version_id)
        except TemplateError as err:
            self.status_label.setText(known_error_text(err))
            return False
        self._version = version
        self.published.emit(version.info.version_id)
        return True

    def close_editor(self) -> None:
        if self._version is not None and not self.undo_stack.isClean():
            self.save()
        self.closed.emit()
