"""The one owner of audio playback: waveform, transcript and transport talk only to it.

Kept apart from every widget (Picard's ``Player``), so that the playhead, the transcript
highlight and the evidence timestamps all read one clock, and so that tests can drive
playback without building a window. QMediaPlayer's FFmpeg backend advances its position
even when the machine has no audio device, so this works offscreen too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

MIN_RATE = 0.5
MAX_RATE = 2.0
RATES = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
SKIP_MS = 5000


class PlaybackController(QObject):
    """Plays one recording at a time and reports position, duration, state and speed.

    Seeks asked for before the media has loaded are remembered and applied once it has,
    because QMediaPlayer ignores ``setPosition`` while it is still opening the file.
    """

    position_changed = Signal(int)  # ms
    duration_changed = Signal(int)  # ms
    state_changed = Signal(bool)  # playing
    rate_changed = Signal(float)
    error = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._player.setAudioOutput(self._output)
        # Reviewers speed calls up; without pitch compensation 1.5x sounds like cartoons.
        self.pitch_compensated = (
            self._player.pitchCompensationAvailability()
            != QMediaPlayer.PitchCompensationAvailability.Unavailable
        )
        if self.pitch_compensated:
            self._player.setPitchCompensation(True)
        self._path: Path | None = None
        self._pending_seek: int | None = None
        self._player.positionChanged.connect(self._on_player_position_changed)
        self._player.durationChanged.connect(self._on_player_duration_changed)
        self._player.playbackStateChanged.connect(self._on_player_playback_state_changed)
        self._player.mediaStatusChanged.connect(self._on_player_media_status_changed)
        self._player.errorOccurred.connect(self._on_player_error_occurred)

    # -- commands ---------------------------------------------------------------------------

    def load(self, path: str | Path | None) -> None:
        """Open *path* (paused at 0); ``None`` unloads the current recording."""
        # stop() and pause() only when needed: on a player that never played they start the
        # audio pipeline, whose worker thread logs "no audio device" while stop() waits on
        # it; with a Python Qt message handler installed (pytest-qt, a logging hook) that
        # wait can deadlock on the GIL.
        if self._player.playbackState() != QMediaPlayer.PlaybackState.StoppedState:
            self._player.stop()
        self._pending_seek = None
        self._path = None if path is None else Path(path)
        self._player.setSource(QUrl() if path is None else QUrl.fromLocalFile(str(path)))
        self.position_changed.emit(0)

    def play(self) -> None:
        if self._path is not None:
            self._player.play()

    def pause(self) -> None:
        if self.is_playing():
            self._player.pause()

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        """Move to *ms*, clamped to the recording."""
        ms = max(0, int(ms))
        duration = self._player.duration()
        if duration > 0:
            ms = min(ms, duration)
        if self._player.mediaStatus() in (
            QMediaPlayer.MediaStatus.NoMedia,
            QMediaPlayer.MediaStatus.LoadingMedia,
        ):
            self._pending_seek = ms
        else:
            self._player.setPosition(ms)
        # Tell listeners at once: a paused player does not always report the new position.
        self.position_changed.emit(ms)

    def skip(self, delta_ms: int = SKIP_MS) -> None:
        """Jump forward (positive) or back (negative) from the current position."""
        self.seek(self.position() + int(delta_ms))

    def set_rate(self, rate: float) -> None:
        """Set the speed, clamped to 0.5x..2x; pitch stays natural where the backend can."""
        rate = min(MAX_RATE, max(MIN_RATE, float(rate)))
        if abs(rate - self._player.playbackRate()) > 1e-6:
            self._player.setPlaybackRate(rate)
            self.rate_changed.emit(rate)

    def set_volume(self, volume: float) -> None:
        self._output.setVolume(min(1.0, max(0.0, float(volume))))

    def slower(self) -> None:
        """Step down to the next lower preset speed."""
        lower = [r for r in RATES if r < self.rate() - 1e-6]
        self.set_rate(lower[-1] if lower else MIN_RATE)

    def faster(self) -> None:
        """Step up to the next higher preset speed."""
        higher = [r for r in RATES if r > self.rate() + 1e-6]
        self.set_rate(higher[0] if higher else MAX_RATE)

    # -- queries ----------------------------------------------------------------------------

    def position(self) -> int:
        if self._pending_seek is not None:
            return self._pending_seek
        return int(self._player.position())

    def duration(self) -> int:
        return int(self._player.duration())

    def rate(self) -> float:
        return float(self._player.playbackRate())

    def volume(self) -> float:
        return float(self._output.volume())

    def is_playing(self) -> bool:
        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def path(self) -> Path | None:
        return self._path

    # -- player signals ---------------------------------------------------------------------

    @Slot("qint64")
    def _on_player_position_changed(self, ms: int) -> None:
        if self._pending_seek is None:
            self.position_changed.emit(int(ms))

    @Slot("qint64")
    def _on_player_duration_changed(self, ms: int) -> None:
        self.duration_changed.emit(int(ms))

    @Slot(QMediaPlayer.PlaybackState)
    def _on_player_playback_state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        self.state_changed.emit(state == QMediaPlayer.PlaybackState.PlayingState)

    @Slot(QMediaPlayer.MediaStatus)
    def _on_player_media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._pending_seek is not None:
            ms, self._pending_seek = self._pending_seek, None
            self._player.setPosition(ms)
            self.position_changed.emit(ms)
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._pending_seek = None

    @Slot(QMediaPlayer.Error, str)
    def _on_player_error_occurred(self, err: QMediaPlayer.Error, text: str) -> None:
        if err == QMediaPlayer.Error.NoError:
            return
        path = str(self._path) if self._path is not None else ""
        self.error.emit(self.tr("Cannot play {path}: {detail}").format(path=path, detail=text))
