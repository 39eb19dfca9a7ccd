"""The default engine: faster-whisper (CTranslate2) on this machine.

Decoding options are chosen against the complaints users have about Whisper desktop apps:
the language is fixed per client instead of guessed per file; ``condition_on_previous_text``
is off so one hallucinated line cannot seed the next; temperature fallback stops at 0.4 so
unintelligible audio costs at most two decodes per window; and the Silero VAD is tuned for
telephone channels that are digital silence between turns, where its default threshold (0.5)
and 400 ms padding clip the first syllable of an utterance.
"""

from __future__ import annotations

import os
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
from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.services.dto import Word

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
        parallel: how many transcriptions may run at once (the stereo pipeline runs two);
            CPU threads are split between them so two jobs do not oversubscribe the cores.
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
        self.cpu_threads = cpu_threads or max(1, cores // self.parallel)
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
                from faster_whisper import WhisperModel

                try:
                    self._model = WhisperModel(
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

        Each channel's speech is cut by the VAD into pieces of at most `PIECE_S` seconds of
        speech; the pieces of all channels go through one queue. One thread per channel
        would leave a core idle once the quieter party's channel is done (a consultant
        often speaks twice as long as the client).
        """
        model = self.load(progress)
        pieces: list[_Piece] = []
        for ch, samples in enumerate(channels):
            audio = to_float32(samples)
            pieces.extend(_pieces(ch, audio, self.vad))
        total = sum(p.seconds for p in pieces) or 1.0
        results: list[list[tuple[int, list[AsrSegment]]]] = [[] for _ in channels]
        done = [0.0]
        lock = threading.Lock()
        stop = threading.Event()

        def cancelled() -> bool:
            if stop.is_set() or (is_cancelled is not None and is_cancelled()):
                stop.set()
                return True
            return False

        def report(extra: float) -> None:
            if progress:
                progress(min(1.0, (done[0] + extra) / total), "transcribe")

        def work(index: int) -> None:
            piece = pieces[index]
            if cancelled():
                return
            segments, _info = model.transcribe(
                piece.audio, language=language, vad_filter=False, **self.options
            )
            out: list[AsrSegment] = []
            # The generator decodes lazily: cancelling between segments stops the work.
            for seg in segments:
                out.append(piece.segment(seg))
                with lock:
                    report(min(seg.end, piece.seconds))
                if cancelled():
                    return
            with lock:
                done[0] += piece.seconds
                results[piece.channel].append((index, out))
                report(0.0)

        if cancelled():
            raise TranscriptionCancelled
        if self.parallel == 1 or len(pieces) < 2:
            for i in range(len(pieces)):
                work(i)
        else:
            with ThreadPoolExecutor(self.parallel, thread_name_prefix="asr") as pool:
                for f in [pool.submit(work, i) for i in range(len(pieces))]:
                    f.result()
        if stop.is_set():
            raise TranscriptionCancelled
        if progress:
            progress(1.0, "transcribe")
        return [[seg for _, segs in sorted(r, key=lambda x: x[0]) for seg in segs] for r in results]


PIECE_S = 28.0
"""Seconds of speech per work item: about one Whisper window, so no window is wasted."""


@dataclass
class _Piece:
    """Consecutive speech chunks of one channel, concatenated, with their original times."""

    channel: int
    audio: np.ndarray
    starts: list[float]  # each chunk's start in the original audio, seconds
    offsets: list[float]  # each chunk's start in the concatenated audio, seconds

    @property
    def seconds(self) -> float:
        return len(self.audio) / SAMPLE_RATE

    def _chunk(self, t: float, is_end: bool) -> int:
        return max(0, (bisect_left if is_end else bisect_right)(self.offsets, t) - 1)

    def time(self, t: float, is_end: bool = False) -> float:
        """Map a time in the concatenated audio back to the original recording."""
        i = self._chunk(t, is_end)
        return round(float(self.starts[i] + (t - self.offsets[i])), 3)

    def word(self, w: Any) -> Word:
        """A word with original times; one straddling two chunks is moved into the later one.

        The aligner often starts the first word of a chunk in the padding of the previous
        one; mapped naively, that word would span the other party's whole turn.
        """
        first, last = self._chunk(w.start, False), self._chunk(w.end, True)
        end = self.time(w.end, True)
        start = round(float(self.starts[last]), 3) if first < last else self.time(w.start)
        return Word(w.word.strip(), min(start, end), end, round(float(w.probability), 3))

    def segment(self, seg: Any) -> AsrSegment:
        words = tuple(self.word(w) for w in (seg.words or ()) if w.word.strip())
        start = words[0].start if words else self.time(seg.start)
        end = words[-1].end if words else self.time(seg.end, True)
        return AsrSegment(
            start=start,
            end=max(start, end),
            text=seg.text.strip(),
            words=words,
            avg_logprob=seg.avg_logprob,
            no_speech_prob=seg.no_speech_prob,
            compression_ratio=seg.compression_ratio,
        )


def _pieces(channel: int, audio: np.ndarray, vad: bool) -> list[_Piece]:
    """Cut *audio* into speech pieces of about `PIECE_S` seconds (all of it without VAD)."""
    if len(audio) == 0:
        return []
    if not vad:
        return [_Piece(channel, audio, [0.0], [0.0])]
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    chunks = get_speech_timestamps(audio, VadOptions(**VAD_PARAMETERS), sampling_rate=SAMPLE_RATE)
    pieces: list[_Piece] = []
    group: list[dict[str, int]] = []

    def flush() -> None:
        if not group:
            return
        parts = [audio[c["start"] : c["end"]] for c in group]
        offsets = np.cumsum([0] + [len(p) for p in parts[:-1]]) / SAMPLE_RATE
        starts = [c["start"] / SAMPLE_RATE for c in group]
        pieces.append(_Piece(channel, np.concatenate(parts), starts, [float(o) for o in offsets]))
        group.clear()

    length = 0
    for c in chunks:
        n = c["end"] - c["start"]
        if group and (length + n) / SAMPLE_RATE > PIECE_S:
            flush()
            length = 0
        group.append(c)
        length += n
    flush()
    return pieces
