"""The chat pane of the review workspace: bubbles with times, day separators and late answers.

A chat has no recording, so the workspace hides the player and shows this instead. It still
talks to the one `PlaybackController`: a click on a message "seeks" to its offset (the player
keeps a seek it cannot apply), so Ctrl+E stores that message's time as evidence, and an
evidence chip scrolls back to it. Late answers are measured as the metrics measure them
(``domain.metrics.response_waits``, working hours included): the first answer against the
template's ``first_response_time`` limit, later ones against ``response_time_max``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.metrics import response_waits
from qcdesk.domain.working_hours import WorkingHours
from qcdesk.playback import PlaybackController
from qcdesk.qtmodels.labels import minutes_text
from qcdesk.qtmodels.transcript import format_time
from qcdesk.services.dto import Segment, TranscriptInfo

DEFAULT_SLA = 15 * 60.0  # seconds, when the template sets no response-time limit
ItemRole = Qt.ItemDataRole.UserRole + 1  # the ChatItem
_Index = QModelIndex | QPersistentModelIndex
_MARKER_RE = re.compile(r"\[(?:фото|видео|видеосообщение|голосовое|стикер[^\]]*|GIF|контакт"
                        r"|геопозиция|медиафайл|сообщение удалено|изменено|файл[^\]]*|аудио[^\]]*"
                        r"|опрос[^\]]*|переслано[^\]]*)\]")  # fmt: skip
COLOURS = {"consultant": "#e3effa", "client": "#f4f1ea", "late": "#c62828", "gap": "#fdecea"}
SPEAKER_COLOURS = {"consultant": "#1f6fb2", "client": "#b5651d"}


def sla_limits(template: ChecklistTemplate | None) -> tuple[float, float]:
    """(first answer, any answer) limits in seconds from the template's response criteria."""
    found: dict[str, float] = {}
    for c in template.criteria() if template is not None else ():
        auto = c.extra.get("auto")
        if isinstance(auto, dict) and isinstance(auto.get("max"), int | float):
            found.setdefault(str(auto.get("metric")), float(auto["max"]))
    first = found.get("first_response_time", found.get("response_time_max", DEFAULT_SLA))
    return first, found.get("response_time_max", found.get("first_response_time", DEFAULT_SLA))


@dataclass(frozen=True)
class ChatItem:
    """One row: a day separator, a late-answer band, or a message."""

    kind: str  # "day" / "gap" / "message"
    segment: int = -1  # index into the transcript for messages
    when: datetime | None = None  # wall-clock time of the message, when the start is known
    day: date | None = None
    wait: float | None = None  # gap rows and late answers: the customer's wait (seconds)
    limit: float | None = None  # the limit that wait broke


class ChatModel(QAbstractListModel):
    """Messages in order, with a separator when the day changes and a band before late answers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._segments: tuple[Segment, ...] = ()
        self._items: list[ChatItem] = []
        self._current = -1
        self.late: list[ChatItem] = []  # the late answers, for tests and the summary

    def set_chat(
        self,
        transcript: TranscriptInfo | None,
        started_at: datetime | None,
        hours: WorkingHours | None = None,
        limits: tuple[float, float] = (DEFAULT_SLA, DEFAULT_SLA),
    ) -> None:
        """Show *transcript*; *hours* unplaced (they are placed at *started_at* here)."""
        self.beginResetModel()
        segs = (
            () if transcript is None else tuple(sorted(transcript.segments, key=lambda s: s.start))
        )
        self._segments = segs
        placed = hours.placed(started_at) if hours is not None and started_at else None
        waits, _ = response_waits(segs, placed)
        late: dict[int, tuple[float, float]] = {}
        for k, r in enumerate(waits):
            broken = limits[0] if k == 0 else limits[1]
            if r.wait > broken:
                late[r.answered] = (r.wait, broken)
        self._items, self.late = [], []
        last_day: date | None = None
        for i, seg in enumerate(segs):
            when = started_at + timedelta(seconds=seg.start) if started_at else None
            if when is not None and when.date() != last_day:
                last_day = when.date()
                self._items.append(ChatItem("day", day=last_day))
            wait: float | None = None
            limit: float | None = None
            if i in late:
                wait, limit = late[i]
            if wait is not None:
                self._items.append(ChatItem("gap", segment=i, wait=wait, limit=limit))
            item = ChatItem("message", segment=i, when=when, wait=wait, limit=limit)
            self._items.append(item)
            if wait is not None:
                self.late.append(item)
        self._current = -1
        self.endResetModel()

    def retranslate(self) -> None:
        """Ask the view for the day and late-answer bands again (made in data())."""
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def segment(self, item: ChatItem) -> Segment:
        return self._segments[item.segment]

    def row_at(self, seconds: float) -> int:
        """The message row shown for a time: the last message at or before it."""
        best = -1
        for row, item in enumerate(self._items):
            if item.kind == "message" and self._segments[item.segment].start <= seconds + 1e-6:
                best = row
        return best

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ItemRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if item.kind == "message":
                return self._segments[item.segment].text
            return day_text(item.day) if item.kind == "day" else gap_text(item)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._items[index.row()].kind == "message":
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled


def day_text(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy, dddd")


def gap_text(item: ChatItem) -> str:
    return (
        QCoreApplication.translate("ChatView", "Answered after %1, longer than the limit of %2")
        .replace("%1", minutes_text(item.wait or 0))
        .replace("%2", minutes_text(item.limit or 0))
    )


def speaker_label(speaker: str) -> str:
    # Spelled out in full: lupdate does not follow an alias of QCoreApplication.translate.
    if speaker == "consultant":
        return QCoreApplication.translate("ChatView", "Consultant")
    if speaker == "client":
        return QCoreApplication.translate("ChatView", "Client")
    return speaker


class BubbleDelegate(QStyledItemDelegate):
    """Paints messages as bubbles (customer left, consultant right) and the bands between."""

    PAD, GAP, RADIUS = 8, 6, 8

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _bubble_width(self) -> int:
        return max(160, int(self._view.viewport().width() * 0.72))

    def _document(
        self, model: ChatModel, item: ChatItem, option: QStyleOptionViewItem
    ) -> QTextDocument:
        seg = model.segment(item)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setTextWidth(self._bubble_width() - 2 * self.PAD)
        cur = QTextCursor(doc)
        head = QTextCharFormat()
        head.setFontWeight(700)
        head.setForeground(QColor(SPEAKER_COLOURS.get(seg.speaker, "#555555")))
        cur.insertText(speaker_label(seg.speaker), head)
        when = QTextCharFormat()
        when.setForeground(option.palette.color(QPalette.ColorRole.PlaceholderText))
        stamp = item.when.strftime("%H:%M") if item.when else format_time(seg.start)
        cur.insertText(f"   {stamp}", when)
        cur.insertBlock()
        plain = QTextCharFormat()
        plain.setForeground(option.palette.color(QPalette.ColorRole.Text))
        marker = QTextCharFormat()
        marker.setFontItalic(True)
        marker.setForeground(QColor("#6b6b6b"))
        pos = 0
        for m in _MARKER_RE.finditer(seg.text):
            cur.insertText(seg.text[pos : m.start()], plain)
            cur.insertText(m.group(), marker)
            pos = m.end()
        cur.insertText(seg.text[pos:], plain)
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        item: ChatItem = index.data(ItemRole)
        if item.kind != "message":
            return QSize(self._view.viewport().width(), option.fontMetrics.height() + 14)
        doc = self._document(index.model(), item, option)  # type: ignore[arg-type]
        return QSize(self._bubble_width(), int(doc.size().height()) + 2 * self.PAD + self.GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        item: ChatItem = index.data(ItemRole)
        rect: QRect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if item.kind == "day":
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, index.data())
        elif item.kind == "gap":
            band = rect.adjusted(4, 3, -4, -3)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(COLOURS["gap"]))
            painter.drawRoundedRect(band, 4, 4)
            painter.setPen(QColor(COLOURS["late"]))
            painter.drawText(band, Qt.AlignmentFlag.AlignCenter, index.data())
        else:
            model: ChatModel = index.model()  # type: ignore[assignment]
            seg = model.segment(item)
            doc = self._document(model, item, option)
            w = int(doc.idealWidth()) + 2 * self.PAD
            w = max(min(self._bubble_width(), w), 120)
            h = rect.height() - self.GAP
            x = rect.right() - w - 8 if seg.speaker == "consultant" else rect.left() + 8
            bubble = QRect(x, rect.top() + self.GAP // 2, w, h)
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            painter.setBrush(QColor(COLOURS.get(seg.speaker, "#eeeeee")))
            if item.wait is not None:
                painter.setPen(QColor(COLOURS["late"]))
            elif selected:
                painter.setPen(option.palette.color(QPalette.ColorRole.Highlight))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(bubble, self.RADIUS, self.RADIUS)
            painter.translate(bubble.left() + self.PAD, bubble.top() + self.PAD)
            doc.drawContents(painter)
        painter.restore()


class ChatView(QWidget):
    """A summary line over the list of bubbles; follows and drives the playback clock."""

    def __init__(self, controller: PlaybackController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.model = ChatModel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(BubbleDelegate(self.view))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.view.clicked.connect(self._on_view_clicked)
        controller.position_changed.connect(self._on_controller_position_changed)
        self._counts = (0, 0)  # client, consultant messages
        self._limits = (DEFAULT_SLA, DEFAULT_SLA)
        self._hours: WorkingHours | None = None

    def set_chat(
        self,
        transcript: TranscriptInfo | None,
        started_at: datetime | None,
        hours: WorkingHours | None = None,
        template: ChecklistTemplate | None = None,
    ) -> None:
        self._limits, self._hours = sla_limits(template), hours
        self.model.set_chat(transcript, started_at, hours, self._limits)
        segs = transcript.segments if transcript else ()
        self._counts = (
            sum(1 for s in segs if s.speaker == "client"),
            sum(1 for s in segs if s.speaker == "consultant"),
        )
        self.retranslate()

    def retranslate(self) -> None:
        """The summary line and the bands between bubbles, in the current language."""
        n_client, n_cons = self._counts
        limits = self._limits
        text = self.tr("Messages: client %1, consultant %2").replace("%1", str(n_client))
        text = text.replace("%2", str(n_cons))
        if self.model.late:
            text += " · " + self.tr("%n late answer(s)", "", len(self.model.late))
        text += " · " + self.tr("limits: first answer %1, any answer %2").replace(
            "%1", minutes_text(limits[0])
        ).replace("%2", minutes_text(limits[1]))
        if self._hours is not None:
            text += " · " + self.tr("working hours only")
        self.summary.setText(text)
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        item: ChatItem = index.data(ItemRole)
        if item is not None and item.kind == "message":
            self._controller.seek(round(self.model.segment(item).start * 1000))

    def _on_controller_position_changed(self, ms: int) -> None:
        if not self.isVisible():
            return  # a call is playing; the chat of an earlier interaction is not shown
        row = self.model.row_at(ms / 1000)
        if row < 0:
            return
        index = self.model.index(row, 0)
        if self.view.currentIndex() != index:
            self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
