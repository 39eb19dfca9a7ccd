"""A list model over a transcript's segments, with the segment and word being played.

The model stays an adapter over values: a corrected text goes through `commit_text`, a
callback the transcript pane sets to its service call, and the stored segment comes back.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from qcdesk.services.dto import Segment, TranscriptInfo

SpeakerRole = Qt.ItemDataRole.UserRole + 1  # raw speaker id: consultant / client / A / B
SpeakerLabelRole = Qt.ItemDataRole.UserRole + 2  # translated label
StartRole = Qt.ItemDataRole.UserRole + 3  # seconds
EndRole = Qt.ItemDataRole.UserRole + 4
SegmentRole = Qt.ItemDataRole.UserRole + 5  # the Segment value
CurrentRole = Qt.ItemDataRole.UserRole + 6  # bool: being played
CurrentWordRole = Qt.ItemDataRole.UserRole + 7  # index into Segment.words, -1 for none
MatchRole = Qt.ItemDataRole.UserRole + 8  # the find text when this segment matches, else ""
EditedRole = Qt.ItemDataRole.UserRole + 9  # bool: a reviewer corrected the text or speaker

_Index = QModelIndex | QPersistentModelIndex


def format_time(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for labels; never negative."""
    total = max(0, int(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TranscriptModel(QAbstractListModel):
    """One row per segment; `set_position` moves the "current" highlight as audio plays.

    Segments may overlap (people talk over each other); the current one is the latest
    started segment that contains the position, so the highlight never jumps backwards
    into a long segment that began earlier.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._segments: tuple[Segment, ...] = ()
        self._sources: list[int] = []  # each row's position in TranscriptInfo.segments
        self._starts: list[float] = []
        # Saves a corrected text of (row, text) and returns the stored segment, or None when
        # it was not saved; None here makes the model read-only.
        self.commit_text: Callable[[int, str], Segment | None] | None = None
        self._current = -1
        self._current_word = -1
        self._find = ""

    # -- content ----------------------------------------------------------------------------

    def set_transcript(self, transcript: TranscriptInfo | None) -> None:
        self.beginResetModel()
        segs = () if transcript is None else transcript.segments
        self._sources = sorted(range(len(segs)), key=lambda i: (segs[i].start, segs[i].end))
        self._segments = tuple(segs[i] for i in self._sources)
        self._starts = [s.start for s in self._segments]
        self._current = -1
        self._current_word = -1
        self.endResetModel()

    def update_transcript(self, transcript: TranscriptInfo | None) -> None:
        """Show a corrected version of the same transcript without a reset.

        When the segments keep their times (corrections never move them) the rows are
        updated in place, so the scroll position, selection and highlight stay; anything
        else is a new transcript and resets the model.
        """
        segs = () if transcript is None else transcript.segments
        if len(segs) != len(self._segments) or any(
            (segs[src].start, segs[src].end) != (old.start, old.end)
            for src, old in zip(self._sources, self._segments, strict=True)
        ):
            self.set_transcript(transcript)
            return
        self._segments = tuple(segs[i] for i in self._sources)
        if self._segments:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._segments) - 1, 0))

    def replace_segment(self, row: int, segment: Segment) -> None:
        """Show the stored version of one corrected segment."""
        segs = list(self._segments)
        segs[row] = segment
        self._segments = tuple(segs)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def segment(self, row: int) -> Segment:
        return self._segments[row]

    def source_index(self, row: int) -> int:
        """The segment's position in the `TranscriptInfo` (its stored index)."""
        return self._sources[row]

    def speaker_label(self, speaker: str) -> str:
        if speaker == "consultant":
            return self.tr("Consultant")
        if speaker == "client":
            return self.tr("Client")
        return self.tr("Speaker {name}").format(name=speaker)

    # -- playback position ------------------------------------------------------------------

    def current_row(self) -> int:
        return self._current

    def current_word(self) -> int:
        return self._current_word

    def row_at(self, seconds: float) -> int:
        """The latest started segment containing *seconds*, or -1 between segments."""
        i = bisect.bisect_right(self._starts, seconds) - 1
        # An earlier, longer segment may still contain the position (overlap); a few
        # steps back is enough for real conversations and keeps this O(log n).
        for j in range(i, max(-1, i - 8), -1):
            seg = self._segments[j]
            if seg.start <= seconds < seg.end or seg.start == seg.end == seconds:
                return j
        return -1

    def set_position(self, ms: int) -> None:
        """Move the current segment/word to *ms*; emits dataChanged only for rows that change."""
        t = ms / 1000.0
        row = self.row_at(t)
        word = -1
        if row >= 0:
            for k, w in enumerate(self._segments[row].words):
                if w.start <= t < w.end:
                    word = k
                    break
        if row == self._current and word == self._current_word:
            return
        old = self._current
        self._current, self._current_word = row, word
        roles = [CurrentRole, CurrentWordRole]
        for r in {old, row}:
            if r >= 0:
                idx = self.index(r, 0)
                self.dataChanged.emit(idx, idx, roles)

    # -- find -------------------------------------------------------------------------------

    def set_find_text(self, text: str) -> list[tuple[int, int]]:
        """Highlight *text* (case-insensitive) and return its occurrences (see `matches`)."""
        self._find = text
        if self._segments:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._segments) - 1, 0),
                [MatchRole],
            )
        return self.matches(text)

    def matches(self, text: str) -> list[tuple[int, int]]:
        """Every occurrence of *text* as (row, character offset), in reading order."""
        needle = text.strip().lower()
        if not needle:
            return []
        found: list[tuple[int, int]] = []
        for row, seg in enumerate(self._segments):
            hay = seg.text.lower()
            k = hay.find(needle)
            while k >= 0:
                found.append((row, k))
                k = hay.find(needle, k + len(needle))
        return found

    # -- QAbstractListModel -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._segments)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.commit_text is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save a corrected text through `commit_text`; True when the stored text changed."""
        if (
            role != Qt.ItemDataRole.EditRole
            or self.commit_text is None
            or not index.isValid()
            or not 0 <= index.row() < len(self._segments)
        ):
            return False
        row = index.row()
        old = self._segments[row]
        if not isinstance(value, str) or " ".join(value.split()) == old.text:
            return False
        stored = self.commit_text(row, value)
        if stored is None:
            return False
        self.replace_segment(row, stored)
        return stored.text != old.text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._segments) or index.column():
            return None
        row = index.row()
        seg = self._segments[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return seg.text
        if role == Qt.ItemDataRole.ToolTipRole:
            span = f"{format_time(seg.start)}–{format_time(seg.end)}"
            corrected = self.tr("corrected by a reviewer")  # outside the f-string for lupdate
            return f"{span} · {corrected}" if seg.edited else span
        if role == EditedRole:
            return seg.edited
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.speaker_label(seg.speaker)}, {format_time(seg.start)}: {seg.text}"
        if role == SpeakerRole:
            return seg.speaker
        if role == SpeakerLabelRole:
            return self.speaker_label(seg.speaker)
        if role == StartRole:
            return seg.start
        if role == EndRole:
            return seg.end
        if role == SegmentRole:
            return seg
        if role == CurrentRole:
            return row == self._current
        if role == CurrentWordRole:
            return self._current_word if row == self._current else -1
        if role == MatchRole:
            needle = self._find.strip()
            return needle if needle and needle.lower() in seg.text.lower() else ""
        return None
