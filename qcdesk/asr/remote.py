"""Send audio to an OpenAI-compatible ``/v1/audio/transcriptions`` server (team GPU box).

faster-whisper-server, speaches and vLLM all speak this API. We ask for ``verbose_json`` with
word timestamps and send the channel as a 16 kHz WAV. Only the standard library is used, so
the engine adds no dependency; every network failure becomes a `RemoteError` naming the URL.
"""

from __future__ import annotations

import io
import json
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
        segments = parse_verbose_json(data)
        if progress:
            progress(1.0, "transcribe")
        return segments

    def _send(self, req: request.Request) -> dict[str, Any]:
        try:
            with request.urlopen(req, timeout=self.timeout_s) as resp:
                raw = resp.read()
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
        except (error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise RemoteError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "Cannot reach the transcription server {url}: {detail}"
                ),
                url=self.url,
                detail=str(reason),
            ) from exc
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            raise RemoteError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "The transcription server {url} sent an unreadable answer: {detail}",
                ),
                url=self.url,
                detail=str(exc),
            ) from exc
        return data


def parse_verbose_json(data: dict[str, Any]) -> list[AsrSegment]:
    """Segments with their words from an OpenAI ``verbose_json`` answer.

    Words come in a top-level ``words`` list (OpenAI) or inside each segment (some servers);
    top-level words are given to the segment whose time span holds their midpoint.
    """
    top = [_word(w) for w in data.get("words") or ()]
    out: list[AsrSegment] = []
    for seg in data.get("segments") or ():
        start, end = float(seg.get("start", 0.0)), float(seg.get("end", 0.0))
        inner = [_word(w) for w in seg.get("words") or ()]
        if not inner and top:
            inner = [w for w in top if start <= (w.start + w.end) / 2 < end]
        out.append(
            AsrSegment(
                start=start,
                end=max(start, end),
                text=str(seg.get("text", "")).strip(),
                words=tuple(w for w in inner if w.w),
                avg_logprob=float(seg.get("avg_logprob", 0.0)),
                no_speech_prob=float(seg.get("no_speech_prob", 0.0)),
                compression_ratio=float(seg.get("compression_ratio", 1.0)),
            )
        )
    if not out and str(data.get("text", "")).strip():
        words = tuple(w for w in top if w.w)
        start = words[0].start if words else 0.0
        end = words[-1].end if words else float(data.get("duration", 0.0))
        out.append(AsrSegment(start, max(start, end), str(data["text"]).strip(), words))
    return out


def _word(w: dict[str, Any]) -> Word:
    p = w.get("probability")
    return Word(
        str(w.get("word", "")).strip(),
        float(w.get("start", 0.0)),
        float(w.get("end", 0.0)),
        None if p is None else float(p),
    )
