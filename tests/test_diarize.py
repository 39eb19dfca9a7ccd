"""Tests for the model-free two-speaker split on the shared synthetic calls and on tones."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from qcdesk.audio.decode import decode, split_channels
from qcdesk.audio.diarize import (
    Diarization,
    SpeakerTurn,
    assign_speakers,
    speaker_at,
    split_speakers,
)
from qcdesk.services.dto import Segment, Word

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _best_share(d: Diarization, truth: list[dict], step: float = 0.01) -> tuple[float, float]:
    """(time share, word share) right, mapping A/B to the truth by the better agreement.

    Words are placed inside each true turn in proportion to their length (the turns file has
    no word times); every point goes to the turn holding it or the nearest one.
    """
    hits = {False: [0, 0], True: [0, 0]}  # swapped? -> [time hits, word hits]
    total_t = total_w = 0
    for turn in truth:
        times = np.arange(turn["start"], turn["end"], step)
        words = turn["text"].split()
        edges = np.cumsum([0] + [len(w) + 1 for w in words]) / (len(" ".join(words)) + 1)
        mids = turn["start"] + (edges[:-1] + edges[1:]) / 2 * (turn["end"] - turn["start"])
        total_t += len(times)
        total_w += len(mids)
        for swapped in (False, True):
            want = {"A": "B", "B": "A"}[turn["speaker"]] if swapped else turn["speaker"]
            hits[swapped][0] += sum(speaker_at(d, t) == want for t in times)
            hits[swapped][1] += sum(speaker_at(d, t) == want for t in mids)
    best = max(hits.values(), key=lambda h: h[0])
    return best[0] / total_t, best[1] / total_w


@pytest.mark.shared_data
@pytest.mark.parametrize(("folder", "target"), [("synthetic", 0.95), ("synthetic-hard", 0.85)])
def test_mono_call_split_meets_target(folder: str, target: float) -> None:
    audio = decode(DATA / folder / "call_8k_mono.wav")
    truth = json.loads((DATA / folder / "turns.json").read_text(encoding="utf-8"))
    d = split_speakers(split_channels(audio)[0], audio.sample_rate)
    time_share, word_share = _best_share(d, truth)
    print(f"{folder}: time {time_share:.4f} words {word_share:.4f} confidence {d.confidence}")
    assert time_share >= target
    assert word_share >= target
    assert not d.uncertain
    assert 0.0 < d.confidence <= 1.0
    assert d.turns[0].speaker == "A"  # whoever speaks first
    pairs = zip(d.turns, d.turns[1:], strict=False)
    assert all(a.start <= b.start and a.end <= b.end for a, b in pairs)


def _voice(f0: float, formant: float, seconds: float, sr: int, rng: np.random.Generator):
    """A buzzy harmonic tone with a vibrato and one resonance: a crude vowel."""
    t = np.arange(int(seconds * sr)) / sr
    pitch = f0 * (1 + 0.03 * np.sin(2 * np.pi * 3 * t))
    phase = 2 * np.pi * np.cumsum(pitch) / sr
    out = np.zeros_like(t)
    for k in range(1, int(3600 / f0)):
        out += np.exp(-(((k * f0 - formant) / 500.0) ** 2)) * np.sin(k * phase)
    out *= 1 + 0.5 * np.sin(2 * np.pi * 4 * t)  # syllable-like loudness
    return out / np.abs(out).max() * 0.3 + rng.normal(0, 1e-3, len(t))


def _tone_call(sr: int) -> tuple[np.ndarray, list[tuple[str, float]]]:
    rng = np.random.default_rng(7)
    plan = [("A", 3.0), ("B", 2.5), ("A", 4.0), ("B", 3.0), ("A", 2.0), ("B", 3.5)]
    parts = []
    for who, secs in plan:
        f0, formant = (110.0, 700.0) if who == "A" else (190.0, 1800.0)
        parts += [_voice(f0, formant, secs, sr, rng), np.zeros(int(0.5 * sr))]
    return np.concatenate(parts).astype(np.float32), plan


def test_two_tone_voices_split_where_they_change() -> None:
    """Tones are not speech to Silero, so the clustering is tried on them with the energy VAD."""
    sr, rng = 8000, np.random.default_rng(7)
    plan = [("A", 3.0), ("B", 2.5), ("A", 4.0), ("B", 3.0), ("A", 2.0), ("B", 3.5)]
    parts, truth, now = [], [], 0.0
    for who, secs in plan:
        f0, formant = (110.0, 700.0) if who == "A" else (190.0, 1800.0)
        parts += [_voice(f0, formant, secs, sr, rng), np.zeros(int(0.5 * sr))]
        truth.append({"speaker": who, "start": now, "end": now + secs, "text": "x"})
        now += secs + 0.5
    d = split_speakers(np.concatenate(parts).astype(np.float32), sr, vad="energy")
    time_share, _ = _best_share(d, truth)
    assert time_share >= 0.97
    assert [t.speaker for t in d.turns] == [w for w, _ in plan]
    assert not d.uncertain


def test_silence_gives_no_turns() -> None:
    for samples in (np.zeros(8000 * 5, np.int16), np.zeros(10, np.int16)):
        d = split_speakers(samples, 8000)
        assert d.turns == ()
        assert d.uncertain and d.confidence == 0.0


@pytest.mark.shared_data
def test_one_speaker_is_uncertain() -> None:
    audio = decode(DATA / "synthetic" / "call_8k_mono.wav")
    x = split_channels(audio)[0]
    sr = audio.sample_rate
    truth = json.loads((DATA / "synthetic" / "turns.json").read_text(encoding="utf-8"))
    only_a = np.concatenate(
        [x[int(t["start"] * sr) : int(t["end"] * sr)] for t in truth if t["speaker"] == "A"]
    )
    d = split_speakers(only_a, sr)
    assert d.uncertain
    assert d.confidence < 0.3
    assert {t.speaker for t in d.turns} == {"A"}  # one voice, one label


def test_assign_speakers_splits_segments_by_word() -> None:
    d = Diarization((SpeakerTurn(0.0, 2.0, "A"), SpeakerTurn(2.5, 5.0, "B")), False, 0.9)
    words = (Word("да", 1.0, 1.4), Word("нет", 1.6, 2.2), Word("хорошо", 2.6, 3.0))
    seg = Segment("A", 1.0, 3.0, "да нет хорошо", words)
    out = assign_speakers([seg, Segment("A", 2.4, 4.0, "без слов")], d)
    # "нет" has its midpoint (1.9) in A's turn; "хорошо" in B's.
    assert [(s.speaker, s.text) for s in out] == [
        ("A", "да нет"),
        ("B", "хорошо"),
        ("B", "без слов"),
    ]
    assert out[0].start == 1.0 and out[1].end == 3.0
    assert [w.w for w in out[1].words] == ["хорошо"]
    # A word in a pause goes to the nearest turn.
    gap = Segment("B", 2.1, 2.3, "ну", (Word("ну", 2.1, 2.2),))
    assert assign_speakers([gap], d)[0].speaker == "A"
    assert assign_speakers([seg], Diarization((), True, 0.0)) == (seg,)


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("path", "confident"),
    [
        ("synthetic/call_8k_mono.wav", True),
        ("synthetic-hard/call_8k_mono.wav", True),
        ("silero-vad/ru.wav", False),  # one voice: a split by phonetic content, not speakers
    ],
)
def test_confidence_is_half_exactly_where_the_split_turns_uncertain(
    path: str, confident: bool
) -> None:
    audio = decode(DATA / path)
    d = split_speakers(split_channels(audio)[0], audio.sample_rate)
    assert (d.confidence >= 0.5) is confident
    assert d.uncertain is not confident


def test_tones_are_not_speech_to_the_default_silero_vad() -> None:
    samples, plan = _tone_call(8000)
    d = split_speakers(samples, 8000)
    assert d.uncertain and d.confidence == 0.0
    # The energy VAD finds all 18 s of tones; Silero lets through a few blips at most.
    assert sum(t.end - t.start for t in d.turns) < 0.15 * sum(secs for _, secs in plan)


def test_without_silero_the_energy_vad_decides_and_the_log_says_so(monkeypatch, caplog) -> None:
    """onnxruntime missing (simulated in faster-whisper, not in qcdesk): the split still runs."""
    import faster_whisper.vad

    def missing() -> None:
        raise RuntimeError("Applying the VAD filter requires the onnxruntime package")

    monkeypatch.setattr(faster_whisper.vad, "get_vad_model", missing)
    samples, plan = _tone_call(8000)
    with caplog.at_level("WARNING", logger="qcdesk.audio.vad"):
        d = split_speakers(samples, 8000)
    assert d == split_speakers(samples, 8000, vad="energy")
    assert [t.speaker for t in d.turns] == [w for w, _ in plan]
    assert "Silero VAD unavailable" in caplog.text
