"""Disputes (issue 13 §6): open on answers, decide, final scores in reports, history kept.

A month of three reviewed calls by two reviewers; a dispute accepted on one answer must
change that evaluation's score and the team report's figures (PDF read back with pdftotext,
XLSX with openpyxl), keep the reviewer's original answer beside the final one, and show in the
team report's reviewer table. Expected figures are computed here from the answers written.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from openpyxl import load_workbook

from qcdesk.db.models import Client, Consultant, Dispute, Interaction
from qcdesk.db.session import session_scope
from qcdesk.errors import KnownError
from qcdesk.reports.model import Period
from tests.helpers.reports import pdf_text, weighted

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))


def _reviewed_call(services: Any, client_id: int, person_id: int, day: int, fails: set[str],
                   reviewer: str) -> tuple[int, dict[str, str]]:  # fmt: skip
    with session_scope(services.session_factory, services.db_path) as s:
        it = Interaction(
            kind="call", client=s.get_one(Client, client_id), status="new", duration=60.0,
            consultant=s.get_one(Consultant, person_id), started_at=datetime(2026, 10, day, 11),
        )  # fmt: skip
        s.add(it)
        s.flush()
        iid = it.id
    services.evaluations.reviewer = reviewer
    ev = services.evaluations.open(iid)
    answers = {}
    for c in ev.template.criteria():
        scale = c.answer == "scale_1_5"
        answers[c.id] = ("1" if scale else "no") if c.id in fails else "5" if scale else "yes"
        services.evaluations.set_answer(ev.evaluation_id, c.id, answers[c.id])
    services.evaluations.set_status(ev.evaluation_id, "reviewed")
    return ev.evaluation_id, answers


@pytest.fixture
def month(services):  # type: ignore[no-untyped-def]
    client = services.catalog.ensure_client("Мебель Тест")
    anna = services.catalog.ensure_consultant(client.id, "Анна Смирнова")
    made = [
        _reviewed_call(services, client.id, anna.id, 3, {"next_step", "open_questions"}, "Ольга"),
        _reviewed_call(services, client.id, anna.id, 9, {"farewell"}, "Ольга"),
        _reviewed_call(services, client.id, anna.id, 14, set(), "Сергей"),
    ]
    return {"services": services, "client": client, "evals": made}


def test_an_accepted_answer_changes_the_score_and_keeps_the_history(month, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services, client = month["services"], month["client"]
    (ev1, answers1), (ev2, answers2), (ev3, answers3) = month["evals"]
    services.evaluations.reviewer = "Лидия Лид"
    with pytest.raises(KnownError):
        services.disputes.open(ev1, {"next_step": "yes"}, "   ")  # the comment is mandatory
    opened = services.disputes.open(
        ev1, {"next_step": "yes", "open_questions": None}, "Договорился о визите на 12:30",
        on_behalf_of="Анна Смирнова",
    )  # fmt: skip
    assert opened.status == "open" and opened.reviewer == "Ольга"
    assert opened.deadline == date.today() + timedelta(days=5)  # the company's default
    with pytest.raises(KnownError):  # the same answer cannot be under two open disputes
        services.disputes.open(ev1, {"next_step": "partial"}, "ещё раз")
    template = services.evaluations.open(services.disputes.list()[0].interaction_id).template
    before = weighted(template, answers1)

    services.evaluations.reviewer = "Сергей"  # neither the lead nor the reviewer
    with pytest.raises(KnownError):
        services.disputes.decide(opened.id, "partially_accepted", "reviewer_error", "да",
                                 {"next_step": None})  # fmt: skip
    services.evaluations.reviewer = "Ольга"  # the evaluation's own reviewer decides
    with pytest.raises(KnownError):  # accepted means every disputed answer
        services.disputes.decide(opened.id, "accepted", "reviewer_error", "да",
                                 {"next_step": None})  # fmt: skip
    done = services.disputes.decide(
        opened.id, "partially_accepted", "reviewer_error", "Визит назначен, пропустила",
        {"next_step": None},
    )  # fmt: skip
    final = dict(answers1, next_step="yes")
    assert done.score_before == pytest.approx(before)
    assert done.score_after == pytest.approx(weighted(template, final))
    assert done.score_after > done.score_before
    items = {i.criterion_id: i for i in done.items}
    assert (items["next_step"].original, items["next_step"].final) == ("no", "yes")
    assert items["next_step"].accepted is True
    assert (items["open_questions"].original, items["open_questions"].final) == ("no", "no")
    assert items["open_questions"].accepted is False
    state = services.evaluations.open(done.interaction_id)
    assert state.answers["next_step"].value == "yes" and state.status == "reviewed"
    assert state.score.total == pytest.approx(done.score_after)
    with pytest.raises(KnownError):
        services.disputes.decide(opened.id, "rejected", "not_reviewer_error", "поздно")

    services.evaluations.reviewer = "Лидия Лид"
    other = services.disputes.open(ev3, {"greeting": "no"}, "Не поздоровался")
    services.disputes.decide(other.id, "rejected", "not_reviewer_error", "Поздоровался",
                             as_lead=True)  # fmt: skip
    assert services.evaluations.open(other.interaction_id).answers["greeting"].value == "yes"
    # Decided a day and a half after opening: the report's median days to decide.
    with session_scope(services.session_factory, services.db_path) as s:
        for d in s.query(Dispute).all():
            d.opened_at = d.decided_at - timedelta(days=3 if d.id == opened.id else 1)

    report = services.reports.team_report(client.id, OCTOBER)
    scores = [weighted(template, final), weighted(template, answers2), weighted(template, answers3)]
    assert report.summary.mean_score == pytest.approx(sum(scores) / 3)
    loads = {r.reviewer: r for r in report.reviewers}
    assert (loads["Ольга"].disputes, loads["Ольга"].disputes_accepted_share) == (1, 100.0)
    assert loads["Ольга"].dispute_days == pytest.approx(3.0)
    assert (loads["Сергей"].disputes, loads["Сергей"].disputes_accepted_share) == (1, 0.0)

    text = pdf_text(services.reports.write_pdf(report, tmp_path / "team.pdf", "ru"))
    assert "Споров" in text and "Принято" in text

    def pct(x: float) -> str:
        return f"{x:.1f}".replace(".", ",") + " %"

    assert pct(sum(scores) / 3) in text
    olga = pct((scores[0] + scores[1]) / 2)
    assert f"Ольга 2 66,7 % {olga} 1 100,0 % 3,0" in text
    assert f"Сергей 1 33,3 % {pct(scores[2])} 1 0,0 % 1,0" in text
    wb = load_workbook(services.reports.write_xlsx(report, tmp_path / "team.xlsx", "ru"))
    rows = list(wb["Нагрузка ревьюеров"].iter_rows(values_only=True))
    head = rows[0]
    by_name = {r[0]: dict(zip(head, r, strict=True)) for r in rows[1:]}
    assert by_name["Ольга"]["Споров"] == 1 and by_name["Сергей"]["Споров"] == 1
    assert by_name["Ольга"]["Принято споров"] == pytest.approx(100.0)
    assert by_name["Сергей"]["Принято споров"] == pytest.approx(0.0)
    assert by_name["Ольга"]["Дней до решения (медиана)"] == pytest.approx(3.0, abs=0.01)
    summary = {r[0]: r[1] for r in wb["Итоги"].iter_rows(min_row=2, values_only=True)}
    assert summary["Средний балл"] == pytest.approx(sum(scores) / 3, abs=0.01)


def test_open_refuses_what_cannot_be_disputed(month) -> None:  # type: ignore[no-untyped-def]
    services = month["services"]
    ev1 = month["evals"][0][0]
    services.evaluations.reviewer = "Лидия Лид"
    for proposals in ({}, {"no_such": "yes"}, {"greeting": "yes"}, {"greeting": "maybe"}):
        with pytest.raises(KnownError):
            services.disputes.open(ev1, proposals, "комментарий")
    services.evaluations.set_status(ev1, "in_progress")
    with pytest.raises(KnownError):
        services.disputes.open(ev1, {"next_step": "yes"}, "не проверена")
    services.evaluations.reviewer = ""
    with pytest.raises(KnownError):  # who acts must be known
        services.disputes.open(month["evals"][1][0], {"farewell": "yes"}, "без имени")
