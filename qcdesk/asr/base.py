"""The engine interface every transcription backend implements (local faster-whisper, remote).

Engines take 16 kHz mono float32 samples, not paths: the pipeline decodes once with our own
ffmpeg-based decoder (which reports damaged files precisely) and splits stereo channels itself.
Cancelling is a state, not an error message: engines raise `TranscriptionCancelled`, which is
deliberately not a `KnownError`, so nothing shows it to the user as a failure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from qcdesk.domain.transcript import Word

SAMPLE_RATE = 16000
"""Whisper's input rate; every engine receives audio at this rate."""

ProgressFn = Callable[[float, str], None]
"""``progress(fraction 0..1, phase)``; phases: "model" (loading), "transcribe"."""

CancelFn = Callable[[], bool]


class TranscriptionCancelled(Exception):  # noqa: N818 - a state, not an error
    """Raised between segments when the caller's ``is_cancelled()`` turned true."""


@dataclass(frozen=True)
class AsrSegment:
    """One recognised segment with the decoder's confidence figures kept for the guards."""

    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0
    compression_ratio: float = 1.0


class Engine(Protocol):
    """A speech recogniser. Implementations must be safe to call from two threads at once."""

    name: str

    def transcribe(
        self,
        samples: np.ndarray,
        *,
        language: str,
        progress: ProgressFn | None = None,
        is_cancelled: CancelFn | None = None,
    ) -> list[AsrSegment]:
        """Recognise *samples* (float32, 16 kHz, mono); segment times are seconds into it."""
        ...


def to_float32(samples: np.ndarray) -> np.ndarray:
    """int16 PCM (our decoder's output) to float32 in [-1, 1]; float input passes through."""
    if samples.dtype == np.int16:
        return samples.astype(np.float32) / 32768.0
    return np.asarray(samples, dtype=np.float32)
