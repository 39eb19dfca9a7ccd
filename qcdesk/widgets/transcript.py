"""The transcript pane: segments that follow playback, click-to-seek, a find bar, corrections.

A reviewer corrects a segment in place (double-click or F2: Enter saves, Esc cancels) and gives
it to the other speaker from its context menu; each correction is saved at once through the
transcript edits service and the segment is marked "corrected". A mono call whose speaker split
is doubtful shows a warning above the transcript with a one-click swap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.actions import shortcut
from qcdesk.errors import KnownError
from qcdesk.playback import PlaybackController
from qcdesk.qtmodels.transcript import TranscriptModel
from qcdesk.services.dto import Segment, TranscriptInfo
from qcdesk.services.transcripts import roles_unknown, split_uncertain, split_word
from qcdesk.widgets.messages import known_error_text
from qcdesk.widgets.transcript_view import (
    LOW_CONFIDENCE,
    SPEAKER_COLOURS,
    SplitWarning,
    TranscriptView,
    word_spans,
)

if TYPE_CHECKING:
    from qcdesk.services.transcripts import TranscriptEditService

__all__ = ["LOW_CONFIDENCE", "SPEAKER_COLOURS", "TranscriptPane", "TranscriptView", "word_spans"]


class TranscriptPane(QWidget):
    """Shows the transcript (or says there is none yet) and keeps it in step with playback.

    With an *edits* service and an interaction id (`set_transcript`), segments can be
    corrected; without them the pane is read-only.
    """

    find_closed = Signal()
    editing_finished = Signal()  # the in-place editor closed: the workspace takes the keyboard
    error = Signal(str)  # a correction could not be saved
    corrected = Signal(int)  # interaction id whose transcript a reviewer changed
    roles_swapped = Signal(str)  # consultant's stereo channel now ("" for mono)
    roles_set = Signal(int)  # interaction id whose "A"/"B" voices became consultant/client
    transcribe_requested = Signal(int)  # interaction id: "Transcribe now" on the empty pane

    def __init__(
        self,
        controller: PlaybackController,
        parent: QWidget | None = None,
        *,
        edits: TranscriptEditService | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._edits = edits
        self._interaction_id: int | None = None
        self._transcript: TranscriptInfo | None = None
        self._swap_action: QAction | None = None
        self.model = TranscriptModel(self)
        self.view = TranscriptView(self)
        self.view.setModel(self.model)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._matches: list[tuple[int, int]] = []
        self._match_pos = -1
        self.warning = SplitWarning(self)
        self.warning.hide()

        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setText(
            "<p><b>{}</b></p><p>{}</p>".format(
                self.tr("No transcript yet"),
                self.tr(
                    "Transcribe the recording now, or import a transcript file. You can "
                    "score the call while listening meanwhile."
                ),
            )
        )
        self.empty.setContentsMargins(24, 24, 24, 12)
        # Where a reviewer looks for it: the pane that is empty (before: only the list had it).
        self.transcribe_button = QPushButton(self.tr("Transcribe now"))
        self.transcribe_button.clicked.connect(self._on_transcribe_button_clicked)
        self.transcribe_button.hide()  # until the workspace says there is a recording
        self.empty_page = QWidget(self)
        empty_layout = QVBoxLayout(self.empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty)
        empty_layout.addWidget(self.transcribe_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.view)

        self.find_bar = QWidget(self)
        self.find_edit = QLineEdit(self.find_bar)
        self.find_edit.setPlaceholderText(self.tr("Find in transcript"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_count = QLabel(self.find_bar)
        style = self.style()
        self.find_prev_button = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
            self.tr("Previous match (Shift+Enter)"),
        )
        self.find_next_button = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown), self.tr("Next match (Enter)")
        )
        self.find_close_button = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton),
            self.tr("Close the find bar (Esc)"),
        )
        row = QHBoxLayout(self.find_bar)
        row.setContentsMargins(0, 0, 0, 4)
        for w in (
            self.find_edit,
            self.find_count,
            self.find_prev_button,
            self.find_next_button,
            self.find_close_button,
        ):
            row.addWidget(w)
        self.find_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warning)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.stack, 1)

        self.find_edit.textChanged.connect(self._on_find_edit_text_changed)
        self.find_edit.installEventFilter(self)
        self.find_prev_button.clicked.connect(self.find_previous)
        self.find_next_button.clicked.connect(self.find_next)
        self.find_close_button.clicked.connect(self.close_find)
        self.view.seek_requested.connect(self._on_view_seek_requested)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.view.delegate.closeEditor.connect(self._on_delegate_close_editor)
        self.warning.swap_button.clicked.connect(self._on_warning_swap_clicked)
        self.warning.confirm_button.clicked.connect(self.confirm_speakers)
        self.warning.a_button.clicked.connect(lambda: self.set_consultant("A"))
        self.warning.b_button.clicked.connect(lambda: self.set_consultant("B"))
        controller.position_changed.connect(self._on_controller_position_changed)

    def _tool(self, icon, tip: str) -> QToolButton:  # type: ignore[no-untyped-def]
        b = QToolButton(self.find_bar)
        b.setIcon(icon)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return b

    def set_transcript(
        self, transcript: TranscriptInfo | None, interaction_id: int | None = None
    ) -> None:
        """Show *transcript*; with the *interaction_id* it belongs to, it can be corrected.

        The same interaction again (after a correction or a swap) is updated in place, so
        the reader keeps their place.
        """
        same = interaction_id is not None and interaction_id == self._interaction_id
        self._interaction_id = interaction_id
        self._transcript = transcript
        editable = self._edits is not None and interaction_id is not None
        self.model.commit_text = self._commit_text if editable else None
        if same:
            self.model.update_transcript(transcript)
            self.view.relayout()
        else:
            self.model.set_transcript(transcript)
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty_page)
        if not same:
            self.transcribe_button.setEnabled(True)
            self.transcribe_button.setText(self.tr("Transcribe now"))
        self.warning.set_roles_unknown(roles_unknown(transcript))
        self.warning.setVisible(split_uncertain(transcript))
        self.model.set_position(self._controller.position())
        if self.find_bar.isVisible():
            self._on_find_edit_text_changed(self.find_edit.text())

    def transcript(self) -> TranscriptInfo | None:
        return self._transcript

    def set_swap_action(self, action: QAction) -> None:
        """The workspace's "Swap speakers" action, offered in the context menu and warning."""
        self._swap_action = action
        self.warning.swap_button.setToolTip(action.toolTip())

    # -- corrections ------------------------------------------------------------------------

    def editable(self) -> bool:
        return self.model.commit_text is not None

    def target_row(self) -> int:
        """The segment F2 corrects: the selected one, else the one playing, else the first."""
        current = self.view.currentIndex()
        if current.isValid():
            return current.row()
        if self.model.current_row() >= 0:
            return self.model.current_row()
        return 0 if self.model.rowCount() else -1

    @Slot()
    def edit_current(self) -> None:
        """Open the in-place editor on `target_row` (F2)."""
        row = self.target_row()
        if not self.editable() or row < 0:
            return
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.edit(index)

    def _commit_text(self, row: int, text: str) -> Segment | None:
        """`TranscriptModel.commit_text`: save through the service; None (and a message) if not."""
        if self._edits is None or self._interaction_id is None:
            return None
        try:
            stored = self._edits.edit_segment_text(
                self._interaction_id, self.model.source_index(row), text
            )
        except KnownError as err:
            self.error.emit(known_error_text(err))
            return None
        self._remember(row, stored)
        self.view.relayout()
        return stored

    def set_speaker(self, row: int, speaker: str) -> None:
        """Give segment *row* to *speaker* and save it at once."""
        if self._edits is None or self._interaction_id is None:
            return
        try:
            stored = self._edits.set_segment_speaker(
                self._interaction_id, self.model.source_index(row), speaker
            )
        except KnownError as err:
            self.error.emit(known_error_text(err))
            return
        self.model.replace_segment(row, stored)
        self._remember(row, stored)

    def _remember(self, row: int, stored: Segment) -> None:
        """Keep our copy of the transcript in step and tell the workspace."""
        if self._transcript is not None and self._interaction_id is not None:
            segs = list(self._transcript.segments)
            segs[self.model.source_index(row)] = stored
            self._transcript = TranscriptInfo(
                self._transcript.language,
                self._transcript.source,
                tuple(segs),
                self._transcript.split_confidence,
            )
            self.corrected.emit(self._interaction_id)

    @Slot()
    def swap_speakers(self) -> None:
        """Swap consultant and client on every segment (and a stereo call's channels)."""
        if self._edits is None or self._interaction_id is None:
            return
        iid = self._interaction_id
        try:
            outcome = self._edits.swap_roles(iid)
        except KnownError as err:
            self.error.emit(known_error_text(err))
            return
        self.set_transcript(outcome.transcript, iid)
        self.roles_swapped.emit(outcome.consultant_channel or "")
        self.corrected.emit(iid)

    @Slot()
    def _on_warning_swap_clicked(self) -> None:
        # Through the workspace's action when there is one, so it reacts as to Ctrl+Shift+S.
        if self._swap_action is not None:
            self._swap_action.trigger()
        else:
            self.swap_speakers()

    @Slot()
    def confirm_speakers(self) -> None:
        """The doubtful split is right: hide the warning for good."""
        if self._edits is None or self._interaction_id is None:
            return
        try:
            transcript = self._edits.confirm_roles(self._interaction_id)
        except KnownError as err:
            self.error.emit(known_error_text(err))
            return
        self.set_transcript(transcript, self._interaction_id)

    def merge_with_next(self, row: int | None = None) -> None:
        """Join segment *row* (default: `target_row`) with the next one and save it."""
        row = self.target_row() if row is None else row
        if not self.editable() or row < 0 or row + 1 >= self.model.rowCount():
            return
        index = self.model.source_index(row)
        self._restructure(lambda edits, iid: edits.merge_with_next(iid, index))
        self._select(row)

    def split_at(self, row: int, char: int) -> None:
        """Split segment *row* at character *char* of its text (a word inside stays first)."""
        if not self.editable() or row < 0:
            return
        words = split_word(self.model.segment(row).text, char)
        index = self.model.source_index(row)
        self._restructure(lambda edits, iid: edits.split_segment(iid, index, words))
        self._select(row)

    def split_current(self) -> None:
        """Split `target_row` before the word being played in it, else in its middle."""
        row = self.target_row()
        if not self.editable() or row < 0:
            return
        seg = self.model.segment(row)
        tokens = seg.text.split()
        words = len(tokens) // 2
        if row == self.model.current_row() and self.model.current_word() > 0:
            words = self.model.current_word()
        index = self.model.source_index(row)
        self._restructure(lambda edits, iid: edits.split_segment(iid, index, words))
        self._select(row)

    def _restructure(self, edit: Callable[[TranscriptEditService, int], TranscriptInfo]) -> None:
        """Run one structural *edit* (edits, interaction id) and show the transcript it returns."""
        if self._edits is None or self._interaction_id is None:
            return
        iid = self._interaction_id
        try:
            transcript = edit(self._edits, iid)
        except KnownError as err:
            self.error.emit(known_error_text(err))
            return
        self.set_transcript(transcript, iid)
        self.corrected.emit(iid)

    def set_transcribable(self, transcribable: bool) -> None:
        """Offer "Transcribe now" only where there is a recording to transcribe."""
        self.transcribe_button.setVisible(transcribable)

    def _on_transcribe_button_clicked(self) -> None:
        if self._interaction_id is None:
            return
        self.transcribe_button.setEnabled(False)
        self.transcribe_button.setText(self.tr("Queued for transcription…"))
        self.transcribe_requested.emit(self._interaction_id)

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def set_consultant(self, speaker: str) -> None:
        """Voice *speaker* ("A" or "B") is the consultant: set the roles, then say so."""
        if self._edits is None or self._interaction_id is None:
            return
        iid = self._interaction_id
        try:
            transcript = self._edits.set_consultant_speaker(iid, speaker)
        except KnownError as err:
            self.error.emit(known_error_text(err))
            return
        self.set_transcript(transcript, iid)
        self.roles_set.emit(iid)

    @Slot(QPoint)
    def _on_view_context_menu_requested(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid() or not self.editable():
            return
        self.view.setCurrentIndex(index)
        menu = self.context_menu(index.row(), self.view.char_at(pos))
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, row: int, char: int = -1) -> QMenu:
        """Correct, split (at *char*, the clicked character) or join, give the segment to the
        other speaker, swap all speakers."""
        menu = QMenu(self)
        edit = menu.addAction(self.tr("Correct the text…"))
        edit.setShortcut(shortcut("edit_segment"))
        edit.triggered.connect(self.edit_current)
        text = self.model.segment(row).text
        split = menu.addAction(self.tr("Split here"))
        split.setObjectName("split_here")
        words = split_word(text, char) if char >= 0 else 0
        split.setEnabled(0 < words < len(text.split()))
        split.triggered.connect(lambda: self.split_at(row, char))
        merge = menu.addAction(self.tr("Join with the next segment"))
        merge.setObjectName("merge_next")
        merge.setShortcut(shortcut("merge_segments"))
        merge.setEnabled(row + 1 < self.model.rowCount())
        merge.triggered.connect(lambda: self.merge_with_next(row))
        menu.addSeparator()
        speaker = self.model.segment(row).speaker
        for role in ("consultant", "client"):
            action = menu.addAction(
                self.tr("Said by: %1").replace("%1", self.model.speaker_label(role))
            )
            action.setObjectName(f"speaker_{role}")
            action.setCheckable(True)
            action.setChecked(speaker == role)
            action.triggered.connect(lambda _=False, r=role: self.set_speaker(row, r))
        if self._swap_action is not None:
            menu.addSeparator()
            menu.addAction(self._swap_action)
        return menu

    @Slot()
    def _on_delegate_close_editor(self, *_: object) -> None:
        self.editing_finished.emit()

    # -- find -------------------------------------------------------------------------------

    @Slot()
    def open_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    @Slot()
    def close_find(self) -> None:
        self.find_bar.hide()
        self.model.set_find_text("")
        self.view.delegate.current_match = None
        self._matches, self._match_pos = [], -1
        self._update_count()
        # The workspace hands the keyboard back to the checklist form, not to nowhere.
        self.find_closed.emit()

    def match_count(self) -> int:
        return len(self._matches)

    @Slot()
    def find_next(self) -> None:
        self._step(1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self._matches:
            return
        self._match_pos = (self._match_pos + delta) % len(self._matches)
        self._show_match()

    def _show_match(self) -> None:
        row, offset = self._matches[self._match_pos]
        self.view.delegate.current_match = (row, offset)
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.viewport().update()
        self._update_count()

    def _update_count(self) -> None:
        text = self.find_edit.text().strip()
        if not text:
            self.find_count.clear()
        elif not self._matches:
            self.find_count.setText(self.tr("No matches"))
        else:
            self.find_count.setText(
                self.tr("{current} of {total}").format(
                    current=self._match_pos + 1, total=len(self._matches)
                )
            )

    @Slot(str)
    def _on_find_edit_text_changed(self, text: str) -> None:
        self._matches = self.model.set_find_text(text)
        self._match_pos = -1
        self.view.delegate.current_match = None
        if self._matches:
            self._step(1)
        else:
            self.view.viewport().update()
            self._update_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.find_edit and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_find()
                return True
        return super().eventFilter(watched, event)

    # -- playback ---------------------------------------------------------------------------

    @Slot(float)
    def _on_view_seek_requested(self, seconds: float) -> None:
        self._controller.seek(round(seconds * 1000))

    @Slot(int)
    def _on_controller_position_changed(self, ms: int) -> None:
        before = self.model.current_row()
        self.model.set_position(ms)
        row = self.model.current_row()
        # Follow the voice only while playing, so reading or searching is not yanked away.
        if (
            row >= 0
            and row != before
            and self._controller.is_playing()
            and not self.find_bar.isVisible()
        ):
            self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)
