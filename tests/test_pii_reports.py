"""Reports mask customers' phone, card and passport numbers per client company; names stay."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from qcdesk.db.models import Client, Consultant, Interaction
from qcdesk.db.session import session_scope
from qcdesk.domain.pii import mask_fields
from qcdesk.reports.model import Period
from qcdesk.services.dto import Segment, TranscriptInfo
from tests.helpers.reports import pdf_text

pytestmark = pytest.mark.slow

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
CUSTOMER = "+79161234567"
SAID = "Запишите мой номер 8 916 765-43-21, карта 4276 3800 1234 5679."
COMMENT = "Клиент продиктовал паспорт 45 06 123456, консультант повторил вслух"
NUMBERS = ("79161234567", "9167654321", "4276380012345679", "4506123456")


def xlsx_text(path: Path) -> str:
    book = load_workbook(path, read_only=True)
    cells = [
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row
    ]
    return " ".join(c for c in cells if c != "None")


def digits_in(text: str) -> str:
    """The text with separators between digits removed, so "8 916 765-43-21" reads 89167654321."""
    return re.sub(r"(?<=\d)[\s\-()]+(?=\d)", "", text)


@pytest.fixture(scope="module")
def world(tmp_path_factory):  # type: ignore[no-untyped-def]
    from qcdesk.services.context import open_services

    base = tmp_path_factory.mktemp("pii")
    services = open_services(base / "qcdesk.db", base / "library", reviewer="Ревьюер")
    client = services.catalog.ensure_client("Альфа Тест")
    anna = services.catalog.ensure_consultant(client.id, "Анна Смирнова", team="Продажи")
    for day in (2, 9, 16):
        with session_scope(services.session_factory, services.db_path) as s:
            it = Interaction(
                kind="call",
                client=s.get_one(Client, client.id),
                consultant=s.get_one(Consultant, anna.id),
                started_at=datetime(2026, 10, day, 11, 0),
                duration=60.0,
                customer_ref=CUSTOMER,
                status="new",
            )
            s.add(it)
            s.flush()
            iid = it.id
        services.interactions.save_transcript(
            iid,
            TranscriptInfo(
                "ru",
                "import",
                (
                    Segment("consultant", 0.0, 4.0, "Добрый день, меня зовут Анна."),
                    Segment("client", 5.0, 9.0, SAID),
                ),
            ),
        )
        ev = services.evaluations.open(iid)
        for c in ev.template.criteria():
            value = "no" if c.id == "open_questions" else "yes" if c.answer != "scale_1_5" else "5"
            services.evaluations.set_answer(ev.evaluation_id, c.id, value)
        services.evaluations.add_evidence(ev.evaluation_id, "open_questions", 6.0)
        services.evaluations.set_comment(ev.evaluation_id, "greeting", COMMENT)
        services.evaluations.set_status(ev.evaluation_id, "reviewed")
    return services, client, anna


def test_a_new_company_masks_personal_data_in_pdf_and_xlsx(world, tmp_path):
    services, client, anna = world
    reports = services.reports
    assert reports.personal_data_masked(client.id) is True
    report = reports.consultant_report(anna.id, OCTOBER)
    pdf = pdf_text(reports.write_pdf(report, tmp_path / "r.pdf"))
    xlsx = xlsx_text(reports.write_xlsx(report, tmp_path / "r.xlsx"))
    for text in (pdf, xlsx):
        assert "Анна Смирнова" in text  # names are never masked
        for number in NUMBERS:
            assert number not in digits_in(text)
    assert "***-**-**" in pdf  # the quote is still there, its number masked
    assert "** ** ******" in xlsx  # the passport in the reviewer's comment


def test_a_company_that_switches_masking_off_gets_the_numbers(world, tmp_path):
    services, client, anna = world
    reports = services.reports
    reports.set_personal_data_masked(client.id, False)
    try:
        report = reports.consultant_report(anna.id, OCTOBER)
        xlsx = digits_in(xlsx_text(reports.write_xlsx(report, tmp_path / "r.xlsx")))
        team = reports.team_report(client.id, OCTOBER)
    finally:
        reports.set_personal_data_masked(client.id, True)
    assert "4506123456" in xlsx and "9167654321" in xlsx
    assert mask_fields(team) != team  # the team report held numbers too


def test_mask_fields_returns_the_same_object_when_nothing_is_masked(world):
    services, client, _anna = world
    report = services.reports.team_report(client.id, Period(date(2020, 1, 1), date(2020, 1, 31)))
    assert mask_fields(report) is report
    assert mask_fields({"a": ("x", ["тел +7 916 123-45-67"])}) == {
        "a": ("x", ["тел +* *** ***-**-**"])
    }


@pytest.mark.gui
def test_report_settings_dialog_switches_masking_per_company(qtbot, world):
    from qcdesk.widgets.report_settings_dialog import ReportSettingsDialog

    services, client, _anna = world
    other = services.catalog.ensure_client("Бета Тест")
    dialog = ReportSettingsDialog(services.reports, client)
    qtbot.addWidget(dialog)
    assert dialog.mask_check.isChecked()
    dialog.mask_check.setChecked(False)
    try:
        assert dialog.save()
        assert services.reports.personal_data_masked(client.id) is False
        assert services.reports.personal_data_masked(other.id) is True
    finally:
        services.reports.set_personal_data_masked(client.id, True)


def test_transcript_exports_mask_numbers_and_keep_names(world, tmp_path):
    import json

    services, client, _anna = world
    iid = services.interactions.query()[0].id
    txt = services.transcripts.export(iid, tmp_path / "t.txt")
    data = services.transcripts.export(iid, tmp_path / "t.json")
    for path in (txt, data):
        text = path.read_text("utf-8")
        assert "Анна" in text
        for number in NUMBERS:
            assert number not in digits_in(text)
    said = json.loads(data.read_text("utf-8"))["segments"][1]["text"]
    assert said == "Запишите мой номер * *** ***-**-**, карта **** **** **** ****."
    services.reports.set_personal_data_masked(client.id, False)
    try:
        plain = services.transcripts.export(iid, tmp_path / "p.txt")
    finally:
        services.reports.set_personal_data_masked(client.id, True)
    assert "8 916 765-43-21" in plain.read_text("utf-8")
