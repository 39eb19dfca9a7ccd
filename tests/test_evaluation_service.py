"""Filling a checklist through the service: autosaved answers, live score, outcome, status."""

from __future__ import annotations

from pathlib import Path

import pytest

from qcdesk.domain.scoring import score
from qcdesk.services.context import open_services
from qcdesk.services.importer import ImportOptions


@pytest.fixture
def evaluation(services, stereo_wav: Path):
    iid = services.importer.import_paths([stereo_wav], ImportOptions(client="А")).imported[0]
    return services.evaluations.open(iid)


def test_new_evaluation_uses_the_default_call_template(evaluation) -> None:
    assert evaluation.template.id == "sales-call-ru"
    assert evaluation.answers == {} and evaluation.score.total is None
    assert evaluation.reviewer == "Тестовый Ревьюер"


def test_answers_are_saved_and_scored_at_once(services, evaluation) -> None:
    ev = evaluation
    ev_id = ev.evaluation_id
    for c in ev.template.criteria():
        best = "5" if c.answer == "scale_1_5" else "yes"
        state = services.evaluations.set_answer(ev_id, c.id, best)
    assert state.score.total == pytest.approx(100.0)
    state = services.evaluations.set_answer(ev_id, "greeting", "no")
    expected = score(ev.template, {k: a.value for k, a in state.answers.items()})
    assert state.score.total == pytest.approx(expected.total)
    # A new process-like reopen sees exactly the same answers and score.
    again = open_services(services.db_path, services.library_dir)
    reopened = again.evaluations.open(ev.interaction_id)
    assert reopened.evaluation_id == ev_id
    assert {k: a.value for k, a in reopened.answers.items()} == {
        k: a.value for k, a in state.answers.items()
    }
    row = again.interactions.row(ev.interaction_id)
    assert row.score == pytest.approx(expected.total) and row.status == "in_progress"


def test_critical_failure_zeroes_the_listed_score(services, evaluation) -> None:
    ev_id = evaluation.evaluation_id
    services.evaluations.set_answer(ev_id, "greeting", "yes")
    state = services.evaluations.set_answer(ev_id, "no_rudeness", "no")
    assert state.score.critical_failed and state.score.total == 0
    row = services.interactions.row(evaluation.interaction_id)
    assert row.critical_failed and row.score == 0


def test_comment_evidence_outcome_and_status(services, evaluation) -> None:
    ev_id = evaluation.evaluation_id
    services.evaluations.set_comment(ev_id, "farewell", "Не попрощалась")
    services.evaluations.add_evidence(ev_id, "farewell", 101.256)
    state = services.evaluations.add_evidence(ev_id, "farewell", 12.5)
    assert state.answers["farewell"].evidence == (12.5, 101.26)
    state = services.evaluations.remove_evidence(ev_id, "farewell", 12.5)
    assert state.answers["farewell"].evidence == (101.26,)
    assert state.answers["farewell"].comment == "Не попрощалась"
    state = services.evaluations.set_outcome(
        ev_id, stage_reached="closing", goal_achieved=True, deal_amount=45900.0
    )
    assert (state.stage_reached, state.goal_achieved, state.deal_amount) == ("closing", True, 45900)
    state = services.evaluations.set_status(ev_id, "reviewed", confirm_incomplete=True)
    row = services.interactions.row(evaluation.interaction_id)
    assert row.status == "reviewed" and row.stage_reached == "closing" and row.goal_achieved


def test_invalid_answers_are_refused(services, evaluation) -> None:
    ev_id = evaluation.evaluation_id
    with pytest.raises(ValueError):
        services.evaluations.set_answer(ev_id, "greeting", "partial")  # yes/no only
    with pytest.raises(ValueError):
        services.evaluations.set_answer(ev_id, "no_rudeness", "na")  # critical: no N/A
    with pytest.raises(KeyError):
        services.evaluations.set_answer(ev_id, "no_such_criterion", "yes")
    with pytest.raises(ValueError):
        services.evaluations.set_outcome(
            ev_id, stage_reached="moon", goal_achieved=None, deal_amount=None
        )
