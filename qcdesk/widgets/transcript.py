"""The transcript pane: segments that follow playback, click-to-seek, and a find bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.playback import PlaybackController
from qcdesk.qtmodels.transcript import (
    CurrentRole,
    CurrentWordRole,
    MatchRole,
    SegmentRole,
    SpeakerLabelRole,
    TranscriptModel,
    format_time,
)
from qcdesk.services.dto import Segment, TranscriptInfo

SPEAKER_COLOURS = {"consultant": "#1f6fb2", "client": "#b5651d", "A": "#1f6fb2", "B": "#b5651d"}
LOW_CONFIDENCE = 0.5
_MARGIN = 8
_BAR = 4


def word_spans(segment: Segment) -> tuple[str, list[tuple[int, int]]]:
    """The text to show and each word's character span in it.

    The segment text keeps the recogniser's punctuation, so words are located in it in order;
    if a word cannot be found there (an edited text), the words themselves are shown instead,
    so that the played word and a click always map to the same span.
    """
    text = segment.text
    if not segment.words:
        return text, []
    lower = text.lower()
    if len(lower) == len(text):
        spans: list[tuple[int, int]] = []
        pos = 0
        for w in segment.words:
            token = w.w.strip().lower()
            k = lower.find(token, pos) if token else -1
            if k < 0:
                break
            spans.append((k, k + len(token)))
            pos = k + len(token)
        else:
            return text, spans
    parts = [w.w.strip() for w in segment.words]
    spans, pos = [], 0
    for part in parts:
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return " ".join(parts), spans


class SegmentDelegate(QStyledItemDelegate):
    """Paints a segment as a speaker header and word-wrapped text laid out by QTextDocument.

    One layout routine serves painting, sizing and hit-testing, so a click lands on the
    word that is drawn under the pointer.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self.current_match: tuple[int, int] | None = None  # (row, offset) of the find cursor

    def _width(self) -> int:
        return max(80, self._view.viewport().width() - 2 * _MARGIN - _BAR)

    def _document(
        self, index: QModelIndex, option: QStyleOptionViewItem
    ) -> tuple[QTextDocument, int, list[tuple[int, int]]]:
        seg: Segment = index.data(SegmentRole)
        text, spans = word_spans(seg)
        pal = option.palette
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setTextWidth(self._width())
        cur = QTextCursor(doc)
        head = QTextCharFormat()
        head.setFontWeight(700)
        head.setForeground(QColor(SPEAKER_COLOURS.get(seg.speaker, "#555555")))
        cur.insertText(index.data(SpeakerLabelRole), head)
        when = QTextCharFormat()
        when.setForeground(pal.color(QPalette.ColorRole.PlaceholderText))
        cur.insertText(f"   {format_time(seg.start)}", when)
        cur.insertBlock()
        body = cur.position()
        plain = QTextCharFormat()
        plain.setForeground(pal.color(QPalette.ColorRole.Text))
        cur.insertText(text, plain)

        def paint_span(a: int, b: int, fmt: QTextCharFormat) -> None:
            c = QTextCursor(doc)
            c.setPosition(body + a)
            c.setPosition(body + b, QTextCursor.MoveMode.KeepAnchor)
            c.mergeCharFormat(fmt)

        faint = QTextCharFormat()
        faint_colour = QColor(pal.color(QPalette.ColorRole.Text))
        faint_colour.setAlpha(110)
        faint.setForeground(faint_colour)
        for w, (a, b) in zip(seg.words, spans, strict=False):
            if w.p is not None and w.p < LOW_CONFIDENCE:
                paint_span(a, b, faint)
        needle = index.data(MatchRole)
        if needle:
            hit = QTextCharFormat()
            hit.setBackground(QColor("#ffe58f"))
            strong = QTextCharFormat()
            strong.setBackground(QColor("#ffb020"))
            low, n = text.lower(), len(needle)
            k = low.find(needle.lower())
            while k >= 0:
                is_cursor = self.current_match == (index.row(), k) and text == seg.text
                paint_span(k, k + n, strong if is_cursor else hit)
                k = low.find(needle.lower(), k + n)
        word = index.data(CurrentWordRole)
        if index.data(CurrentRole) and 0 <= word < len(spans):
            played = QTextCharFormat()
            played.setBackground(pal.color(QPalette.ColorRole.Highlight))
            played.setForeground(pal.color(QPalette.ColorRole.HighlightedText))
            paint_span(*spans[word], played)
        return doc, body, spans

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        doc, _, _ = self._document(index, option)
        return QSize(self._width() + 2 * _MARGIN + _BAR, int(doc.size().height()) + 2 * _MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        seg: Segment = index.data(SegmentRole)
        painter.save()
        rect = option.rect
        if index.data(CurrentRole):
            bg = QColor(option.palette.color(QPalette.ColorRole.Highlight))
            bg.setAlpha(40)
            painter.fillRect(rect, bg)
        elif option.state & QStyle.StateFlag.State_Selected:
            bg = QColor(option.palette.color(QPalette.ColorRole.Highlight))
            bg.setAlpha(20)
            painter.fillRect(rect, bg)
        painter.fillRect(
            rect.x(),
            rect.y() + 2,
            _BAR,
            rect.height() - 4,
            QColor(SPEAKER_COLOURS.get(seg.speaker, "#888888")),
        )
        doc, _, _ = self._document(index, option)
        painter.translate(rect.x() + _BAR + _MARGIN, rect.y() + _MARGIN)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette = option.palette
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def seconds_at(self, index: QModelIndex, option: QStyleOptionViewItem, pos: QPointF) -> float:
        """Where a click at *pos* (viewport coordinates) should seek: the word, else the segment."""
        seg: Segment = index.data(SegmentRole)
        doc, body, spans = self._document(index, option)
        local = QPointF(
            pos.x() - option.rect.x() - _BAR - _MARGIN, pos.y() - option.rect.y() - _MARGIN
        )
        hit = doc.documentLayout().hitTest(local, Qt.HitTestAccuracy.ExactHit)
        if hit >= body:
            for w, (a, b) in zip(seg.words, spans, strict=False):
                if a <= hit - body < b:
                    return w.start
        return seg.start


class TranscriptView(QListView):
    """A list of segments; a click asks to seek to the word or segment under the pointer."""

    seek_requested = Signal(float)  # seconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Clicking to seek must not pull keyboard focus away from the checklist form.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.delegate = SegmentDelegate(self)
        self.setItemDelegate(self.delegate)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        super().mousePressEvent(event)
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            option.rect = self.visualRect(index)
            self.seek_requested.emit(self.delegate.seconds_at(index, option, event.position()))


class TranscriptPane(QWidget):
    """Shows the transcript (or says there is none yet) and keeps it in step with playback."""

    find_closed = Signal()

    def __init__(self, controller: PlaybackController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.model = TranscriptModel(self)
        self.view = TranscriptView(self)
        self.view.setModel(self.model)
        self._matches: list[tuple[int, int]] = []
        self._match_pos = -1

        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setText(
            "<p><b>{}</b></p><p>{}</p>".format(
                self.tr("No transcript yet"),
                self.tr(
                    "Transcribe the recording from the interactions list, or import a "
                    "transcript file. You can score the call while listening meanwhile."
                ),
            )
        )
        self.empty.setContentsMargins(24, 24, 24, 24)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
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
        layout.addWidget(self.find_bar)
        layout.addWidget(self.stack, 1)

        self.find_edit.textChanged.connect(self._on_find_edit_text_changed)
        self.find_edit.installEventFilter(self)
        self.find_prev_button.clicked.connect(self.find_previous)
        self.find_next_button.clicked.connect(self.find_next)
        self.find_close_button.clicked.connect(self.close_find)
        self.view.seek_requested.connect(self._on_view_seek_requested)
        controller.position_changed.connect(self._on_controller_position_changed)

    def _tool(self, icon, tip: str) -> QToolButton:  # type: ignore[no-untyped-def]
        b = QToolButton(self.find_bar)
        b.setIcon(icon)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return b

    def set_transcript(self, transcript: TranscriptInfo | None) -> None:
        self.model.set_transcript(transcript)
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        self.model.set_position(self._controller.position())
        if self.find_bar.isVisible():
            self._on_find_edit_text_changed(self.find_edit.text())

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
