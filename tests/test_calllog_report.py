"""The "Timely service" report section: PDF (Russian and English) and XLSX, read back."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from qcdesk.reports.model import Period
from tests.helpers.reports import pdf_text

DATA = Path(__file__).parent / "data" / "calllogs"
HOURS = {"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "19:00"}
NOVEMBER = Period.month(2026, 11)


@pytest.fixture
def alpha(services):  # type: ignore[no-untyped-def]
    client = services.catalog.ensure_client("Альфа")
    services.catalog.set_schedule(client.id, "Europe/Moscow", HOURS)
    services.calllog.set_extension("Альфа", "201", "Анна Иванова")
    services.calllog.import_paths([DATA / "asterisk-cdr_csv-16col.csv"], "Альфа")
    return client


def test_team_report_section_in_both_languages(services, alpha, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = services.reports.team_report(alpha.id, NOVEMBER)
    assert report.timely is not None and report.timely.lost is not None
    assert report.timely.figures.missed_calls == 1
    ru = pdf_text(services.reports.write_pdf(report, tmp_path / "ru.pdf", "ru"))
    assert "Своевременность обслуживания" in ru
    assert "Перезвонили за 15 мин 1" in ru  # the 18:59 call returned at 9:05 on Thursday
    assert "Задержка перезвона, медиана 6,0 мин" in ru
    assert "Анна Иванова" in ru and "Упущенная прибыль" in ru
    assert "не факт" in ru  # the defaults are not confirmed
    en = pdf_text(services.reports.write_pdf(report, tmp_path / "en.pdf", "en"))
    assert "Timely service" in en and "Called back within 15 min 1" in en
    assert "Missed calls by weekday and hour" in en and "Conservative" in en

    xlsx = services.reports.write_xlsx(report, tmp_path / "r.xlsx", "ru")
    wb = openpyxl.load_workbook(xlsx)
    sheet = wb["Своевременность обслуживания"]
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Пропущено"][0] == 1
    assert rows["Задержка перезвона, медиана, мин"][0] == 6.0
    assert rows["Доля перезвонов вовремя, %"][0] == 100.0
    heat = {r[0]: r[1:] for r in wb["Пропущенные по часам"].iter_rows(values_only=True)}
    hours = list(heat["День"])
    assert heat["Вт"][hours.index("18")] == 1  # Tuesday 18:59
    profit = {r[0]: r[1:] for r in wb["Упущенная прибыль"].iter_rows(values_only=True)}
    assert profit["Упущенная прибыль"] == (0, 0, 0)  # the one missed call was returned in time


def test_consultant_report_section_beside_the_team(services, alpha, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    anna = services.reports.resolve_consultant("Анна Иванова", alpha.id)
    report = services.reports.consultant_report(anna.id, NOVEMBER)
    assert report.timely is not None and report.timely.lost is None
    assert report.timely.figures.calls == 2  # answered the 9:30 call, returned the missed one
    assert report.timely.team is not None and report.timely.team.calls == 3
    text = pdf_text(services.reports.write_pdf(report, tmp_path / "a.pdf", "en"))
    assert "Timely service" in text and "Lost profit" not in text


def test_no_calls_no_section(services, alpha, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = services.reports.team_report(alpha.id, Period.month(2026, 10))
    assert report.timely is None
    assert "Timely service" not in pdf_text(
        services.reports.write_pdf(report, tmp_path / "oct.pdf", "en")
    )
