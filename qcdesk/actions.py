"""The one registry of menu actions and keyboard shortcuts: ``(id, default key, label)``.

Labels are English source texts marked for Qt Linguist and translated only when actions are
built or retranslated, never at import time, so a language switch needs no restart. The review
workspace builds its own actions from the same registry (scope "review") so every shortcut is
listed, and can be checked for clashes, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from qcdesk.errors import QT_TRANSLATE_NOOP

CONTEXT = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    id: str
    key: str  # QKeySequence portable text, or a StandardKey name prefixed with "std:"
    label: str  # English; translated in the "Actions" context
    scope: str = "window"  # "window": main window menus; "review"/"reports": those screens
    icon: QStyle.StandardPixmap | None = None
    tip: str = ""


SP = QStyle.StandardPixmap

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        "new_project",
        "",
        QT_TRANSLATE_NOOP("Actions", "&New project…"),
        icon=SP.SP_FileDialogNewFolder,
        tip=QT_TRANSLATE_NOOP("Actions", "Start an empty project (a database and its library)"),
    ),
    ActionSpec(
        "open_project",
        "",
        QT_TRANSLATE_NOOP("Actions", "&Open project…"),
        icon=SP.SP_DialogOpenButton,
        tip=QT_TRANSLATE_NOOP("Actions", "Open another project's database"),
    ),
    ActionSpec(
        "export_list",
        "Ctrl+Shift+E",
        QT_TRANSLATE_NOOP("Actions", "&Export the list…"),
        icon=SP.SP_DialogSaveButton,
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Save the rows and columns shown as an XLSX or CSV spreadsheet"
        ),
    ),
    ActionSpec(
        "import_files",
        "Ctrl+O",
        QT_TRANSLATE_NOOP("Actions", "Import &files…"),
        icon=SP.SP_FileIcon,
        tip=QT_TRANSLATE_NOOP("Actions", "Import call recordings"),
    ),
    ActionSpec(
        "import_folder",
        "Ctrl+Shift+O",
        QT_TRANSLATE_NOOP("Actions", "Import f&older…"),
        icon=SP.SP_DirOpenIcon,
        tip=QT_TRANSLATE_NOOP("Actions", "Import every recording in a folder"),
    ),
    ActionSpec(
        "import_chats",
        "Ctrl+Shift+M",
        QT_TRANSLATE_NOOP("Actions", "Import c&hats…"),
        icon=SP.SP_FileDialogDetailedView,
        tip=QT_TRANSLATE_NOOP("Actions", "Import Telegram, WhatsApp or CSV chat exports"),
    ),
    ActionSpec(
        "import_calllog",
        "",
        QT_TRANSLATE_NOOP("Actions", "Import call &log…"),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Import a telephony call log (Asterisk Master.csv): missed calls, callbacks"
        ),
    ),
    ActionSpec(
        "call_settings",
        "",
        QT_TRANSLATE_NOOP("Actions", "&Telephony settings…"),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Extensions, callback threshold and lost-profit inputs of this company"
        ),
    ),
    ActionSpec(
        "client_hours",
        "",
        QT_TRANSLATE_NOOP("Actions", "Working &hours and time zone…"),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "The hours chat response times of this company are measured in"
        ),
    ),
    ActionSpec(
        "client_spoken_names",
        "",
        QT_TRANSLATE_NOOP("Actions", "&Spoken names…"),
        tip=QT_TRANSLATE_NOOP(
            "Actions",
            "How people say this company's name: auto-prefill listens for them in the calls",
        ),
    ),
    ActionSpec(
        "new_mystery_assignment",
        "Ctrl+Shift+N",
        QT_TRANSLATE_NOOP("Actions", "New &mystery assignment…"),
        icon=SP.SP_FileDialogNewFolder,
        tip=QT_TRANSLATE_NOOP("Actions", "Plan a mystery shopper's visit, call or online request"),
    ),
    ActionSpec(
        "backup_project",
        "",
        QT_TRANSLATE_NOOP("Actions", "&Back up project…"),
        icon=SP.SP_DialogSaveButton,
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Save a copy of the database and the recordings into one zip file"
        ),
    ),
    ActionSpec(
        "settings",
        "Ctrl+,",
        QT_TRANSLATE_NOOP("Actions", "&Settings…"),
        icon=SP.SP_FileDialogDetailedView,
    ),
    ActionSpec(
        "quit", "Ctrl+Q", QT_TRANSLATE_NOOP("Actions", "&Quit"), icon=SP.SP_DialogCloseButton
    ),
    # View
    ActionSpec("refresh", "F5", QT_TRANSLATE_NOOP("Actions", "&Refresh"), icon=SP.SP_BrowserReload),
    ActionSpec(
        "open_interaction",
        "Return",
        QT_TRANSLATE_NOOP("Actions", "&Open for review"),
        icon=SP.SP_MediaPlay,
    ),
    ActionSpec("focus_filter", "Ctrl+L", QT_TRANSLATE_NOOP("Actions", "&Filter…")),
    ActionSpec(
        "clear_filters",
        "Ctrl+Shift+L",
        QT_TRANSLATE_NOOP("Actions", "&Clear filters"),
        icon=SP.SP_DialogResetButton,
    ),
    ActionSpec(
        "toggle_side_pane",
        "Ctrl+B",
        QT_TRANSLATE_NOOP("Actions", "Show &companies and consultants"),
    ),
    ActionSpec(
        "consultants",
        "",
        QT_TRANSLATE_NOOP("Actions", "C&onsultants…"),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Rename, merge, deactivate consultants and put them in teams"
        ),
    ),
    # The list's selection (context menu)
    ActionSpec(
        "edit_metadata",
        "Ctrl+I",
        QT_TRANSLATE_NOOP("Actions", "Edit &details…"),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Company, consultant, direction, date and customer of the interaction"
        ),
    ),
    ActionSpec(
        "mark_selected_reviewed",
        "",
        QT_TRANSLATE_NOOP("Actions", "Mark as &reviewed…"),
        icon=SP.SP_DialogApplyButton,
    ),
    ActionSpec(
        "mark_selected_unreviewed",
        "",
        QT_TRANSLATE_NOOP("Actions", "Mark as &not reviewed…"),
    ),
    # Transcription
    ActionSpec(
        "transcribe_selected",
        "Ctrl+T",
        QT_TRANSLATE_NOOP("Actions", "&Transcribe selected"),
        icon=SP.SP_MediaSeekForward,
        tip=QT_TRANSLATE_NOOP("Actions", "Queue the selected calls for transcription"),
    ),
    ActionSpec(
        "transcribe_new",
        "Ctrl+Shift+T",
        QT_TRANSLATE_NOOP("Actions", "Transcribe all &new"),
        tip=QT_TRANSLATE_NOOP("Actions", "Queue every call with a recording and no transcript"),
    ),
    ActionSpec(
        "toggle_transcription_panel",
        "Ctrl+J",
        QT_TRANSLATE_NOOP("Actions", "Transcription &queue"),
    ),
    ActionSpec(
        "reports",
        "Ctrl+R",
        QT_TRANSLATE_NOOP("Actions", "Re&ports"),
        icon=SP.SP_FileDialogInfoView,
        tip=QT_TRANSLATE_NOOP("Actions", "Reports for consultants and teams"),
    ),
    ActionSpec(
        "coaching",
        "",
        QT_TRANSLATE_NOOP("Actions", "&Coaching"),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Development plans, coaching sessions and progress before and after"
        ),
    ),
    ActionSpec(
        "agreement",
        "",
        QT_TRANSLATE_NOOP("Actions", "Auto-prefill &agreement"),
        tip=QT_TRANSLATE_NOOP("Actions", "How often auto-prefill agrees with reviewers"),
    ),
    ActionSpec(
        "calibration",
        "",
        QT_TRANSLATE_NOOP("Actions", "&Calibration"),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Reviewers score the same interactions blind, then compare their answers"
        ),
    ),
    # Help
    ActionSpec(
        "open_log_folder", "", QT_TRANSLATE_NOOP("Actions", "Open &log folder"), icon=SP.SP_DirIcon
    ),
    ActionSpec(
        "keyboard_shortcuts",
        "F1",
        QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
        icon=SP.SP_DialogHelpButton,
    ),
    ActionSpec(
        "about", "", QT_TRANSLATE_NOOP("Actions", "&About qcdesk"), icon=SP.SP_MessageBoxInformation
    ),
    # Review workspace (keyboard-first)
    ActionSpec(
        "back_to_list",
        "Escape",
        QT_TRANSLATE_NOOP("Actions", "&Back to the list"),
        scope="review",
        icon=SP.SP_ArrowBack,
    ),
    ActionSpec(
        "play_pause",
        "Space",
        QT_TRANSLATE_NOOP("Actions", "&Play / pause"),
        scope="review",
        icon=SP.SP_MediaPlay,
    ),
    ActionSpec(
        "seek_back",
        "Left",
        QT_TRANSLATE_NOOP("Actions", "Back 5 seconds"),
        scope="review",
        icon=SP.SP_MediaSeekBackward,
    ),
    ActionSpec(
        "seek_forward",
        "Right",
        QT_TRANSLATE_NOOP("Actions", "Forward 5 seconds"),
        scope="review",
        icon=SP.SP_MediaSeekForward,
    ),
    ActionSpec("slower", "[", QT_TRANSLATE_NOOP("Actions", "Slower"), scope="review"),
    ActionSpec("faster", "]", QT_TRANSLATE_NOOP("Actions", "Faster"), scope="review"),
    ActionSpec(
        "find",
        "Ctrl+F",
        QT_TRANSLATE_NOOP("Actions", "&Find in transcript"),
        scope="review",
        icon=SP.SP_FileDialogContentsView,
    ),
    ActionSpec(
        "evidence",
        "Ctrl+E",
        QT_TRANSLATE_NOOP("Actions", "Add &evidence at the current time"),
        scope="review",
        icon=SP.SP_DialogApplyButton,
    ),
    ActionSpec(
        "swap_speakers",
        "Ctrl+Shift+S",
        QT_TRANSLATE_NOOP("Actions", "S&wap speakers"),
        scope="review",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Swap consultant and client in the transcript (and the stereo channels)"
        ),
    ),
    ActionSpec(
        "edit_segment",
        "F2",
        QT_TRANSLATE_NOOP("Actions", "&Correct the transcript segment"),
        scope="review",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Correct the text of the selected (or playing) transcript segment"
        ),
    ),
    ActionSpec(
        "merge_segments",
        "Ctrl+Shift+J",
        QT_TRANSLATE_NOOP("Actions", "&Join with the next segment"),
        scope="review",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Join the selected (or playing) transcript segment with the next one"
        ),
    ),
    ActionSpec(
        "split_segment",
        "Ctrl+Shift+K",
        QT_TRANSLATE_NOOP("Actions", "S&plit the segment at the playing word"),
        scope="review",
        tip=QT_TRANSLATE_NOOP(
            "Actions",
            "Split the selected transcript segment before the word being played (else in "
            "the middle); right-click a word to split there",
        ),
    ),
    ActionSpec(
        "export_transcript",
        "Ctrl+Shift+E",
        QT_TRANSLATE_NOOP("Actions", "E&xport the transcript…"),
        scope="review",
        tip=QT_TRANSLATE_NOOP("Actions", "Save the transcript as TXT, SRT, VTT or qcdesk JSON"),
    ),
    ActionSpec(
        "next_criterion",
        "Ctrl+Down",
        QT_TRANSLATE_NOOP("Actions", "&Next criterion"),
        scope="review",
        icon=SP.SP_ArrowDown,
    ),
    ActionSpec(
        "prev_criterion",
        "Ctrl+Up",
        QT_TRANSLATE_NOOP("Actions", "P&revious criterion"),
        scope="review",
        icon=SP.SP_ArrowUp,
    ),
    ActionSpec(
        "answer_1", "1", QT_TRANSLATE_NOOP("Actions", "Answer: first option"), scope="review"
    ),
    ActionSpec(
        "answer_2", "2", QT_TRANSLATE_NOOP("Actions", "Answer: second option"), scope="review"
    ),
    ActionSpec(
        "answer_3", "3", QT_TRANSLATE_NOOP("Actions", "Answer: third option"), scope="review"
    ),
    ActionSpec(
        "answer_4", "4", QT_TRANSLATE_NOOP("Actions", "Answer: fourth option"), scope="review"
    ),
    ActionSpec(
        "answer_5", "5", QT_TRANSLATE_NOOP("Actions", "Answer: fifth option"), scope="review"
    ),
    ActionSpec(
        "answer_na", "0", QT_TRANSLATE_NOOP("Actions", "Answer: not applicable"), scope="review"
    ),
    # Reports screen
    ActionSpec(
        "reports_back",
        "Escape",
        QT_TRANSLATE_NOOP("Actions", "&Back to the list"),
        scope="reports",
        icon=SP.SP_ArrowBack,
    ),
    ActionSpec(
        "report_preview",
        "Ctrl+Return",
        QT_TRANSLATE_NOOP("Actions", "&Preview"),
        scope="reports",
        icon=SP.SP_FileDialogContentsView,
    ),
    ActionSpec(
        "mark_reviewed",
        "Ctrl+Return",
        QT_TRANSLATE_NOOP("Actions", "Mark as &reviewed"),
        scope="review",
        icon=SP.SP_DialogApplyButton,
    ),
    ActionSpec(
        "agreement_back",
        "Escape",
        QT_TRANSLATE_NOOP("Actions", "&Back to the list"),
        scope="agreement",
        icon=SP.SP_ArrowBack,
    ),
    ActionSpec(
        "calibration_back",
        "Escape",
        QT_TRANSLATE_NOOP("Actions", "&Back to the list"),
        scope="calibration",
        icon=SP.SP_ArrowBack,
    ),
    ActionSpec(
        "accept_suggestion",
        "Return",
        QT_TRANSLATE_NOOP("Actions", "Accept the suggestion"),
        scope="review",
    ),
    ActionSpec(
        "accept_all_suggestions",
        "Ctrl+Shift+Return",
        QT_TRANSLATE_NOOP("Actions", "Accept &all suggestions"),
        scope="review",
    ),
    # Review plans: My queue, progress, productivity, disputes (issue 13)
    ActionSpec(
        "plans",
        "Ctrl+Shift+Q",
        QT_TRANSLATE_NOOP("Actions", "Review &plans and my queue"),
        icon=SP.SP_FileDialogDetailedView,
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Sampling plans, the reviews assigned to you, productivity and disputes"
        ),
    ),
    ActionSpec(
        "plans_back",
        "Escape",
        QT_TRANSLATE_NOOP("Actions", "&Back to the list"),
        scope="plans",
        icon=SP.SP_ArrowBack,
    ),
    # Checklist templates: library and editor
    ActionSpec(
        "templates",
        "Ctrl+K",
        QT_TRANSLATE_NOOP("Actions", "Checklist &templates"),
        icon=SP.SP_FileDialogListView,
        tip=QT_TRANSLATE_NOOP("Actions", "Edit, version and assign checklist templates"),
    ),
    ActionSpec(
        "templates_back",
        "Escape",
        QT_TRANSLATE_NOOP("Actions", "&Back to the list"),
        scope="templates",
        icon=SP.SP_ArrowBack,
    ),
    ActionSpec(
        "template_new",
        "Ctrl+N",
        QT_TRANSLATE_NOOP("Actions", "&New checklist"),
        scope="templates",
        icon=SP.SP_FileIcon,
    ),
    ActionSpec(
        "template_edit",
        "Return",
        QT_TRANSLATE_NOOP("Actions", "&Edit"),
        scope="templates",
        icon=SP.SP_FileDialogContentsView,
        tip=QT_TRANSLATE_NOOP("Actions", "Edit the draft; a published version starts a new draft"),
    ),
    ActionSpec(
        "template_duplicate",
        "Ctrl+D",
        QT_TRANSLATE_NOOP("Actions", "&Duplicate"),
        scope="templates",
    ),
    ActionSpec("template_publish", "", QT_TRANSLATE_NOOP("Actions", "&Publish"), scope="templates"),
    ActionSpec(
        "template_archive",
        "",
        QT_TRANSLATE_NOOP("Actions", "&Archive / restore"),
        scope="templates",
    ),
    ActionSpec(
        "template_import", "", QT_TRANSLATE_NOOP("Actions", "&Import YAML…"), scope="templates"
    ),
    ActionSpec("template_export", "", QT_TRANSLATE_NOOP("Actions", "E&xport…"), scope="templates"),
    ActionSpec(
        "template_default",
        "",
        QT_TRANSLATE_NOOP("Actions", "Use as the company's &default"),
        scope="templates",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "New evaluations of this kind for the company get this checklist"
        ),
    ),
    ActionSpec(
        "editor_back",
        "Escape",
        QT_TRANSLATE_NOOP("Actions", "&Back to the templates"),
        scope="template_editor",
        icon=SP.SP_ArrowBack,
    ),
    ActionSpec(
        "editor_undo", "Ctrl+Z", QT_TRANSLATE_NOOP("Actions", "&Undo"), scope="template_editor"
    ),
    ActionSpec(
        "editor_redo",
        "Ctrl+Shift+Z",
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        scope="template_editor",
    ),
    ActionSpec(
        "editor_save",
        "Ctrl+S",
        QT_TRANSLATE_NOOP("Actions", "&Save draft"),
        scope="template_editor",
        icon=SP.SP_DialogSaveButton,
    ),
    ActionSpec(
        "editor_publish",
        "Ctrl+Shift+P",
        QT_TRANSLATE_NOOP("Actions", "&Publish"),
        scope="template_editor",
        icon=SP.SP_DialogApplyButton,
        tip=QT_TRANSLATE_NOOP("Actions", "Make this version current; it cannot change afterwards"),
    ),
    ActionSpec(
        "editor_add_section",
        "Ctrl+Alt+N",
        QT_TRANSLATE_NOOP("Actions", "Add &section"),
        scope="template_editor",
    ),
    ActionSpec(
        "editor_add_criterion",
        "Ctrl+N",
        QT_TRANSLATE_NOOP("Actions", "Add &criterion"),
        scope="template_editor",
        icon=SP.SP_FileIcon,
    ),
    ActionSpec(
        "editor_duplicate",
        "Ctrl+D",
        QT_TRANSLATE_NOOP("Actions", "D&uplicate"),
        scope="template_editor",
    ),
    ActionSpec(
        "editor_delete",
        "Delete",
        QT_TRANSLATE_NOOP("Actions", "&Delete"),
        scope="template_editor",
        icon=SP.SP_TrashIcon,
    ),
    ActionSpec(
        "editor_move_up",
        "Alt+Up",
        QT_TRANSLATE_NOOP("Actions", "Move &up"),
        scope="template_editor",
        icon=SP.SP_ArrowUp,
    ),
    ActionSpec(
        "editor_move_down",
        "Alt+Down",
        QT_TRANSLATE_NOOP("Actions", "Move do&wn"),
        scope="template_editor",
        icon=SP.SP_ArrowDown,
    ),
    ActionSpec(
        "rescore",
        "",
        QT_TRANSLATE_NOOP("Actions", "Re-score with the &current version…"),
        scope="review",
    ),
    ActionSpec(
        "switch_template",
        "",
        QT_TRANSLATE_NOOP("Actions", "Use another &checklist for this interaction"),
        scope="review",
    ),
)

_BY_ID = {spec.id: spec for spec in ACTIONS}


def spec(action_id: str) -> ActionSpec:
    return _BY_ID[action_id]


def shortcut(action_id: str) -> QKeySequence:
    """The default key of an action as a QKeySequence (empty when it has none)."""
    return QKeySequence(_BY_ID[action_id].key, QKeySequence.SequenceFormat.PortableText)


def build_actions(parent: QWidget, scope: str | None = None) -> dict[str, QAction]:
    """Create the QActions of *scope* (all when None), owned by *parent*, with translated text.

    Screen shortcuts (scopes other than "window") use WidgetWithChildrenShortcut, so Space, the
    arrows and Escape only act inside their screen and never fight the table or a text field
    elsewhere.
    """
    style = parent.style()
    actions: dict[str, QAction] = {}
    for s in ACTIONS:
        if scope is not None and s.scope != scope:
            continue
        action = QAction(parent)
        action.setObjectName(f"action_{s.id}")
        if s.key:
            action.setShortcut(shortcut(s.id))
        if s.scope != "window":
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if s.icon is not None:
            action.setIcon(style.standardIcon(s.icon))
        actions[s.id] = action
    retranslate_actions(actions)
    return actions


def retranslate_actions(actions: dict[str, QAction]) -> None:
    """Set each action's text and tooltip in the current language (on LanguageChange)."""
    for action_id, action in actions.items():
        s = _BY_ID[action_id]
        text = QCoreApplication.translate(CONTEXT, s.label)
        action.setText(text)
        tip = QCoreApplication.translate(CONTEXT, s.tip) if s.tip else text.replace("&", "")
        if not action.shortcut().isEmpty():
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip} ({key})"
        action.setToolTip(tip)
        action.setStatusTip(tip)


def clashes() -> list[tuple[str, str, str]]:
    """Pairs of actions in one scope that share a key: ``(key, id, id)``."""
    seen: dict[tuple[str, str], str] = {}
    found = []
    for s in ACTIONS:
        if not s.key:
            continue
        k = (s.scope, QKeySequence(s.key).toString())
        if k in seen:
            found.append((s.key, seen[k], s.id))
        else:
            seen[k] = s.id
    return found
