"""Send audio to an OpenAI-compatible ``/v1/audio/transcriptions`` server (team GPU box).

faster-whisper-server, speaches and vLLM all speak this API. We ask for ``verbose_json`` with
word timestamps and send the channel as a 16 kHz WAV. Only the standard library is used, so
the engine adds no dependency; every network failure becomes a `RemoteError` naming the URL.
"""

from __future__ import annotations

import http.client
import io
import json
import math
import uuid
import wave
from typing import Any
from urllib import error, request

import numpy as np

from qcdesk.asr.base import (
    SAMPLE_RATE,
    AsrSegment,
    CancelFn,
    ProgressFn,
    TranscriptionCancelled,
)
from qcdesk.domain.transcript import Word
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError

# A transcript of hours of speech with word times is a few MB; more is a broken or hostile server.
MAX_ANSWER_BYTES = 64 << 20


class RemoteError(KnownError):
    """The transcription server cannot be reached or answered with an error."""


def wav_bytes(samples: np.ndarray) -> bytes:
    """16-bit mono WAV at 16 kHz from int16 or float32 samples."""
    if samples.dtype != np.int16:
        samples = (np.clip(samples, -1.0, 1.0) * 32767).astype(np.int16)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(samples.astype("<i2").tobytes())
    return buf.getvalue()


def _multipart(fields: list[tuple[str, str]], file_bytes: bytes) -> tuple[bytes, str]:
    boundary = "qcdesk-" + uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(value.encode() + b"\r\n")
    out.write(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="audio.wav"\r\n'
        "Content-Type: audio/wav\r\n\r\n".encode()
    )
    out.write(file_bytes + b"\r\n" + f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


class RemoteEngine:
    """An `Engine` backed by a transcription server.

    Args:
        base_url: e.g. ``http://gpu-box:8000`` (``/v1/audio/transcriptions`` is appended
            unless the URL already ends with it).
        api_key: sent as a Bearer token when set.
        model: the server's model name.
    """

    name = "remote"

    def __init__(
        self, base_url: str, *, api_key: str = "", model: str = "whisper-1", timeout_s: float = 600
    ) -> None:
        url = base_url.rstrip("/")
        if not url.endswith("/audio/transcriptions"):
            url += "/audio/transcriptions" if url.endswith("/v1") else "/v1/audio/transcriptions"
        self.url = url
        self.api_key = api_key
        self.model = model
        self.timeout_s = timeout_s

    def transcribe(
        self,
        samples: np.ndarray,
        *,
        language: str,
        progress: ProgressFn | None = None,
        is_cancelled: CancelFn | None = None,
    ) -> list[AsrSegment]:
        if len(samples) == 0:
            return []
        if is_cancelled and is_cancelled():
            raise TranscriptionCancelled
        if progress:
            progress(0.0, "transcribe")
        fields = [
            ("model", self.model),
            ("language", language),
            ("response_format", "verbose_json"),
            ("timestamp_granularities[]", "word"),
            ("timestamp_granularities[]", "segment"),
            ("temperature", "0"),
        ]
        body, ctype = _multipart(fields, wav_bytes(samples))
        req = request.Request(self.url, data=body, method="POST")
        req.add_header("Content-Type", ctype)
        if self.api_key:
            req.add_header("Authorization", f"Bearer {self.api_key}")
        data = self._send(req)
        if is_cancelled and is_cancelled():
            raise TranscriptionCancelled
        try:
            segments = parse_verbose_json(data, duration=len(samples) / SAMPLE_RATE)
        except AnswerError as exc:
            raise self._unreadable(exc) from exc
        if progress:
            progress(1.0, "transcribe")
        return segments

    def _unreadable(self, exc: Exception) -> RemoteError:
        """The one message for an answer that is not what the API promises, naming the server."""
        return RemoteError(
            QT_TRANSLATE_NOOP(
                "KnownError", "The transcription server {url} sent an unreadable answer: {detail}"
            ),
            url=self.url,
            detail=str(exc),
        )

    def _send(self, req: request.Request) -> dict[str, Any]:
        try:
            with request.urlopen(req, timeout=self.timeout_s) as resp:
                raw = resp.read(MAX_ANSWER_BYTES + 1)
        except error.HTTPError as exc:
            with exc:  # the error response holds the socket open until closed
                detail = exc.read(500).decode("utf-8", "replace").strip() or exc.reason
            raise RemoteError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "The transcription server {url} answered {status}: {detail}"
                ),
                url=self.url,
                status=exc.code,
                detail=detail,
            ) from exc
        except (error.URLError, OSError, http.client.HTTPException) as exc:
            # HTTPException: IncompleteRead (a body shorter than its Content-Length), a
            # malformed status line or headers: the server's fault, told as unreachable.
            reason = getattr(exc, "reason", exc)
            raise RemoteError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "Cannot reach the transcription server {url}: {detail}"
                ),
                url=self.url,
                detail=str(reason),
            ) from exc
        try:
            if len(raw) > MAX_ANSWER_BYTES:
                raise ValueError(f"the answer is larger than {MAX_ANSWER_BYTES >> 20} MB")
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except (ValueError, RecursionError) as exc:
            raise self._unreadable(exc) from exc
        return data


class AnswerError(ValueError):
    """A server answer whose shape or times cannot be trusted (a wrong type, NaN, out of range)."""


# Whisper servers round times and pad the last window: an end a little past the audio is normal.
_TIME_SLACK_S = 1.0


def _time(v: Any, what: str, duration: float | None) -> float:
    """A finite, non-negative time within the recording (plus slack); AnswerError otherwise."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise AnswerError(f"{what} is not a number: {v!r:.40}")
    t = float(v)
    if not math.isfinite(t) or t < 0:
        raise AnswerError(f"{what} is out of range: {t!r}")
    if duration is not None and t > duration + _TIME_SLACK_S:
        raise AnswerError(f"{what} {t:.2f} s is past the end of the recording ({duration:.2f} s)")
    return t if duration is None else min(t, duration)


def _number(v: Any, what: str, default: float) -> float:
    if v is None:
        return default
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise AnswerError(f"{what} is not a number: {v!r:.40}")
    return float(v)


def _items(v: Any, what: str) -> list[dict[str, Any]]:
    """A list of objects (None: empty); a list holding anything else is refused."""
    if v is None:
        return []
    if not isinstance(v, list) or not all(isinstance(x, dict) for x in v):
        raise AnswerError(f"{what} is not a list of objects")
    return v


def _text(v: Any, what: str) -> str:
    if v is None:
        return ""
    if not isinstance(v, str):
        raise AnswerError(f"{what} is not text")
    return v


def parse_verbose_json(data: dict[str, Any], duration: float | None = None) -> list[AsrSegment]:
    """Segments with their words from an OpenAI ``verbose_json`` answer.

    Words come in a top-level ``words`` list (OpenAI) or inside each segment (some servers);
    top-level words are given to the segment whose time span holds their midpoint.

    The answer comes over the network from a program we do not control, so every field is
    checked: a wrong type, a null segment, a NaN or a time outside the recording (*duration*
    seconds, when known) raises `AnswerError` instead of reaching the transcript.
    """
    top = [_word(w, duration) for w in _items(data.get("words"), "words")]
    out: list[AsrSegment] = []
    for i, seg in enumerate(_items(data.get("segments"), "segments"), 1):
        start = _time(seg.get("start", 0.0), f"segment {i} start", duration)
        end = _time(seg.get("end", 0.0), f"segment {i} end", duration)
        inner = [_word(w, duration) for w in _items(seg.get("words"), f"segment {i} words")]
        if not inner and top:
            inner = [w for w in top if start <= (w.start + w.end) / 2 < end]
        out.append(
            AsrSegment(
                start=start,
                end=max(start, end),
                text=_text(seg.get("text"), f"segment {i} text").strip(),
                words=tuple(w for w in inner if w.w),
                avg_logprob=_number(seg.get("avg_logprob"), "avg_logprob", 0.0),
                no_speech_prob=_number(seg.get("no_speech_prob"), "no_speech_prob", 0.0),
                compression_ratio=_number(seg.get("compression_ratio"), "compression_ratio", 1.0),
            )
        )
    text = _text(data.get("text"), "text").strip()
    if not out and text:
        words = tuple(w for w in top if w.w)
        start = words[0].start if words else 0.0
        end = words[-1].end if words else _time(data.get("duration", 0.0), "duration", duration)
        out.append(AsrSegment(start, max(start, end), text, words))
    return out


def _word(w: dict[str, Any], duration: float | None = None) -> Word:
    p = w.get("probability")
    return Word(
        _text(w.get("word"), "word").strip(),
        _time(w.get("start", 0.0), "word start", duration),
        _time(w.get("end", 0.0), "word end", duration),
        None if p is None else _number(p, "word probability", 0.0),
    )
