"""Chat exports as they come from real phones: other projects' fixtures, locales, captions.

Issue 11 §8. ``real/`` holds other parser projects' test exports (sources and licences in
``real/SOURCES.md``); the rest were written after real layouts qcdesk met in use.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qcdesk.domain.chat_formats import ChatFormatError, parse_export
from qcdesk.services.chat_import import ChatImportOptions

DATA = Path(__file__).parent / "data" / "chats"
REAL = DATA / "real" / "chat-miner"
MSK = ZoneInfo("Europe/Moscow")
CLIENT = "Диваны Плюс"


def parse(path: Path, tz: ZoneInfo = MSK):  # type: ignore[no-untyped-def]
    return parse_export(path.read_bytes(), str(path), tz)


def texts(chat) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.text for m in chat.messages]


# -- other projects' fixtures ------------------------------------------------------------------

# chat-miner's target.json for its WhatsApp files: the same six messages whatever the layout.
CHAT_MINER_TARGET = [
    ("2019-01-01T11:25", "John Doe", "Lorem ipsum dolor sit amet."),
    ("2019-01-30T20:49", "Jahn Doe", "Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit."),
    ("2020-06-10T15:55", "John-John Doe", "Lorem ipsum : dolor sit amet."),
    ("2021-12-10T10:10", "John Doe 🤓", "Lorem ipsum 🤓"),
    ("2021-12-20T12:10", "🤓", "Lorem ipsum 🤓"),
    ("2021-12-30T22:01", "John Doe", "Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit."),
]


@pytest.mark.parametrize(
    "name",
    [
        "whatsapp_test_ddmmyy_24hrs.txt",  # 20/01/19: day first
        "whatsapp_test_mmddyy_24hrs.txt",  # 01/20/19: month first
        "whatsapp_test_bracketed_mmddyy_24hrs.txt",  # iOS brackets without a comma
        "whatsapp_test_yyyymmdd_24hrs.txt",
    ],
)
def test_chat_miner_whatsapp_exports_read_as_their_authors_expect(name: str) -> None:
    (chat,) = parse(REAL / name, ZoneInfo("UTC"))
    got = [(m.at.strftime("%Y-%m-%dT%H:%M"), m.author, m.text) for m in chat.messages]
    # chat-miner's target joins a message's lines with a space; the last line ends in "Duis
    # libero." there and in the file.
    expected = [(t, a, x) for t, a, x in CHAT_MINER_TARGET]
    assert [(t, a) for t, a, _ in got] == [(t, a) for t, a, _ in expected]
    assert all(x.startswith(e) for (_, _, x), (_, _, e) in zip(got, expected, strict=True))
    # "created group", "You were added" and the author-less "John Doe:." are system lines.
    assert chat.skipped_service == 3


def test_an_impossible_twelve_hour_time_is_named_as_a_time() -> None:
    path = REAL / "whatsapp_test_mmddyyyy_12hrs.txt"
    with pytest.raises(ChatFormatError) as err:
        parse(path)
    assert err.value.params["line"] == 6
    assert "impossible time" in str(err.value) and "00:08 a. m." in str(err.value)
    assert "date" not in err.value.template


@pytest.mark.parametrize("name", ["telegram_test_single_export.json",
                                  "telegram_test_batch_export.json"])  # fmt: skip
def test_chat_miner_telegram_exports(name: str) -> None:
    (chat,) = parse(REAL / name)
    assert chat.authors() == ["Author 1", "Author 2"]
    assert texts(chat) == ["Minimal Message", "Link:https://telegram.org/"]
    assert [m.at.astimezone(UTC) for m in chat.messages] == [
        datetime(2018, 12, 5, 10, 39, 10, tzinfo=UTC),
        datetime(2018, 12, 5, 10, 49, 24, tzinfo=UTC),
    ]
    assert chat.warnings == ()  # only date_unixtime: nothing to disagree with


def test_sources_name_every_real_file_and_its_licence() -> None:
    sources = (DATA / "real" / "SOURCES.md").read_text(encoding="utf-8")
    for f in REAL.iterdir():
        if f.name != "LICENSE":
            assert f"`chat-miner/{f.name}`" in sources
    assert "MIT" in (REAL / "LICENSE").read_text(encoding="utf-8")


# -- WhatsApp: media with captions, documents, Russian iOS lines -------------------------------


def test_a_media_placeholder_with_a_caption_keeps_the_caption_not_the_placeholder() -> None:
    chat = parse(DATA / "whatsapp_android_captions.txt")[0]
    assert texts(chat) == [
        "Здравствуйте! Есть угловой диван «Марсель»?",
        "[медиафайл] Вот такой примерно",
        "[медиафайл] Только в сером",  # ‹Без медиафайлов> with a single guillemet
        "[медиафайл] Here is the grey one",
        "Есть, в сером велюре.",
    ]


def test_russian_ios_documents_stickers_and_deleted_messages_are_kept() -> None:
    (chat,) = parse(DATA / "whatsapp_ios_ru_more.txt")
    assert texts(chat) == [
        "Здравствуйте, пришлите договор",
        "[файл: Договор_поставки.docx]",  # "… документ отсутствует"
        "[файл: Марсель_каталог.pdf]",  # "… • 12 страниц <прикреплено: …>"
        "[файл: Спецификация.xlsx]",  # "<attached: 00000014-…>" without the number
        "[стикер]",  # "стикер не добавлен"
        "[сообщение удалено]",  # "Вы удалили данное сообщение."
        "[сообщение удалено]",  # "Данное сообщение удалено."
        "[фото] Вот этот угол",
        "Спасибо, договор отправила ещё раз.",
    ]
    assert chat.skipped_service == 2  # the encryption notice and the missed call


def test_a_german_ios_export_loses_no_message() -> None:
    (chat,) = parse(DATA / "whatsapp_ios_de.txt")
    lines = (DATA / "whatsapp_ios_de.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 23
    # Two system lines (the encryption notice, a missed call); every other line is a message.
    assert (len(chat.messages), chat.skipped_service) == (21, 2)
    t = texts(chat)
    assert t[1:3] == ["[фото]", "[стикер]"]
    assert "[файл: Katalog.pdf]" in t and "[сообщение удалено]" in t
    # A media line in a language qcdesk does not know stays, as the text the phone wrote.
    assert "obraz pominięty" in t
    assert chat.messages[0].at == datetime(2026, 1, 16, 23, 10, tzinfo=MSK)


def test_a_ukrainian_android_export_loses_no_message() -> None:
    (chat,) = parse(DATA / "whatsapp_android_uk.txt")
    assert (len(chat.messages), chat.skipped_service) == (10, 1)
    t = texts(chat)
    # An unknown locale's "without media" placeholder is still a media file.
    assert t[1:3] == ["[медиафайл]", "[медиафайл] Ось такий"]
    assert t[4] == "[фото]"
    assert t[5] == "[сообщение удалено]"
    assert t[8] == "А доставка є? [изменено]"


def test_a_header_in_an_unknown_clock_format_refuses_the_file_naming_the_line() -> None:
    with pytest.raises(ChatFormatError) as err:
        parse(DATA / "broken" / "whatsapp_unknown_clock.txt")
    assert err.value.params["line"] == 1
    assert "11:09 vorm." in str(err.value)


def test_unparsed_lines_in_the_middle_are_not_swallowed(tmp_path: Path) -> None:
    """A line in an unknown layout used to be glued to the message above it."""
    path = tmp_path / "chat.txt"
    path.write_text(
        "27.11.2026, 21:40 - Ирина: Здравствуйте\n"
        "27.11.2026 г., 21:41 - Ирина: Есть диван?\n"
        "27.11.2026, 21:42 - Анна: Есть\n",
        encoding="utf-8",
    )
    with pytest.raises(ChatFormatError) as err:
        parse(path)
    assert err.value.params["line"] == 2


# -- day/month order --------------------------------------------------------------------------


def test_an_order_that_makes_the_chat_run_backwards_loses(tmp_path: Path) -> None:
    """No number above 12 and an AM/PM clock: month-first, unless that runs backwards."""
    path = tmp_path / "chat.txt"
    path.write_text(
        "[01/02/26, 9:00:00 AM] Irina: Hello\n"
        "[02/02/26, 9:05:00 AM] Anna: Hi\n"
        "[03/02/26, 9:10:00 AM] Irina: Still there?\n"
        "[01/03/26, 9:15:00 AM] Anna: Yes\n",
        encoding="utf-8",
    )
    chat = parse(path)[0]
    # Month-first would read Jan 2, Feb 2, Mar 2, then Jan 3: backwards. Day-first runs on.
    assert [m.at.date().isoformat() for m in chat.messages] == [
        "2026-02-01", "2026-02-02", "2026-02-03", "2026-03-01",
    ]  # fmt: skip


def test_proof_still_wins_over_the_order(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(
        "01/02/26, 09:00 - Irina: Hello\n01/13/26, 09:05 - Anna: Hi\n", encoding="utf-8"
    )
    assert [m.at.day for m in parse(path)[0].messages] == [2, 13]


# -- Telegram: date against date_unixtime ------------------------------------------------------


def _telegram_with_bad_date(tmp_path: Path) -> Path:
    data = json.loads((DATA / "telegram_result.json").read_text(encoding="utf-8"))
    data["messages"][3]["date"] = "2026-11-24T09:05:12"  # three days before its unixtime
    path = tmp_path / "result.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_telegram_dates_that_disagree_give_a_warning(tmp_path: Path) -> None:
    assert parse(DATA / "telegram_result.json")[0].warnings == ()
    path = _telegram_with_bad_date(tmp_path)
    (chat,) = parse(path)
    (warning,) = chat.warnings
    assert warning.params["count"] == 1 and warning.params["id"] == 104
    assert warning.path == str(path)
    assert len(chat.messages) == 11  # imported all the same, at date_unixtime


def test_the_warning_reaches_the_import_result(services, tmp_path: Path) -> None:
    path = _telegram_with_bad_date(tmp_path)
    report = services.chats.import_paths(
        [path], ChatImportOptions(client=CLIENT, consultant="Анна")
    )
    assert len(report.imported) == 1 and report.failed == ()
    (warning,) = report.warnings
    assert warning.path == str(path) and "date_unixtime" in warning.error
    assert report.as_json()["warnings"] == [{"path": str(path), "error": warning.error}]


def test_a_customer_asking_about_encryption_is_not_a_system_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(
        "27.11.2026, 21:40 - Irina: Is this chat end-to-end encrypted?\n"
        "27.11.2026, 21:41 - Anna: Yes, <3 it is\n",
        encoding="utf-8",
    )
    assert texts(parse(path)[0]) == ["Is this chat end-to-end encrypted?", "Yes, <3 it is"]


def test_a_russian_export_named_with_kontaktom_gives_the_contact_as_the_title() -> None:
    data = (DATA / "whatsapp_android_ru.txt").read_bytes()
    (chat,) = parse_export(data, "/x/Чат WhatsApp с контактом Ирина Смирнова.txt", MSK)
    assert chat.title == "Ирина Смирнова"
