"""The mono split snaps speaker changes to pauses and gives one voice one label.

Real speech: the shared Azure samples (MIT): a 120 s two-party English sales call with Azure's
machine word timings, and a 29.5 s two-speaker conversation; Silero's 60 s one-voice reading.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from qcdesk.audio.decode import decode, split_channels
from qcdesk.audio.diarize import (
    PAUSE_S,
    Diarization,
    SpeakerTurn,
    assign_speakers,
    snap_changes,
    split_speakers,
)
from qcdesk.services.dto import Segment, Word

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
AZURE = DATA / "azure-speech-sdk"


def _words(*spec: tuple[str, float, float]) -> tuple[Word, ...]:
    return tuple(Word(w, a, b) for w, a, b in spec)


def test_a_sentence_without_pauses_keeps_one_speaker() -> None:
    """The split flips mid-sentence (turn B from 1.5 s): the run of speech stays whole, with
    the speaker who holds most of it."""
    d = Diarization((SpeakerTurn(0.0, 1.5, "A"), SpeakerTurn(1.5, 3.0, "B")), False, 0.9)
    words = _words(("добрый", 0.1, 0.5), ("день", 0.55, 0.9), ("салон", 0.95, 1.4),
                   ("уют", 1.45, 1.8), ("слушаю", 1.85, 2.1))  # fmt: skip
    (out,) = assign_speakers([Segment("A", 0.1, 2.1, "добрый день салон уют слушаю", words)], d)
    assert out.speaker == "A" and out.text == "добрый день салон уют слушаю"


def test_a_change_near_a_pause_is_split_at_the_pause() -> None:
    d = Diarization((SpeakerTurn(0.0, 1.2, "A"), SpeakerTurn(1.2, 4.0, "B")), False, 0.9)
    words = _words(("да", 0.1, 0.4), ("конечно", 0.45, 1.0), ("записываю", 1.05, 1.6),
                   ("а", 2.2, 2.3), ("во", 2.35, 2.5), ("сколько", 2.55, 3.0))  # fmt: skip
    out = assign_speakers([Segment("A", 0.1, 3.0, "да конечно записываю а во сколько", words)], d)
    assert [(s.speaker, s.text) for s in out] == [
        ("A", "да конечно записываю"),
        ("B", "а во сколько"),
    ]


def test_snap_moves_a_frame_change_into_the_nearest_long_pause() -> None:
    # Speech frames 0-99 and 130-229 (a 0.3 s pause between); the change falls at frame 90.
    idx = np.r_[np.arange(0, 100), np.arange(130, 230)]
    labels = np.r_[np.zeros(90, int), np.ones(110, int)]
    snapped = snap_changes(idx, labels)
    assert (snapped[:100] == 0).all() and (snapped[100:] == 1).all()
    # No pause near: the change stays where it was.
    flat = np.arange(0, 200)
    assert (snap_changes(flat, labels) == labels).all()


@pytest.mark.shared_data
def test_one_voice_gets_one_label() -> None:
    audio = decode(DATA / "silero-vad" / "ru.wav")
    d = split_speakers(split_channels(audio)[0], audio.sample_rate)
    assert d.uncertain and d.turns
    assert {t.speaker for t in d.turns} == {"A"}


@pytest.mark.shared_data
def test_real_sales_call_splits_only_at_pauses() -> None:
    """Two people on a real call: two labels, and every change of speaker inside one of
    Azure's phrases falls where the words pause, never between words said in one breath."""
    audio = decode(AZURE / "test_call_audio.wav")
    d = split_speakers(split_channels(audio)[0], audio.sample_rate)
    assert not d.uncertain and {t.speaker for t in d.turns} == {"A", "B"}
    phrases = json.loads((AZURE / "test_call_audio.transcription_response.json").read_text())
    segs = []
    for ph in phrases["phrases"]:
        ws = tuple(
            Word(w["text"], w["offset"] / 1000, (w["offset"] + w["duration"]) / 1000)
            for w in ph["words"]
        )
        segs.append(Segment("A", ws[0].start, ws[-1].end, ph["text"], ws))
    out = assign_speakers(segs, d)
    assert {s.speaker for s in out} == {"A", "B"}
    for a, b in zip(out, out[1:], strict=False):
        if a.speaker != b.speaker and a.words and b.words and a.end > b.start - 1.0:
            same_phrase = any(a.words[-1] in s.words and b.words[0] in s.words for s in segs)
            if same_phrase:
                assert b.words[0].start - a.words[-1].end > PAUSE_S


@pytest.mark.shared_data
def test_real_two_speaker_conversation_keeps_two_labels() -> None:
    """Too short and too even to be sure of (uncertain), but clearly two voices: both stay."""
    audio = decode(AZURE / "katiesteve.wav")
    d = split_speakers(split_channels(audio)[0], audio.sample_rate)
    assert {t.speaker for t in d.turns} == {"A", "B"}
