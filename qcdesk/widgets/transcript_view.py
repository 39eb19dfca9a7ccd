"""The parts of the transcript pane: the segment list, its delegate and editor, the warning.

One `QTextDocument` layout serves painting, sizing and hit-testing, so a click lands on the word
drawn under the pointer; the same delegate opens `SegmentEditor` over the text when a reviewer
corrects it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QSize,
    Qt,
    Signal,
)
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
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from qcdesk.qtmodels.transcript import (
    CurrentRole,
    CurrentWordRole,
    MatchRole,
    SegmentRole,
    SpeakerLabelRole,
    format_time,
)
from qcdesk.services.dto import Segment

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


class SegmentEditor(QPlainTextEdit):
    """The in-place editor of a segment's text: Enter saves, Escape cancels.

    The review workspace binds Escape (back to the list) and Return (accept a suggestion) as
    shortcuts of the whole screen; a shortcut wins over a key press, so the editor claims
    those keys first (ShortcutOverride). Letters, digits, Space and arrows it claims by itself.
    """

    submitted = Signal()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()  # a segment is one line: Enter never inserts a break
            return
        super().keyPressEvent(event)


class SegmentDelegate(QStyledItemDelegate):
    """Paints a segment as a speaker header and word-wrapped text laid out by QTextDocument.

    One layout routine serves painting, sizing and hit-testing, so a click lands on the
    word that is drawn under the pointer. A corrected segment says so after its time.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self.current_match: tuple[int, int] | None = None  # (row, offset) of the find cursor

    def _width(self) -> int:
        return max(80, self._view.viewport().width() - 2 * _MARGIN - _BAR)

    def _document(
        self, index: QModelIndex | QPersistentModelIndex, option: QStyleOptionViewItem
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
        if seg.edited:
            marker = QTextCharFormat(when)
            marker.setFontItalic(True)
            cur.insertText("   " + self.tr("corrected"), marker)
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
            start, end = spans[word]
            paint_span(start, end, played)
        return doc, body, spans

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        doc, _, _ = self._document(index, option)
        return QSize(self._width() + 2 * _MARGIN + _BAR, int(doc.size().height()) + 2 * _MARGIN)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
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

    def char_at(self, index: QModelIndex, option: QStyleOptionViewItem, pos: QPointF) -> int:
        """The character of the segment's text under *pos* (viewport coordinates), or -1."""
        doc, body, _spans = self._document(index, option)
        local = QPointF(
            pos.x() - option.rect.x() - _BAR - _MARGIN, pos.y() - option.rect.y() - _MARGIN
        )
        hit = doc.documentLayout().hitTest(local, Qt.HitTestAccuracy.FuzzyHit)
        return hit - body if hit >= body else -1

    # -- editing ----------------------------------------------------------------------------

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = SegmentEditor(parent)
        editor.setObjectName("SegmentEditor")
        editor.setTabChangesFocus(True)
        editor.setToolTip(self.tr("Enter saves, Esc cancels"))
        editor.submitted.connect(lambda: self._submit(editor))
        return editor

    def _submit(self, editor: SegmentEditor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, SegmentEditor):
            editor.setPlainText(index.data(Qt.ItemDataRole.EditRole))
            editor.moveCursor(QTextCursor.MoveOperation.End)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, SegmentEditor):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Over the segment's text, below its speaker line; at least three lines high."""
        line = option.fontMetrics.lineSpacing()
        rect = option.rect.adjusted(_BAR + _MARGIN // 2, _MARGIN // 2 + line, -_MARGIN // 2, 0)
        rect.setHeight(max(rect.height(), 3 * line + 2 * _MARGIN))
        editor.setGeometry(rect)


class TranscriptView(QListView):
    """A list of segments; a click asks to seek to the word or segment under the pointer.

    A double-click opens the segment's editor when the model is editable.
    """

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

    def char_at(self, pos: QPoint) -> int:
        """The character of the text of the segment under *pos* (viewport), or -1."""
        index = self.indexAt(pos)
        if not index.isValid():
            return -1
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        return self.delegate.char_at(index, option, QPointF(pos))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self.edit(index)
            return
        super().mouseDoubleClickEvent(event)

    def relayout(self) -> None:
        """Measure the rows again: a corrected text may wrap to more or fewer lines."""
        self.scheduleDelayedItemsLayout()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # The delegate asks for speaker labels and "corrected" as it paints: measure and paint
        # again, since a translated label may wrap differently.
        if event.type() == QEvent.Type.LanguageChange:
            self.relayout()
            self.viewport().update()
        super().changeEvent(event)


class SplitWarning(QFrame):
    """ "Speakers may be mixed up": shown over a mono transcript whose split is doubtful."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SplitWarning")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#SplitWarning { background: #fff4ce; border: 1px solid #e0c060; }")
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16)
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.swap_button = QPushButton(self)
        self.swap_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setFlat(True)
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Voices still "A"/"B": the reviewer says which is the consultant instead.
        self.a_button = QPushButton(self)
        self.a_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.b_button = QPushButton(self)
        self.b_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._roles_unknown = False
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(icon)
        row.addWidget(self.label, 1)
        row.addWidget(self.swap_button)
        row.addWidget(self.confirm_button)
        row.addWidget(self.a_button)
        row.addWidget(self.b_button)
        self.set_roles_unknown(False)

    def set_roles_unknown(self, unknown: bool) -> None:
        """Offer "Speaker A/B is the consultant" (roles unknown) or swap / confirm."""
        self._roles_unknown = unknown
        self.swap_button.setVisible(not unknown)
        self.confirm_button.setVisible(not unknown)
        self.a_button.setVisible(unknown)
        self.b_button.setVisible(unknown)
        self.retranslate()

    def retranslate(self) -> None:
        if self._roles_unknown:
            self.label.setText(
                self.tr("Which speaker is the consultant? Listen to the start and choose.")
            )
        else:
            self.label.setText(self.tr("Speakers may be mixed up — check and swap if needed."))
        self.label.setToolTip(
            self.tr(
                "This mono call was split into two voices automatically and the split, or "
                "which voice is the consultant, is doubtful."
            )
        )
        self.swap_button.setText(self.tr("Swap speakers"))
        self.confirm_button.setText(self.tr("Speakers are right"))
        self.a_button.setText(self.tr("Speaker A is the consultant"))
        self.b_button.setText(self.tr("Speaker B is the consultant"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
