"""The default engine: faster-whisper (CTranslate2) on this machine.

Decoding options are chosen against the complaints users have about Whisper desktop apps:
the language is fixed per client, or detected once per call on its opening speech (among the
languages qcdesk works in) rather than per window; ``condition_on_previous_text``
is off so one hallucinated line cannot seed the next; temperature fallback stops at 0.4 so
unintelligible audio costs at most two decodes per window; and the Silero VAD is tuned for
telephone channels that are digital silence between turns, where its default threshold (0.5)
and 400 ms padding clip the first syllable of an utterance.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from qcdesk.asr.base import (
    SAMPLE_RATE,
    AsrSegment,
    CancelFn,
    ProgressFn,
    TranscriptionCancelled,
    to_float32,
)
from qcdesk.asr.model_store import DeviceChoice, ModelError, detect_device
from qcdesk.domain.transcript import Word
from qcdesk.errors import QT_TRANSLATE_NOOP

VAD_PARAMETERS: dict[str, Any] = {
    # Lower than the default 0.5: the onset of a word after digital silence scores 0.2-0.4.
    "threshold": 0.3,
    "neg_threshold": 0.15,
    "min_speech_duration_ms": 120,
    # Turns are separated by 0.3-1 s pauses; keep each turn whole but drop long silences.
    "min_silence_duration_ms": 600,
    # Padding gives Whisper the onset that the VAD window straddles.
    "speech_pad_ms": 400,
}
"""Silero VAD settings for telephone channels (tested on synthetic/call_8k_stereo.wav)."""

DECODE_OPTIONS: dict[str, Any] = {
    "beam_size": 2,  # 5 costs ~15% more time and gained no accuracy on telephone calls
    "temperature": (0.0, 0.4),
    "compression_ratio_threshold": 2.4,
    "log_prob_threshold": -1.0,
    "no_speech_threshold": 0.6,
    "condition_on_previous_text": False,
    "word_timestamps": True,
    "hallucination_silence_threshold": 2.0,
}


class LocalWhisperEngine:
    """faster-whisper behind the `Engine` interface; the model loads on first use.

    Args:
        model: a folder or a model name, as returned by `model_store.resolve_model`.
        device: "auto", "cpu" or "cuda"; resolved once with `detect_device`.
        parallel: how many Whisper windows are decoded at once (the pieces of all channels
            share one queue).
    """

    name = "faster-whisper"

    def __init__(
        self,
        model: str,
        *,
        device: str = "auto",
        parallel: int = 2,
        cpu_threads: int | None = None,
        vad: bool = True,
        decode_options: dict[str, Any] | None = None,
    ) -> None:
        self.model_ref = model
        self.choice: DeviceChoice = detect_device(device)
        self.parallel = max(1, parallel)
        cores = os.cpu_count() or 2
        # Each worker gets the cores of all: the last window of a job then runs on every core
        # instead of one. On 2 cores, 2 workers x 2 threads took 8.0 s for the synthetic
        # stereo call against 8.5 s for 2 x 1 (the oversubscription costs less than the
        # idle core). Larger machines keep it to cores // parallel, at least 2.
        self.cpu_threads = cpu_threads or min(cores, max(2, cores // self.parallel))
        self.vad = vad
        self.options = {**DECODE_OPTIONS, **(decode_options or {})}
        self._model: Any = None
        self._lock = threading.Lock()

    def load(self, progress: ProgressFn | None = None) -> Any:
        """Load the model once (thread-safe); reports the "model" phase."""
        with self._lock:
            if self._model is None:
                if progress:
                    progress(0.0, "model")
                _limit_malloc_arenas()
                from qcdesk.asr.warmup import whisper_model

                try:
                    self._model = whisper_model(
                        self.model_ref,
                        device=self.choice.device,
                        compute_type=self.choice.compute_type,
                        cpu_threads=self.cpu_threads,
                        num_workers=self.parallel,
                    )
                except (RuntimeError, ValueError, OSError) as exc:
                    raise ModelError(
                        QT_TRANSLATE_NOOP(
                            "KnownError", "Cannot load the speech model {path}: {detail}"
                        ),
                        path=self.model_ref,
                        detail=str(exc),
                    ) from exc
                if progress:
                    progress(0.0, "transcribe")
            return self._model

    def detect_language(
        self,
        samples: np.ndarray,
        *,
        candidates: Sequence[str],
        seconds: float = 30.0,
        progress: ProgressFn | None = None,
    ) -> str:
        """The likeliest of *candidates* for the first *seconds* of speech in *samples*.

        The VAD cuts the silence and ringing first, so the window holds the opening speech
        and not the dial tone.
        """
        model = self.load(progress)
        audio = to_float32(samples)
        if self.vad and len(audio):
            chunks = _chunks(audio)
            if chunks:
                audio = np.concatenate([audio[c["start"] : c["end"]] for c in chunks])
        audio = audio[: round(seconds * SAMPLE_RATE)]
        if not len(audio):
            return candidates[0]
        _lang, _p, probs = model.detect_language(audio)
        scores = dict(probs)
        return max(candidates, key=lambda c: scores.get(c, 0.0))

    def transcribe(
        self,
        samples: np.ndarray,
        *,
        language: str,
        progress: ProgressFn | None = None,
        is_cancelled: CancelFn | None = None,
    ) -> list[AsrSegment]:
        return self.transcribe_channels(
            [samples], language=language, progress=progress, is_cancelled=is_cancelled
        )[0]

    def transcribe_channels(
        self,
        channels: Sequence[np.ndarray],
        *,
        language: str,
        progress: ProgressFn | None = None,
        is_cancelled: CancelFn | None = None,
    ) -> list[list[AsrSegment]]:
        """Transcribe several channels, sharing `parallel` worker threads between them.

        The VAD cuts each channel into speech chunks; the chunks of all channels, in time
        order, are packed into pieces of at most `PIECE_S` seconds, one Whisper window each.
        The encoder costs the same for a full 30 s window as for a short one, so fewer,
        fuller windows are most of the speed; words are mapped back to their channel and
        time by the chunk offsets. The pieces go through one queue of `parallel` threads.
        """
        model = self.load(progress)
        audio = [to_float32(samples) for samples in channels]
        pieces = _pack(audio, self.vad)
        total = sum(p.seconds for p in pieces) or 1.0
        results: list[list[AsrSegment]] = [[] for _ in channels]
        done = [0.0]
        partial: dict[int, float] = {}  # decoded seconds of the pieces in progress
        lock = threading.Lock()
        stop = threading.Event()

        def cancelled() -> bool:
            if stop.is_set() or (is_cancelled is not None and is_cancelled()):
                stop.set()
                return True
            return False

        def report() -> None:
            if progress:
                progress(min(1.0, (done[0] + sum(partial.values())) / total), "transcribe")

        def work(index: int) -> None:
            piece = pieces[index]
            if cancelled():
                return
            segments, _info = model.transcribe(
                piece.audio, language=language, vad_filter=False, **self.options
            )
            out: list[tuple[int, AsrSegment]] = []
            # The generator decodes lazily: cancelling between segments stops the work.
            for seg in segments:
                out.extend(piece.segments(seg))
                with lock:
                    seen = min(seg.end, piece.seconds)
                    partial[index] = max(partial.get(index, 0.0), seen)
                    report()
                if cancelled():
                    return
            with lock:
                done[0] += piece.seconds
                partial.pop(index, None)
                for channel, part in out:
                    results[channel].append(part)
                report()

        if cancelled():
            raise TranscriptionCancelled
        if self.parallel == 1 or len(pieces) < 2:
            for i in range(len(pieces)):
                work(i)
        else:
            with ThreadPoolExecutor(self.parallel, thread_name_prefix="asr") as pool:
                # Longest first: the short last piece then fills the gap, not a lone round.
                order = sorted(range(len(pieces)), key=lambda i: -pieces[i].seconds)
                for f in [pool.submit(work, i) for i in order]:
                    f.result()
        if stop.is_set():
            raise TranscriptionCancelled
        if progress:
            progress(1.0, "transcribe")
        return [sorted(r, key=lambda seg: (seg.start, seg.end)) for r in results]


MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # glibc's mallopt parameter number


def _limit_malloc_arenas() -> None:
    """Cap glibc's malloc arenas (Linux only) before the decoding threads start.

    glibc gives each new thread its own arena, up to 8 per core, and freed memory stays in
    them: the worker and CTranslate2 threads pushed a 2-minute mono job from ~600 to 660-730
    MB peak RSS; with two arenas it stayed at ~620 MB (target: 700 MB per job), at no
    measurable cost in speed. Other platforms' allocators do not do this.
    """
    if not sys.platform.startswith("linux"):
        return
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)  # not every libc has it
    if mallopt is not None:
        mallopt(_M_ARENA_MAX, MALLOC_ARENAS)


PIECE_S = 28.0
"""Seconds of speech per work item: about one Whisper window, so no window is wasted."""


@dataclass
class _Piece:
    """Speech chunks of one or more channels, concatenated, with their original times."""

    audio: np.ndarray
    starts: list[float]  # each chunk's start in the original audio, seconds
    offsets: list[float]  # each chunk's start in the concatenated audio, seconds
    channels: list[int]  # each chunk's channel

    @property
    def seconds(self) -> float:
        return len(self.audio) / SAMPLE_RATE

    def _chunk(self, t: float, is_end: bool) -> int:
        return max(0, (bisect_left if is_end else bisect_right)(self.offsets, t) - 1)

    def time(self, t: float, is_end: bool = False) -> float:
        """Map a time in the concatenated audio back to the original recording."""
        i = self._chunk(t, is_end)
        return round(float(self.starts[i] + (t - self.offsets[i])), 3)

    def word(self, w: Any) -> tuple[int, Word]:
        """(chunk, word with original times); one straddling two chunks goes to the later.

        The aligner often starts the first word of a chunk in the padding of the previous
        one; mapped naively, that word would span the other party's whole turn.
        """
        first, last = self._chunk(w.start, False), self._chunk(w.end, True)
        end = self.time(w.end, True)
        start = round(float(self.starts[last]), 3) if first < last else self.time(w.start)
        return last, Word(w.word.strip(), min(start, end), end, round(float(w.probability), 3))

    def segments(self, seg: Any) -> list[tuple[int, AsrSegment]]:
        """*seg* cut where its words change chunk, each part with its channel."""
        stats = {
            "avg_logprob": seg.avg_logprob,
            "no_speech_prob": seg.no_speech_prob,
            "compression_ratio": seg.compression_ratio,
        }
        groups: list[tuple[int, list[Word]]] = []
        for w in seg.words or ():
            if not w.word.strip():
                continue
            chunk, word = self.word(w)
            if groups and groups[-1][0] == chunk:
                groups[-1][1].append(word)
            else:
                groups.append((chunk, [word]))
        if not groups:
            start, end = self.time(seg.start), self.time(seg.end, True)
            part = AsrSegment(start, max(start, end), seg.text.strip(), (), **stats)
            return [(self.channels[self._chunk(seg.start, False)], part)]
        out = []
        for chunk, words in groups:
            text = seg.text.strip() if len(groups) == 1 else " ".join(w.w for w in words)
            part = AsrSegment(
                words[0].start, max(words[0].start, words[-1].end), text, tuple(words), **stats
            )
            out.append((self.channels[chunk], part))
        return out


def _chunks(audio: np.ndarray) -> list[dict[str, int]]:
    """Silero VAD speech chunks of *audio* in samples, none longer than `PIECE_S`."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(**VAD_PARAMETERS, max_speech_duration_s=PIECE_S)
    chunks: list[dict[str, int]] = get_speech_timestamps(audio, options, sampling_rate=SAMPLE_RATE)
    return chunks


def _pack(channels: Sequence[np.ndarray], vad: bool) -> list[_Piece]:
    """Speech chunks of all *channels*, in time order, packed into pieces of <= `PIECE_S`.

    Without VAD each channel is one piece (faster-whisper then windows it itself).
    """
    if not vad:
        return [
            _Piece(audio, [0.0], [0.0], [ch]) for ch, audio in enumerate(channels) if len(audio)
        ]
    chunks = sorted(
        (c["start"], ch, c["end"])
        for ch, audio in enumerate(channels)
        if len(audio)
        for c in _chunks(audio)
    )
    limit = round(PIECE_S * SAMPLE_RATE)
    pieces: list[_Piece] = []
    group: list[tuple[int, int, int]] = []

    def flush() -> None:
        if not group:
            return
        parts = [channels[ch][start:end] for start, ch, end in group]
        offsets = np.cumsum([0] + [len(p) for p in parts[:-1]]) / SAMPLE_RATE
        pieces.append(
            _Piece(
                np.concatenate(parts),
                [start / SAMPLE_RATE for start, _, _ in group],
                [float(o) for o in offsets],
                [ch for _, ch, _ in group],
            )
        )
        group.clear()

    length = 0
    for start, ch, end in chunks:
        # Chunks are neither cut nor reordered to fill windows better: on synthetic stereo
        # both made Whisper end windows early and re-decode their tails, and cost WER.
        if group and length + end - start > limit:
            flush()
            length = 0
        group.append((start, ch, end))
        length += end - start
    flush()
    return pieces
