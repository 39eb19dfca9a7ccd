"""The log of a whole demo run at DEBUG holds no transcript or chat text and no phone number."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from qcdesk.domain.pii import PHONE, find_pii

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "resources" / "demo" / "manifest.json"
CHAT_PHONE = "+7 916 555-12-34"
FILE_PHONE = "79031234567"

pytestmark = pytest.mark.slow


def _digits(text: str) -> str:
    return re.sub(r"(?<=\d)[\s\-()]+(?=\d)", "", text)


@pytest.fixture(scope="module")
def demo_log(tmp_path_factory, run_cli, stereo_wav):  # type: ignore[no-untyped-def]
    """Demo, a recording import, a chat import, reports and a backup, all logging at DEBUG."""
    base = tmp_path_factory.mktemp("logrun")
    log = base / "qcdesk.log"
    db, library = base / "demo.db", base / "library"
    store = ("--db", db, "--library", library)
    common = ("--log-file", log, "--log-level", "debug")
    recording = base / f"20261014-110200_{FILE_PHONE}_201.wav"
    shutil.copyfile(stereo_wav, recording)
    broken = base / "20261014-120000_79035550011_202.wav"
    broken.write_bytes(b"RIFF not really")
    chat = base / "whatsapp.txt"
    source = (REPO / "tests" / "data" / "chats" / "whatsapp_android_ru.txt").read_text("utf-8")
    chat.write_text(
        source + f"30.11.2026, 10:00 - Ирина Смирнова: Мой номер {CHAT_PHONE}, перезвоните\n",
        encoding="utf-8",
    )
    steps = [
        ("demo", *store, "--no-open"),
        ("import", *store, "--client", "ТехноДом", "--consultant", "Ольга Иванова",
         recording, broken),
        ("import-chat", *store, "--client", "Диваны Плюс", "--consultant", "Анна", chat),
        ("report", "consultant", *store, "--consultant", "Ольга Иванова", "--from",
         "2026-09-01", "--to", "2026-12-31", "--out", base / "r.pdf", "--xlsx", base / "r.xlsx"),
        ("report", "team", *store, "--client", "ТехноДом", "--from", "2026-09-01", "--to",
         "2026-12-31", "--out", base / "t.pdf"),
        ("backup", *store, "--out", base / "backup.zip"),
        ("list", *store, "--json"),
    ]  # fmt: skip
    for step in steps:
        done = run_cli(*common, *step)
        assert done.returncode == 0 or step[0] == "import", (step, done.stderr)
    text = log.read_text("utf-8")
    chat_lines = [
        line.split(": ", 1)[-1] for line in chat.read_text("utf-8").splitlines() if ": " in line
    ]
    return text, chat_lines


def test_the_debug_log_is_written(demo_log):
    text, _ = demo_log
    assert " DEBUG " in text or " INFO " in text
    assert len(text.splitlines()) > 3


def test_no_transcript_or_chat_text_reaches_the_log(demo_log):
    text, chat_lines = demo_log
    manifest = json.loads(DEMO.read_text("utf-8"))
    phrases = {
        seg["text"]
        for it in manifest["interactions"]
        for seg in it.get("segments", [])
        if len(seg["text"]) >= 12
    }
    phrases |= {line.strip() for line in chat_lines if len(line.strip()) >= 12}
    assert len(phrases) > 100
    leaked = sorted(p for p in phrases if p in text)
    assert leaked == []


def test_no_phone_number_reaches_the_log(demo_log):
    text, _ = demo_log
    manifest = json.loads(DEMO.read_text("utf-8"))
    numbers = {it["customer_ref"].lstrip("+") for it in manifest["interactions"]}
    numbers |= {FILE_PHONE, "79035550011", _digits(CHAT_PHONE).lstrip("+")}
    flat = _digits(text)
    assert sorted(n for n in numbers if n in flat) == []
    assert [m for m in find_pii(text) if m.kind == PHONE] == []


def test_numbers_in_messages_and_tracebacks_are_masked_in_the_file(tmp_path):
    import logging

    from qcdesk.services.logfiles import add_file_handler

    path = tmp_path / "q.log"
    handler = add_file_handler(path, logging.DEBUG)
    try:
        log = logging.getLogger("qcdesk.test")
        log.warning("cannot read %s", "/calls/20261014-110200_79161234567_201.wav")
        try:
            raise ValueError("card 4276 3800 1234 5679 refused")
        except ValueError:
            log.exception("import failed for +7 916 123-45-67")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    text = path.read_text("utf-8")
    assert "20261014-110200_***********_201.wav" in text
    assert "+* *** ***-**-**" in text and "**** **** **** ****" in text
    assert "79161234567" not in text and "4276" not in text
