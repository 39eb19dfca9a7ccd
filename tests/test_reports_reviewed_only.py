"""Reports count reviewers' findings only (issue 11 §1).

A month holds reviewed calls, a call a reviewer is still working on (answers typed by hand and
an outcome, not yet marked reviewed) and calls nobody opened but auto-prefill scored (answers,
stage and goal written by the machine). Every figure of the team and consultant reports, in the
PDF (pdftotext) and the XLSX (read back with openpyxl), must come from the reviewed calls alone.
The expected figures are computed here from what the test wrote.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import pytest
from openpyxl import load_workbook

from qcdesk.db.models import Client, Consultant, Interaction
from qcdesk.db.session import session_scope
from qcdesk.reports.model import Period
from qcdesk.services.dto import Segment, TranscriptInfo
from tests.helpers.reports import pdf_text, weighted

pytestmark = pytest.mark.slow

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
TALK = (  # a call auto-prefill can score: the consultant greets, asks, proposes and says goodbye
    Segment("consultant", 0.0, 5.0, "Добрый день, магазин «Мебель Тест», меня зовут Анна."),
    Segment("client", 5.5, 8.0, "Здравствуйте, я хочу купить диван."),
    Segment("consultant", 8.5, 14.0, "Какой диван вы ищете? Для какой комнаты?"),
    Segment("client", 14.5, 17.0, "Для гостиной, угловой."),
    Segment("consultant", 17.5, 30.0, "Приходите в салон завтра, я отложу для вас модель."),
    Segment("client", 30.5, 32.0, "Хорошо, приду. Спасибо."),
    Segment("consultant", 32.5, 35.0, "Спасибо за звонок, до свидания!"),
)


def pct(value: float, lang: str = "ru") -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") + " %" if lang == "ru" else text + "%"


def _call(services: Any, client_id: int, person_id: int, when: datetime) -> int:
    with session_scope(services.session_factory, services.db_path) as s:
        it = Interaction(
            kind="call",
            client=s.get_one(Client, client_id),
            consultant=s.get_one(Consultant, person_id),
            started_at=when,
            duration=35.0,
            status="new",
        )
        s.add(it)
        s.flush()
        iid = it.id
    services.interactions.save_transcript(iid, TranscriptInfo("ru", "import", TALK))
    return iid


def _answer(services: Any, iid: int, fails: set[str], stage: str, goal: bool) -> tuple:
    ev = services.evaluations.open(iid)
    answers = {}
    for c in ev.template.criteria():
        scale = c.answer == "scale_1_5"
        value = ("1" if scale else "no") if c.id in fails else "5" if scale else "yes"
        if c.id == "objection_handling":
            value = "na"
        answers[c.id] = value
        services.evaluations.set_answer(ev.evaluation_id, c.id, value)
    services.evaluations.set_outcome(
        ev.evaluation_id, stage_reached=stage, goal_achieved=goal, deal_amount=None
    )
    return ev, answers


@pytest.fixture(scope="module")
def month(tmp_path_factory):  # type: ignore[no-untyped-def]
    from qcdesk.services.context import open_services

    base = tmp_path_factory.mktemp("reviewed")
    services = open_services(base / "qcdesk.db", base / "library", reviewer="Ревьюер Один")
    client = services.catalog.ensure_client("Мебель Тест")
    anna = services.catalog.ensure_consultant(client.id, "Анна Смирнова")
    petr = services.catalog.ensure_consultant(client.id, "Пётр Соколов")
    reviewed = []
    plan = (
        (anna, 2, set(), "closing", True),
        (anna, 9, {"open_questions"}, "needs", False),
        (petr, 14, {"next_step"}, "closing", True),
    )
    for person, day, fails, stage, goal in plan:
        iid = _call(services, client.id, person.id, datetime(2026, 10, day, 11))
        ev, answers = _answer(services, iid, fails, stage, goal)
        services.evaluations.set_status(ev.evaluation_id, "reviewed")
        reviewed.append((person, weighted(ev.template, answers), stage, goal))
    # In progress: the reviewer answered every criterion "no" and set an outcome, not signed off.
    iid = _call(services, client.id, anna.id, datetime(2026, 10, 20, 12))
    _answer(services, iid, {c.id for c in ev_criteria(services, iid)}, "closing", True)
    # Untouched: auto-prefill scored these calls and wrote an outcome; no reviewer opened them.
    machine = []
    for person, day in ((anna, 21), (petr, 22), (petr, 23)):
        iid = _call(services, client.id, person.id, datetime(2026, 10, day, 12))
        assert services.prefill.prefill(iid) is not None
        machine.append(iid)
    with session_scope(services.session_factory, services.db_path) as s:
        # The defect needs the machine's outcome to be there: a precondition, not a result.
        for iid in machine:
            it = s.get_one(Interaction, iid)
            it.goal_achieved = True if it.goal_achieved is None else it.goal_achieved
            it.stage_reached = it.stage_reached or "closing"
    return {"services": services, "client": client, "anna": anna, "petr": petr, "rev": reviewed}


def ev_criteria(services: Any, iid: int) -> list[Any]:
    return list(services.evaluations.open(iid).template.criteria())


def test_team_report_counts_reviewed_evaluations_only(month, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services, rev = month["services"], month["rev"]
    report = services.reports.team_report(month["client"].id, OCTOBER)
    scores = [sc for _, sc, _, _ in rev]
    goals = sum(1 for *_, g in rev if g)
    mean = sum(scores) / len(scores)
    s = report.summary
    assert (s.evaluations, s.goals, s.with_outcome) == (3, goals, 3)
    assert s.mean_score == pytest.approx(mean)
    assert s.conversion == pytest.approx(100 * goals / 3)
    ended = {f.stage_id: f.ended_here for f in report.funnel}
    assert ended["closing"] == 2 and ended["needs"] == 1 and sum(ended.values()) == 3
    assert report.talk is not None and report.talk.interactions == 3
    by_name = {r.consultant: r for r in report.ranking}
    assert by_name["Анна Смирнова"].evaluations == 2
    assert by_name["Анна Смирнова"].conversion == pytest.approx(50.0)
    assert by_name["Пётр Соколов"].conversion == pytest.approx(100.0)
    kpi = {k.key: k.actual for k in report.kpis}
    assert kpi["conversion"] == pytest.approx(100 * goals / 3)

    text = pdf_text(services.reports.write_pdf(report, tmp_path / "team.pdf", "ru"))
    assert re.search(rf"Целей достигнуто {goals} ?/ ?3 ", text)
    assert "Оценок 3" in text
    assert pct(mean) in text and pct(100 * goals / 3) in text
    assert "С расшифровкой 3" in text

    wb = load_workbook(services.reports.write_xlsx(report, tmp_path / "team.xlsx", "ru"))
    summary = {r[0]: r[1] for r in wb["Итоги"].iter_rows(min_row=2, values_only=True)}
    assert summary["Оценок"] == 3
    assert summary["С результатом"] == 3
    assert summary["Целей достигнуто"] == goals
    assert summary["Конверсия"] == pytest.approx(100 * goals / 3, abs=0.01)
    assert summary["Средний балл"] == pytest.approx(mean, abs=0.01)
    raw = list(wb["Исходные данные"].iter_rows(min_row=2, values_only=True))
    assert len({r[0] for r in raw}) == 3  # answers of the three reviewed evaluations only
    funnel = list(wb["Воронка этапов"].iter_rows(values_only=True))
    ended = funnel[0].index("Завершились")
    assert sum(r[ended] for r in funnel[1:]) == 3


def test_consultant_report_counts_reviewed_evaluations_only(month, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services, anna = month["services"], month["anna"]
    mine = [(sc, g) for p, sc, _, g in month["rev"] if p == anna]
    report = services.reports.consultant_report(anna.id, OCTOBER)
    mean = sum(sc for sc, _ in mine) / len(mine)
    s = report.summary
    assert (s.evaluations, s.goals, s.with_outcome) == (2, 1, 2)
    assert s.mean_score == pytest.approx(mean)
    assert report.team.evaluations == 3 and report.team.with_outcome == 3
    assert report.talk is not None and report.talk.interactions == 2
    assert report.team_talk is not None and report.team_talk.interactions == 3
    assert [w.count for w in report.weekly if w.count] == [1, 1]

    text = pdf_text(services.reports.write_pdf(report, tmp_path / "anna.pdf", "en"))
    assert re.search(r"Goals achieved 1 ?/ ?2 ", text)
    assert pct(mean, "en") in text and pct(50.0, "en") in text
    wb = load_workbook(services.reports.write_xlsx(report, tmp_path / "anna.xlsx", "en"))
    summary = {r[0]: r[1:] for r in wb["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Evaluations"] == (2, 0, 3)
    assert summary["With an outcome"] == (2, 0, 3)
    assert summary["Goals achieved"] == (1, 0, 2)
