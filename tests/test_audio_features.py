"""The speaker split's frame measurements, on inputs whose answer is known in closed form."""

from __future__ import annotations

import numpy as np
import pytest

from qcdesk.audio.features import (
    FRAME_S,
    HOP_S,
    N_MELS,
    analyse,
    mel_filterbank,
    mfcc,
    to_mono_float,
)


def test_to_mono_float_scales_int16_and_mixes_channels_down() -> None:
    np.testing.assert_array_equal(
        to_mono_float(np.array([-32768, 16384, 0], np.int16)), [-1.0, 0.5, 0.0]
    )
    stereo = np.array([[100, 300], [-200, 200]], np.int16)
    np.testing.assert_allclose(to_mono_float(stereo), [200 / 32768, 0.0])
    floats = np.array([0.25, -0.5], np.float32)
    assert to_mono_float(floats) is floats  # float input is not copied


def test_mel_filters_cover_the_telephone_band_only() -> None:
    sr, nfft = 8000, 1024
    fb = mel_filterbank(sr, nfft)
    freqs = np.fft.rfftfreq(nfft, 1.0 / sr)
    assert fb.shape == (N_MELS, len(freqs))
    assert not fb[:, freqs <= 200].any() and not fb[:, freqs >= 3800].any()
    assert fb.max() <= 1.0 and (fb.max(axis=1) > 0.5).all()  # triangles peak near 1
    centres = freqs[fb.argmax(axis=1)]
    assert (np.diff(centres) > 0).all()  # one band after another, upwards


@pytest.mark.parametrize("f0", [70.0, 95.0, 115.0])
def test_a_sine_has_its_pitch_and_full_voicing(f0: float) -> None:
    """Below 120 Hz at 8 kHz one period fits the lag range (2.5 to 16.6 ms), twice does not.

    (A perfectly periodic signal correlates as well at two periods as at one, so a higher
    pure tone has no single right answer.)
    """
    sr = 8000
    x = (0.5 * np.sin(2 * np.pi * f0 * np.arange(sr) / sr)).astype(np.float32)
    fr = analyse(x, sr)
    flen, hop = round(FRAME_S * sr), round(HOP_S * sr)
    assert len(fr.f0) == (len(x) - flen) // hop + 1
    np.testing.assert_allclose(fr.f0, f0, rtol=0.01)
    assert fr.voicing.min() > 0.9


def test_twice_the_amplitude_is_six_decibels_more_energy() -> None:
    sr = 8000
    x = (0.1 * np.sin(2 * np.pi * 440 * np.arange(sr) / sr)).astype(np.float32)
    quiet, loud = analyse(x, sr), analyse(2 * x, sr)
    np.testing.assert_allclose(loud.energy_db - quiet.energy_db, 20 * np.log10(2), atol=1e-3)
    np.testing.assert_allclose(loud.mel_power / quiet.mel_power, 4.0, rtol=1e-3)


def test_mfcc_of_a_cosine_log_spectrum_is_one_coefficient() -> None:
    """log mel = A cos(2 pi (k + 1/2) / N): the DCT-II gives c2 = A N / 2 and nothing else."""
    a, k = 0.8, np.arange(N_MELS)
    log_mel = a * np.cos(np.pi / N_MELS * (k + 0.5) * 2)
    mel_power = np.tile(np.exp(log_mel), (5, 1))
    out = mfcc(mel_power, np.ones(5, bool))  # all speech: no noise floor to subtract
    expected = np.zeros(12)
    expected[1] = a * N_MELS / 2  # column 0 is c1
    np.testing.assert_allclose(out, np.tile(expected, (5, 1)), atol=1e-6)


def test_mfcc_of_a_flat_spectrum_is_zero() -> None:
    out = mfcc(np.full((4, N_MELS), 3.0), np.ones(4, bool))
    np.testing.assert_allclose(out, 0.0, atol=1e-9)
