"""The remote engine against a small OpenAI-compatible server started on loopback."""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import numpy as np
import pytest

from qcdesk.asr.remote import RemoteEngine, RemoteError

ANSWER = {
    "task": "transcribe",
    "language": "russian",
    "duration": 2.0,
    "text": "Добрый день. Слушаю вас.",
    "segments": [
        {"id": 0, "start": 0.1, "end": 0.9, "text": " Добрый день.", "avg_logprob": -0.2,
         "no_speech_prob": 0.01, "compression_ratio": 1.0},
        {"id": 1, "start": 1.0, "end": 1.9, "text": " Слушаю вас.", "avg_logprob": -0.3,
         "no_speech_prob": 0.02, "compression_ratio": 1.0},
    ],
    "words": [
        {"word": "Добрый", "start": 0.1, "end": 0.5, "probability": 0.97},
        {"word": "день.", "start": 0.5, "end": 0.9, "probability": 0.95},
        {"word": "Слушаю", "start": 1.0, "end": 1.5, "probability": 0.9},
        {"word": "вас.", "start": 1.5, "end": 1.9},
    ],
}  # fmt: skip


class Handler(BaseHTTPRequestHandler):
    requests: list[dict] = []
    status = 200

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + body
        )
        fields: dict[str, list] = {}
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            fields.setdefault(name, []).append(part.get_payload(decode=True))
        type(self).requests.append(
            {"path": self.path, "auth": self.headers.get("Authorization"), "fields": fields}
        )
        payload = json.dumps(ANSWER if self.status == 200 else {"error": "model not loaded"})
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.requests = []
    Handler.status = 200
    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_remote_engine_sends_multipart_and_parses_words(server: str) -> None:
    engine = RemoteEngine(server, api_key="secret", model="large-v3")
    samples = (np.sin(np.linspace(0, 2000, 32000)) * 3000).astype(np.int16)
    seen: list[float] = []
    segs = engine.transcribe(samples, language="ru", progress=lambda f, _p: seen.append(f))

    (req,) = Handler.requests
    assert req["path"] == "/v1/audio/transcriptions"
    assert req["auth"] == "Bearer secret"
    fields = req["fields"]
    assert fields["response_format"] == [b"verbose_json"]
    assert b"word" in fields["timestamp_granularities[]"]
    assert fields["language"] == [b"ru"] and fields["model"] == [b"large-v3"]
    wav = fields["file"][0]
    assert wav[:4] == b"RIFF" and len(wav) == 44 + 2 * len(samples)

    assert [s.text for s in segs] == ["Добрый день.", "Слушаю вас."]
    assert [w.w for w in segs[0].words] == ["Добрый", "день."]
    assert segs[0].words[0].p == pytest.approx(0.97)
    assert segs[1].words[-1].p is None
    assert seen[-1] == 1.0


def test_server_error_names_the_url(server: str) -> None:
    Handler.status = 503
    engine = RemoteEngine(server + "/v1")
    with pytest.raises(RemoteError) as info:
        engine.transcribe(np.zeros(1600, dtype=np.int16), language="ru")
    assert "503" in str(info.value) and engine.url in str(info.value)
    assert "model not loaded" in str(info.value)


def test_unreachable_server_names_the_url() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    engine = RemoteEngine(f"http://127.0.0.1:{port}", timeout_s=5)
    with pytest.raises(RemoteError) as info:
        engine.transcribe(np.zeros(1600, dtype=np.int16), language="ru")
    assert f"127.0.0.1:{port}" in str(info.value)
