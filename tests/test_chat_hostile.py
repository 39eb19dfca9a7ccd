"""Hostile chat exports (issue 12): each ends in a named error, and the batch goes on.

Deep JSON nesting, zip bombs, zips whose chat is not the obvious .txt, a CSV quote that never
closes, and inputs beyond the size bounds. Every failure is a KnownError naming the file.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qcdesk.domain.chat_formats import ChatFormatError, ChatLimitError, model, parse_export
from qcdesk.errors import KnownError
from qcdesk.services.chat_import import ChatImportOptions
from qcdesk.services.chat_preview import read_export

DATA = Path(__file__).parent / "data" / "chats"
MSK = ZoneInfo("Europe/Moscow")
CLIENT = "Диваны Плюс"
CHAT = (DATA / "whatsapp_android_ru.txt").read_bytes()


def parse(data: bytes, name: str = "export", **kw):  # type: ignore[no-untyped-def]
    return parse_export(data, name, MSK, **kw)


# -- deep nesting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("result.json", b"[" * 200_000 + b"]" * 200_000),
        ("result.json", b'{"messages": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"),
        ("transcript.json", b'{"segments": [' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000
         + b"]}"),
    ],
)  # fmt: skip
def test_deeply_nested_json_is_a_named_error(name: str, data: bytes) -> None:
    with pytest.raises(ChatFormatError) as err:
        parse(data, name)
    assert err.value.path == name and "nested too deeply" in str(err.value)


def test_a_deeply_nested_file_does_not_stop_the_batch(services, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    report = services.chats.import_paths(
        [deep, DATA / "telegram_result.json"], ChatImportOptions(client=CLIENT, consultant="Анна")
    )
    assert len(report.imported) == 1
    (failed,) = report.failed
    assert failed.path == str(deep) and "nested too deeply" in failed.error


# -- WhatsApp zips -----------------------------------------------------------------------------


def _zip(path: Path, entries: dict[str, bytes]) -> bytes:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return path.read_bytes()


def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    # 200 MB of one repeated chat line packs into a few hundred kilobytes.
    line = b"27.11.2026, 21:40 - A: " + b"x" * 77 + b"\n"
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z, z.open("_chat.txt", "w") as fh:
        block = line * 10_000
        for _ in range(200):
            fh.write(block)
    data = path.read_bytes()
    assert len(data) < 3_000_000
    with pytest.raises(ChatLimitError) as err:
        parse(data, str(path))
    assert err.value.path == str(path) and "zip bomb" in str(err.value)


def test_a_tightly_packed_small_chat_is_refused_by_its_ratio(tmp_path: Path) -> None:
    text = CHAT.splitlines(keepends=True)[1] * 200_000  # 20 MB, under the size bound
    data = _zip(tmp_path / "ratio.zip", {"_chat.txt": text})
    assert len(text) < model.MAX_CHAT_TEXT_BYTES and len(text) > len(data) * model.MAX_ZIP_RATIO
    with pytest.raises(ChatLimitError):
        parse(data, "ratio.zip")


def test_the_chat_is_found_by_its_name_not_by_being_the_shortest(tmp_path: Path) -> None:
    data = _zip(
        tmp_path / "export.zip",
        {"price.txt": "Диван Марсель — 89 900 ₽\n".encode(),
         "WhatsApp Chat with Ирина Смирнова.txt": CHAT},
    )  # fmt: skip
    (chat,) = parse(data, "export.zip")
    assert len(chat.messages) == 11 and chat.authors()[0] == "Ирина Смирнова"


def test_the_chat_is_found_among_thousands_of_media_texts(tmp_path: Path) -> None:
    entries = {f"{i}.txt": f"заметка {i}\n".encode() for i in range(3000)}
    entries["Чат WhatsApp с Ирина Смирнова.txt"] = CHAT
    (chat,) = parse(_zip(tmp_path / "export.zip", entries), "export.zip")
    assert len(chat.messages) == 11


def test_an_unnamed_chat_is_found_by_its_content(tmp_path: Path) -> None:
    data = _zip(tmp_path / "export.zip", {"a.txt": b"note\n", "export (1).txt": CHAT})
    (chat,) = parse(data, "export.zip")
    assert len(chat.messages) == 11


def test_a_zip_without_a_chat_names_the_file(tmp_path: Path) -> None:
    data = _zip(tmp_path / "photos.zip", {"price.txt": b"89 900\n", "IMG-1.jpg": b"\xff\xd8"})
    with pytest.raises(ChatFormatError) as err:
        parse(data, "photos.zip")
    assert "holds no WhatsApp chat" in str(err.value)


# -- CSV: a quote that never closes ------------------------------------------------------------


def test_an_unclosed_quote_names_its_line_instead_of_blaming_the_author(services, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "crm.csv"
    path.write_text(
        "timestamp;author;text\n"
        "2026-11-27 10:00;Ирина;Здравствуйте\n"
        '2026-11-27 10:01;Анна;"Добрый день, есть в наличии\n'
        "2026-11-27 10:02;Ирина;Отлично\n"
        "2026-11-27 10:03;Анна;Записала вас\n",
        encoding="utf-8",
    )
    report = services.chats.import_paths(
        [path], ChatImportOptions(client=CLIENT, consultant="Анна")
    )
    (failed,) = report.failed
    assert failed.params["line"] == "3" and "quote" in failed.error
    assert "consultant" not in failed.error


def test_a_quote_closed_many_lines_later_is_caught_too() -> None:
    data = (
        "timestamp;author;text\n"
        '2026-11-27 10:01;Анна;"Добрый день\n'
        "2026-11-27 10:02;Ирина;Отлично\n"
        '2026-11-27 10:03;Анна;"Записала"\n'
    ).encode()
    with pytest.raises(ChatFormatError) as err:
        parse(data, "crm.csv")
    assert err.value.params["line"] == 2


def test_a_real_multi_line_message_is_not_mistaken_for_a_broken_quote() -> None:
    data = (
        "timestamp;author;text\n"
        "2026-11-27 10:00;Ирина;Здравствуйте\n"
        '2026-11-27 10:01;Анна;"Добрый день!\nЕсть; в двух цветах; серый и беж"\n'
        "2026-11-27 10:02;Ирина;Спасибо\n"
    ).encode()
    (chat,) = parse(data, "crm.csv")
    assert len(chat.messages) == 3 and chat.messages[1].text.count("\n") == 1


def test_csv_errors_name_the_file_line_not_the_row_number() -> None:
    data = (
        'timestamp;author;text\n\n2026-11-27 10:01;Анна;"Две\nстроки"\nвчера;Ирина;Спасибо\n'
    ).encode()
    with pytest.raises(ChatFormatError) as err:
        parse(data, "crm.csv")
    assert err.value.params["line"] == 5  # the blank line and the two-line cell count


# -- bounds ------------------------------------------------------------------------------------


def test_a_line_beyond_the_bound_is_refused_naming_it() -> None:
    data = CHAT + b"27.11.2026, 22:00 - A: " + b"x" * (model.MAX_LINE_CHARS + 1) + b"\n"
    with pytest.raises(ChatLimitError) as err:
        parse(data, "chat.txt")
    assert err.value.params["line"] == CHAT.count(b"\n") + 1


def test_too_many_messages_is_a_named_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "MAX_MESSAGES", 5)
    with pytest.raises(ChatLimitError) as err:
        parse(CHAT, "chat.txt")
    assert "more than 5 messages" in str(err.value)
    with pytest.raises(ChatLimitError):
        parse((DATA / "telegram_result.json").read_bytes(), "result.json")


def test_a_file_beyond_the_size_bound_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as fh:  # sparse: nothing is written, nothing should be read
        fh.truncate(model.MAX_EXPORT_BYTES + 1)
    with pytest.raises(ChatLimitError) as err:
        read_export(big)
    assert err.value.path == str(big)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "chat.txt"
    os.mkfifo(fifo)
    with pytest.raises(KnownError) as err:
        read_export(fifo)
    assert err.value.path == str(fifo)


def test_a_deeply_nested_transcript_is_a_named_error_for_autoscore(tmp_path: Path) -> None:
    from qcdesk.services.autoscore import read_transcript

    path = tmp_path / "deep.json"
    path.write_bytes(b'{"segments": ' + b"[" * 200_000 + b"]" * 200_000 + b"}")
    with pytest.raises(KnownError) as err:
        read_transcript(path)
    assert err.value.path == str(path)


@pytest.mark.parametrize(
    "body",
    [
        ("a.pdf • " * 24_000)[:199_000],  # took minutes: two lazy stars before the tail
        ("a.b " * 50_000)[:199_000] + " document omitted",
        "<attached: " * 18_000,
    ],
)
def test_lines_built_to_backtrack_are_read_in_one_pass(body: str) -> None:
    data = ("27.11.2026, 21:40 - A: \u200e" + body + "\n").encode()
    (chat,) = parse(data, "chat.txt")
    assert len(chat.messages) == 1


# -- transcript JSON times and shapes ----------------------------------------------------------


@pytest.mark.parametrize(
    "start", ["NaN", "Infinity", "-Infinity", "-5", "1e308", "1e12", '"zero"', "[1]"]
)
def test_a_transcript_time_that_is_no_time_names_its_segment(start: str) -> None:
    data = (
        '{"channel": "chat", "started_at": "2026-10-01T10:00:00", "segments": ['
        '{"speaker": "client", "start": 0, "text": "Здравствуйте"},'
        f'{{"speaker": "consultant", "start": {start}, "text": "Добрый день"}}]}}'
    ).encode()
    with pytest.raises(ChatFormatError) as err:
        parse(data, "chat.json")
    assert err.value.path == "chat.json" and "Segment 2" in str(err.value)


def test_a_transcript_segment_that_is_not_an_object_is_refused_not_dropped() -> None:
    data = (
        b'{"channel": "chat", "segments": [{"speaker": "client", "start": 0, "text": "a"},'
        b' "b", null]}'
    )
    with pytest.raises(ChatFormatError) as err:
        parse(data, "chat.json")
    assert "Segment 2" in str(err.value) and "chat.json" in str(err.value)
