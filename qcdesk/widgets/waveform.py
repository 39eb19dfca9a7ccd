"""The waveform strip: min/max peaks per channel, a playhead, and click/drag to seek.

Peaks are data computed elsewhere (a job over ``InteractionService.peaks``); this widget
only paints them. The traced outline is cached per size so that moving the playhead ten
times a second costs one pixmap blit and a line.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRect, Qt, Slot
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from qcdesk.playback import PlaybackController
from qcdesk.qtmodels.transcript import format_time

LANE_COLOURS = {"consultant": QColor("#1f6fb2"), "client": QColor("#b5651d")}
MONO_COLOUR = QColor("#3d7a5a")


def column_peaks(peaks: np.ndarray, width: int) -> np.ndarray:
    """Reduce (channels, buckets, 2) peaks to (channels, width, 2) min/max per pixel column."""
    channels, buckets, _ = peaks.shape
    if width <= 0 or buckets == 0:
        return np.zeros((channels, max(width, 0), 2), dtype=np.float32)
    edges = np.linspace(0, buckets, width + 1).astype(int)
    starts = np.minimum(edges[:-1], buckets - 1)
    out = np.empty((channels, width, 2), dtype=np.float32)
    # reduceat over bucket runs; a pixel wider than a bucket reuses its bucket's value.
    out[:, :, 0] = np.minimum.reduceat(peaks[:, :, 0], starts, axis=1)
    out[:, :, 1] = np.maximum.reduceat(peaks[:, :, 1], starts, axis=1)
    return out


class WaveformView(QWidget):
    """Paints one lane per channel, labelled consultant/client on stereo recordings."""

    def __init__(self, controller: PlaybackController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._peaks: np.ndarray | None = None
        self._message = ""
        self._duration_ms = 0
        self._position_ms = 0
        self._consultant_channel = "left"
        self._cache: QPixmap | None = None
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # A click seeks; keyboard focus stays with the checklist form.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click or drag to move the playhead"))
        controller.position_changed.connect(self._on_controller_position_changed)
        controller.duration_changed.connect(self._on_controller_duration_changed)

    # -- state ------------------------------------------------------------------------------

    def show_computing(self) -> None:
        """Say the peaks are on their way (the job may take a second on long calls)."""
        self._peaks = None
        self._message = self.tr("Computing waveform…")
        self._invalidate()

    def show_message(self, text: str) -> None:
        """Show *text* instead of a waveform (no recording, or peaks failed)."""
        self._peaks = None
        self._message = text
        self._invalidate()

    def set_peaks(self, peaks: np.ndarray, duration_s: float | None = None) -> None:
        if peaks.ndim != 3 or peaks.shape[2] != 2:
            raise ValueError(f"peaks must be (channels, buckets, 2), got {peaks.shape}")
        self._peaks = peaks
        self._message = ""
        if duration_s is not None and duration_s > 0 and self._duration_ms <= 0:
            self._duration_ms = round(duration_s * 1000)
        self._invalidate()

    def set_duration(self, ms: int) -> None:
        self._duration_ms = max(0, int(ms))
        self.update()

    def set_consultant_channel(self, channel: str) -> None:
        self._consultant_channel = channel
        self._invalidate()

    def has_peaks(self) -> bool:
        return self._peaks is not None

    def message(self) -> str:
        return self._message

    def lane_labels(self) -> list[str]:
        """Labels of the lanes from top to bottom (left channel first)."""
        if self._peaks is None:
            return []
        if self._peaks.shape[0] == 1:
            return [""]
        left = self._consultant_channel == "left"
        consultant, client = self.tr("Consultant"), self.tr("Client")
        return [consultant, client] if left else [client, consultant]

    def _lane_colours(self) -> list[QColor]:
        assert self._peaks is not None
        if self._peaks.shape[0] == 1:
            return [MONO_COLOUR]
        c, k = LANE_COLOURS["consultant"], LANE_COLOURS["client"]
        return [c, k] if self._consultant_channel == "left" else [k, c]

    def _invalidate(self) -> None:
        self._cache = None
        self.update()

    # -- geometry ---------------------------------------------------------------------------

    def x_for_ms(self, ms: int) -> int:
        if self._duration_ms <= 0:
            return 0
        return round(ms / self._duration_ms * (self.width() - 1))

    def ms_for_x(self, x: float) -> int:
        if self._duration_ms <= 0 or self.width() <= 1:
            return 0
        frac = min(1.0, max(0.0, x / (self.width() - 1)))
        return round(frac * self._duration_ms)

    # -- painting ---------------------------------------------------------------------------

    def _render(self) -> QPixmap:
        assert self._peaks is not None
        dpr = self.devicePixelRatioF()
        pm = QPixmap(int(self.width() * dpr), int(self.height() * dpr))
        pm.setDevicePixelRatio(dpr)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        w = self.width()
        cols = column_peaks(self._peaks, w)
        lanes = cols.shape[0]
        lane_h = self.height() / lanes
        xs = np.arange(w, dtype=np.float64)
        for lane, colour in enumerate(self._lane_colours()):
            mid = lane_h * (lane + 0.5)
            half = lane_h * 0.45
            top = mid - np.clip(cols[lane, :, 1], 0.0, 1.0) * half
            bottom = mid - np.clip(cols[lane, :, 0], -1.0, 0.0) * half
            outline = [QPointF(x, y) for x, y in zip(xs, top, strict=True)]
            outline += [QPointF(x, y) for x, y in zip(xs[::-1], bottom[::-1], strict=True)]
            fill = QColor(colour)
            fill.setAlpha(170)
            p.setPen(QPen(colour, 0.8))
            p.setBrush(fill)
            p.drawPolygon(QPolygonF(outline))
            if lane:
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
                p.drawLine(0, round(lane_h * lane), w, round(lane_h * lane))
        p.end()
        return pm

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if self._peaks is None:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._message)
            p.end()
            return
        if self._cache is None or self._cache.deviceIndependentSize().toSize() != self.size():
            self._cache = self._render()
        p.drawPixmap(0, 0, self._cache)
        x = self.x_for_ms(self._position_ms)
        played = QColor(pal.color(QPalette.ColorRole.Highlight))
        played.setAlpha(35)
        p.fillRect(QRect(0, 0, x, self.height()), played)
        lanes = self._peaks.shape[0]
        lane_h = self.height() / lanes
        p.setPen(pal.color(QPalette.ColorRole.Text))
        for lane, label in enumerate(self.lane_labels()):
            if label:
                p.drawText(
                    QRect(6, round(lane_h * lane) + 2, 200, 18), Qt.AlignmentFlag.AlignLeft, label
                )
        if self._duration_ms > 0:
            stamp = format_time(self._duration_ms / 1000)
            p.drawText(
                self.rect().adjusted(0, 2, -6, 0),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                stamp,
            )
        p.setPen(QPen(QColor("#d32f2f"), 2))
        p.drawLine(x, 0, x, self.height())
        p.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._cache = None
        super().resizeEvent(event)

    # -- input ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._duration_ms > 0:
            self._controller.seek(self.ms_for_x(event.position().x()))
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self._duration_ms > 0:
            self._controller.seek(self.ms_for_x(event.position().x()))
            event.accept()
        else:
            super().mouseMoveEvent(event)

    @Slot(int)
    def _on_controller_position_changed(self, ms: int) -> None:
        old = self.x_for_ms(self._position_ms)
        self._position_ms = ms
        new = self.x_for_ms(ms)
        if old != new:
            self.update()

    @Slot(int)
    def _on_controller_duration_changed(self, ms: int) -> None:
        self.set_duration(ms)

    def position_ms(self) -> int:
        return self._position_ms
