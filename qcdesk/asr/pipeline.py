"""From an audio file to a transcript that knows who spoke.

Stereo calls carry one party per channel, so each channel is recognised on its own and the
two are merged by time (overlaps kept). The local engine cuts each channel's speech out with
its VAD (dropping the other party's turns), packs the speech of both channels into shared
~28 s windows and decodes two windows at a time; that is where the speed-up over transcribing
the mix comes from. Mono recordings are transcribed once and split into two speakers
afterwards without a neural model.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qcdesk.asr.base import (
    SAMPLE_RATE,
    AsrSegment,
    CancelFn,
    Engine,
    ProgressFn,
    TranscriptionCancelled,
    to_float32,
)
from qcdesk.asr.guards import filter_hallucinations
from qcdesk.audio.decode import decode, split_channels
from qcdesk.domain.language import AUTO, FALLBACK, LANGUAGES
from qcdesk.domain.transcript import Segment, TranscriptInfo

DEFAULT_ROLES = ("consultant", "client")
SPLIT_GAP_S = 1.0
"""A pause between words longer than this starts a new segment (after VAD, Whisper may glue
two turns of one channel into one segment across the other party's turn)."""
UNCERTAIN_BELOW = 0.5
"""A mono split (or consultant guess) with lower confidence is flagged uncertain; the diarizer
and the role guess both scale their confidence so that 0.5 is their own threshold."""


@dataclass(frozen=True)
class TranscriptionResult:
    """The transcript plus what the workspace must know about how it was made."""

    transcript: TranscriptInfo
    duration: float  # seconds of audio
    channels_used: int  # 2: split by channel; 1: one mix (speaker split when roles were asked)
    uncertain: bool = False  # the mono speaker split or role guess is doubtful: offer a swap
    confidence: float = 1.0  # also stored as transcript.split_confidence on mono calls


@dataclass(frozen=True)
class Known:
    """What the app knows about a call that helps tell the consultant from the client."""

    company: tuple[str, ...] = ()
    consultant_name: str | None = None


def split_at_pauses(seg: AsrSegment, gap: float = SPLIT_GAP_S) -> list[AsrSegment]:
    """Cut *seg* where consecutive words are more than *gap* seconds apart."""
    if len(seg.words) < 2:
        return [seg]
    groups: list[list[int]] = [[0]]
    for i in range(1, len(seg.words)):
        if seg.words[i].start - seg.words[i - 1].end > gap:
            groups.append([])
        groups[-1].append(i)
    if len(groups) == 1:
        return [seg]
    out = []
    for g in groups:
        words = tuple(seg.words[i] for i in g)
        out.append(
            AsrSegment(
                start=words[0].start,
                end=words[-1].end,
                text=" ".join(w.w for w in words),
                words=words,
                avg_logprob=seg.avg_logprob,
                no_speech_prob=seg.no_speech_prob,
                compression_ratio=seg.compression_ratio,
            )
        )
    return out


def to_segments(raw: Sequence[AsrSegment], speaker: str) -> list[Segment]:
    """Guarded, pause-split engine output as transcript segments of one *speaker*."""
    out: list[Segment] = []
    for seg in filter_hallucinations(raw):
        for part in split_at_pauses(seg):
            out.append(
                Segment(speaker, part.start, max(part.end, part.start), part.text, part.words)
            )
    return out


class _Progress:
    """Combines the progress of concurrent channel jobs into one fraction (their mean)."""

    def __init__(self, progress: ProgressFn | None, parts: int) -> None:
        self._cb = progress
        self._done = [0.0] * parts
        self._lock = threading.Lock()

    def part(self, i: int) -> ProgressFn:
        def report(fraction: float, phase: str) -> None:
            if self._cb is None:
                return
            with self._lock:
                self._done[i] = fraction if phase == "transcribe" else 0.0
                total = sum(self._done) / len(self._done)
            self._cb(total, phase)

        return report


def transcribe_file(
    path: Path | str,
    *,
    engine: Engine,
    roles: Sequence[str] | None = DEFAULT_ROLES,
    mono: bool = False,
    language: str = "auto",
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
    company: Sequence[str] = (),
    consultant_name: str | None = None,
) -> TranscriptionResult:
    """Transcribe *path* with speaker labels.

    Args:
        language: "ru", "en", or "auto": the engine detects it on the opening speech (of both
            channels mixed) and the transcript records what it found.
        roles: the speakers of the left and right channel of a stereo file, e.g.
            ("client", "consultant") when the consultant is on the right. None keeps the
            neutral labels "A"/"B" (and skips the consultant guess on mono files).
        mono: force the speaker split on the mixed signal even for a stereo file.
        company, consultant_name: what the app knows about the call (the company's names, the
            consultant's registered name): on a mono call, whoever says them opens like the
            consultant (see `qcdesk.asr.roles.guess_consultant`).

    Raises:
        AudioError: the file is missing, not audio, or damaged (from the decoder).
        TranscriptionCancelled: *is_cancelled* turned true.
    """
    labels = tuple(roles) if roles else ("A", "B")
    if len(labels) != 2:
        raise ValueError(f"two roles expected, got {labels!r}")
    decoded = decode(path, sample_rate=SAMPLE_RATE, channels=1 if mono else None)
    duration = decoded.duration
    channels = split_channels(decoded)[:2]
    del decoded
    if language == AUTO:
        language = detect_language(channels, engine, progress)
    if len(channels) == 2:
        return _stereo(channels, labels, language, engine, progress, is_cancelled, duration)
    known = Known(tuple(company), consultant_name)
    return _mono(channels[0], roles, language, engine, progress, is_cancelled, duration, known)


DETECT_SECONDS = 30.0
"""Whisper decides the language from one 30 s window: the opening speech is enough."""


def detect_language(
    channels: Sequence[np.ndarray], engine: Engine, progress: ProgressFn | None = None
) -> str:
    """The language of the opening speech, among the ones qcdesk works in.

    Whisper is asked which of `LANGUAGES` is likeliest rather than which language at all: on
    telephone Russian it may prefer Ukrainian or Bulgarian, which qcdesk has no checklist for.
    An engine that cannot detect (a remote server) falls back to `FALLBACK`.
    """
    detect = getattr(engine, "detect_language", None)
    if detect is None:
        return FALLBACK
    n = min(len(c) for c in channels)
    mix = np.mean([to_float32(c[:n]) for c in channels], axis=0) if len(channels) > 1 else None
    samples = to_float32(channels[0]) if mix is None else mix.astype(np.float32)
    found = detect(samples, candidates=LANGUAGES, seconds=DETECT_SECONDS, progress=progress)
    return found if found in LANGUAGES else FALLBACK


def _stereo(
    channels: list[np.ndarray],
    labels: tuple[str, ...],
    language: str,
    engine: Engine,
    progress: ProgressFn | None,
    is_cancelled: CancelFn | None,
    duration: float,
) -> TranscriptionResult:
    from qcdesk.asr.roles import merge_channel_transcripts

    many = getattr(engine, "transcribe_channels", None)
    if many is not None:  # the local engine shares its worker threads between channels
        raw = many(channels, language=language, progress=progress, is_cancelled=is_cancelled)
    else:
        raw = _each_channel_in_threads(channels, language, engine, progress, is_cancelled)
    parts = [(labels[i], tuple(to_segments(raw[i], labels[i]))) for i in range(len(channels))]
    merged = merge_channel_transcripts(parts)
    return TranscriptionResult(
        TranscriptInfo(language=language, source="asr", segments=tuple(merged)),
        duration=duration,
        channels_used=2,
    )


def _each_channel_in_threads(
    channels: list[np.ndarray],
    language: str,
    engine: Engine,
    progress: ProgressFn | None,
    is_cancelled: CancelFn | None,
) -> list[list[AsrSegment]]:
    """One thread per channel, for engines without their own scheduling (remote servers)."""
    combined = _Progress(progress, len(channels))
    cancel = threading.Event()

    def cancelled() -> bool:
        if cancel.is_set() or (is_cancelled is not None and is_cancelled()):
            cancel.set()  # one channel cancelled stops the other too
            return True
        return False

    def run(i: int) -> list[AsrSegment]:
        return engine.transcribe(
            channels[i], language=language, progress=combined.part(i), is_cancelled=cancelled
        )

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="asr-channel") as pool:
        futures = [pool.submit(run, i) for i in range(len(channels))]
        try:
            raw = [f.result() for f in futures]
        except BaseException:
            cancel.set()
            raise
    if cancelled():
        raise TranscriptionCancelled
    return raw


def _mono(
    samples: np.ndarray,
    roles: Sequence[str] | None,
    language: str,
    engine: Engine,
    progress: ProgressFn | None,
    is_cancelled: CancelFn | None,
    duration: float,
    known: Known,
) -> TranscriptionResult:
    raw = engine.transcribe(
        samples, language=language, progress=progress, is_cancelled=is_cancelled
    )
    segments = to_segments(raw, "A")
    if not segments:
        return TranscriptionResult(
            TranscriptInfo(language, "asr", ()), duration=duration, channels_used=1
        )
    from qcdesk.asr.roles import apply_roles, guess_consultant
    from qcdesk.audio.diarize import assign_speakers, split_speakers

    diarization = split_speakers(samples, SAMPLE_RATE)
    labelled = tuple(assign_speakers(segments, diarization))
    confidence = diarization.confidence
    if roles:
        # The weaker of the split and the role guess decides: either can mix the parties up.
        label, guess_conf = guess_consultant(
            labelled, company=known.company, consultant_name=known.consultant_name
        )
        if label is not None:
            labelled = tuple(apply_roles(labelled, label))
        confidence = min(confidence, guess_conf)
    ordered = tuple(sorted(labelled, key=lambda s: (s.start, s.end)))
    info = TranscriptInfo(
        language=language, source="asr", segments=ordered, split_confidence=round(confidence, 3)
    )
    return TranscriptionResult(
        info,
        duration=duration,
        channels_used=1,
        uncertain=confidence < UNCERTAIN_BELOW,
        confidence=confidence,
    )


def transcript_json(
    transcript: TranscriptInfo, *, id: str, duration: float, channel: str = "call"
) -> dict[str, object]:
    """*transcript* in the qcdesk transcript format (docs/transcript-format.md)."""
    return {
        "id": id,
        "channel": channel,
        "language": transcript.language,
        "duration": round(duration, 3),
        "segments": [
            {
                "speaker": s.speaker,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                **(
                    {
                        "words": [
                            {"w": w.w, "start": w.start, "end": w.end, "p": w.p} for w in s.words
                        ]
                    }
                    if s.words
                    else {}
                ),
            }
            for s in transcript.segments
        ],
    }
