"""A transcript as values: words, speaker segments, the whole text with its language.

They live in the domain because the layers below the services build them: the ASR engines
return `Word`s, the diarizer and the pipeline `Segment`s and a `TranscriptInfo`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    w: str
    start: float
    end: float
    p: float | None = None


@dataclass(frozen=True)
class Segment:
    speaker: str  # "consultant", "client", or "A"/"B" when roles are unknown
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()
    edited: bool = False  # a reviewer changed its text or speaker


@dataclass(frozen=True)
class TranscriptInfo:
    language: str
    source: str  # "asr", "import", "demo"
    segments: tuple[Segment, ...]
    # Mono speaker split only: how sure the split and the role guess are (0..1; below 0.5 the
    # workspace warns); None for stereo calls and imported text.
    split_confidence: float | None = None
