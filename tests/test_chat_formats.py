"""Chat export parsers on realistic exports built for these tests (tests/data/chats/)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qcdesk.domain.chat_formats import (
    ChatFormatError,
    CsvMapping,
    detect_format,
    guess_mapping,
    parse_export,
    read_table,
)

DATA = Path(__file__).parent / "data" / "chats"
MSK = ZoneInfo("Europe/Moscow")


def parse(name: str, tz: ZoneInfo = MSK, **kw):  # type: ignore[no-untyped-def]
    path = DATA / name
    return parse_export(path.read_bytes(), str(path), tz, **kw)


def texts(chat) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.text for m in chat.messages]


# -- Telegram ---------------------------------------------------------------------------------


def test_telegram_single_chat_markers_service_forward_edit() -> None:
    (chat,) = parse("telegram_result.json")
    assert (chat.format, chat.identity, chat.title) == ("telegram", "5123456789", "Ирина Смирнова")
    assert chat.skipped_service == 2  # the missed call and the pin
    assert chat.authors() == ["Ирина Смирнова", "Анна | Диваны Плюс"]
    t = texts(chat)
    assert len(t) == 11
    assert t[1] == "[фото] Вот такой примерно"
    # A text given as a list of entities is flattened, the bold company name kept.
    assert t[2].startswith("Доброе утро, Ирина! Меня зовут Анна, салон «Диваны Плюс». Да,")
    assert t[3] == "Для гостиной, примерно 2,8 м.\nДорого будет?"
    assert t[4].startswith("[переслано от Диваны Плюс] Акция до 30 ноября")
    assert t[4].endswith("🛋 divany-plus.ru/sale")
    assert t[5] == "[файл: Марсель_каталог.pdf]"
    assert t[6].endswith("спать на раскладушке. [изменено]")
    assert t[7:9] == ["[стикер 👍]", "[голосовое]"]


def test_telegram_times_come_from_unixtime_and_keep_the_sending_time() -> None:
    (chat,) = parse("telegram_result.json", tz=ZoneInfo("Asia/Yekaterinburg"))
    first = chat.messages[0].at
    assert first.astimezone(UTC) == datetime(2026, 11, 27, 18, 40, 5, tzinfo=UTC)
    edited = chat.messages[6]
    assert edited.at.astimezone(MSK).strftime("%H:%M:%S") == "09:21:15"  # not 09:22:01


def test_telegram_without_unixtime_reads_date_in_the_client_zone(tmp_path: Path) -> None:
    data = json.loads((DATA / "telegram_result.json").read_text(encoding="utf-8"))
    for msg in data["messages"]:
        msg.pop("date_unixtime", None)
    (chat,) = parse_export(json.dumps(data).encode(), "old.json", ZoneInfo("Asia/Yekaterinburg"))
    assert chat.messages[0].at == datetime(
        2026, 11, 27, 21, 40, 5, tzinfo=ZoneInfo("Asia/Yekaterinburg")
    )


def test_telegram_account_export_imports_each_conversation() -> None:
    chats = parse("telegram_account.json")
    # Saved Messages (a notebook) and an empty chat are left out.
    assert [c.title for c in chats] == ["Ирина Смирнова", "Олег Петров"]
    assert [c.identity for c in chats] == ["5123456789", "5987654321"]
    assert len(chats[1].messages) == 4


# -- WhatsApp ---------------------------------------------------------------------------------


def test_whatsapp_android_russian() -> None:
    (chat,) = parse("whatsapp_android_ru.txt")
    assert chat.skipped_service == 2  # encryption notice, business-account notice
    assert chat.authors() == ["Ирина Смирнова", "Анна (Диваны Плюс)"]
    assert chat.messages[0].at == datetime(2026, 11, 27, 21, 40, tzinfo=MSK)
    t = texts(chat)
    assert t[1] == "[медиафайл]"
    assert t[2] == "Вот такой примерно 🛋"
    assert t[3].count("\n") == 2  # a three-line message stays one message
    assert t[5] == "[фото] Марсель в сером велюре"
    assert t[6] == "[файл: Марсель_каталог.pdf]"
    assert t[7].endswith("в других салонах [изменено]")
    assert t[8:10] == ["[сообщение удалено]", "[голосовое]"]
    assert len(t) == 11


def test_whatsapp_android_english_us_dates_and_narrow_spaces() -> None:
    (chat,) = parse("whatsapp_android_en.txt")
    assert chat.skipped_service == 1
    assert chat.messages[0].at == datetime(2026, 11, 27, 21, 40, tzinfo=MSK)
    assert chat.messages[-1].at == datetime(2026, 11, 30, 12, 40, tzinfo=MSK)  # 12:40 PM
    assert texts(chat)[1] == "[медиафайл]"
    assert texts(chat)[5] == "It's $1,290 with the discount [изменено]"
    assert texts(chat)[6] == "[сообщение удалено]"


def test_whatsapp_ios_russian_marks_and_omitted_media() -> None:
    (chat,) = parse("whatsapp_ios_ru.txt")
    assert chat.skipped_service == 2  # encryption notice, missed call
    assert chat.authors() == ["Ирина Смирнова", "Анна"]
    assert chat.messages[0].at == datetime(2026, 11, 27, 21, 40, 5, tzinfo=MSK)
    assert texts(chat) == [
        "Здравствуйте! Есть ли у вас угловой диван «Марсель» в сером цвете?",
        "[фото]",
        "Доброе утро, Ирина! Меня зовут Анна, салон «Диваны Плюс».\nДля какой комнаты выбираете?",
        "[фото]",
        "[файл: Марсель_каталог.pdf]",
        "Можно приехать в субботу? 🙂",
        "Конечно, записала вас на субботу в 12:00. Хорошего дня!",
    ]


def test_whatsapp_ios_english() -> None:
    (chat,) = parse("whatsapp_ios_en.txt")
    assert chat.skipped_service == 2
    assert chat.messages[-1].at == datetime(2026, 11, 30, 12, 52, tzinfo=MSK)
    assert texts(chat)[1] == "[фото]"
    assert texts(chat)[4:6] == ["[голосовое]", "[сообщение удалено]"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Slashes, no AM/PM, a first number above 12 later in the file: day first.
        ("03/12/2026, 09:15 - A: x\n13/12/2026, 10:00 - B: y\n", datetime(2026, 12, 3, 9, 15)),
        # A second number above 12 later in the file: month first.
        ("03/12/2026, 09:15 - A: x\n03/13/2026, 10:00 - B: y\n", datetime(2026, 3, 12, 9, 15)),
        # Nothing above 12, AM/PM: an American phone, month first.
        ("[3/12/26, 9:15:02 AM] A: x\n", datetime(2026, 3, 12, 9, 15, 2)),
        # Nothing above 12, 24-hour clock: day first.
        ("3/12/26, 09:15 - A: x\n", datetime(2026, 12, 3, 9, 15)),
        ("[03.12.26 09:15:02] A: x\n", datetime(2026, 12, 3, 9, 15, 2)),
    ],
)
def test_whatsapp_day_month_order_is_decided_over_the_whole_file(text, expected) -> None:
    (chat,) = parse_export(text.encode(), "chat.txt", MSK, fmt="whatsapp")
    assert chat.messages[0].at == expected.replace(tzinfo=MSK)


def test_whatsapp_zip_export(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("_chat.txt", (DATA / "whatsapp_ios_ru.txt").read_bytes())
        z.writestr("00000012-PHOTO-2026-11-30-09-20-40.jpg", b"\xff\xd8")
    (chat,) = parse_export(buf.getvalue(), "WhatsApp Chat - Ирина Смирнова.zip", MSK)
    assert chat.title == "Ирина Смирнова"
    assert len(chat.messages) == 7


# -- CSV --------------------------------------------------------------------------------------


def test_csv_utf8_bom_semicolon_with_chat_column() -> None:
    table = read_table((DATA / "crm_utf8bom_semicolon.csv").read_bytes(), "x.csv")
    assert (table.encoding, table.delimiter) == ("utf-8-sig", ";")
    assert guess_mapping(table) == CsvMapping(timestamp=0, author=2, text=3, chat=1)
    chats = parse("crm_utf8bom_semicolon.csv")
    assert [(c.identity, len(c.messages)) for c in chats] == [("D-1001", 5), ("D-1002", 2)]
    assert texts(chats[0])[1] == "Нужен серый; 2,8 м"  # a quoted separator
    assert texts(chats[0])[2].endswith("«Диваны Плюс».\nДа, есть. Для какой комнаты?")
    assert chats[0].messages[0].at == datetime(2026, 11, 27, 21, 40, 5, tzinfo=MSK)


def test_csv_cp1251_comma() -> None:
    table = read_table((DATA / "crm_cp1251_comma.csv").read_bytes(), "x.csv")
    assert (table.encoding, table.delimiter) == ("cp1251", ",")
    (chat,) = parse("crm_cp1251_comma.csv")
    assert chat.authors() == ["Ирина Смирнова", "Анна (оператор)"]
    assert texts(chat)[0] == 'Здравствуйте, есть угловой диван "Марсель"?'


BASE_ROWS = [
    ("Дата", "Время", "Отправитель", "Сообщение"),
    ("27.11.2026", "21:40:05", "Ирина", "Здравствуйте, есть диван?"),
    ("30.11.2026", "09:05:12", "Анна", "Добрый день; да, есть"),
]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1251"])
@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_every_encoding_and_separator(encoding: str, delimiter: str) -> None:
    lines = [
        delimiter.join(f'"{c}"' if delimiter in c or ";" in c else c for c in row)
        for row in BASE_ROWS
    ]
    data = "\r\n".join(lines).encode(encoding)
    table = read_table(data, "x.csv")
    assert table.delimiter == delimiter
    # A date column and a separate time column are joined.
    assert guess_mapping(table) == CsvMapping(timestamp=0, author=2, text=3, time=1)
    (chat,) = parse_export(data, "x.csv", MSK, fmt="csv")
    assert [m.at for m in chat.messages] == [
        datetime(2026, 11, 27, 21, 40, 5, tzinfo=MSK),
        datetime(2026, 11, 30, 9, 5, 12, tzinfo=MSK),
    ]
    assert texts(chat)[1] == "Добрый день; да, есть"


def test_csv_explicit_mapping_for_a_file_without_header() -> None:
    data = "Ирина|2026-11-27T21:40:05+03:00|Привет\nАнна|1795805100|Здравствуйте".replace("|", ";")
    mapping = CsvMapping(timestamp=1, author=0, text=2, header=False)
    (chat,) = parse_export(data.encode(), "x.csv", MSK, fmt="csv", csv_mapping=mapping)
    assert chat.authors() == ["Ирина", "Анна"]
    assert chat.messages[1].at == datetime.fromtimestamp(1795805100, UTC)


# -- transcript JSON and detection ------------------------------------------------------------


def test_transcript_json_keeps_roles() -> None:
    (chat,) = parse("transcript_chat.json")
    assert chat.format == "json"
    assert [m.role for m in chat.messages] == ["client", "consultant", "client", "consultant"]
    assert chat.messages[1].at == datetime(2026, 12, 2, 15, 11, 35, tzinfo=MSK)
    assert chat.direction == "incoming"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("telegram_result.json", "telegram"),
        ("telegram_account.json", "telegram"),
        ("whatsapp_ios_en.txt", "whatsapp"),  # starts with "[" like JSON
        ("whatsapp_android_ru.txt", "whatsapp"),
        ("crm_cp1251_comma.csv", "csv"),
        ("transcript_chat.json", "json"),
    ],
)
def test_detect_format(name: str, fmt: str) -> None:
    assert detect_format((DATA / name).read_bytes(), name) == fmt


# -- broken exports ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt", "words"),
    [
        ("telegram_truncated.json", "auto", ["is not valid JSON", "line"]),
        ("telegram_not_export.json", "auto", ["is not a Telegram export"]),
        ("telegram_not_export.json", "whatsapp", ["contains no chat messages"]),
        ("whatsapp_bad_date.txt", "auto", ["Line 2", "impossible date"]),
        ("whatsapp_cp1251.txt", "whatsapp", ["is not UTF-8 text"]),
        ("empty.txt", "auto", ["contains no chat messages"]),
        ("csv_bad_time.csv", "auto", ["Line 3", "cannot read the time", "вчера вечером"]),
        ("csv_bad_bytes.csv", "auto", ["neither UTF-8 nor Windows-1251"]),
        ("csv_unknown_columns.csv", "auto", ["Cannot tell which columns", "col1, col2, col3"]),
        ("transcript_call.json", "json", ["not a chat transcript", "«call»"]),
    ],
)
def test_broken_exports_name_the_file_and_the_problem(name: str, fmt: str, words) -> None:
    path = DATA / "broken" / name
    with pytest.raises(ChatFormatError) as info:
        parse_export(path.read_bytes(), str(path), MSK, fmt=fmt)
    message = str(info.value)
    assert str(path) in message
    for w in words:
        assert w in message
    assert info.value.template  # translatable: the GUI renders it in the user's language
