"""Coaching in reports (issue 14 §2, §4): the consultant report's section, the team report's
focus areas and the one-page plan, read back from the PDFs with pdftotext."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timedelta

import pytest

from qcdesk.reports.model import Period
from qcdesk.services.coaching_dto import ActionDraft, FocusItem, PlanDraft, SessionDraft
from tests.helpers.coaching import add_call
from tests.helpers.reports import pdf_text

SESSION = datetime(2026, 10, 15, 12, 0)
OCTOBER = Period.month(2026, 10)


@pytest.fixture
def coached(services):  # type: ignore[no-untyped-def]
    client = services.catalog.ensure_client("Тест Отчёты", "ru")
    anna = services.catalog.ensure_consultant(client.id, "Анна Смирнова")
    for i in range(6):  # next_step: 0 of 6 before, 6 of 6 after
        add_call(services, client.id, anna.id, SESSION - timedelta(days=i + 1), {"next_step": "no"})
        add_call(services, client.id, anna.id, SESSION + timedelta(days=i + 1), {})
    services.coaching.save_plan(
        anna.id,
        PlanDraft(
            (FocusItem("call", "next_step", "Договорился о следующем шаге", 85.0),),
            due_date=date(2026, 11, 30),
            coach="Ольга Мельникова",
            notes="Каждый звонок — со следующим шагом",
        ),
    )
    services.coaching.add_session(
        SessionDraft(
            client.id, SESSION, "one_to_one", consultant_id=anna.id,
            participants=("Ольга Мельникова",), acknowledged=True,
            actions=(ActionDraft("Слушать свои звонки", "Анна Смирнова", date(2026, 10, 20)),),
        )
    )  # fmt: skip
    return client, anna


def test_consultant_report_has_the_coaching_section(services, coached, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client, anna = coached
    report = services.reports.consultant_report(anna.id, OCTOBER)
    section = report.coaching
    assert section is not None and section.plan_version == 1
    (row,) = section.progress
    assert (row.before, row.after, row.n_before, row.n_after) == (0.0, 100.0, 6, 6)
    assert row.reason == "significant"
    assert section.focus[0].now == 100.0 * 6 / 12  # October: 6 failures, 6 passes
    for lang, words in (
        ("ru", ("Коучинг", "Индивидуальный план развития", "До и после сессии 15.10.2026",
                "0,0 % (6)", "100,0 % (6)", "улучшилось", "Слушать свои звонки", "просрочено")),
        ("en", ("Coaching", "Individual development plan", "Before and after the session of "
                "2026-10-15", "0.0% (6)", "100.0% (6)", "improved", "overdue")),
    ):  # fmt: skip
        path = services.reports.write_pdf(report, tmp_path / f"c_{lang}.pdf", lang)
        text = pdf_text(path)
        for w in words:
            assert w in text, (lang, w)


def test_team_report_lists_the_focus_areas_and_which_improved(services, coached, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client, _anna = coached
    report = services.reports.team_report(client.id, OCTOBER)
    (row,) = report.focus_progress
    assert row.consultant == "Анна Смирнова" and row.change == 100.0
    text = pdf_text(services.reports.write_pdf(report, tmp_path / "t.pdf", "ru"))
    assert "Фокусы коучинга: что улучшилось" in text
    assert "Анна Смирнова Договорился о следующем шаге" in text and "улучшилось" in text


def test_plan_prints_on_one_page(services, coached, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _client, anna = coached
    for lang, title in (("ru", "Индивидуальный план развития"), ("en", "development plan")):
        path = services.reports.write_plan_pdf(anna.id, tmp_path / f"plan_{lang}.pdf", lang)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        assert "Pages:           1" in info.stdout
        text = pdf_text(path)
        assert title in text and "Анна Смирнова" in text and "Ольга Мельникова" in text
    with pytest.raises(Exception, match="plan_ru.pdf"):
        services.reports.write_plan_pdf(anna.id, tmp_path / "plan_ru.pdf", "ru")


def test_batch_of_individual_reports_carries_coaching(services, coached, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client, _anna = coached
    (path,) = services.reports.write_all_individual(client.id, OCTOBER, tmp_path / "all")
    assert "Индивидуальный план развития" in pdf_text(path)
