"""PlaybackController plays the real stereo call offscreen: position, seek, speed, errors."""

from __future__ import annotations

import time
import wave
from pathlib import Path

import pytest

from qcdesk.playback import MAX_RATE, MIN_RATE, PlaybackController

# no_qt_log: pytest-qt's Python message handler needs the GIL; QMediaPlayer.stop() holds it
# while waiting for the FFmpeg audio thread, which may log at that moment: a deadlock.
pytestmark = [pytest.mark.gui, pytest.mark.no_qt_log]


def wav_ms(path: Path) -> int:
    with wave.open(str(path)) as w:
        return round(w.getnframes() / w.getframerate() * 1000)


@pytest.fixture
def player(qtbot, stereo_wav: Path) -> PlaybackController:
    c = PlaybackController()
    c.load(stereo_wav)
    qtbot.waitUntil(lambda: c.duration() > 0, timeout=5000)
    yield c
    c.pause()
    c.load(None)


def test_duration_matches_the_file(player: PlaybackController, stereo_wav: Path) -> None:
    assert abs(player.duration() - wav_ms(stereo_wav)) <= 50
    assert player.path() == stereo_wav
    assert not player.is_playing()


def test_plays_and_position_advances(qtbot, player: PlaybackController) -> None:
    positions: list[int] = []
    player.position_changed.connect(positions.append)
    with qtbot.waitSignal(player.state_changed, timeout=3000) as blocker:
        player.play()
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: player.position() > 400, timeout=5000)
    assert player.is_playing()
    assert positions and max(positions) > 400
    with qtbot.waitSignal(player.state_changed, timeout=3000) as blocker:
        player.toggle()
    assert blocker.args == [False]
    stopped = player.position()
    qtbot.wait(300)
    assert abs(player.position() - stopped) < 50


def test_seek_lands_near_target_and_playing_continues_from_there(
    qtbot, player: PlaybackController
) -> None:
    target = player.duration() // 2
    with qtbot.waitSignal(player.position_changed, timeout=3000):
        player.seek(target)
    assert abs(player.position() - target) <= 100
    player.play()
    qtbot.waitUntil(lambda: player.position() > target + 200, timeout=5000)
    assert player.position() < target + 3000  # continued from the target, not from 0


def test_skip_and_seek_are_clamped(player: PlaybackController) -> None:
    player.seek(3000)
    player.skip(-5000)
    assert player.position() == 0
    player.skip(5000)
    assert abs(player.position() - 5000) <= 100
    player.seek(10 * player.duration())
    assert abs(player.position() - player.duration()) <= 100


def test_rate_change_keeps_playing_faster(qtbot, player: PlaybackController) -> None:
    player.play()
    qtbot.waitUntil(lambda: player.position() > 200, timeout=5000)
    with qtbot.waitSignal(player.rate_changed, timeout=1000) as blocker:
        player.set_rate(2.0)
    assert blocker.args == [2.0]
    assert player.rate() == 2.0
    qtbot.wait(200)
    p0, t0 = player.position(), time.monotonic()
    qtbot.waitUntil(lambda: player.position() > p0 + 1200, timeout=5000)
    elapsed_ms = (time.monotonic() - t0) * 1000
    assert player.is_playing()
    # At 2x the media clock outruns the wall clock; 1.3x leaves room for a busy machine.
    assert player.position() - p0 > 1.3 * elapsed_ms


def test_rate_is_clamped_and_stepped(player: PlaybackController) -> None:
    player.set_rate(9.0)
    assert player.rate() == MAX_RATE
    player.set_rate(0.01)
    assert player.rate() == MIN_RATE
    player.set_rate(1.0)
    player.faster()
    assert 1.0 < player.rate() <= 1.5
    player.slower()
    player.slower()
    assert player.rate() < 1.0


def test_pitch_compensation_is_on_where_available(player: PlaybackController) -> None:
    from PySide6.QtMultimedia import QMediaPlayer

    qp = player.findChild(QMediaPlayer)
    available = (
        qp.pitchCompensationAvailability() != QMediaPlayer.PitchCompensationAvailability.Unavailable
    )
    assert player.pitch_compensated == available


def test_volume_is_clamped(player: PlaybackController) -> None:
    player.set_volume(0.25)
    assert player.volume() == pytest.approx(0.25)
    player.set_volume(3)
    assert player.volume() == 1.0


def test_unreadable_file_reports_an_error_naming_it(qtbot, tmp_path: Path) -> None:
    bad = tmp_path / "broken call.wav"
    bad.write_bytes(b"this is not audio" * 100)
    c = PlaybackController()
    with qtbot.waitSignal(c.error, timeout=5000) as blocker:
        c.load(bad)
        c.play()
    assert str(bad) in blocker.args[0]
