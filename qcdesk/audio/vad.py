"""Which 10 ms frames of a mono call hold speech: Silero VAD, with an energy VAD as the fallback.

The speaker split clusters the frames this says are speech, so noise let through here (a
hum, music on hold, a click) becomes a third "voice" that the two clusters must absorb. The
Silero VAD that faster-whisper ships (``faster_whisper.vad``, an ONNX model it already uses
for transcription) tells speech from such noise; inside what it calls speech, the energy VAD
keeps the loud frames, since Silero's chunks span the short pauses between words, whose
frames carry no voice. Where Silero cannot run (onnxruntime or its model missing) the energy
VAD alone decides, and the log says so. Tones are not speech to Silero: a test that feeds
synthetic "voices" asks for the energy VAD by name.
This module must stay Qt-free.
"""

from __future__ import annotations

import logging
from typing import Literal

import numpy as np

from qcdesk.audio.features import FRAME_S, HOP_S

log = logging.getLogger(__name__)

Vad = Literal["silero", "energy"]
SILERO_RATE = 16000
# Silero's settings for the split: more sensitive than its defaults (0.5), since the energy
# VAD trims what it lets through; short pauses (0.3 s) end a chunk, as turns can be short.
SILERO_THRESHOLD = 0.2
SILERO_MIN_SILENCE_MS = 300
SILERO_MIN_SPEECH_MS = 100  # shorter blips are clicks, not words
SILERO_PAD_MS = 100


def speech_frames(x: np.ndarray, sr: int, energy_db: np.ndarray, vad: Vad = "silero") -> np.ndarray:
    """A boolean mask over the frames of *energy_db* (frames of *x*): True where speech is.

    Args:
        x: mono float samples at *sr*.
        energy_db: the frames' in-band energy (`features.analyse`).
        vad: "silero" (the energy VAD inside Silero's speech) or "energy" alone.
    """
    energy = energy_speech(energy_db)
    if vad == "energy":
        return energy
    try:
        silero = silero_speech(x, sr, len(energy_db))
    except (ImportError, OSError, RuntimeError) as err:  # onnxruntime or the model missing
        log.warning("Silero VAD unavailable, the speaker split uses the energy VAD: %s", err)
        return energy
    return np.asarray(silero & energy)


def silero_speech(x: np.ndarray, sr: int, n_frames: int) -> np.ndarray:
    """Frames whose centre lies in a chunk that Silero VAD calls speech."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    audio = resample_linear(x, sr, SILERO_RATE)
    chunks = get_speech_timestamps(
        audio,
        VadOptions(
            threshold=SILERO_THRESHOLD,
            min_speech_duration_ms=SILERO_MIN_SPEECH_MS,
            min_silence_duration_ms=SILERO_MIN_SILENCE_MS,
            speech_pad_ms=SILERO_PAD_MS,
        ),
        sampling_rate=SILERO_RATE,
    )
    return chunk_mask(
        [(c["start"] / SILERO_RATE, c["end"] / SILERO_RATE) for c in chunks], n_frames
    )


def chunk_mask(chunks: list[tuple[float, float]], n_frames: int) -> np.ndarray:
    """Frames (every `HOP_S`, `FRAME_S` long) whose centre lies in one of *chunks* (seconds)."""
    centres = np.arange(n_frames) * HOP_S + FRAME_S / 2
    mask = np.zeros(n_frames, bool)
    for start, end in chunks:
        mask |= (centres >= start) & (centres < end)
    return mask


def resample_linear(x: np.ndarray, sr: int, target: int) -> np.ndarray:
    """*x* at *target* Hz by linear interpolation (8 kHz telephone audio up to Silero's 16 kHz).

    Upsampling adds nothing above the old Nyquist, which is all Silero needs; downsampling
    this way would alias, but calls arrive at 8 or 16 kHz and the pipeline hands over 16 kHz.
    """
    x = np.asarray(x, dtype=np.float32)
    if sr == target or len(x) == 0:
        return x
    n = int(len(x) * target / sr)
    positions = np.arange(n, dtype=np.float64) * (sr / target)
    return np.asarray(np.interp(positions, np.arange(len(x)), x), dtype=np.float32)


def energy_speech(energy_db: np.ndarray) -> np.ndarray:
    """Frames louder than the recording's own noise floor by a share of its dynamic range."""
    e = np.maximum(energy_db, -100.0)
    floor, peak = np.percentile(e, 10), np.percentile(e, 95)
    if peak < -60.0 or peak - floor < 6.0:  # digital silence, or a flat hum with no speech
        return np.zeros(len(e), bool)
    speech = e > floor + 0.35 * (peak - floor)
    # Close short gaps (stops, plosives), then drop clicks shorter than 100 ms.
    speech = fill_runs(speech, value=False, shorter_than=15)
    return fill_runs(speech, value=True, shorter_than=10)


def fill_runs(mask: np.ndarray, *, value: bool, shorter_than: int) -> np.ndarray:
    """Flip interior runs of *value* shorter than *shorter_than* frames."""
    if len(mask) == 0:
        return mask
    out = mask.copy()
    change = np.flatnonzero(np.diff(mask.astype(np.int8))) + 1
    starts = np.r_[0, change]
    ends = np.r_[change, len(mask)]
    for a, b in zip(starts, ends, strict=True):
        interior = a > 0 and b < len(mask) if not value else True
        if mask[a] == value and b - a < shorter_than and interior:
            out[a:b] = not value
    return out
