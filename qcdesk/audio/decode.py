"""Decode any audio file to 16-bit PCM with the ffmpeg binary bundled by imageio-ffmpeg.

pydub's ``from_file`` needs ffprobe for non-WAV input, and imageio-ffmpeg ships only ffmpeg,
so we run ffmpeg ourselves (argument list, never a shell) and read a WAV stream from its
stdout. ffmpeg happily decodes the first part of a damaged file without failing, so we also
read its log (declared duration, error lines), check the Ogg pages and the WAV header, and raise
`AudioError` for truncated or broken files instead of silently importing half a call.
This module must stay Qt-free.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import struct
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qcdesk.errors import QT_TRANSLATE_NOOP, AudioError
from qcdesk.userfiles import open_regular

AUDIO_EXTENSIONS: frozenset[str] = frozenset(
    ".wav .mp3 .ogg .opus .oga .m4a .flac .aac .webm .wma .amr .aif .aiff .mka .3gp .caf .gsm"
    " .au .w64".split()
)
"""File name endings the import dialog offers; ffmpeg decides what a file really holds."""

DECODE_TIMEOUT_S = 600.0
"""Upper bound for one ffmpeg run; hours of telephone audio decode in seconds."""

MIN_DECODED_FRACTION = 0.9
"""A file whose decoded length is below this share of its declared length is damaged."""

_CHUNK = 1 << 20
_DURATION_RE = re.compile(r"Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)")
_MAPPING_RE = re.compile(r"Stream #0:\d+\S*\s*->\s*#0:0\s*\((\w+)")
_INPUT_RE = re.compile(r"Input #0, ([^ ]+), from")
_STREAM_RE = re.compile(r"Stream #0:\d+\S*: (Audio|Video|Subtitle|Data|Attachment): ?(\w*)")
# Demuxers that read text (tty: ANSI art, also subtitles) or still pictures, never recordings.
_NOT_MEDIA_INPUT = re.compile(
    r"^(tty|ansi|bin|xbin|idf|adf|srt|ass|webvtt|subviewer\d*|microdvd|image2|\w+_pipe)(,|$)"
)
_LEVEL_RE = re.compile(r"\[(panic|fatal|error)\] (.*)")
# Open-time errors that mean a recognised container whose structure is cut off.
_TRUNCATED_HINTS = ("moov atom not found", "truncated", "end of file", "unexpected eof")


@dataclass(frozen=True)
class AudioInfo:
    """What the rest of the app needs to know about a recording without its samples."""

    channels: int
    sample_rate: int
    duration: float
    codec: str


@dataclass(frozen=True, eq=False)
class DecodedAudio:
    """Decoded PCM: ``samples`` is int16 with shape (frames, channels).

    ``eq=False`` keeps identity equality and hashing: comparing numpy arrays field by field
    would raise instead of answering.
    """

    samples: np.ndarray
    sample_rate: int
    codec: str

    @property
    def channels(self) -> int:
        return int(self.samples.shape[1])

    @property
    def frames(self) -> int:
        return int(self.samples.shape[0])

    @property
    def duration(self) -> float:
        return self.frames / self.sample_rate

    @property
    def info(self) -> AudioInfo:
        return AudioInfo(self.channels, self.sample_rate, self.duration, self.codec)


@functools.cache
def ffmpeg_exe() -> str:
    """Path of the ffmpeg binary shipped in the imageio-ffmpeg wheel (or IMAGEIO_FFMPEG_EXE).

    Cached: imageio-ffmpeg checks the file system on every call.
    """
    import imageio_ffmpeg

    try:
        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except RuntimeError as exc:
        raise AudioError(
            QT_TRANSLATE_NOOP("KnownError", "The bundled ffmpeg program is missing: {detail}"),
            path=None,
            detail=str(exc),
        ) from exc


def sha256_file(path: Path | str) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks so hour-long WAVs never sit in memory."""
    digest = hashlib.sha256()
    try:
        with open_regular(path, AudioError) as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise AudioError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot read {path}: {detail}"),
            path=str(path),
            detail=exc.strerror or str(exc),
        ) from exc
    return digest.hexdigest()


def _check_file(path: Path) -> None:
    """Raise a specific `AudioError` for problems visible before ffmpeg runs."""
    if not path.exists():
        raise AudioError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot open {path}: the file does not exist."),
            path=str(path),
            detail="not found",
        )
    if path.is_dir():
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "KnownError", "Cannot open {path}: it is a folder, not an audio file."
            ),
            path=str(path),
            detail="is a directory",
        )
    try:
        # A FIFO or a device named *.wav would block (or never end) a plain open(): refused.
        with open_regular(path, AudioError) as fh:
            first = fh.read(1)
    except OSError as exc:
        raise AudioError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot read {path}: {detail}"),
            path=str(path),
            detail=exc.strerror or str(exc),
        ) from exc
    if not first:
        raise AudioError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot open {path}: the file is empty (0 bytes)."),
            path=str(path),
            detail="0 bytes",
        )


def _ffmpeg_args(path: Path, sample_rate: int | None, channels: int | None) -> list[str]:
    args = [ffmpeg_exe(), "-nostdin", "-hide_banner", "-nostats", "-loglevel", "level+info"]
    # "file:" keeps names such as "a:b.wav" from being read as a protocol.
    args += ["-i", "file:" + os.path.abspath(path), "-map", "0:a:0"]
    args += ["-map_metadata", "-1", "-fflags", "+bitexact", "-acodec", "pcm_s16le"]
    if sample_rate is not None:
        args += ["-ar", str(sample_rate)]
    if channels is not None:
        args += ["-ac", str(channels)]
    return [*args, "-f", "wav", "pipe:1"]


def _run_ffmpeg(
    path: Path, sample_rate: int | None, channels: int | None, timeout_s: float
) -> tuple[bytearray, str, int]:
    """Run ffmpeg to a WAV pipe; return (stdout, stderr text, return code).

    stdout is collected into one bytearray that numpy then views without copying: an hour
    of 48 kHz stereo Opus is ~700 MB of PCM, and ``subprocess.run`` plus a writable copy
    would need twice that. The log goes to a temporary file, so neither pipe can block.
    """
    args = _ffmpeg_args(path, sample_rate, channels)
    timed_out = threading.Event()
    with tempfile.TemporaryFile() as log_file:
        try:
            proc = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=log_file,
                # No console window flashing up behind the GUI on Windows.
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as exc:
            raise AudioError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "The bundled ffmpeg program cannot be started: {detail}"
                ),
                path=str(path),
                detail=f"{args[0]}: {exc.strerror or exc}",
            ) from exc

        def kill() -> None:
            timed_out.set()
            proc.kill()

        timer = threading.Timer(timeout_s, kill)
        timer.start()
        out = bytearray()
        try:
            assert proc.stdout is not None
            while chunk := proc.stdout.read(_CHUNK):
                out += chunk
            rc = proc.wait()
        finally:
            timer.cancel()
            if proc.poll() is None:  # an exception while reading: do not leave ffmpeg running
                proc.kill()
                proc.wait()
            proc.stdout.close()  # type: ignore[union-attr]
        log_file.seek(0)
        log = log_file.read().decode("utf-8", errors="replace")
    if timed_out.is_set():
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "KnownError", "Decoding {path} took longer than {seconds} s and was stopped."
            ),
            path=str(path),
            seconds=round(timeout_s),
            detail="timeout",
        )
    return out, log, rc


def _parse_wav_stream(data: bytearray) -> tuple[int, int, np.ndarray]:
    """(sample_rate, channels, int16 samples) from ffmpeg's piped WAV.

    On a pipe ffmpeg cannot seek back to fill in the chunk sizes, so the data chunk simply
    runs to the end of the stream; its size field is ignored.
    """
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("ffmpeg did not produce a WAV stream")
    pos, rate, chans = 12, 0, 0
    while pos + 8 <= len(data):
        cid, size = data[pos : pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        body = pos + 8
        if cid == b"fmt ":
            chans, rate = struct.unpack_from("<HI", data, body + 2)
        elif cid == b"data":
            if not rate or not chans:
                raise ValueError("WAV stream without a format chunk")
            usable = (len(data) - body) // (2 * chans) * (2 * chans)
            pcm = np.frombuffer(data, dtype="<i2", count=usable // 2, offset=body)
            return rate, chans, pcm.reshape(-1, chans)
        pos = body + size + (size & 1)
    raise ValueError("WAV stream without a data chunk")


def _ogg_last_page_cut(path: Path) -> bool:
    """True when the last Ogg page runs past the end of the file.

    ffmpeg takes an Ogg file's duration from its last complete page and decodes a cut-off
    file without a word, so a truncated Ogg/Opus recording is only visible in the pages.
    """
    size = path.stat().st_size
    with open(path, "rb") as fh:
        start = max(0, size - 256 * 1024)
        fh.seek(start)
        tail = fh.read()
    pos = tail.rfind(b"OggS")
    while pos >= 0:
        header_ok = len(tail) - pos >= 27 and tail[pos + 4] == 0 and tail[pos + 5] & ~0x07 == 0
        if header_ok:
            nsegs = tail[pos + 26]
            lacing = tail[pos + 27 : pos + 27 + nsegs]
            if len(lacing) < nsegs:
                return True
            return pos + 27 + nsegs + sum(lacing) > len(tail)
        if len(tail) - pos < 27:
            return True  # a page header that is itself cut off
        pos = tail.rfind(b"OggS", 0, pos)
    return False


def _wav_data_shortfall(path: Path) -> tuple[int, int] | None:
    """(declared, present) bytes of a RIFF/WAVE data chunk, or None if not applicable.

    ffmpeg does not trust a WAV data size larger than the file (it estimates the duration
    from the bitrate and only warns), so a cut-off WAV is found by reading the header here.
    """
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return None
        pos = 12
        while pos + 8 <= size:
            fh.seek(pos)
            cid, csize = struct.unpack("<4sI", fh.read(8))
            if cid == b"data":
                if csize in (0, 0xFFFFFFFF):  # streaming writers leave the size open
                    return None
                return csize, size - pos - 8
            pos += 8 + csize + (csize & 1)
    return None


def _damaged(path: Path, detail: str) -> AudioError:
    return AudioError(
        QT_TRANSLATE_NOOP("KnownError", "{path} is damaged or incomplete: {detail}"),
        path=str(path),
        detail=detail,
    )


def decode(
    path: Path | str,
    *,
    sample_rate: int | None = None,
    channels: int | None = None,
    timeout_s: float = DECODE_TIMEOUT_S,
) -> DecodedAudio:
    """Decode the first audio stream of *path* to int16 PCM, optionally resampled/remixed.

    Raises `AudioError` with a distinct message for a missing path, a folder, an empty file,
    a file that is not audio, a file without an audio stream, and a damaged or truncated one.
    """
    if sample_rate is not None and sample_rate <= 0:
        raise ValueError(f"sample_rate must be positive, got {sample_rate}")
    if channels is not None and channels <= 0:
        raise ValueError(f"channels must be positive, got {channels}")
    path = Path(path)
    _check_file(path)
    out, log, rc = _run_ffmpeg(path, sample_rate, channels, timeout_s)

    errors = [m.group(2).strip() for m in map(_LEVEL_RE.search, log.splitlines()) if m]
    input_fmt = _INPUT_RE.search(log)
    if input_fmt is None:
        # ffmpeg could not even open the file as a container.
        detail = errors[0] if errors else f"ffmpeg exit code {rc}"
        if any(h in e.lower() for e in errors for h in _TRUNCATED_HINTS):
            raise _damaged(path, detail)
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "KnownError", "{path} is not an audio file or its format is not supported."
            ),
            path=str(path),
            detail=detail,
        )
    kinds = [m.group(1) for m in _STREAM_RE.finditer(log)]
    if "Audio" not in kinds and _NOT_MEDIA_INPUT.search(input_fmt.group(1)):
        # ffmpeg opens any text as ANSI art ("tty") and a picture as a one-frame video:
        # "no audio track (video)" would send the reviewer looking for a video.
        raise AudioError(
            QT_TRANSLATE_NOOP(
                "KnownError", "{path} is not an audio file or its format is not supported."
            ),
            path=str(path),
            detail=f"{input_fmt.group(1)} input",
        )
    if "Audio" not in kinds:
        raise AudioError(
            QT_TRANSLATE_NOOP("KnownError", "{path} contains no audio track ({detail})."),
            path=str(path),
            detail=", ".join(k.lower() for k in kinds) or "no streams",
        )
    if rc != 0 or errors:
        raise _damaged(path, errors[0] if errors else f"ffmpeg exit code {rc}")
    try:
        rate, chans, samples = _parse_wav_stream(out)
    except ValueError as exc:
        raise _damaged(path, str(exc)) from exc
    if samples.shape[0] == 0:
        raise _damaged(path, "no audio could be decoded")

    mapping = _MAPPING_RE.search(log)
    audio_codec = next((m.group(2) for m in _STREAM_RE.finditer(log) if m.group(1) == "Audio"), "")
    codec = mapping.group(1) if mapping else audio_codec
    decoded = DecodedAudio(samples=samples, sample_rate=rate, codec=codec or "unknown")

    declared = _DURATION_RE.search(log)
    # A duration "estimated from bitrate" is a guess (VBR MP3 without a Xing frame can be off
    # several times over), so only a duration the file itself states is held against it.
    if declared and "Estimating duration from bitrate" not in log:
        h, m, s = declared.groups()
        total = int(h) * 3600 + int(m) * 60 + float(s)
        if total > 0 and decoded.duration < MIN_DECODED_FRACTION * total:
            raise _damaged(
                path, f"only {decoded.duration:.1f} s of the declared {total:.1f} s can be decoded"
            )
    container = input_fmt.group(1)
    if container == "ogg" and _ogg_last_page_cut(path):
        raise _damaged(path, "the last Ogg page is cut off")
    if container == "wav":
        sizes = _wav_data_shortfall(path)
        if sizes and sizes[1] < MIN_DECODED_FRACTION * sizes[0]:
            raise _damaged(
                path, f"only {sizes[1]} of the declared {sizes[0]} bytes of audio are present"
            )
    return decoded


def split_channels(decoded: DecodedAudio | np.ndarray) -> list[np.ndarray]:
    """One contiguous mono int16 array per channel (stereo calls: operator left, client right)."""
    samples = decoded.samples if isinstance(decoded, DecodedAudio) else np.asarray(decoded)
    if samples.ndim == 1:
        return [np.ascontiguousarray(samples)]
    return [np.ascontiguousarray(samples[:, c]) for c in range(samples.shape[1])]
