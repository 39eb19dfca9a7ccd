"""Calls, chats and mystery shopping as report channels: per-channel and combined scores.

The figures are computed here from the scores and answers the test wrote, with the weights it
set, never taken from the report code.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from qcdesk.db.models import Client, Consultant, Interaction
from qcdesk.db.session import session_scope
from qcdesk.reports import build
from qcdesk.reports.model import CriterionMeta, Dataset, EvalRecord, Period, Targets
from qcdesk.services.dto import AssignmentDraft
from tests.helpers.reports import pdf_text

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))


def rec(i: int, who: int, channel: str, score: float, month: int = 10) -> EvalRecord:
    return EvalRecord(
        evaluation_id=100 + i,
        interaction_id=i,
        consultant_id=who,
        channel=channel,
        started_at=datetime(2026, month, 1 + i, 12),
        reviewer="Ревьюер",
        score=score,
        critical_failed=False,
        answers=(),
    )


def dataset(evals: list[EvalRecord], weights: dict[str, float] | None) -> Dataset:
    return Dataset(
        1, "Клиент", None, "", Targets(80, 25, 0, 0.3), {1: "Анна", 2: "Пётр"},
        (CriterionMeta("greet", "Поздоровался", "Контакт", False),), ("Контакт",), (),
        tuple(evals), (), channel_weights=weights,
    )  # fmt: skip


EVALS = [
    rec(1, 1, "call", 80),
    rec(2, 1, "call", 90),
    rec(3, 1, "chat", 70),
    rec(4, 1, "visit", 60),
    rec(5, 2, "call", 95),
    rec(6, 1, "visit", 40, month=9),
]


def test_channel_scores_and_weighted_combined_score() -> None:
    weights = {"call": 2.0, "chat": 1.0, "visit": 1.0}
    anna = build.consultant_report(dataset(EVALS, weights), 1, OCTOBER)
    s = anna.summary
    assert dict(s.channel_scores) == {"call": 85, "chat": 70, "visit": 60}
    assert s.combined_score == pytest.approx((85 * 2 + 70 + 60) / 4)
    assert s.mean_score == pytest.approx((80 + 90 + 70 + 60) / 4)  # the plain mean stays
    assert anna.kpis[0].key == "combined" and anna.kpis[0].actual == s.combined_score
    rows = {r.channel: r for r in anna.channels}
    assert [r.channel for r in anna.channels] == ["call", "chat", "visit"]
    assert (rows["call"].evaluations, rows["call"].weight) == (2, 50)
    assert rows["visit"].previous == 40 and rows["visit"].weight == 25
    assert rows["call"].team == pytest.approx((80 + 90 + 95) / 3)

    # Пётр has calls only: no chat or visit weight pulls him down.
    team = build.team_report(dataset(EVALS, weights), OCTOBER)
    petr = next(r for r in team.ranking if r.consultant == "Пётр")
    assert petr.combined_score == 95 and petr.rank == 1
    assert team.summary.combined_score == pytest.approx(((80 + 90 + 95) / 3 * 2 + 70 + 60) / 4)
    anna_row = next(r for r in team.ranking if r.consultant == "Анна")
    assert anna_row.previous_score == 40

    # No weights set: equal weights over the channels with data; weight 0 leaves one out.
    equal = build.consultant_report(dataset(EVALS, None), 1, OCTOBER).summary
    assert equal.combined_score == pytest.approx((85 + 70 + 60) / 3)
    no_visits = build.consultant_report(dataset(EVALS, {"call": 1, "chat": 1}), 1, OCTOBER)
    assert no_visits.summary.combined_score == pytest.approx((85 + 70) / 2)
    assert {r.channel: r.weight for r in no_visits.channels}["visit"] is None
    only_calls = build.consultant_report(dataset(EVALS, weights), 2, OCTOBER)
    assert only_calls.kpis[0].key == "score" and only_calls.summary.combined_score == 95


def weighted(template, answers: dict[str, str]) -> float:  # type: ignore[no-untyped-def]
    """The checklist percentage by hand: yes=1, no=0, partial=.5, scale (v-1)/4, na skipped."""
    earned = total = 0.0
    for c in template.criteria():
        v = answers.get(c.id)
        if v is None or v == "na":
            continue
        f = {"yes": 1.0, "no": 0.0, "partial": 0.5}.get(v)
        f = (int(v) - 1) / 4 if f is None else f
        earned += c.weight * f
        total += c.weight
    return 100 * earned / total


def answer_all(services, iid: int, fails: set[str], scale: str = "5") -> float:  # type: ignore[no-untyped-def]
    ev = services.evaluations.open(iid)
    answers = {}
    for c in ev.template.criteria():
        value = "no" if c.id in fails else "yes" if c.answer != "scale_1_5" else scale
        answers[c.id] = value
        services.evaluations.set_answer(ev.evaluation_id, c.id, value)
    services.evaluations.set_status(ev.evaluation_id, "reviewed")  # reports count reviews only
    return weighted(ev.template, answers)


def pct(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + " %"


def test_pdf_and_xlsx_show_the_channels(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client = services.catalog.ensure_client("Сеть Тест")
    anna = services.catalog.ensure_consultant(client.id, "Анна Смирнова")
    petr = services.catalog.ensure_consultant(client.id, "Пётр Соколов")
    calls = []
    for person, day, fails in ((anna, 2, {"open_questions"}), (anna, 9, set()), (petr, 3, set())):
        with session_scope(services.session_factory, services.db_path) as s:
            it = Interaction(
                kind="call",
                client=s.get_one(Client, client.id),
                consultant=s.get_one(Consultant, person.id),
                started_at=datetime(2026, 10, day, 11),
                status="new",
            )
            s.add(it)
            s.flush()
            iid = it.id
        calls.append((person.id, answer_all(services, iid, fails)))
    draft = AssignmentDraft(
        client="Сеть Тест",
        channel="visit",
        location="ТЦ «Атриум»",
        consultant="Анна Смирнова",
        checkin_at=datetime(2026, 10, 14, 15, 30),
    )
    visit = services.mystery.create(draft).interaction_id
    visit_score = answer_all(services, visit, {"cross_sell", "demonstration"}, scale="3")
    services.mystery.create(dataclasses.replace(draft, consultant=None))  # not answered
    services.reports.set_channel_weights(client.id, {"call": 3, "visit": 1})
    assert services.reports.get_channel_weights(client.id) == {
        "call": 3.0,
        "chat": 0.0,
        "visit": 1.0,
    }
    with pytest.raises(ValueError):
        services.reports.set_channel_weights(client.id, {"call": 0, "visit": 0})
    with pytest.raises(ValueError):
        services.reports.set_channel_weights(client.id, {"fax": 1})

    anna_calls = [sc for who, sc in calls if who == anna.id]
    anna_call_mean = sum(anna_calls) / len(anna_calls)
    anna_combined = (anna_call_mean * 3 + visit_score) / 4
    team_call_mean = sum(sc for _, sc in calls) / len(calls)
    team_combined = (team_call_mean * 3 + visit_score) / 4

    report = services.reports.consultant_report(anna.id, OCTOBER)
    assert report.summary.combined_score == pytest.approx(anna_combined)
    text = pdf_text(services.reports.write_pdf(report, tmp_path / "anna.pdf"))
    assert "Каналы: звонки, чаты, тайный покупатель" in text
    assert "Тайный покупатель" in text and "Итоговый балл по каналам" in text
    assert pct(visit_score) in text and pct(anna_call_mean) in text
    assert pct(anna_combined) in text and pct(team_combined) in text
    assert "звонки 3, чаты 0, тайный покупатель 1" in text
    assert f"Итоговый балл по каналам ≥ {pct(85)[:-4]}" in text  # the KPI row

    team = services.reports.team_report(client.id, OCTOBER)
    assert [r.consultant for r in team.ranking] == ["Пётр Соколов", "Анна Смирнова"]
    pdf = services.reports.write_pdf(team, tmp_path / "team.pdf", "en")
    text = pdf_text(pdf)
    assert "Consultant scores by channel" in text and "Mystery shopping" in text
    assert f"{team_combined:.1f}%" in text and f"{anna_combined:.1f}%" in text

    wb = load_workbook(services.reports.write_xlsx(team, tmp_path / "team.xlsx", "ru"))
    channels = list(wb["Каналы"].iter_rows(values_only=True))
    assert channels[0][:3] == ("Канал", "Оценок", "Балл")
    by_name = {r[0]: r for r in channels[1:]}
    assert by_name["Тайный покупатель"][1] == 1
    assert by_name["Тайный покупатель"][2] == pytest.approx(visit_score, abs=0.01)
    assert by_name["Звонки"][5] == pytest.approx(75.0)  # weight share, percent
    ranking = list(wb["Рейтинг консультантов"].iter_rows(values_only=True))
    assert ranking[0][-1] == "Итоговый балл по каналам"
    assert ranking[2][1] == "Анна Смирнова"
    assert ranking[2][-1] == pytest.approx(anna_combined, abs=0.01)
    assert ranking[2][-2] == pytest.approx(visit_score, abs=0.01)


def test_a_heatmap_of_many_criteria_splits_over_pages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Calls, chats and mystery forms together can have more criteria than one page holds."""
    from qcdesk.reports.model import AnswerRecord
    from qcdesk.reports.pdf import write_pdf

    criteria = tuple(
        CriterionMeta(f"c{i}", f"Критерий номер {i}", "Раздел", False) for i in range(70)
    )
    answers = tuple(AnswerRecord(c.id, "yes", 1.0) for c in criteria)
    evals = [dataclasses.replace(rec(i, 1 + i % 2, "call", 90), answers=answers) for i in range(4)]
    ds = dataclasses.replace(dataset(evals, None), criteria=criteria)
    report = build.team_report(ds, OCTOBER)
    assert len(report.heat_criteria) == 70
    text = pdf_text(write_pdf(report, tmp_path / "wide.pdf"))
    assert "Критерий номер 0" in text and "Критерий номер 69" in text
