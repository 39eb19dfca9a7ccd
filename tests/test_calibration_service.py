"""Calibration sessions (issue 13 §3): blind scoring, results, reference, reports untouched."""

from __future__ import annotations

from datetime import date

import pytest

from qcdesk.db.models import CALIBRATION, REFERENCE, REGULAR, Evaluation, Interaction
from qcdesk.db.session import session_scope
from qcdesk.errors import KnownError
from qcdesk.reports.model import Period
from tests.helpers.calibration import answers_for, october_calls

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
PEOPLE = ["Анна Кузнецова", "Борис Лебедев", "Вера Морозова"]


def _review(services, iid: int, overrides: dict[str, str]) -> None:
    ev = services.evaluations.open(iid)
    for cid, value in answers_for(ev.template, overrides).items():
        services.evaluations.set_answer(ev.evaluation_id, cid, value)
    services.evaluations.set_outcome(
        ev.evaluation_id, stage_reached="closing", goal_achieved=True, deal_amount=None
    )
    services.evaluations.set_status(ev.evaluation_id, "reviewed")


def _snapshot(services, client_id: int, ids: list[int]) -> tuple:
    """What reports and the list show: the team report's figures and the interactions' copies."""
    report = services.reports.team_report(client_id, OCTOBER)
    person = services.reports.consultant_report(report.ranking[0].consultant_id, OCTOBER)
    with session_scope(services.session_factory, services.db_path) as s:
        rows = [
            (it.score, it.status, it.stage_reached, it.goal_achieved, it.review_incomplete)
            for it in (s.get_one(Interaction, i) for i in ids)
        ]
    s_ = report.summary
    return (
        (s_.evaluations, s_.mean_score, s_.goals, s_.with_outcome),
        tuple((r.consultant, r.evaluations, r.mean_score) for r in report.ranking),
        (person.summary.evaluations, person.summary.mean_score),
        rows,
    )


def test_whole_calibration_blind_results_reference(services) -> None:  # type: ignore[no-untyped-def]
    client_id, (call1, call2) = october_calls(services, 2)
    _review(services, call1, {"next_step": "no"})  # the regular review the report counts
    before = _snapshot(services, client_id, [call1, call2])
    cal = services.calibration

    info = cal.create("Мебель Тест", [call1, call2], PEOPLE, title="Октябрь")
    assert [i.interaction_id for i in info.items] == [call1, call2]
    assert info.participants == tuple((p, False) for p in PEOPLE) and not info.results_open

    # Blind: each participant gets an own empty form; the results are refused.
    forms = {p: cal.open_form(info.id, p, call1) for p in PEOPLE}
    assert len({f.evaluation_id for f in forms.values()}) == 3
    assert all(not f.answers for f in forms.values())
    with pytest.raises(KnownError, match="Вера Морозова"):
        cal.results(info.id)
    with pytest.raises(KnownError, match="does not take part"):
        cal.open_form(info.id, "Посторонний", call1)

    # Anna answers call 1 in the normal form, then submits the rest from a file's values.
    template = forms[PEOPLE[0]].template
    anna1 = answers_for(template, {"greeting": "no"})
    for cid, value in anna1.items():
        services.evaluations.set_answer(forms[PEOPLE[0]].evaluation_id, cid, value)
    with pytest.raises(KnownError, match="unanswered"):
        cal.submit(info.id, PEOPLE[0])  # call 2 is still empty
    cal.submit(info.id, PEOPLE[0], {call2: answers_for(template)})
    with pytest.raises(KnownError, match="submitted"):
        services.evaluations.set_answer(forms[PEOPLE[0]].evaluation_id, "greeting", "yes")
    with pytest.raises(KnownError, match="submitted"):
        cal.submit(info.id, PEOPLE[0])
    with pytest.raises(KnownError, match="not an answer"):
        cal.submit(info.id, PEOPLE[1], {call1: {"greeting": "maybe"}})
    with pytest.raises(KnownError, match="not in calibration"):
        cal.submit(info.id, PEOPLE[1], {call1 + call2 + 100: {}})
    with pytest.raises(KnownError, match="Борис Лебедев, Вера Морозова"):
        cal.results(info.id)

    cal.submit(info.id, PEOPLE[1], {call1: answers_for(template), call2: answers_for(template)})
    vera2 = answers_for(template, {"tone_friendly": "4", "checked_time": "na"})
    cal.submit(info.id, PEOPLE[2], {call1: answers_for(template, {"greeting": "no"}), call2: vera2})
    res = cal.results(info.id)
    assert res.info.results_open
    comp = res.comparison
    by_id = {r.criterion_id: r for r in comp.criteria}
    # greeting: call 1 no / yes / no, call 2 yes / yes / yes.
    # Percent agreement: (1/3 + 1) / 2 = 2/3. Fleiss: ratings no 2, yes 4 of 6 -> P̄e = 5/9,
    # kappa = (2/3 - 5/9) / (1 - 5/9) = 1/4. Boris deviates from the majority ("no").
    greeting = by_id["greeting"].figures
    assert greeting.agreement == pytest.approx(2 / 3)
    assert greeting.fleiss_kappa == pytest.approx(0.25)
    assert by_id["greeting"].deviating == (PEOPLE[1],)
    # A criterion everyone answered alike has agreement 1 and no kappa (no variation).
    assert by_id["named_company"].figures.agreement == 1.0
    assert by_id["named_company"].figures.fleiss_kappa is None
    assert by_id["tone_friendly"].figures.alpha_metric == "interval"
    assert by_id["tone_friendly"].deviating == (PEOPLE[2],)
    totals = {r.interaction_id: r for r in comp.items}
    t1 = totals[call1].totals
    assert t1[PEOPLE[1]] == 100.0 and t1[PEOPLE[0]] == t1[PEOPLE[2]] < 100.0
    assert totals[call1].spread == pytest.approx(100.0 - t1[PEOPLE[0]])
    assert totals[call1].majority["greeting"] == "no"
    people = {p.name: p for p in comp.people}
    assert people[PEOPLE[1]].deviations == 1  # greeting on call 1
    assert people[PEOPLE[2]].deviations == 2  # tone and N/A on call 2
    assert people[PEOPLE[0]].deviations == 0

    # The lead records the reference: started from the majority, then decided.
    ref = cal.open_reference(info.id, call1, lead="Лида Руководитель")
    assert ref.answers["greeting"].value == "no" and ref.reviewer == "Лида Руководитель"
    state = cal.record_reference(info.id, call1, {"greeting": "yes"}, lead="Лида Руководитель")
    assert state.evaluation_id == ref.evaluation_id and state.status == "reviewed"
    assert state.answers["greeting"].value == "yes"
    assert cal.info(info.id).items[0].reference_id == ref.evaluation_id
    assert cal.results(info.id).references[call1]["greeting"] == "yes"

    # Nothing of it reaches the reports, the list's copies or the workspace.
    assert _snapshot(services, client_id, [call1, call2]) == before
    assert services.evaluations.open(call2).answers == {}  # a new regular review, not theirs
    with session_scope(services.session_factory, services.db_path) as s:
        purposes = sorted(e.purpose for e in s.query(Evaluation).all())
    assert purposes.count(CALIBRATION) == 6 and purposes.count(REFERENCE) == 1
    assert purposes.count(REGULAR) == 2
    with pytest.raises(KnownError):
        services.evaluations.set_outcome(
            ref.evaluation_id, stage_reached="closing", goal_achieved=False, deal_amount=None
        )


def test_closing_opens_results_without_the_missing_participant(services) -> None:  # type: ignore[no-untyped-def]
    _client, (call,) = october_calls(services, 1)
    cal = services.calibration
    info = cal.create("Мебель Тест", [call], PEOPLE[:2])
    template = cal.open_form(info.id, PEOPLE[0], call).template
    cal.submit(info.id, PEOPLE[0], {call: answers_for(template)})
    with pytest.raises(KnownError):
        cal.results(info.id)
    assert cal.close(info.id).results_open
    comp = cal.results(info.id).comparison
    assert comp.items[0].totals == {PEOPLE[0]: 100.0, PEOPLE[1]: None}
    assert comp.overall.units == 0 and comp.overall.agreement is None
    with pytest.raises(KnownError, match="closed"):
        cal.submit(info.id, PEOPLE[1], {call: answers_for(template)})
    draft = cal.open_form(info.id, PEOPLE[1], call)
    with pytest.raises(KnownError, match="closed"):
        services.evaluations.set_answer(draft.evaluation_id, "greeting", "yes")


def test_create_refuses_bad_sessions(services) -> None:  # type: ignore[no-untyped-def]
    _client, (call,) = october_calls(services, 1)
    _other, (foreign,) = october_calls(services, 1, client="Другая Компания")
    cal = services.calibration
    with pytest.raises(KnownError, match="two participants"):
        cal.create("Мебель Тест", [call], ["Анна", " Анна "])
    with pytest.raises(KnownError, match="at least one interaction"):
        cal.create("Мебель Тест", [], PEOPLE)
    with pytest.raises(KnownError, match="another client company"):
        cal.create("Мебель Тест", [call, foreign], PEOPLE)
    with pytest.raises(KnownError, match="no client company"):
        cal.create("Нет Такой", [call], PEOPLE)
    assert cal.sessions() == []


def test_draw_is_reproducible_and_only_scoreable(services) -> None:  # type: ignore[no-untyped-def]
    client_id, calls = october_calls(services, 6)
    with session_scope(services.session_factory, services.db_path) as s:
        bare = Interaction(kind="call", client_id=client_id, status="new")  # nothing to score
        s.add(bare)
        s.flush()
        bare_id = bare.id
    cal = services.calibration
    first = cal.draw("Мебель Тест", 4, seed=7)
    assert first == cal.draw(client_id, 4, seed=7) and len(first) == 4
    assert set(first) <= set(calls) and bare_id not in cal.draw(client_id, 50, seed=1)
    assert cal.draw(client_id, 50, seed=1) == sorted(calls)
    assert cal.draw(client_id, 3, seed=8, kind="chat") == []
    seeds = {tuple(cal.draw(client_id, 3, seed=n)) for n in range(10)}
    assert len(seeds) > 1  # the seed matters
