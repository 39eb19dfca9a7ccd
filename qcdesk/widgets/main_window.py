"""The main window: companies and consultants, the filtered interactions table, import, review.

The window is built with its collaborators passed in (services, settings, job manager), so
tests and the screenshot tool build it the same way as app.py does. The review workspace is a
page of a QStackedWidget: opening a row swaps pages, `closed` swaps back.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QLocale,
    QModelIndex,
    QPoint,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qcdesk import settings as opts
from qcdesk.actions import build_actions, retranslate_actions
from qcdesk.errors import KnownError
from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.qtmodels.catalog import FILTER_ROLE, CatalogTreeModel
from qcdesk.qtmodels.interactions import COLUMN_IDS, ID_ROLE, InteractionsTableModel
from qcdesk.services.dto import ImportReport
from qcdesk.widgets.filter_bar import FilterBar
from qcdesk.widgets.import_dialog import ImportDialog, ImportResultDialog
from qcdesk.widgets.job_progress import JobProgressDialog
from qcdesk.widgets.list_actions import ListActions
from qcdesk.widgets.messages import open_folder, show_known_error
from qcdesk.widgets.settings_dialog import SettingsDialog
from qcdesk.widgets.transcription_panel import TranscriptionPanel
from qcdesk.widgets.watch_runner import WatchRunner

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from qcdesk.services.context import Services
    from qcdesk.widgets.agreement_screen import AgreementScreen
    from qcdesk.widgets.calibration_screen import CalibrationScreen
    from qcdesk.widgets.calllog_import_flow import CallLogImportFlow
    from qcdesk.widgets.chat_import_flow import ChatImportFlow
    from qcdesk.widgets.plans_screen import PlansScreen
    from qcdesk.widgets.reports_screen import ReportsScreen
    from qcdesk.widgets.review import ReviewWorkspace
    from qcdesk.widgets.template_library import TemplateLibrary

DEVICE_CHECK_DELAY_MS = 1000  # the status bar's device line is filled in after start-up
COLUMN_WIDTHS = {
    "started_at": 125, "kind": 70, "direction": 90, "client": 135, "consultant": 150,
    "customer": 120, "duration": 95, "status": 95, "score": 65, "stage": 170, "goal": 60,
    "transcribed": 90,
}  # fmt: skip


class MainWindow(QMainWindow):
    """The application window; every long operation goes through the job manager."""

    project_requested = Signal(object)  # a project database Path: File → Open/New/Recent

    def __init__(
        self,
        services: Services,
        settings: opts.Settings,
        jobs: JobManager,
        log_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.jobs = jobs
        self.log_dir = log_dir
        self.workspace: ReviewWorkspace | None = None  # built on first use
        self.reports_screen: ReportsScreen | None = None  # built on first use
        self.agreement_screen: AgreementScreen | None = None  # built on first use
        self.calibration_screen: CalibrationScreen | None = None  # built on first use
        self.plans_screen: PlansScreen | None = None  # built on first use
        self.template_library: TemplateLibrary | None = None  # built on first use
        self.import_dialog: ImportDialog | None = None
        self.chat_import: ChatImportFlow | None = None  # the last chat import
        self.calllog_import: CallLogImportFlow | None = None  # the last call-log import
        self.progress_dialog: JobProgressDialog | None = None
        self.result_dialog: ImportResultDialog | None = None
        self.import_job: FunctionJob | None = None
        self._back_to_plans = False  # the workspace was opened from the plans screen
        self._templates: list[Any] = []
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.action_map = build_actions(self, scope="window")
        self.catalog_model = CatalogTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.catalog_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setMinimumWidth(200)
        self.filter_bar = FilterBar()
        self.model = InteractionsTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("InteractionsTable")
        self.table.setModel(self.model)
        self._setup_table()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 6, 6, 0)
        right_layout.setSpacing(6)
        right_layout.addWidget(self.filter_bar)
        right_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 1040])
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        self.list_actions = ListActions(self)
        self.list_actions.changed.connect(self._on_list_actions_changed)
        self._build_menus()
        self.count_label = QLabel()
        self.device_label = QLabel()
        self.statusBar().addPermanentWidget(self.device_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_transcription()
        self.watch = WatchRunner(services, jobs, self)  # the companies' watch folders
        self.watch.imported.connect(self._on_watch_imported)
        self.watch.failed.connect(self._on_watch_failed)
        self.watch.start()

        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_custom_context_menu_requested)
        self.filter_bar.changed.connect(self.refresh)
        self.table.activated.connect(self._on_table_activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_custom_context_menu_requested)
        self.settings.changed.connect(self._on_settings_changed)
        self._restore_state()
        self._retranslate()
        self.reload_catalog()
        self.refresh()
        # The keyboard starts in the list (Enter opens a call), not in the company tree.
        self.table.setFocus()

    # -- construction ------------------------------------------------------------------------
    def _setup_table(self) -> None:
        t = self.table
        t.setSortingEnabled(True)
        t.setAlternatingRowColors(True)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setShowGrid(False)
        t.setWordWrap(False)
        t.setCornerButtonEnabled(False)
        t.verticalHeader().hide()
        t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 10)
        header = t.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, column in enumerate(COLUMN_IDS):
            header.resizeSection(i, COLUMN_WIDTHS[column])
        t.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def _build_menus(self) -> None:
        a = self.action_map
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(a["new_project"])
        self.file_menu.addAction(a["open_project"])
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setObjectName("RecentProjectsMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.file_menu.addSeparator()
        for name in ("import_files", "import_folder", "import_chats", "import_calllog",
                     "new_mystery_assignment",
                     "export_list", None, "backup_project", "settings", None, "quit"):  # fmt: skip
            self.file_menu.addSeparator() if name is None else self.file_menu.addAction(a[name])
        self.interaction_menu = self.menuBar().addMenu("")
        for name in ("open_interaction", "edit_metadata", None, "mark_selected_reviewed",
                     "mark_selected_unreviewed"):  # fmt: skip
            if name is None:
                self.interaction_menu.addSeparator()
            else:
                self.interaction_menu.addAction(a[name])
        self.view_menu = self.menuBar().addMenu("")
        for name in ("refresh", "reports", "plans", "coaching", "agreement", "calibration",
                     "templates", "consultants", None, "focus_filter", "clear_filters",
                     "toggle_side_pane"):  # fmt: skip
            self.view_menu.addSeparator() if name is None else self.view_menu.addAction(a[name])
        self.transcription_menu = self.menuBar().addMenu("")
        for name in ("transcribe_selected", "transcribe_new", "toggle_transcription_panel"):
            self.transcription_menu.addAction(a[name])
        self.help_menu = self.menuBar().addMenu("")
        for name in ("keyboard_shortcuts", "about", "open_log_folder"):
            self.help_menu.addAction(a[name])
        a["toggle_side_pane"].setCheckable(True)
        a["toggle_side_pane"].setChecked(True)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("MainToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in ("import_files", "import_folder", "refresh", "open_interaction", "reports"):
            self.toolbar.addAction(a[name])
        self.addToolBar(self.toolbar)

        a["new_project"].triggered.connect(self.choose_new_project)
        a["open_project"].triggered.connect(self.choose_project)
        a["export_list"].triggered.connect(self.list_actions.choose_export)
        a["edit_metadata"].triggered.connect(self.edit_metadata)
        a["mark_selected_reviewed"].triggered.connect(lambda: self.mark_selected("reviewed"))
        a["mark_selected_unreviewed"].triggered.connect(lambda: self.mark_selected("in_progress"))
        a["consultants"].triggered.connect(self.manage_consultants)
        a["coaching"].triggered.connect(self.show_coaching)
        a["keyboard_shortcuts"].triggered.connect(self.show_shortcuts)
        a["about"].triggered.connect(self.show_about)
        a["import_files"].triggered.connect(self.choose_files)
        a["import_folder"].triggered.connect(self.choose_folder)
        a["import_chats"].triggered.connect(self.choose_chats)
        a["import_calllog"].triggered.connect(self.choose_calllog)
        a["call_settings"].triggered.connect(self.edit_call_settings)
        a["client_hours"].triggered.connect(self.edit_client_hours)
        a["client_spoken_names"].triggered.connect(self.edit_spoken_names)
        a["settings"].triggered.connect(self.open_settings)
        a["backup_project"].triggered.connect(self.back_up_project)
        a["new_mystery_assignment"].triggered.connect(self.new_mystery_assignment)
        a["quit"].triggered.connect(self.close)
        a["refresh"].triggered.connect(self.reload)
        a["open_interaction"].triggered.connect(self._on_open_action_triggered)
        a["reports"].triggered.connect(self.toggle_reports)
        a["agreement"].triggered.connect(self.show_agreement)
        a["calibration"].triggered.connect(self.show_calibration)
        a["plans"].triggered.connect(self.show_plans)
        a["templates"].triggered.connect(self.show_templates)
        a["focus_filter"].triggered.connect(self.filter_bar.text_edit.setFocus)
        a["clear_filters"].triggered.connect(self.filter_bar.clear)
        a["toggle_side_pane"].toggled.connect(self.tree.setVisible)
        a["open_log_folder"].triggered.connect(self._on_open_log_folder_triggered)
        a["open_log_folder"].setEnabled(self.log_dir is not None)
        self.stack.currentChanged.connect(self._on_stack_current_changed)

    def _on_stack_current_changed(self, _index: int) -> None:
        # List actions would act on the hidden table (Enter would reopen a row, Ctrl+L focus a
        # hidden field) while the workspace or the reports screen has the keyboard.
        on_list = self.stack.currentWidget() is self.splitter
        list_only = ("open_interaction", "focus_filter", "clear_filters", "refresh", "export_list",
                     "mark_selected_reviewed", "mark_selected_unreviewed")  # fmt: skip
        for name in list_only:
            self.action_map[name].setEnabled(on_list)
        on_workspace = self.workspace is not None and self.stack.currentWidget() is self.workspace
        self.action_map["edit_metadata"].setEnabled(on_list or on_workspace)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("qcdesk: quality control"))
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("&Recent projects"))
        self.interaction_menu.setTitle(self.tr("&Interaction"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.transcription_menu.setTitle(self.tr("&Transcription"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        retranslate_actions(self.action_map)
        self._update_stage_titles()
        self.catalog_model.retranslate()
        self._update_counts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- data ---------------------------------------------------------------------------------
    def reload(self) -> None:
        self.reload_catalog()
        self.refresh()

    def reload_catalog(self) -> None:
        """Rebuild the side pane and stage names, keeping the selected company/consultant."""
        f = self.filter_bar.filter()
        catalog = self.services.catalog
        # Rebuilding the model is not a choice the user made: no selection signals meanwhile.
        with QSignalBlocker(self.tree.selectionModel()):
            self.catalog_model.set_catalog(catalog.list_clients(), catalog.list_consultants())
            self.tree.expandAll()
            current = self.catalog_model.find(f.client_id, f.consultant_id)
            self.tree.setCurrentIndex(
                current if current.isValid() else self.catalog_model.index(0, 0)
            )
        slugs = dict.fromkeys(t[0] for t in self.services.templates.list())  # one per version
        self._templates = [self.services.templates.get(slug) for slug in slugs]
        self._update_stage_titles()

    def _update_stage_titles(self) -> None:
        """Stage names from the templates, preferring those written in the UI language."""
        ui_lang = QLocale().name()[:2]
        titles: dict[str, str] = {}
        for template in sorted(self._templates, key=lambda t: t.language != ui_lang):
            for stage in template.stages:
                titles.setdefault(stage.id, stage.title)
        self.model.set_stage_titles(titles)

    def refresh(self) -> None:
        """Re-run the query for the current filters (SQL does the filtering)."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            rows = self.services.interactions.query(self.filter_bar.filter())
        finally:
            QGuiApplication.restoreOverrideCursor()
        selected = self.current_interaction_id()
        self.model.set_rows(rows)
        if selected is not None and (pos := self.model.row_of(selected)) is not None:
            self.table.selectRow(pos)
        self._update_counts()

    def _update_counts(self) -> None:
        n = self.model.rowCount()
        reviewed = sum(1 for r in self.model.rows() if r.status == "reviewed")
        text = self.tr("%n interaction(s)", "", n)
        if n:
            text += " · " + self.tr("%n reviewed", "", reviewed)
        self.count_label.setText(text)

    def current_interaction_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _on_tree_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        client_id, consultant_id = indexes[0].data(FILTER_ROLE) if indexes else (None, None)
        self.filter_bar.set_scope(client_id, consultant_id)

    def _on_settings_changed(self, key: str) -> None:
        if key == opts.REVIEWER.key:
            self.services.evaluations.reviewer = self.settings.get(opts.REVIEWER)

    # -- transcription ------------------------------------------------------------------------
    def _build_transcription(self) -> None:
        """The queue dock (hidden until used) and the device line in the status bar."""
        self.transcription_panel = TranscriptionPanel(self.services, self.settings, self.jobs, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.transcription_panel)
        self.transcription_panel.hide()
        toggle = self.action_map["toggle_transcription_panel"]
        toggle.setCheckable(True)
        toggle.toggled.connect(self.transcription_panel.setVisible)
        self.transcription_panel.visibilityChanged.connect(toggle.setChecked)
        self.transcription_panel.transcribed.connect(self._on_transcription_panel_transcribed)
        self.transcription_panel.device_found.connect(self.device_label.setText)
        self.action_map["transcribe_selected"].triggered.connect(self.transcribe_selected)
        self.action_map["transcribe_new"].triggered.connect(self.transcribe_new)
        # After the window is up: the check imports CTranslate2 (in a job, but its import
        # holds the GIL) and nothing on screen waits for the device line.
        QTimer.singleShot(DEVICE_CHECK_DELAY_MS, self.transcription_panel.check_device)

    def selected_interaction_ids(self) -> list[int]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [index.data(ID_ROLE) for index in rows]

    def transcribe_selected(self) -> list[int]:
        return self._enqueue(self.selected_interaction_ids())

    def transcribe_new(self) -> list[int]:
        """Queue every interaction that has a recording and no transcript."""
        return self._enqueue(self.transcription_panel.pending_interactions())

    def _enqueue(self, interaction_ids: list[int]) -> list[int]:
        self.transcription_panel.show()
        added = self.transcription_panel.enqueue(interaction_ids)
        self.statusBar().showMessage(
            self.tr("Queued %n call(s) for transcription.", "", len(added)), 5000
        )
        return added

    def _on_transcription_panel_transcribed(self, interaction_id: int) -> None:
        if self.model.row_of(interaction_id) is not None:
            self.model.update_row(self.services.interactions.row(interaction_id))
        workspace = self.workspace
        if (
            workspace is not None
            and workspace.isVisible()
            and workspace.interaction_id() == interaction_id
        ):
            workspace.load(interaction_id)  # show the new transcript

    # -- review -------------------------------------------------------------------------------
    def _on_table_activated(self, index: QModelIndex) -> None:
        self.open_interaction(index.data(ID_ROLE))

    def _on_open_action_triggered(self) -> None:
        if (interaction_id := self.current_interaction_id()) is not None:
            self.open_interaction(interaction_id)

    def open_interaction(self, interaction_id: int) -> None:
        self._back_to_plans = (
            self.plans_screen is not None and self.stack.currentWidget() is self.plans_screen
        )
        if self.workspace is None:
            from qcdesk.widgets.review import ReviewWorkspace  # heavy: multimedia, on first use

            self.workspace = ReviewWorkspace(self.services, self.jobs, self.settings, self)
            self.workspace.closed.connect(self._on_workspace_closed)
            self.workspace.changed.connect(self._on_workspace_changed)
            self.workspace.transcribe_requested.connect(self._on_workspace_transcribe_requested)
            self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.load(interaction_id)
        self.workspace.setFocus()

    def _on_workspace_transcribe_requested(self, interaction_id: int) -> None:
        self._enqueue([interaction_id])

    def _on_workspace_closed(self) -> None:
        if self._back_to_plans and self.plans_screen is not None:
            self._back_to_plans = False  # opened from My queue: back there, figures refreshed
            self.plans_screen.reload()
            self.stack.setCurrentWidget(self.plans_screen)
            self.plans_screen.queue_view.setFocus()
            return
        self.stack.setCurrentWidget(self.splitter)
        self.table.setFocus()

    def _on_workspace_changed(self, interaction_id: int) -> None:
        self.model.update_row(self.services.interactions.row(interaction_id))
        self._update_counts()

    # -- reports ------------------------------------------------------------------------------
    def toggle_reports(self) -> None:
        """The Reports action: show the reports screen, or go back to the list from it."""
        if self.reports_screen is not None and self.stack.currentWidget() is self.reports_screen:
            self._on_reports_screen_closed()
        else:
            self.show_reports()

    def show_reports(self) -> Any:
        if self.workspace is not None and self.stack.currentWidget() is self.workspace:
            self.workspace.close_workspace()  # saves and stops playback, like "Back"
        if self.reports_screen is None:
            from qcdesk.widgets.reports_screen import ReportsScreen  # heavy: QtPdf, on first use

            self.reports_screen = ReportsScreen(self.services, self.jobs, self)
            self.reports_screen.closed.connect(self._on_reports_screen_closed)
            self.stack.addWidget(self.reports_screen)
        else:
            self.reports_screen.reload()  # reviews may have changed the figures
        self.stack.setCurrentWidget(self.reports_screen)
        self.reports_screen.client_combo.setFocus()
        return self.reports_screen

    def _on_reports_screen_closed(self) -> None:
        self.stack.setCurrentWidget(self.splitter)
        self.table.setFocus()

    def show_agreement(self) -> Any:
        """View → Auto-prefill agreement: per-criterion agreement with reviewers."""
        if self.workspace is not None and self.stack.currentWidget() is self.workspace:
            self.workspace.close_workspace()
        if self.agreement_screen is None:
            from qcdesk.widgets.agreement_screen import AgreementScreen

            self.agreement_screen = AgreementScreen(self.services, self.jobs, self)
            self.agreement_screen.closed.connect(self._on_reports_screen_closed)
            self.stack.addWidget(self.agreement_screen)
        else:
            self.agreement_screen.refresh()
        self.stack.setCurrentWidget(self.agreement_screen)
        self.agreement_screen.view.setFocus()
        return self.agreement_screen

    def show_calibration(self) -> CalibrationScreen:
        """View → Calibration: sessions, blind scoring, comparison, references.

        Interactions selected in the list are offered for a new session.
        """
        selected = (
            self.selected_interaction_ids() if self.stack.currentWidget() is self.splitter else []
        )
        if self.workspace is not None and self.stack.currentWidget() is self.workspace:
            self.workspace.close_workspace()
        if self.calibration_screen is None:
            from qcdesk.widgets.calibration_screen import CalibrationScreen

            self.calibration_screen = CalibrationScreen(self.services, self)
            self.calibration_screen.closed.connect(self._on_reports_screen_closed)
            self.stack.addWidget(self.calibration_screen)
        else:
            self.calibration_screen.refresh()
        self.calibration_screen.selected = selected
        self.stack.setCurrentWidget(self.calibration_screen)
        return self.calibration_screen

    def show_plans(self) -> Any:
        """View → Review plans: My queue, the plan's progress, productivity, disputes."""
        if self.workspace is not None and self.stack.currentWidget() is self.workspace:
            self.workspace.close_workspace()
        if self.plans_screen is None:
            from qcdesk.widgets.plans_screen import PlansScreen

            self.plans_screen = PlansScreen(self.services, self.settings.get(opts.REVIEWER), self)
            self.plans_screen.closed.connect(self._on_reports_screen_closed)
            self.plans_screen.open_requested.connect(self.open_interaction)
            self.stack.addWidget(self.plans_screen)
        else:
            self.plans_screen.reload()
        self._back_to_plans = False
        self.stack.setCurrentWidget(self.plans_screen)
        self.plans_screen.queue_view.setFocus()
        return self.plans_screen

    def show_templates(self) -> Any:
        """View → Checklist templates: the library, with the editor inside it."""
        if self.workspace is not None and self.stack.currentWidget() is self.workspace:
            self.workspace.close_workspace()
        if self.template_library is None:
            from qcdesk.widgets.template_library import TemplateLibrary

            self.template_library = TemplateLibrary(self.services, self)
            self.template_library.closed.connect(self._on_template_library_closed)
            self.stack.addWidget(self.template_library)
        else:
            self.template_library.reload()
        self.stack.setCurrentWidget(self.template_library)
        self.template_library.table.setFocus()
        return self.template_library

    def _on_template_library_closed(self) -> None:
        self.reload_catalog()  # stage names come from the templates
        self._on_reports_screen_closed()

    # -- chats --------------------------------------------------------------------------------
    def choose_chats(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import chats"),
            self.settings.get(opts.LAST_IMPORT_DIR),
            self.tr("Chat exports (*.json *.txt *.csv *.tsv *.zip);;All files (*)"),
        )
        if files:
            self.settings.set(opts.LAST_IMPORT_DIR, str(Path(files[0]).parent))
            self.start_chat_import([Path(f) for f in files])

    def _on_watch_imported(self, recordings: int, calls: int) -> None:
        self.reload()
        self.statusBar().showMessage(
            self.tr("Watch folder: imported recordings: %1, calls: %2")
            .replace("%1", str(recordings))
            .replace("%2", str(calls)),
            10_000,
        )

    def _on_watch_failed(self, failures: Any) -> None:
        self.statusBar().showMessage(
            self.tr("Watch folder: files or rows not imported: %1").replace(
                "%1", str(len(failures))
            ),
            10_000,
        )
        log.warning("watch folder: %s", [str(getattr(f, "error", f)) for f in failures])

    def start_calllog_import(self, paths: Sequence[Path]) -> CallLogImportFlow:
        """Dropped Asterisk logs: ask whose they are, then import them."""
        flow, client = self._calllog_flow()
        flow.ask_client(paths, client)
        return flow

    def choose_calllog(self) -> CallLogImportFlow:
        """File → Import call log…: the files, the company, the import job, the result."""
        flow, client = self._calllog_flow()
        flow.choose(client)
        return flow

    def _calllog_flow(self) -> tuple[CallLogImportFlow, str | None]:
        """A new call-log import flow, and the company selected in the side pane."""
        from qcdesk.widgets.calllog_import_flow import CallLogImportFlow

        client_id = self.filter_bar.filter().client_id
        names = {c.id: c.name for c in self.services.catalog.list_clients()}
        self.calllog_import = CallLogImportFlow(self.services, self.settings, self.jobs, self)
        self.calllog_import.done.connect(lambda _report: self.reload())
        return self.calllog_import, names.get(client_id) if client_id is not None else None

    def start_chat_import(self, paths: Sequence[Path]) -> Any:
        """The chat import dialog (authors, CSV columns), then the import in a job."""
        from qcdesk.widgets.chat_import_flow import ChatImportFlow

        self.chat_import = ChatImportFlow(self.services, self.settings, self.jobs, self)
        self.chat_import.done.connect(lambda _report: self.reload())
        return self.chat_import.start(paths)

    def edit_client_hours(self) -> Any:
        """The selected company's time zone and working hours (side pane context menu)."""
        from qcdesk.widgets.client_hours_dialog import ClientHoursDialog

        client_id = self.filter_bar.filter().client_id
        client = next((c for c in self.services.catalog.list_clients() if c.id == client_id), None)
        if client is None:
            return None
        dialog = ClientHoursDialog(self.services.catalog, client, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_spoken_names(self) -> Any:
        """The selected company's spoken names (side pane context menu)."""
        from qcdesk.widgets.spoken_names_dialog import SpokenNamesDialog

        client_id = self.filter_bar.filter().client_id
        client = next((c for c in self.services.catalog.list_clients() if c.id == client_id), None)
        if client is None:
            return None
        dialog = SpokenNamesDialog(self.services.catalog, client, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_call_settings(self) -> Any:
        """The selected company's extensions, callback threshold and profit inputs."""
        from qcdesk.widgets.call_settings_dialog import CallSettingsDialog

        client_id = self.filter_bar.filter().client_id
        client = next((c for c in self.services.catalog.list_clients() if c.id == client_id), None)
        if client is None:
            return None
        dialog = CallSettingsDialog(self.services.calllog, client.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_tree_custom_context_menu_requested(self, pos: Any) -> None:
        menu = self.company_menu(self.tree.indexAt(pos))
        if menu is not None:
            menu.popup(self.tree.viewport().mapToGlobal(pos))

    def company_menu(self, index: QModelIndex) -> QMenu | None:
        """The side pane's menu for a company (None for a consultant or empty space)."""
        client_id, consultant_id = index.data(FILTER_ROLE) or (None, None)
        if client_id is None or consultant_id is not None:
            return None
        self.tree.setCurrentIndex(index)  # the actions act on the company in scope
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.action_map["client_hours"])
        menu.addAction(self.action_map["client_spoken_names"])
        menu.addAction(self.action_map["call_settings"])
        self._add_language_menu(menu, client_id)
        return menu

    def _add_language_menu(self, menu: QMenu, client_id: int) -> None:
        """The company's call language: detected per call, or always Russian or English."""
        languages = menu.addMenu(self.tr("Call language"))
        current = next(
            (c.language for c in self.services.catalog.list_clients() if c.id == client_id), "auto"
        )
        group = QActionGroup(languages)
        choices = (
            ("auto", self.tr("Detect from the speech")),
            ("ru", self.tr("Russian")),
            ("en", self.tr("English")),
        )
        for code, text in choices:
            action = languages.addAction(text)
            action.setData(code)
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)
        group.triggered.connect(lambda action: self._set_client_language(client_id, action.data()))

    def _set_client_language(self, client_id: int, language: str) -> None:
        self.services.catalog.set_client_language(client_id, language)
        self.refresh()  # the list's language column follows the company's

    # -- import -------------------------------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import recordings"),
            self.settings.get(opts.LAST_IMPORT_DIR),
            self.tr("Audio files (*.wav *.mp3 *.ogg *.opus *.m4a *.flac *.wma *.amr);;"
                    "All files (*)"),
        )  # fmt: skip
        if files:
            self.settings.set(opts.LAST_IMPORT_DIR, str(Path(files[0]).parent))
            self.start_import([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Import a folder"), self.settings.get(opts.LAST_IMPORT_DIR)
        )
        if folder:
            self.settings.set(opts.LAST_IMPORT_DIR, folder)
            self.start_import([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = _local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        from qcdesk.services.chat_import import CHAT_EXTENSIONS

        if all(_is_asterisk_log(p) for p in paths):
            self.start_calllog_import(paths)  # a PBX's call log, not a chat export
        elif all(p.is_file() and p.suffix.lower() in CHAT_EXTENSIONS for p in paths):
            self.start_chat_import(paths)  # chat exports, not recordings
        else:
            self.start_import(paths)

    def start_import(self, paths: Sequence[Path]) -> ImportDialog:
        """Ask for the company and options (non-blocking), then import in a job."""
        dialog = ImportDialog(self.services, self.settings, paths, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._run_import(d.paths, d.options()))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _run_import(self, paths: list[Path], options: Any) -> None:
        job = FunctionJob(self.services.importer.import_paths, paths, options)
        self.import_job = job
        self.progress_dialog = JobProgressDialog(job, self.tr("Importing recordings"), self)
        # Bound methods, not lambdas: Qt queues them to this (main) thread.
        job.signals.finished.connect(self._on_import_job_finished)
        job.signals.cancelled.connect(self._on_import_job_cancelled)
        job.signals.failed.connect(self._on_import_job_failed)
        self.progress_dialog.open()
        self.jobs.submit(job)

    def _on_import_job_finished(self, report: ImportReport) -> None:
        self._show_import_result(report, cancelled=False)

    def _on_import_job_cancelled(self) -> None:
        partial = self.import_job.result if self.import_job is not None else None
        if isinstance(partial, ImportReport):
            self._show_import_result(partial, cancelled=True)
        else:
            self.reload()

    def _on_import_job_failed(self, err: KnownError) -> None:
        self.reload()
        show_known_error(self, err)

    def _show_import_result(self, report: ImportReport, cancelled: bool) -> None:
        self.reload()
        if report.imported:
            self.statusBar().showMessage(
                self.tr("Imported %n recording(s).", "", len(report.imported)), 8000
            )
        if report.failed or report.duplicates or cancelled or not report.imported:
            self.result_dialog = ImportResultDialog(report, cancelled, self)
            self.result_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.result_dialog.open()

    # -- other actions -----------------------------------------------------------------------
    def new_mystery_assignment(self) -> Any:
        """Ask for the assignment's fields; once created, open it for the shopper's report."""
        from qcdesk.widgets.visit_dialog import VisitDialog

        dialog = VisitDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._on_visit_dialog_accepted(d.created))
        self.visit_dialog = dialog
        dialog.open()
        return dialog

    def _on_visit_dialog_accepted(self, created: Any) -> None:
        self.reload()
        if created is not None:
            self.open_interaction(created.interaction_id)

    def back_up_project(self) -> Any:
        """*File → Back up project…*: the flow asks where, then copies in a job."""
        from qcdesk.widgets.backup_flow import BackupFlow

        self.backup_flow = BackupFlow(self.services, self.jobs, self)
        self.backup_flow.choose()
        return self.backup_flow

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- projects, details, help --------------------------------------------------------------
    def choose_new_project(self) -> None:
        from qcdesk.widgets.recent_projects import choose_new_project

        if (db := choose_new_project(self, self.settings)) is not None:
            self.project_requested.emit(db)

    def choose_project(self) -> None:
        from qcdesk.widgets.recent_projects import choose_project

        if (db := choose_project(self, self.settings)) is not None:
            self.project_requested.emit(db)

    def fill_recent_menu(self) -> None:
        from qcdesk.widgets.recent_projects import fill_recent_menu

        fill_recent_menu(
            self.recent_menu, self.settings, self.services.db_path, self.project_requested.emit
        )

    def close_project(self) -> None:
        """Before a project switch: leave the workspace (saves, stops playback), save layout."""
        if self.workspace is not None and self.stack.currentWidget() is self.workspace:
            self.workspace.close_workspace()
        self.transcription_panel.hide()

    def edit_metadata(self) -> Any:
        """Edit the details of the interaction open in the workspace, or of the current row."""
        workspace = self.workspace
        on_workspace = workspace is not None and self.stack.currentWidget() is workspace
        interaction_id = (
            workspace.interaction_id()
            if workspace is not None and on_workspace
            else self.current_interaction_id()
        )
        if interaction_id is None:
            return None
        return self.list_actions.edit_metadata(interaction_id)

    def mark_selected(self, status: str, confirm: bool = True) -> int:
        return self.list_actions.mark(self.selected_interaction_ids(), status, confirm)

    def _on_list_actions_changed(self) -> None:
        self.reload()
        workspace = self.workspace
        if workspace is not None and self.stack.currentWidget() is workspace:
            open_id = workspace.interaction_id()
            if open_id is not None:
                workspace.load(open_id)  # new company, consultant or date

    def _on_table_custom_context_menu_requested(self, pos: QPoint) -> None:
        self.list_actions.popup(pos)

    def manage_consultants(self) -> Any:
        from qcdesk.widgets.consultants_dialog import ConsultantsDialog

        dialog = ConsultantsDialog(self.services, self.filter_bar.filter().client_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.reload)
        dialog.open()
        self.consultants_dialog = dialog
        return dialog

    def show_coaching(self) -> Any:
        """View → Coaching: plans, sessions and progress (a window beside the list)."""
        from qcdesk.widgets.coaching_window import CoachingWindow

        window = CoachingWindow(self.services, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        self.coaching_window = window
        return window

    def show_shortcuts(self) -> Any:
        from qcdesk.widgets.help_dialogs import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> Any:
        from qcdesk.widgets.help_dialogs import AboutDialog

        dialog = AboutDialog(self.services, self.settings, self.log_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_open_log_folder_triggered(self) -> None:
        if self.log_dir is not None:
            open_folder(self.log_dir)

    def _restore_state(self) -> None:
        if geometry := self.settings.get(opts.WINDOW_GEOMETRY):
            self.restoreGeometry(geometry)
        if state := self.settings.get(opts.WINDOW_STATE):
            self.restoreState(state)
        if splitter := self.settings.get(opts.SPLITTER_STATE):
            self.splitter.restoreState(splitter)
        if header := self.settings.get(opts.TABLE_HEADER_STATE):
            self.table.horizontalHeader().restoreState(header)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.set(opts.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(opts.WINDOW_STATE, bytes(self.saveState().data()))
        self.settings.set(opts.SPLITTER_STATE, bytes(self.splitter.saveState().data()))
        header = self.table.horizontalHeader().saveState()
        self.settings.set(opts.TABLE_HEADER_STATE, bytes(header.data()))
        self.settings.sync()
        super().closeEvent(event)


def _local_paths(mime: Any) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


def _is_asterisk_log(path: Path) -> bool:
    """A dropped .csv that is an Asterisk Master.csv goes to the call-log import."""
    from qcdesk.services.calllog import preview_log

    if not path.is_file() or path.suffix.lower() != ".csv":
        return False
    try:
        return preview_log(path).asterisk
    except KnownError:
        return False  # not readable as a log: the other imports say why
