"""Short MP3 clips cut from recordings around a moment, for planning meetings and coaching.

Where a clip starts and ends is decided on the transcript, not on the clock: a clip holds whole
transcript segments only (the one at the moment, plus whole neighbours within a few seconds), so
it never starts or stops in the middle of someone's sentence, and a neighbour that holds a
phone, card or passport number is left out (a number is never spoken in a clip by accident).

Decoding uses our own ffmpeg reader (`decode`, which refuses damaged files); cutting, fades and
MP3 encoding use pydub, pointed at the ffmpeg binary of imageio-ffmpeg (pydub's own lookup
searches the PATH, where a user's machine has no ffmpeg). Qt-free.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qcdesk.audio.decode import DecodedAudio, decode, ffmpeg_exe
from qcdesk.domain.pii import contains_pii
from qcdesk.errors import QT_TRANSLATE_NOOP, AudioError, atomic_write

PAD_S = 4.0
"""Neighbouring segments are added while they lie within this many seconds of the moment."""
MARGIN_S = 0.3
"""Silence kept before the first and after the last segment, never reaching into another."""
FADE_MS = 150
BITRATE = "48k"
MAX_CLIP_S = 60.0
"""A clip longer than this (one very long segment) is cut to it around the moment."""


@dataclass(frozen=True)
class Span:
    """A transcript segment as a clip needs it (speaker-neutral)."""

    start: float
    end: float
    text: str


@dataclass(frozen=True)
class ClipRange:
    start: float
    end: float
    first: int  # index of the first segment included
    last: int  # and of the last


def clip_range(spans: Sequence[Span], at: float, duration: float | None = None) -> ClipRange | None:
    """Where to cut around *at*: whole segments only, numbers left out (see the module).

    Returns None when there is no segment, or when the segment at *at* itself holds a number.
    """
    if not spans:
        return None
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, spans[i].end))
    segs = [spans[i] for i in order]
    inside = [i for i, s in enumerate(segs) if s.start - 0.25 <= at <= s.end + 0.25]
    core = (
        inside[0]
        if inside
        else min(
            range(len(segs)), key=lambda i: min(abs(segs[i].start - at), abs(segs[i].end - at))
        )
    )
    if contains_pii(segs[core].text):
        return None
    lo = hi = core
    while lo > 0 and segs[lo - 1].start >= at - PAD_S and not contains_pii(segs[lo - 1].text):
        lo -= 1
    while (
        hi + 1 < len(segs)
        and segs[hi + 1].end <= max(at, segs[core].end) + PAD_S
        and not contains_pii(segs[hi + 1].text)
    ):
        hi += 1
    start = min(s.start for s in segs[lo : hi + 1])
    end = max(s.end for s in segs[lo : hi + 1])
    # The other party may talk over the edge (stereo calls overlap): a segment that reaches
    # into the clip is taken whole, or, when it holds a number, the clip stops short of it.
    for _ in range(len(segs)):
        cut = [
            s
            for s in segs
            if s.end > start and s.start < end and not (start <= s.start and s.end <= end)
        ]
        if not cut:
            break
        for s in cut:
            if not contains_pii(s.text):
                start, end = min(start, s.start), max(end, s.end)
            elif s.start >= segs[core].end:
                end = s.start
            elif s.end <= segs[core].start:
                start = s.end
            else:
                return None  # a number spoken over the moment itself
    # A little air on both sides, but never into a segment left out.
    before = [s.end for s in segs if s.end <= start]
    after = [s.start for s in segs if s.start >= end]
    start = max(start - MARGIN_S, max(before, default=0.0), 0.0)
    end = min(end + MARGIN_S, min(after, default=end + MARGIN_S))
    if duration is not None:
        end = min(end, duration)
    if end - start > MAX_CLIP_S:  # one endless segment: keep the moment in the middle
        start = max(start, at - MAX_CLIP_S / 2)
        end = start + MAX_CLIP_S
    if end <= start:
        return None
    held = [i for i, sg in enumerate(segs) if start <= sg.start and sg.end <= end]
    return ClipRange(start, end, order[min(held, default=lo)], order[max(held, default=hi)])


def _pydub() -> Any:
    """pydub's AudioSegment, set to use the bundled ffmpeg.

    pydub imports ``audioop`` (deprecated in Python 3.11) and warns at import time when no
    ffmpeg is on the PATH; neither applies to us (we set the converter right after), so those
    two warnings are silenced for the import only.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*audioop.*")
        warnings.filterwarnings("ignore", category=RuntimeWarning, message=".*ffmpeg.*")
        from pydub import AudioSegment
    AudioSegment.converter = ffmpeg_exe()
    return AudioSegment


def _segment(audio: DecodedAudio) -> Any:
    return _pydub()(
        data=audio.samples.tobytes(),
        sample_width=2,
        frame_rate=audio.sample_rate,
        channels=audio.channels,
    )


def write_clip(audio: DecodedAudio, rng: ClipRange, out: Path) -> Path:
    """Cut *rng* from decoded *audio*, fade it in and out, and write it as MP3 to *out*.

    The file appears only when complete (written to a temporary name first); a failed write
    raises StorageError naming *out*.
    """
    piece = _segment(audio)[int(rng.start * 1000) : int(rng.end * 1000)]
    fade = min(FADE_MS, len(piece) // 4)
    piece = piece.fade_in(fade).fade_out(fade)
    template = QT_TRANSLATE_NOOP("KnownError", "Cannot write the audio clip {path}: {detail}")
    with atomic_write(out, template) as tmp:
        handle = piece.export(str(tmp), format="mp3", bitrate=BITRATE)
        handle.close()
    return out


def cut_clips(
    source: Path,
    jobs: Sequence[tuple[ClipRange, Path]],
    *,
    is_cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Decode *source* once and write each (range, file) of *jobs*.

    Raises:
        AudioError: the recording cannot be decoded (named).
    """
    if not jobs:
        return []
    audio = decode(source)
    if audio.frames == 0:
        raise AudioError(
            QT_TRANSLATE_NOOP("KnownError", "{path} holds no audio."), path=str(source)
        )
    written = []
    for rng, out in jobs:
        if is_cancelled is not None and is_cancelled():
            break
        written.append(write_clip(audio, rng, out))
    return written
