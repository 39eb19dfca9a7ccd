"""Provider exports through column mappings: the shipped presets, a client's own, XLSX."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from qcdesk.db.models import Call
from qcdesk.db.session import session_scope
from qcdesk.domain.calllog.mapped import ColumnMapping
from qcdesk.errors import KnownError

DATA = Path(__file__).parent / "data" / "calllogs"
HOURS = {"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "19:00"}


def _calls(services) -> dict[str, Call]:  # type: ignore[no-untyped-def]
    with session_scope(services.session_factory) as s:
        rows = list(s.scalars(select(Call).order_by(Call.started_at)))
        s.expunge_all()
    return {c.source_key: c for c in rows}


def _import(services, name: str, preset: str, client: str = "Альфа"):  # type: ignore[no-untyped-def]
    services.catalog.ensure_client(client)
    parser = services.calllog.mapped_parser(client, services.calllog.preset(client, preset))
    return services.calllog.import_paths([DATA / name], client, parser)


def test_mango_api_stats(services) -> None:  # type: ignore[no-untyped-def]
    report = _import(services, "mango-api-stats.csv", "mango-api")
    assert (report.calls, report.duplicates) == (3, 0)
    (bad,) = report.failed
    assert bad.params["line"] == "5" and bad.params["column"] == "#2"
    calls = list(_calls(services).values())
    first, missed, back = calls
    # Two rows of one entry_id: 201 rang, 202 answered after 15 s and talked 185 s.
    assert first.started_at == datetime(2026, 11, 2, 10, 0)  # Unix time to Moscow time
    assert (first.direction, first.customer, first.line, first.extension) == (
        "incoming",
        "+79161234567",
        "+74951234567",
        "202",
    )
    assert (first.disposition, first.wait_seconds, first.talk_seconds) == ("answered", 15, 185)
    assert first.recording == "MToxMDA1NzU5Mzo1MDI6NjI1ODM4MzQ6cmVj"
    assert (missed.disposition, missed.wait_seconds, missed.extension) == ("no_answer", 45, None)
    assert (back.direction, back.extension, back.customer, back.talk_seconds) == (
        "outgoing",
        "203",
        "+79035550011",
        120,
    )
    again = _import(services, "mango-api-stats.csv", "mango-api")
    assert (again.calls, again.duplicates) == (0, 3)


def test_didww_inbound_export_in_utc(services) -> None:  # type: ignore[no-untyped-def]
    client = services.catalog.ensure_client("Альфа")
    services.catalog.set_schedule(client.id, "Europe/Moscow", HOURS)
    report = _import(services, "didww-cdr-in.csv", "didww-cdr-in")
    assert report.calls == 2
    (bad,) = report.failed
    assert (bad.params["line"], bad.params["column"]) == ("4", "Date/Time Start (UTC)")
    answered, missed = _calls(services).values()
    assert answered.started_at == datetime(2026, 11, 2, 10, 0)
    assert (answered.wait_seconds, answered.talk_seconds, answered.line) == (9, 180, "+74951234567")
    assert (missed.started_at.hour, missed.disposition, missed.wait_seconds) == (
        12,
        "no_answer",
        30,
    )
    figures = services.calllog.service_report("Альфа", datetime(2026, 11, 1).date(),
                                              datetime(2026, 11, 30).date())  # fmt: skip
    assert (figures.figures.total.missed_calls, figures.figures.total.lost_for_good) == (1, 1)


def _xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Дата и время", "Тип", "Клиент", "Сотрудник", "Ожидание, с", "Длительность",
               "Статус", "ID"])  # fmt: skip
    ws.append([datetime(2026, 11, 3, 18, 59), "Входящий", 79161234567, "", 30, "0:00",
               "Пропущен", "a1"])  # fmt: skip
    ws.append([datetime(2026, 11, 5, 9, 5), "Исходящий", "89161234567", "Анна Иванова", 8,
               "0:02:10", "Принят", "a2"])  # fmt: skip
    ws.append(["вчера", "Входящий", "79160000000", "", 1, "0:01", "Принят", "a3"])
    ws.append([datetime(2026, 11, 5, 10, 0), "Факс", "79160000001", "", 1, "0:01", "Принят", "a4"])
    wb.save(path)
    return path


MAPPING = ColumnMapping(
    started_at=("Дата и время",),
    direction=("Тип",),
    customer=("Клиент",),
    consultant=("Сотрудник",),
    wait_seconds=("Ожидание, с",),
    talk_seconds=("Длительность",),
    disposition=("Статус",),
    call_id=("ID",),
)


def test_a_clients_own_preset_for_an_xlsx_export(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = services.catalog.ensure_client("Бета")
    services.catalog.set_schedule(client.id, "Europe/Moscow", HOURS)
    services.calllog.save_preset("Бета", "CRM выгрузка", MAPPING)
    assert services.calllog.presets("Бета") == ["mango-api", "didww-cdr-in", "CRM выгрузка"]
    assert services.calllog.presets("Альфа") == ["mango-api", "didww-cdr-in"]
    book = _xlsx(tmp_path / "звонки.xlsx")
    parser = services.calllog.mapped_parser("Бета", services.calllog.preset("Бета", "CRM выгрузка"))
    report = services.calllog.import_paths([book], "Бета", parser)
    assert report.calls == 2
    assert sorted((f.params["line"], f.params["column"]) for f in report.failed) == [
        ("4", "Дата и время"),
        ("5", "Тип"),
    ]
    calls = _calls(services)
    assert calls["a1"].disposition == "no_answer" and calls["a1"].customer == "+79161234567"
    assert calls["a2"].talk_seconds == 130 and calls["a2"].consultant_name == "Анна Иванова"
    # Missed Tuesday 18:59, returned Thursday 9:05 (Wednesday 4 November is a holiday).
    r = services.calllog.service_report("Бета", datetime(2026, 11, 1).date(),
                                        datetime(2026, 11, 30).date())  # fmt: skip
    assert r.figures.total.callback_delay_median_min == pytest.approx(6)
    assert set(r.figures.by_consultant) == {"Анна Иванова"}


def test_presets_refused_clearly(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KnownError, match="mango-api, didww-cdr-in"):
        services.calllog.preset("Альфа", "нет такого")
    with pytest.raises(KnownError, match="shipped"):
        services.calllog.save_preset("Альфа", "mango-api", MAPPING)
    fake = tmp_path / "log.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a workbook")
    parser = services.calllog.mapped_parser("Альфа", MAPPING)
    report = services.calllog.import_paths([fake], "Альфа", parser)
    assert "log.xlsx" in report.failed[0].error and report.calls == 0
    no_start = tmp_path / "other.csv"
    no_start.write_text("a;b\n1;2\n", encoding="utf-8")
    report = services.calllog.import_paths([no_start], "Альфа", parser)
    assert "Дата и время" in report.failed[0].error and "a, b" in report.failed[0].error


def test_mapping_json_round_trip() -> None:
    assert ColumnMapping.from_json(MAPPING.to_json()) == MAPPING
    with pytest.raises(ValueError):
        ColumnMapping.from_json({"customer": ["x"]})


def test_cli_preset(services, run_cli) -> None:  # type: ignore[no-untyped-def]
    out = run_cli("import-calllog", "--db", services.db_path, "--client", "Альфа",
                  "--preset", "mango-api", DATA / "mango-api-stats.csv")  # fmt: skip
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["calls"] == 3 and data["formats"] == {str(DATA / "mango-api-stats.csv"): "mapped"}
    bad = run_cli("import-calllog", "--db", services.db_path, "--client", "Альфа",
                  "--preset", "nope", DATA / "mango-api-stats.csv")  # fmt: skip
    assert bad.returncode == 2 and "nope" in bad.stderr
