"""Real transcriptions with the bundled base model: accuracy, stereo roles, VAD, edge cases.

Marked ``asr`` and ``slow``; kept few because they run in the default suite too.
"""

from __future__ import annotations

import json
import wave
from pathlib import Path

import numpy as np
import pytest
from helpers.textnorm import normalize_words, wer

from qcdesk.asr.base import TranscriptionCancelled
from qcdesk.asr.local import LocalWhisperEngine
from qcdesk.asr.model_store import resolve_model
from qcdesk.asr.pipeline import transcribe_file
from qcdesk.errors import AudioError

pytestmark = [pytest.mark.asr, pytest.mark.slow]
GOLOS = "golos/001ce26c07c20eaa0d666b824c6c6924.wav"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> LocalWhisperEngine:
    model = resolve_model(None, tmp_path_factory.mktemp("models"))
    return LocalWhisperEngine(model, device="cpu")


def golos_reference(shared_data: Path) -> str:
    return json.loads((shared_data / "golos" / "example1.json").read_text("utf-8"))["text"]


def test_golos_clip_wer(engine: LocalWhisperEngine, shared_data: Path) -> None:
    seen: list[tuple[float, str]] = []
    result = transcribe_file(
        shared_data / GOLOS, engine=engine, roles=None, progress=lambda f, p: seen.append((f, p))
    )
    text = " ".join(s.text for s in result.transcript.segments)
    assert wer(golos_reference(shared_data), text) <= 0.35, text
    assert result.duration == pytest.approx(4.0, abs=0.05)
    words = [w for s in result.transcript.segments for w in s.words]
    assert words and all(w.p is not None and 0 <= w.p <= 1 for w in words)
    fractions = [f for f, phase in seen if phase == "transcribe"]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_stereo_call_roles_order_and_turn_starts(
    engine: LocalWhisperEngine, stereo_wav: Path, shared_data: Path
) -> None:
    """Each channel's speaker is right and the first words of turns survive the VAD."""
    turns = json.loads((shared_data / "synthetic" / "turns.json").read_text("utf-8"))
    result = transcribe_file(stereo_wav, engine=engine, roles=("consultant", "client"))
    segs = result.transcript.segments
    assert [s.start for s in segs] == sorted(s.start for s in segs)
    assert {s.speaker for s in segs} == {"consultant", "client"}
    assert segs[0].speaker == "consultant"
    role = {"A": "consultant", "B": "client"}
    words = [(w, s.speaker) for s in segs for w in s.words]
    for w, speaker in words:  # every word lies inside a turn of its own speaker (±0.6 s)
        mid = (w.start + w.end) / 2
        owner = [t for t in turns if t["start"] - 0.6 <= mid <= t["end"] + 0.6]
        assert any(role[t["speaker"]] == speaker for t in owner), (w, speaker)
    kept = 0
    for t in turns:  # a word of the right speaker starts within 0.6 s of each turn's start
        near = [
            w for w, sp in words if sp == role[t["speaker"]] and abs(w.start - t["start"]) < 0.6
        ]
        kept += bool(near)
    assert kept >= len(turns) - 1, f"{kept} of {len(turns)} turn starts kept"
    text = normalize_words(" ".join(s.text for s in segs))
    assert wer(" ".join(t["text"] for t in turns), " ".join(text)) < 0.35


def write_wav(path: Path, samples: np.ndarray, rate: int = 8000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(samples.shape[1] if samples.ndim == 2 else 1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.astype("<i2").tobytes())
    return path


@pytest.mark.parametrize("channels", [1, 2])
def test_silent_file_gives_an_empty_transcript(
    engine: LocalWhisperEngine, tmp_path: Path, channels: int
) -> None:
    silent = write_wav(tmp_path / "тишина.wav", np.zeros((8000 * 6, channels), dtype=np.int16))
    result = transcribe_file(silent, engine=engine)
    assert result.transcript.segments == ()
    assert result.duration == pytest.approx(6.0, abs=0.01)


def test_broken_file_raises_audio_error_naming_it(
    engine: LocalWhisperEngine, tmp_path: Path
) -> None:
    broken = tmp_path / "call.wav"
    broken.write_text("not audio at all\n" * 50, encoding="utf-8")
    with pytest.raises(AudioError) as info:
        transcribe_file(broken, engine=engine)
    assert info.value.path == str(broken)


def test_cancel_stops_between_segments(engine: LocalWhisperEngine, stereo_wav: Path) -> None:
    calls = {"n": 0}

    def is_cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(TranscriptionCancelled):
        transcribe_file(stereo_wav, engine=engine, is_cancelled=is_cancelled)


def test_speech_of_both_channels_is_packed_into_full_windows(shared_data: Path) -> None:
    """Pieces mix the channels in time order, stay within a window, and map back exactly."""
    from qcdesk.asr.base import SAMPLE_RATE, to_float32
    from qcdesk.asr.local import PIECE_S, _pack
    from qcdesk.audio.decode import decode, split_channels

    decoded = decode(shared_data / "synthetic" / "call_8k_stereo.wav", sample_rate=SAMPLE_RATE)
    channels = [to_float32(c) for c in split_channels(decoded)]
    pieces = _pack(channels, vad=True)
    speech = sum(p.seconds for p in pieces)
    assert all(p.seconds <= PIECE_S + 1e-6 for p in pieces)
    # Fewer windows than one queue per channel would need, and no more than one spare.
    assert len(pieces) <= int(np.ceil(speech / PIECE_S)) + 1
    assert any(len(set(p.channels)) == 2 for p in pieces)
    starts = [s for p in pieces for s in p.starts]
    assert starts == sorted(starts)
    for p in pieces:
        ends = [*p.offsets[1:], p.seconds]
        for start, offset, end, ch in zip(p.starts, p.offsets, ends, p.channels, strict=True):
            a, n = round(start * SAMPLE_RATE), round((end - offset) * SAMPLE_RATE)
            b = round(offset * SAMPLE_RATE)
            np.testing.assert_array_equal(p.audio[b : b + n], channels[ch][a : a + n])


def test_mono_speaker_split_works_in_small_blocks(shared_data: Path) -> None:
    """The speaker split's frame matrices stay small (a mono job must fit in 700 MB)."""
    import tracemalloc

    from qcdesk.audio.decode import decode, split_channels
    from qcdesk.audio.diarize import split_speakers

    mono = decode(shared_data / "synthetic" / "call_8k_mono.wav", sample_rate=16000)
    samples = split_channels(mono)[0]
    tracemalloc.start()
    try:
        result = split_speakers(samples, 16000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(result.turns) >= 4
    assert peak < 150e6, f"{peak / 1e6:.0f} MB for a 2-minute call"
