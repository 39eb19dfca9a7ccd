"""Per-frame measurements of a recording for the speaker split: energy, mel power, pitch, MFCC.

40 ms frames every 10 ms (long enough for a 60 Hz pitch period to repeat), FFTs done in blocks
of frames so the temporaries stay near 20 MB whatever the call's length. numpy only; this
module must stay Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

HOP_S = 0.010
FRAME_S = 0.040  # long enough for a 60 Hz pitch period to repeat
N_MELS = 24
N_MFCC = 13
_BLOCK = 1024  # frames per FFT block: ~20 MB of temporaries, whatever the length


@dataclass(frozen=True)
class Frames:
    """Per-frame measurements of one recording."""

    energy_db: np.ndarray  # (n,)
    mel_power: np.ndarray  # (n, mels)
    f0: np.ndarray  # (n,) Hz
    voicing: np.ndarray  # (n,) normalised autocorrelation at the pitch lag


def to_mono_float(samples: np.ndarray) -> np.ndarray:
    """Float32 samples in -1..1; int16 is scaled, 2-D input (frames, channels) mixed down."""
    x = np.asarray(samples)
    if x.dtype.kind in "iu":  # scaled before mixing: a mixed-down int array is float already
        x = x.astype(np.float32) / 32768.0
    if x.ndim == 2:
        x = x.mean(axis=1)
    return x.astype(np.float32, copy=False)


def mel_filterbank(sr: int, nfft: int) -> np.ndarray:
    """Triangular mel filters from 200 Hz to 3.8 kHz (telephone band), one row per band."""
    fmax = min(3800.0, sr / 2 - 100.0)
    fmin = 200.0

    def to_mel(f: np.ndarray | float) -> np.ndarray:
        return 2595.0 * np.log10(1.0 + np.asarray(f) / 700.0)

    edges = 700.0 * (10 ** (np.linspace(to_mel(fmin), to_mel(fmax), N_MELS + 2) / 2595.0) - 1)
    freqs = np.fft.rfftfreq(nfft, 1.0 / sr)
    lo, mid, hi = edges[:-2, None], edges[1:-1, None], edges[2:, None]
    fb = np.minimum((freqs - lo) / (mid - lo), (hi - freqs) / (hi - mid))
    return np.clip(fb, 0.0, None).astype(np.float32)


def analyse(x: np.ndarray, sr: int) -> Frames:
    """Energy, mel power and pitch for 40 ms frames every 10 ms, FFTs done in blocks."""
    hop = max(1, round(HOP_S * sr))
    flen = max(16, round(FRAME_S * sr))
    nfft = 1 << int(np.ceil(np.log2(2 * flen)))  # zero padding: linear, not circular, lags
    frames = sliding_window_view(x, flen)[::hop]
    win = np.hanning(flen + 2)[1:-1].astype(np.float32)
    win_ac = np.correlate(win, win, "full")[flen - 1 :]
    lo_lag, hi_lag = max(2, int(sr / 400)), min(flen - 2, int(sr / 60))
    fb = mel_filterbank(sr, nfft)
    band = fb.sum(0) > 0
    n = frames.shape[0]
    energy, mel, f0, voicing = (
        np.empty(n, np.float32),
        np.empty((n, N_MELS), np.float32),
        np.empty(n, np.float32),
        np.empty(n, np.float32),
    )
    for s in range(0, n, _BLOCK):
        spec = np.fft.rfft(frames[s : s + _BLOCK] * win, nfft)
        power = (spec.real**2 + spec.imag**2).astype(np.float32)
        energy[s : s + _BLOCK] = 10 * np.log10(power[:, band].sum(1) / flen + 1e-12)
        mel[s : s + _BLOCK] = power @ fb.T
        ac = np.fft.irfft(power, nfft)[:, :flen] / win_ac
        ac /= ac[:, :1] + 1e-12
        lags = lo_lag + np.argmax(ac[:, lo_lag:hi_lag], axis=1)
        rows = np.arange(len(lags))
        # Parabolic interpolation of the peak: a 150-cent difference is ~9 %, a lag step ~1.5 %.
        left, mid_v, right = ac[rows, lags - 1], ac[rows, lags], ac[rows, lags + 1]
        denom = left - 2 * mid_v + right
        shift = np.where(np.abs(denom) > 1e-9, 0.5 * (left - right) / np.where(denom, denom, 1), 0)
        f0[s : s + _BLOCK] = sr / (lags + np.clip(shift, -0.5, 0.5))
        voicing[s : s + _BLOCK] = mid_v
    return Frames(energy, mel, f0, voicing)


def mfcc(mel_power: np.ndarray, speech: np.ndarray) -> np.ndarray:
    """MFCC 1..12 after subtracting the median non-speech mel spectrum (the noise floor)."""
    quiet = mel_power[~speech]
    noise = np.median(quiet, axis=0) if len(quiet) >= 10 else np.zeros(mel_power.shape[1])
    clean = np.maximum(mel_power - noise, 0.05 * mel_power)
    log_mel = np.log(clean + 1e-10)
    k = np.arange(N_MELS)
    dct = np.cos(np.pi / N_MELS * (k[None, :] + 0.5) * np.arange(N_MFCC)[:, None])
    return np.asarray((log_mel @ dct.T)[:, 1:], dtype=np.float64)
