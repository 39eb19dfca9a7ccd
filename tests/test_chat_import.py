"""Chat import: author roles remembered per company, dedup, time zones, the CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from qcdesk.db.models import Attachment, ChatAuthor, Client, Interaction
from qcdesk.db.session import session_scope
from qcdesk.services.chat_import import AuthorRole, ChatImportOptions, match_author
from qcdesk.services.dto import InteractionFilter

DATA = Path(__file__).parent / "data" / "chats"
CLIENT = "Диваны Плюс"


def _import(services, *names: str, **kw):  # type: ignore[no-untyped-def]
    options = ChatImportOptions(client=CLIENT, **kw)
    return services.chats.import_paths([DATA / n for n in names], options)


def test_telegram_chat_becomes_a_chat_interaction(services) -> None:
    report = _import(services, "telegram_result.json", consultant="Анна")
    assert report.failed == () and len(report.imported) == 1
    detail = services.interactions.get(report.imported[0])
    row = detail.row
    assert (row.kind, row.direction, row.consultant, row.customer_ref) == (
        "chat", "incoming", "Анна", "Ирина Смирнова",
    )  # fmt: skip
    assert row.started_at == datetime(2026, 11, 27, 21, 40, 5)  # Moscow wall clock, naive
    assert (
        row.duration
        == (datetime(2026, 11, 30, 9, 52) - datetime(2026, 11, 27, 21, 40, 5)).total_seconds()
    )
    t = detail.transcript
    assert t.source == "chat" and len(t.segments) == 11
    assert all(s.start == s.end for s in t.segments)
    assert [s.speaker for s in t.segments[:3]] == ["client", "client", "consultant"]
    assert t.segments[1].text == "[фото] Вот такой примерно"
    assert detail.media is None  # no player for chats
    # The workspace opens it with the chat template.
    assert services.evaluations.open(row.id).template.id == "chat-ru"


def test_roles_are_remembered_per_company(services) -> None:
    _import(services, "whatsapp_android_ru.txt", consultant="Анна (Диваны Плюс)")
    with session_scope(services.session_factory) as s:
        rows = {r.author: r.role for r in s.scalars(select(ChatAuthor))}
    assert rows == {"Анна (Диваны Плюс)": "consultant", "Ирина Смирнова": "client"}
    assert services.chats.known_authors(CLIENT)["Анна (Диваны Плюс)"] == AuthorRole(
        "consultant", "Анна (Диваны Плюс)"
    )
    # The next export of the same company needs no --consultant for a known author.
    report = _import(
        services,
        "whatsapp_ios_ru.txt",
        authors={"Анна": AuthorRole("consultant", "Анна (Диваны Плюс)")},
    )
    (it,) = report.imported
    assert services.interactions.row(it).consultant == "Анна (Диваны Плюс)"
    assert len(services.catalog.list_consultants()) == 1


def test_reimport_reports_a_duplicate_and_new_chats_of_an_account_export_import(
    services, tmp_path: Path
) -> None:
    first = _import(services, "telegram_result.json", consultant="Анна")
    again = _import(services, "telegram_result.json", consultant="Анна")
    assert again.imported == () and again.duplicates == (str(DATA / "telegram_result.json"),)
    account = _import(services, "telegram_account.json", consultant="Анна")
    assert len(account.imported) == 2  # same chat, other file: a separate export
    assert len(_import(services, "telegram_account.json", consultant="Анна").duplicates) == 1
    with session_scope(services.session_factory) as s:
        stored = {a.path for a in s.scalars(select(Attachment))}
        assert all((services.library_dir / p).is_file() for p in stored)
        assert len(stored) == 2  # one copy per file, shared by its chats
    assert first.imported[0] not in account.imported


def test_a_chat_without_the_consultant_fails_clearly_and_the_batch_goes_on(services) -> None:
    report = _import(services, "whatsapp_ios_en.txt", "whatsapp_ios_ru.txt", "broken/empty.txt",
                     consultant="Анна")  # fmt: skip
    assert len(report.imported) == 1
    messages = {Path(f.path).name: f.error for f in report.failed}
    assert (
        "none of its authors is the consultant (authors: Irina Smith, Anna)"
        in messages["whatsapp_ios_en.txt"]
    )
    assert "contains no chat messages" in messages["empty.txt"]
    with session_scope(services.session_factory) as s:  # nothing remembered from a failed file
        assert "Irina Smith" not in {r.author for r in s.scalars(select(ChatAuthor))}


def test_client_time_zone_and_working_hours(services) -> None:
    client = services.catalog.ensure_client(CLIENT)
    hours = {"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "18:00"}
    schedule = services.catalog.set_schedule(client.id, "Asia/Yekaterinburg", hours)
    assert (schedule.timezone, schedule.working_hours) == ("Asia/Yekaterinburg", hours)
    (iid,) = _import(services, "telegram_result.json", consultant="Анна").imported
    row = services.interactions.row(iid)
    assert row.started_at == datetime(2026, 11, 27, 23, 40, 5)  # Yekaterinburg wall clock
    with session_scope(services.session_factory) as s:
        m = s.get_one(Interaction, iid).metrics
    # Friday 23:40 -> Monday 11:05:12 local: 2 h 05 min 12 s of working time on Monday.
    assert m["first_response_time"] == 2 * 3600 + 5 * 60 + 12
    assert m["working_hours_only"] is True
    assert (m["messages_client"], m["messages_consultant"]) == (6, 5)


def test_csv_and_transcript_json(services) -> None:
    report = _import(
        services, "crm_utf8bom_semicolon.csv", "transcript_chat.json", consultant="Анна"
    )
    assert report.failed == () and len(report.imported) == 3
    rows = services.interactions.query(InteractionFilter(kind="chat"))
    assert sorted(r.customer_ref for r in rows) == [
        "web-chat-4411",
        "Ирина Смирнова",
        "Олег Петров",
    ]
    json_chat = next(r for r in rows if r.customer_ref == "web-chat-4411")
    assert (json_chat.consultant, json_chat.direction) == ("Анна", "incoming")


def test_match_author() -> None:
    authors = ["Ирина Смирнова", "Анна | Диваны Плюс", "Анатолий"]
    assert match_author("анна", authors) == "Анна | Диваны Плюс"
    assert match_author("Анна | Диваны  Плюс", authors) == "Анна | Диваны Плюс"
    assert match_author("Ан", authors) is None


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qcdesk.cli", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_cli_import_chat_contract(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    files = [str(DATA / "telegram_result.json"), str(DATA / "broken" / "telegram_truncated.json")]
    run = _cli("import-chat", "--db", str(db), "--client", CLIENT, "--consultant", "Анна", *files)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert set(out) == {"imported", "duplicates", "failed"}
    assert len(out["imported"]) == 1 and out["duplicates"] == []
    assert out["failed"][0]["path"] == files[1] and "is not valid JSON" in out["failed"][0]["error"]
    again = _cli("import-chat", "--db", str(db), "--client", CLIENT, "--consultant", "Анна",
                 "--format", "telegram", files[0])  # fmt: skip
    assert json.loads(again.stdout) == {"imported": [], "duplicates": [files[0]], "failed": []}
    listed = json.loads(_cli("list", "--db", str(db), "--json").stdout)
    assert [(r["kind"], r["consultant"]) for r in listed] == [("chat", "Анна")]
    bad = _cli("import-chat", "--db", str(db), "--client", CLIENT, "--consultant", "Анна", files[1])
    assert bad.returncode == 1  # every file failed
    with session_scope_for(db) as s:
        assert s.scalar(select(Client.name)) == CLIENT


def session_scope_for(db: Path):  # type: ignore[no-untyped-def]
    from qcdesk.db.session import open_database

    return session_scope(open_database(db), db)
