"""Which frames are speech: the energy VAD on closed-form profiles, Silero's chunks as frames."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from qcdesk.audio.decode import decode, split_channels
from qcdesk.audio.vad import (
    chunk_mask,
    energy_speech,
    fill_runs,
    resample_linear,
    silero_speech,
    speech_frames,
)

T, F = True, False


def test_fill_runs_closes_interior_gaps_and_drops_short_bursts() -> None:
    mask = np.array([T, T, F, F, T, T])
    np.testing.assert_array_equal(fill_runs(mask, value=False, shorter_than=3), [T] * 6)
    np.testing.assert_array_equal(fill_runs(mask, value=False, shorter_than=2), mask)
    edge = np.array([F, T, T])  # a gap at the edge is not between two sounds
    np.testing.assert_array_equal(fill_runs(edge, value=False, shorter_than=5), edge)
    burst = np.array([T, F, F, F])  # a burst is dropped wherever it is
    np.testing.assert_array_equal(fill_runs(burst, value=True, shorter_than=2), [F] * 4)
    assert len(fill_runs(np.zeros(0, bool), value=True, shorter_than=3)) == 0


def test_energy_vad_keeps_exactly_the_loud_stretch() -> None:
    """Floor -80 dB (10th percentile), peak -20 dB (95th): the threshold is -80 + 0.35 * 60."""
    energy = np.r_[np.full(100, -80.0), np.full(50, -20.0), np.full(100, -80.0)]
    np.testing.assert_array_equal(np.flatnonzero(energy_speech(energy)), np.arange(100, 150))
    near = energy.copy()
    near[120] = -60.0  # below -59 dB: a 10 ms dip inside speech is closed again
    np.testing.assert_array_equal(energy_speech(near), energy_speech(energy))


def test_energy_vad_hears_nothing_in_silence_or_a_flat_hum() -> None:
    assert not energy_speech(np.full(200, -100.0)).any()
    assert not energy_speech(np.full(200, -30.0)).any()  # 0 dB of dynamic range


def test_chunks_become_the_frames_whose_centre_they_hold() -> None:
    # Frame i is centred at 0.01 i + 0.02 s: 0.11 .. 0.20 s are frames 9 .. 18.
    mask = chunk_mask([(0.105, 0.205)], 30)
    np.testing.assert_array_equal(np.flatnonzero(mask), np.arange(9, 19))
    assert not chunk_mask([], 30).any()


def test_linear_resampling_interpolates_between_samples() -> None:
    np.testing.assert_allclose(
        resample_linear(np.arange(4, dtype=np.float32), 1, 2),
        [0, 0.5, 1, 1.5, 2, 2.5, 3, 3],
    )
    same = np.ones(3, np.float32)
    assert resample_linear(same, 16000, 16000) is same


def test_silero_hears_no_speech_in_silence() -> None:
    assert not silero_speech(np.zeros(32000, np.float32), 16000, 196).any()


def test_silero_gates_the_energy_vad_on_a_real_call(shared_data: Path) -> None:
    audio = decode(shared_data / "synthetic" / "call_8k_mono.wav", sample_rate=16000)
    x = split_channels(audio)[0].astype(np.float32) / 32768.0
    n = (len(x) - 640) // 160 + 1
    energy = np.full(n, -90.0)
    loud = np.abs(x[: n * 160]).reshape(n, 160).max(1) > 0.02
    energy[loud] = -20.0
    silero = silero_speech(x, 16000, n)
    both = speech_frames(x, 16000, energy)
    assert 0.3 < silero.mean() < 0.98  # a call: mostly speech, with pauses
    np.testing.assert_array_equal(both, silero & energy_speech(energy))
    np.testing.assert_array_equal(speech_frames(x, 16000, energy, "energy"), energy_speech(energy))
