"""Tests for qcdesk.audio: decoding real files with the bundled ffmpeg, damage detection, peaks.

Compressed test files are encoded here from the shared synthetic call with the same bundled
ffmpeg, so every format is checked against a known source without storing binaries.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from qcdesk.audio.decode import (
    AUDIO_EXTENSIONS,
    AudioInfo,
    DecodedAudio,
    decode,
    ffmpeg_exe,
    sha256_file,
    split_channels,
)
from qcdesk.audio.peaks import PEAKS_SAMPLE_RATE, cache_path, compute_peaks, load_peaks
from qcdesk.errors import AudioError, KnownError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
STEREO_WAV = DATA / "synthetic" / "call_8k_stereo.wav"
CLIP_S = 20  # seconds of the call used for the encoded formats

# suffix -> (encoder, extra ffmpeg output args)
FORMATS = {
    ".mp3": ("libmp3lame", ["-b:a", "32k"]),
    ".ogg": ("libopus", ["-b:a", "24k"]),  # Ogg Opus, as messengers send it
    ".oga": ("libvorbis", []),
    ".m4a": ("aac", ["-b:a", "32k"]),
    ".aac": ("aac", ["-b:a", "32k", "-f", "adts"]),
    ".flac": ("flac", []),
    ".webm": ("libopus", ["-b:a", "24k"]),
}


def _ffmpeg(*args: str) -> None:
    """Run the bundled ffmpeg for test fixtures; fail the test with its log if it fails."""
    cmd = [ffmpeg_exe(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *args]
    proc = subprocess.run(cmd, capture_output=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")


@pytest.fixture(scope="module")
def encoders() -> str:
    proc = subprocess.run(
        [ffmpeg_exe(), "-nostdin", "-hide_banner", "-encoders"],
        capture_output=True,
        timeout=60,
        check=True,
    )
    return proc.stdout.decode(errors="replace")


def _need_encoder(encoders: str, name: str) -> None:
    if f" {name} " not in encoders:
        pytest.skip(f"the bundled ffmpeg has no {name} encoder")


def _read_wav(path: Path) -> tuple[wave._wave_params, np.ndarray]:
    with wave.open(str(path), "rb") as w:
        params = w.getparams()
        raw = w.readframes(params.nframes)
    return params, np.frombuffer(raw, dtype="<i2").reshape(-1, params.nchannels)


@pytest.fixture(scope="module")
def source_clip(tmp_path_factory, stereo_wav: Path) -> tuple[Path, np.ndarray, int]:
    """The first CLIP_S seconds of the stereo call as a WAV, with its samples and rate."""
    params, samples = _read_wav(stereo_wav)
    clip = samples[: CLIP_S * params.framerate]
    out = tmp_path_factory.mktemp("src") / "clip.wav"
    with wave.open(str(out), "wb") as w:
        w.setnchannels(params.nchannels)
        w.setsampwidth(2)
        w.setframerate(params.framerate)
        w.writeframes(clip.astype("<i2").tobytes())
    return out, clip, params.framerate


@pytest.fixture(scope="module")
def encoded(tmp_path_factory, source_clip, encoders) -> dict[str, Path]:
    """The clip encoded to each format the bundled ffmpeg can write."""
    src = source_clip[0]
    folder = tmp_path_factory.mktemp("enc")
    files = {".wav": src}
    for suffix, (encoder, extra) in FORMATS.items():
        if f" {encoder} " in encoders:
            files[suffix] = folder / f"clip{suffix}"
            _ffmpeg("-i", str(src), "-c:a", encoder, *extra, str(files[suffix]))
    return files


def _cut(src: Path, dst: Path, fraction: float) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * fraction)])
    return dst


def _raises_audio_error(path: Path) -> AudioError:
    with pytest.raises(AudioError) as info:
        decode(path)
    err = info.value
    assert isinstance(err, KnownError)
    assert err.path == str(path)
    assert str(path) in str(err)
    return err


# --- decoding ---------------------------------------------------------------------------


@pytest.mark.shared_data
def test_stereo_wav_matches_wave_header_and_samples():
    params, raw = _read_wav(STEREO_WAV)
    audio = decode(STEREO_WAV)
    assert isinstance(audio, DecodedAudio)
    assert audio.channels == params.nchannels == 2
    assert audio.sample_rate == params.framerate == 8000
    assert audio.samples.dtype == np.int16
    assert audio.samples.shape == (params.nframes, 2)
    assert audio.duration == pytest.approx(params.nframes / params.framerate)
    assert audio.info == AudioInfo(2, params.framerate, audio.duration, audio.codec)
    assert audio.codec.startswith("pcm_s16")
    np.testing.assert_array_equal(audio.samples, raw)
    assert audio.samples.flags.writeable


@pytest.mark.shared_data
def test_resample_and_downmix():
    params, _ = _read_wav(STEREO_WAV)
    audio = decode(STEREO_WAV, sample_rate=16000, channels=1)
    assert (audio.channels, audio.sample_rate) == (1, 16000)
    assert audio.duration == pytest.approx(params.nframes / params.framerate, abs=0.01)


@pytest.mark.shared_data
def test_decoding_past_the_timeout_is_stopped():
    with pytest.raises(AudioError) as info:
        decode(STEREO_WAV, timeout_s=0.001)
    assert "took longer" in str(info.value) and str(STEREO_WAV) in str(info.value)


@pytest.mark.shared_data
def test_invalid_arguments_are_programming_errors():
    with pytest.raises(ValueError):
        decode(STEREO_WAV, sample_rate=0)
    with pytest.raises(ValueError):
        decode(STEREO_WAV, channels=-1)


@pytest.mark.shared_data
def test_cyrillic_path_with_spaces(tmp_path):
    target = tmp_path / "папка с пробелами" / "запись звонка 1.wav"
    target.parent.mkdir()
    shutil.copyfile(STEREO_WAV, target)
    np.testing.assert_array_equal(decode(target).samples, decode(STEREO_WAV).samples)


@pytest.mark.parametrize("suffix", sorted(set(FORMATS) | {".wav"}))
def test_formats_round_trip(suffix, encoded, source_clip):
    if suffix not in encoded:
        pytest.skip(f"the bundled ffmpeg has no {FORMATS[suffix][0]} encoder")
    _, clip, rate = source_clip
    audio = decode(encoded[suffix])
    assert audio.channels == clip.shape[1]
    # Encoders add priming samples; ADTS AAC keeps them, the containers trim them.
    assert audio.duration == pytest.approx(clip.shape[0] / rate, abs=0.3)
    if suffix in (".wav", ".flac"):
        np.testing.assert_array_equal(audio.samples, clip)
    else:
        # Lossy: the loudness of each channel (consultant left, client right) survives.
        got = np.sqrt(np.mean(audio.samples.astype(np.float64) ** 2, axis=0))
        want = np.sqrt(np.mean(clip.astype(np.float64) ** 2, axis=0))
        np.testing.assert_allclose(got, want, rtol=0.3)


def test_vbr_mp3_without_xing_frame_is_not_flagged(tmp_path, source_clip, encoders):
    """ffmpeg guesses the length of such a file from its first (silent, tiny) frames."""
    _need_encoder(encoders, "libmp3lame")
    out = tmp_path / "vbr.mp3"
    _ffmpeg(
        "-f", "lavfi", "-i", "anullsrc=r=8000:cl=stereo:d=8", "-i", str(source_clip[0]),
        "-filter_complex", "[0:a][1:a]concat=n=2:v=0:a=1",
        "-c:a", "libmp3lame", "-q:a", "2", "-write_xing", "0", str(out),
    )  # fmt: skip
    audio = decode(out)
    assert audio.duration == pytest.approx(8 + CLIP_S, abs=0.3)


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(set(FORMATS) | {".wav"}))
def test_truncated_files_are_damaged(suffix, encoded, tmp_path):
    if suffix not in encoded:
        pytest.skip(f"the bundled ffmpeg has no {FORMATS[suffix][0]} encoder")
    cut = _cut(encoded[suffix], tmp_path / f"обрезан 60%{suffix}", 0.6)
    err = _raises_audio_error(cut)
    assert "damaged" in err.template
    assert err.params["detail"]


def test_wav_cut_on_a_frame_boundary_is_damaged(tmp_path, source_clip):
    """ffmpeg decodes such a WAV without an error; only its header shows what is missing."""
    src, clip, _ = source_clip
    data = src.read_bytes()
    header = len(data) - clip.nbytes
    frame = clip.itemsize * clip.shape[1]
    cut = tmp_path / "cut.wav"
    cut.write_bytes(data[: header + (clip.shape[0] // 2) * frame])
    err = _raises_audio_error(cut)
    assert "damaged" in err.template


def test_each_bad_input_has_its_own_message(tmp_path, encoded, encoders):
    _need_encoder(encoders, "mpeg4")
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    text = tmp_path / "notes.wav"
    text.write_text("это не звук, а заметки менеджера\n" * 20, encoding="utf-8")
    video = tmp_path / "video only.mp4"
    _ffmpeg("-f", "lavfi", "-i", "testsrc=d=1:s=64x64", "-c:v", "mpeg4", str(video))
    cut = _cut(encoded[".mp3"], tmp_path / "cut.mp3", 0.6)
    cases = {
        "does not exist": tmp_path / "нет такого.wav",
        "folder": tmp_path,
        "empty": empty,
        "not an audio file": text,
        "no audio track": video,
        "damaged": cut,
    }
    templates = set()
    for phrase, path in cases.items():
        err = _raises_audio_error(path)
        assert phrase in str(err), (path, str(err))
        templates.add(err.template)
    assert len(templates) == len(cases)


@pytest.mark.shared_data
def test_unreadable_file(tmp_path):
    target = tmp_path / "locked.wav"
    shutil.copyfile(STEREO_WAV, target)
    target.chmod(0)
    try:
        if os.access(target, os.R_OK):
            pytest.skip("running as a user who can read a mode-000 file (root)")
        err = _raises_audio_error(target)
        assert "Cannot read" in str(err)
    finally:
        target.chmod(0o644)


@pytest.mark.shared_data
def test_sha256_is_streamed_correctly(tmp_path):
    assert STEREO_WAV.stat().st_size > 2 * (1 << 20)  # spans several 1 MiB chunks
    assert sha256_file(STEREO_WAV) == hashlib.sha256(STEREO_WAV.read_bytes()).hexdigest()
    with pytest.raises(AudioError):
        sha256_file(tmp_path / "missing.wav")


@pytest.mark.shared_data
def test_split_channels():
    audio = decode(STEREO_WAV)
    left, right = split_channels(audio)
    for i, mono in enumerate((left, right)):
        assert mono.dtype == np.int16 and mono.ndim == 1 and mono.flags.c_contiguous
        np.testing.assert_array_equal(mono, audio.samples[:, i])
    assert not np.array_equal(left, right)  # consultant and client are different voices


def test_bundled_ffmpeg_and_extensions():
    assert Path(ffmpeg_exe()).is_file()
    assert {".wav", ".mp3", ".ogg", ".opus", ".oga", ".m4a", ".flac", ".aac"} <= AUDIO_EXTENSIONS
    assert all(e.startswith(".") and e == e.lower() for e in AUDIO_EXTENSIONS)


# --- peaks ------------------------------------------------------------------------------


def _naive_peaks(samples: np.ndarray, buckets: int) -> np.ndarray:
    """Loop reference: bucket b covers frames [b*n//B, (b+1)*n//B)."""
    frames, channels = samples.shape
    out = np.zeros((channels, buckets, 2), dtype=np.float64)
    for b in range(buckets):
        seg = samples[b * frames // buckets : (b + 1) * frames // buckets]
        out[:, b, 0] = seg.min(axis=0) / 32768
        out[:, b, 1] = seg.max(axis=0) / 32768
    return out


def test_peaks_of_a_sine_with_known_amplitude():
    rate, freq, seconds = 8000, 100, 2
    n = np.arange(rate * seconds)
    amp_left, amp_right = 16384, 8192
    sine = np.sin(2 * np.pi * freq * n / rate)
    left = np.round(amp_left * sine).astype(np.int16)
    right = np.round(amp_right * sine).astype(np.int16)
    right[: len(n) // 2] = 0  # silent first half
    peaks = compute_peaks(np.stack([left, right], axis=1), buckets=20)  # 10 periods a bucket
    assert peaks.shape == (2, 20, 2) and peaks.dtype == np.float32
    np.testing.assert_allclose(peaks[0, :, 0], -amp_left / 32768)
    np.testing.assert_allclose(peaks[0, :, 1], amp_left / 32768)
    np.testing.assert_array_equal(peaks[1, :10], 0)
    np.testing.assert_allclose(peaks[1, 10:, 1], amp_right / 32768)


def test_peaks_match_naive_reference_and_stay_in_range():
    rng = np.random.default_rng(7)
    samples = rng.integers(-32768, 32768, size=(10_007, 2), dtype=np.int16)
    samples[0, 0], samples[1, 1] = -32768, 32767
    peaks = compute_peaks(samples, 613)
    np.testing.assert_allclose(peaks, _naive_peaks(samples, 613), rtol=1e-6)
    assert peaks.min() >= -1.0 and peaks.max() <= 1.0
    assert peaks[0, 0, 0] == -1.0


def test_peaks_short_mono_and_empty_input():
    mono = np.array([0, 1000, -2000], dtype=np.int16)
    peaks = compute_peaks(mono, 6)
    assert peaks.shape == (1, 6, 2)
    np.testing.assert_allclose(peaks[0, :, 0], np.repeat(mono, 2) / 32768)
    np.testing.assert_array_equal(peaks[0, :, 0], peaks[0, :, 1])
    assert not compute_peaks(np.zeros((0, 2), dtype=np.int16), 5).any()
    with pytest.raises(ValueError):
        compute_peaks(mono, 0)


@pytest.mark.shared_data
def test_peaks_cache_hit_and_corrupt_cache(tmp_path):
    sha = sha256_file(STEREO_WAV)
    cache = tmp_path / "cache"
    first = load_peaks(STEREO_WAV, sha, cache, buckets=500)
    target = cache / f"{sha}-500.npy"
    assert target == cache_path(cache, sha, 500) and target.is_file()
    expected = compute_peaks(decode(STEREO_WAV, sample_rate=PEAKS_SAMPLE_RATE).samples, 500)
    np.testing.assert_array_equal(first, expected)
    assert first.shape == (2, 500, 2)
    np.testing.assert_array_equal(load_peaks(STEREO_WAV, sha, cache, buckets=500), first)
    assert list(cache.iterdir()) == [target]  # no temporary files left behind

    # A hit really reads the file: a planted (valid) array comes back as is.
    planted = np.full_like(first, 0.25)
    np.save(target, planted)
    np.testing.assert_array_equal(load_peaks(STEREO_WAV, sha, cache, buckets=500), planted)

    for junk in (b"not numpy at all", target.read_bytes()[:100]):
        target.write_bytes(junk)
        np.testing.assert_array_equal(load_peaks(STEREO_WAV, sha, cache, buckets=500), first)
        np.testing.assert_array_equal(np.load(target), first)  # rewritten

    np.save(target, np.zeros((2, 7, 2), dtype=np.float32))  # wrong shape
    np.testing.assert_array_equal(load_peaks(STEREO_WAV, sha, cache, buckets=500), first)

    with pytest.raises(ValueError):
        load_peaks(STEREO_WAV, "../../etc/passwd", cache)
