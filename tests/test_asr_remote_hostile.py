"""A transcription server that answers badly: every bad answer is a RemoteError naming the URL.

The server is real (http.server on 127.0.0.1 in a thread) and sends raw bytes, so the client
meets exactly what a broken or hostile server puts on the wire: wrong types, null segments,
NaN, times outside the recording, a body cut short of its Content-Length.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import numpy as np
import pytest

from qcdesk.asr.remote import RemoteEngine, RemoteError

SECONDS = 2.0
SAMPLES = (np.sin(np.linspace(0, 2000, int(16000 * SECONDS))) * 3000).astype(np.int16)


def seg(**kw: object) -> dict[str, object]:
    return {"start": 0.1, "end": 0.9, "text": " Добрый день.", **kw}


class Handler(BaseHTTPRequestHandler):
    body = b""
    declared: int | None = None  # Content-Length to claim (None: the real length)

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        self.rfile.read(int(self.headers["Content-Length"]))
        cls = type(self)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(cls.declared or len(cls.body)))
        self.end_headers()
        self.wfile.write(cls.body)
        self.wfile.flush()
        self.close_connection = True

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.body, Handler.declared = b"", None
    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def answer(url: str, body: bytes, declared: int | None = None):  # type: ignore[no-untyped-def]
    Handler.body, Handler.declared = body, declared
    return RemoteEngine(url, timeout_s=10).transcribe(SAMPLES, language="ru")


BAD = [
    {"segments": [None]},
    {"segments": "abc"},
    {"segments": [seg(start="zero")]},
    {"segments": [seg(start=None)]},
    {"segments": [seg(end=True)]},
    {"segments": [seg(text=5)]},
    {"segments": [seg(words=[None])]},
    {"segments": [seg(words=[{"word": "a", "start": "x", "end": 1}])]},
    {"segments": [seg(avg_logprob="bad")]},
    {"segments": [seg(start=-1.0)]},
    {"segments": [seg(end=SECONDS + 60)]},
    {"segments": [seg()], "words": [{"word": "день", "start": 0.1, "end": 500.0}]},
    {"text": ["not", "text"]},
    {"segments": [], "text": "алло", "duration": "long"},
    [1, 2, 3],
]


@pytest.mark.parametrize("data", BAD, ids=[f"bad{i}" for i in range(len(BAD))])
def test_wrong_shapes_and_times_are_remote_errors(server: str, data: object) -> None:
    with pytest.raises(RemoteError) as info:
        answer(server, json.dumps(data).encode())
    assert server in str(info.value)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_times_are_remote_errors(server: str, literal: str) -> None:
    body = f'{{"segments": [{{"start": {literal}, "end": 1.0, "text": "алло"}}]}}'
    with pytest.raises(RemoteError, match="unreadable answer"):
        answer(server, body.encode())


def test_body_shorter_than_content_length_is_a_remote_error(server: str) -> None:
    body = json.dumps({"segments": [seg()]}).encode()
    with pytest.raises(RemoteError) as info:
        answer(server, body[:20], declared=len(body))
    assert server in str(info.value)


def test_deeply_nested_answer_is_a_remote_error(server: str) -> None:
    with pytest.raises(RemoteError):
        answer(server, b"[" * 100_000 + b"]" * 100_000)


def test_good_answer_with_an_end_just_past_the_audio_is_kept(server: str) -> None:
    """Servers pad the last window a little: that is clamped to the recording, not refused."""
    data = {"segments": [seg(), seg(start=1.0, end=SECONDS + 0.3, text="Слушаю")]}
    segs = answer(server, json.dumps(data).encode())
    assert [(s.start, s.end) for s in segs] == [(0.1, 0.9), (1.0, SECONDS)]
