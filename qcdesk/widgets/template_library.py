"""The template library: every checklist per client company and shared, with its versions.

A page of the main window's stack, holding its own two pages: the table of templates and the
editor. Editing a published template opens a new draft (the service numbers it); a draft is
published from the editor or from here. File dialogs are skipped when a path is given, which
is how tests and the screenshot tool drive the screen.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.actions import build_actions, retranslate_actions
from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.errors import KnownError
from qcdesk.qtmodels.templates import TemplatesTableModel
from qcdesk.widgets.messages import known_error_text, show_known_error
from qcdesk.widgets.template_editor import TemplateEditor

if TYPE_CHECKING:
    from qcdesk.services.context import Services

EXPORT_KINDS = ("yaml", "xlsx", "pdf")


class TemplateLibrary(QWidget):
    """`closed` asks the main window for the interactions list again."""

    closed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TemplateLibrary")
        self.services = services
        self._dir = Path.home()
        self.list_page = QWidget()
        self.buttons: dict[str, QToolButton] = {}
        self.action_map = build_actions(self.list_page, scope="templates")
        self.list_page.addActions(list(self.action_map.values()))

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.client_combo = QComboBox()
        self.all_versions_check = QCheckBox()
        top = QHBoxLayout()
        top.addWidget(self._tool("templates_back"))
        top.addWidget(self.heading, 1)
        top.addWidget(self.client_combo)
        top.addWidget(self.all_versions_check)
        tools = QHBoxLayout()
        for name in ("template_new", "template_edit", "template_duplicate", "template_publish",
                     "template_archive", "template_import", "template_export",
                     "template_default"):  # fmt: skip
            tools.addWidget(self._tool(name))
        tools.addStretch(1)
        self.export_menu = QMenu(self)
        self.export_button = self.buttons["template_export"]
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setMenu(self.export_menu)
        self.model = TemplatesTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("TemplatesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        list_layout = QVBoxLayout(self.list_page)
        list_layout.addLayout(top)
        list_layout.addLayout(tools)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.status_label)

        self.editor = TemplateEditor(services, self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._connect()
        self._retranslate()
        self.reload()

    def _tool(self, name: str) -> QToolButton:
        b = QToolButton()
        b.setObjectName(f"tool_{name}")
        b.setDefaultAction(self.action_map[name])
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        b.setAutoRaise(True)
        self.buttons[name] = b
        return b

    def _connect(self) -> None:
        a = self.action_map
        a["templates_back"].triggered.connect(self.closed)
        a["template_new"].triggered.connect(self.new_template)
        a["template_edit"].triggered.connect(self.edit_current)
        a["template_duplicate"].triggered.connect(self.duplicate_current)
        a["template_publish"].triggered.connect(self.confirm_and_publish_current)
        a["template_archive"].triggered.connect(self.archive_current)
        a["template_import"].triggered.connect(self.import_yaml)
        a["template_default"].triggered.connect(self.toggle_default)
        self.table.activated.connect(self.edit_current)
        self.table.selectionModel().currentRowChanged.connect(self._update_enabled)
        self.client_combo.activated.connect(self.reload)
        self.all_versions_check.toggled.connect(self._on_all_versions_check_toggled)
        self.editor.closed.connect(self._on_editor_closed)
        self.editor.published.connect(self._on_editor_published)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Checklist templates"))
        self.all_versions_check.setText(self.tr("Show every version"))
        self.export_menu.clear()
        labels = (self.tr("YAML file…"), self.tr("XLSX for approval…"), self.tr("Blank PDF form…"))
        for kind, text in zip(EXPORT_KINDS, labels, strict=True):
            self.export_menu.addAction(text, partial(self.export_current, kind))
        retranslate_actions(self.action_map)
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- data ---------------------------------------------------------------------------------
    def reload(self, *_args: object, select_version: int | None = None) -> None:
        current = self.client_combo.currentData()
        with QSignalBlocker(self.client_combo):
            self.client_combo.clear()
            self.client_combo.addItem(self.tr("All companies"), None)
            for client in self.services.catalog.list_clients():
                self.client_combo.addItem(client.name, client.id)
            self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(current)))
        keep = select_version or (self.current_info().version_id if self.current_info() else None)
        self.model.set_rows(self.services.templates.library(self.client_id()))
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._update_enabled()

    def client_id(self) -> int | None:
        value = self.client_combo.currentData()
        return None if value is None else int(value)

    def set_client(self, client_id: int | None) -> None:
        self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(client_id)))
        self.reload()

    def current_info(self) -> Any:
        index = self.table.currentIndex()
        return self.model.info(index.row()) if index.isValid() else None

    def select_version(self, version_id: int) -> None:
        if (row := self.model.row_of(version_id)) is not None:
            self.table.selectRow(row)

    def _on_all_versions_check_toggled(self, on: bool) -> None:
        keep = self.current_info()
        self.model.set_all_versions(on)
        if keep is not None:
            self.select_version(keep.version_id)
        self._update_enabled()

    def _update_enabled(self, *_args: object) -> None:
        info = self.current_info()
        a = self.action_map
        for name in ("template_edit", "template_duplicate", "template_export"):
            a[name].setEnabled(info is not None)
        a["template_publish"].setEnabled(info is not None and info.status == "draft")
        a["template_archive"].setEnabled(info is not None and info.status != "draft")
        target = self._default_client(info)
        a["template_default"].setEnabled(info is not None and target is not None)
        self.export_button.setEnabled(info is not None)

    def _default_client(self, info: Any) -> tuple[int, str] | None:
        """The company a "use as default" applies to: the template's own, or the one chosen."""
        client_id = info.client_id if info is not None and info.client_id else self.client_id()
        if info is None or client_id is None:
            return None
        index = self.client_combo.findData(client_id)
        return client_id, self.client_combo.itemText(index)

    def _report(self, text: str) -> None:
        self.status_label.setText(text)

    def _try(self, work: Any, *args: Any) -> Any:
        try:
            return work(*args)
        except KnownError as err:
            show_known_error(self, err)
            self._report(known_error_text(err))
            return None

    # -- actions ------------------------------------------------------------------------------
    def new_template(self) -> Any:
        """A new, empty checklist (for the chosen company, else shared) opened in the editor."""
        language = QLocale().name()[:2] if QLocale().name()[:2] in ("ru", "en") else "ru"
        starter = ChecklistTemplate(
            id="checklist",
            title=self.tr("New checklist"),
            kind="call",
            language=language,
            version=1,
            sections=(),
            stages=(),
            goal="",
        )
        opened = self._try(self.services.templates.create, starter, self.client_id())
        if opened is not None:
            self._edit(opened)
        return opened

    def edit_current(self, *_args: object) -> Any:
        """The draft of the selected template; a published one starts a new draft."""
        info = self.current_info()
        if info is None:
            return None
        if info.status == "draft":
            opened = self._try(self.services.templates.open, info.version_id)
        else:
            opened = self._try(self.services.templates.start_draft, info.template_id)
        if opened is not None:
            self._edit(opened)
        return opened

    def _edit(self, opened: Any) -> None:
        self.reload(select_version=opened.info.version_id)
        self.editor.open(opened)
        self.stack.setCurrentWidget(self.editor)
        self.editor.tree.setFocus()

    def duplicate_current(self) -> Any:
        info = self.current_info()
        if info is None:
            return None
        title = self.tr("%1 (copy)").replace("%1", info.title)
        client = info.client_id if info.client_id is not None else self.client_id()
        opened = self._try(self.services.templates.duplicate, info.version_id, title, client)
        if opened is not None:
            self._edit(opened)
        return opened

    def confirm_and_publish_current(self) -> bool:
        """The Publish action: show what the draft changes and publish only when confirmed."""
        from qcdesk.widgets.publish_confirm import confirm_publish

        info = self.current_info()
        if info is None or info.status != "draft":
            return False
        draft = self.services.templates.get(info.slug, info.version)
        if not confirm_publish(self, self.services, info.slug, draft):
            return False
        return self.publish_current()

    def publish_current(self) -> bool:
        info = self.current_info()
        if info is None or info.status != "draft":
            return False
        done = self._try(self.services.templates.publish, info.version_id)
        if done is not None:
            self.reload(select_version=info.version_id)
            self._report(self.tr("Published version %1").replace("%1", str(info.version)))
        return done is not None

    def archive_current(self) -> None:
        info = self.current_info()
        if info is not None and info.status != "draft":
            archived = info.status != "archived"
            self._try(self.services.templates.set_archived, info.template_id, archived)
            self.reload()

    def toggle_default(self) -> None:
        """Make the selected template the company's default for its kind, or stop that."""
        info = self.current_info()
        target = self._default_client(info)
        if info is None or target is None:
            return
        client_id, name = target
        is_default = name in info.default_for
        chosen = None if is_default else info.template_id
        self._try(self.services.templates.set_default, client_id, info.kind, chosen)
        self.reload()
        if is_default:
            self._report(self.tr("%1 gets the automatic choice again").replace("%1", name))
        else:
            self._report(self.tr("New evaluations for %1 use this checklist").replace("%1", name))

    def import_yaml(self, path: Path | None = None) -> Any:
        if not path:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import a checklist"), str(self._dir), self.tr("YAML (*.yaml *.yml)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        self._dir = Path(path).parent
        result = self._try(self.services.templates.import_file, Path(path), self.client_id())
        if result is not None:
            slug, version = result
            self.reload()
            self._report(self.tr("Imported %1, version %2").replace("%1", slug).replace(
                "%2", str(version)))  # fmt: skip
        return result

    def export_current(self, kind: str, path: Path | None = None) -> Path | None:
        info = self.current_info()
        if info is None:
            return None
        if path is None:
            filters = {
                "yaml": self.tr("YAML (*.yaml)"),
                "xlsx": self.tr("Excel files (*.xlsx)"),
                "pdf": self.tr("PDF files (*.pdf)"),
            }
            suggested = self._dir / f"{info.slug}-v{info.version}.{kind}"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the checklist"), str(suggested), filters[kind]
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != f".{kind}":
                path = path.with_name(f"{path.name}.{kind}")
        self._dir = path.parent
        written = self._try(self.services.templates.export, info.version_id, path)
        if written is not None:
            self._report(self.tr("Saved %1").replace("%1", str(written)))
        return written  # type: ignore[no-any-return]

    # -- editor -------------------------------------------------------------------------------
    def _on_editor_closed(self) -> None:
        version = self.editor.version()
        self.reload(select_version=version.info.version_id if version else None)
        self.stack.setCurrentWidget(self.list_page)
        self.table.setFocus()

    def _on_editor_published(self, version_id: int) -> None:
        self._on_editor_closed()
        self.select_version(version_id)
        info = self.current_info()
        if info is not None:
            self._report(self.tr("Published version %1").replace("%1", str(info.version)))
