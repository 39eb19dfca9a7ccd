"""Coaching progress (issue 14 §4): a focus criterion before and after a session.

The evaluations are written by the test; the expected figures are computed here from what it
wrote, and the verdict is checked for the conclusive case, the too-few case and the case where
the difference does not reach significance.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from qcdesk.domain.progress import (
    NOT_SIGNIFICANT,
    SIGNIFICANT,
    TOO_FEW,
    Observation,
    criterion_progress,
    fisher_exact,
    propose_focus,
)
from qcdesk.services.coaching_dto import ActionDraft, FocusItem, PlanDraft, SessionDraft
from tests.helpers.coaching import add_call

SESSION = datetime(2026, 10, 15, 12, 0)
KEY = ("call", "next_step")


def _obs(when: datetime, eid: int, value: float | None) -> Observation:
    return Observation(when, eid, {} if value is None else {KEY: value})


# ---------------------------------------------------------------- the domain alone


def test_fisher_exact_matches_the_published_tea_tasting_example() -> None:
    # Fisher (1935), the lady tasting tea: 3 of 4 right each way, two-sided p = 34/70.
    assert fisher_exact(3, 1, 1, 3) == pytest.approx(34 / 70)
    # Swapping the rows or the columns is the same question.
    assert fisher_exact(2, 8, 9, 1) == pytest.approx(fisher_exact(9, 1, 2, 8))
    assert fisher_exact(2, 8, 9, 1) == pytest.approx(fisher_exact(8, 2, 1, 9))
    assert fisher_exact(5, 5, 5, 5) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        fisher_exact(-1, 1, 1, 1)


def test_the_window_takes_the_newest_before_and_the_oldest_after() -> None:
    before = [_obs(SESSION - timedelta(days=30 - i), i, 1.0 if i < 3 else 0.0) for i in range(13)]
    after = [_obs(SESSION + timedelta(days=i), 100 + i, 1.0) for i in range(12)]
    na = [_obs(SESSION + timedelta(hours=1), 999, None)]  # answered N/A: not counted
    p = criterion_progress(before + after + na, KEY, SESSION, n=10)
    assert p.before_ids == tuple(range(3, 13))  # the three oldest (all passes) fall outside
    assert p.after_ids == tuple(range(100, 110))
    assert (p.before, p.after, p.n_before, p.n_after) == (0.0, 100.0, 10, 10)
    assert p.reason == SIGNIFICANT and p.conclusive and p.improved
    assert p.p_value == pytest.approx(fisher_exact(0, 10, 10, 0))


def test_fewer_than_five_on_a_side_is_never_conclusive() -> None:
    obs = [_obs(SESSION - timedelta(days=i + 1), i, 0.0) for i in range(10)]
    obs += [_obs(SESSION + timedelta(days=i), 50 + i, 1.0) for i in range(4)]
    p = criterion_progress(obs, KEY, SESSION, n=10)
    assert (p.n_before, p.n_after, p.before, p.after) == (10, 4, 0.0, 100.0)
    assert p.reason == TOO_FEW and not p.conclusive and p.p_value is None


def test_partial_credit_counts_as_its_share() -> None:
    obs = [_obs(SESSION - timedelta(days=i + 1), i, 0.5) for i in range(6)]
    obs += [_obs(SESSION + timedelta(days=i), 50 + i, 0.75) for i in range(6)]
    p = criterion_progress(obs, KEY, SESSION, n=10)
    assert p.before == pytest.approx(50.0) and p.after == pytest.approx(75.0)
    assert (p.successes_before, p.successes_after) == (3, round(4.5))
    assert p.reason == NOT_SIGNIFICANT


def test_focus_is_ranked_by_weight_times_failure_share() -> None:
    def ob(i: int, fails: set[str]) -> Observation:
        keys = ("heavy", "light", "once")
        return Observation(
            SESSION + timedelta(days=i), i, {("call", k): 0.0 if k in fails else 1.0 for k in keys}
        )

    # heavy (weight 3) fails 2 of 10; light (weight 1) fails 5 of 10; once fails once.
    obs = [ob(i, {"heavy"} if i < 2 else set()) for i in range(10)]
    obs = [ob(i, {"light"} | ({"heavy"} if i < 2 else set())) for i in range(5)] + obs[5:]
    obs[9] = ob(9, {"once"})
    weights = {("call", "heavy"): 3.0, ("call", "light"): 1.0, ("call", "once"): 5.0}
    found = propose_focus(obs, weights)
    assert [c.criterion_id for c in found] == ["heavy", "light"]  # 3*.2=.6 > 1*.5; once: 1 fail
    assert [(c.failures, c.answered) for c in found] == [(2, 10), (5, 10)]


# ---------------------------------------------------------------- through the service


@pytest.fixture
def team(services):  # type: ignore[no-untyped-def]
    client = services.catalog.ensure_client("Тест Коучинг", "ru")
    anna = services.catalog.ensure_consultant(client.id, "Анна Смирнова")
    igor = services.catalog.ensure_consultant(client.id, "Игорь Петров")
    return client, anna, igor


def _plan_and_session(services, client, person, when=SESSION):  # type: ignore[no-untyped-def]
    plan = services.coaching.save_plan(
        person.id,
        PlanDraft(
            (FocusItem("call", "next_step", "Следующий шаг", 80.0),
             FocusItem("call", "objection_handling", "Отработка возражений", 70.0)),
            coach="Ольга Мельникова",
        ),
    )  # fmt: skip
    session = services.coaching.add_session(
        SessionDraft(
            client.id,
            when,
            "one_to_one",
            consultant_id=person.id,
            participants=("Ольга Мельникова", person.name),
            actions=(ActionDraft("Договариваться о следующем шаге", person.name),),
        )
    )
    return plan, session


def test_progress_counts_reviewed_evaluations_of_the_person_around_the_session(
    services, team
) -> None:  # type: ignore[no-untyped-def]
    client, anna, igor = team
    services.coaching.set_progress_window(client.id, 10)
    written: list[tuple[datetime, str, str]] = []  # (when, next_step, objection_handling)
    for i in range(12):  # before: the two oldest pass next_step, outside the window
        ns = "yes" if i < 2 or i % 5 == 0 else "no"
        oq = "yes" if i % 2 else "no"
        when = SESSION - timedelta(days=24 - 2 * i)
        add_call(services, client.id, anna.id, when, {"next_step": ns, "objection_handling": oq})
        written.append((when, ns, oq))
    for i in range(10):  # after: next_step passes 9 of 10; objections N/A on 4
        ns = "no" if i == 3 else "yes"
        oq = "na" if i < 4 else ("yes" if i % 2 else "no")
        when = SESSION + timedelta(days=1 + i)
        add_call(services, client.id, anna.id, when, {"next_step": ns, "objection_handling": oq})
        written.append((when, ns, oq))
    # Not Anna's, or not reviewed: none of these may count.
    for i in range(5):
        add_call(services, client.id, igor.id, SESSION + timedelta(days=i), {"next_step": "no"})
        add_call(
            services, client.id, anna.id, SESSION + timedelta(hours=i + 1),
            {"next_step": "no"}, status="in_progress",
        )  # fmt: skip
    _plan, session = _plan_and_session(services, client, anna)
    info = services.coaching.progress(anna.id)
    assert info.session_id == session.id and info.n == 10

    def expect(col: int) -> tuple[float | None, float | None, int, int]:
        before = [w for w in written if w[0] < SESSION and w[col] != "na"][-10:]
        after = [w for w in written if w[0] >= SESSION and w[col] != "na"][:10]

        def pct(rows: list[tuple[datetime, str, str]]) -> float | None:
            return 100.0 * sum(r[col] == "yes" for r in rows) / len(rows) if rows else None

        return pct(before), pct(after), len(before), len(after)

    ns, oq = info.rows
    assert (ns.figures.before, ns.figures.after, ns.figures.n_before, ns.figures.n_after) == (
        pytest.approx(expect(1)[0]), pytest.approx(expect(1)[1]), 10, 10,
    )  # fmt: skip
    assert ns.figures.conclusive  # 2 of 10 -> 9 of 10
    assert oq.figures.n_after == expect(2)[3] == 6
    assert oq.figures.before == pytest.approx(expect(2)[0])
    assert oq.figures.after == pytest.approx(expect(2)[1])
    assert not oq.figures.conclusive and oq.figures.reason == NOT_SIGNIFICANT


def test_a_small_window_says_too_few(services, team) -> None:  # type: ignore[no-untyped-def]
    client, anna, _igor = team
    services.coaching.set_progress_window(client.id, 4)
    for i in range(6):
        add_call(services, client.id, anna.id, SESSION - timedelta(days=i + 1), {"next_step": "no"})
        add_call(services, client.id, anna.id, SESSION + timedelta(days=i + 1), {})
    _plan_and_session(services, client, anna)
    row = services.coaching.progress(anna.id).rows[0]
    assert (row.figures.before, row.figures.after) == (0.0, 100.0)
    assert (row.figures.n_before, row.figures.n_after) == (4, 4)
    assert row.figures.reason == TOO_FEW and not row.figures.conclusive
    with pytest.raises(ValueError):
        services.coaching.set_progress_window(client.id, 0)


def test_cli_progress_prints_the_issue_json(tmp_path, run_cli) -> None:  # type: ignore[no-untyped-def]
    from qcdesk.services.context import open_services

    db = tmp_path / "p.db"
    services = open_services(db, tmp_path / "lib")
    client = services.catalog.ensure_client("Тест Коучинг", "ru")
    anna = services.catalog.ensure_consultant(client.id, "Анна Смирнова")
    for i in range(3):
        add_call(services, client.id, anna.id, SESSION - timedelta(days=i + 1), {"next_step": "no"})
    add_call(services, client.id, anna.id, SESSION + timedelta(days=1), {})
    _plan_and_session(services, client, anna)
    services.close()
    out = run_cli("coaching", "progress", "--db", db, "--consultant", "Анна")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    first = data["criteria"][0]
    assert first["criterion"] == "next_step"
    assert (first["before"], first["after"], first["n_before"], first["n_after"]) == (
        0.0, 100.0, 3, 1,
    )  # fmt: skip
    assert first["conclusive"] is False and first["reason"] == TOO_FEW
    assert "Fisher" in data["test"] and data["alpha"] == 0.05
    window = run_cli("coaching", "window", "--db", db, "--client", "Тест Коучинг", "--n", "3")
    assert json.loads(window.stdout) == {"client": "Тест Коучинг", "n": 3}
    narrow = json.loads(run_cli("coaching", "progress", "--db", db, "--consultant", "Анна").stdout)
    assert (narrow["n"], narrow["criteria"][0]["n_before"]) == (3, 3)
    bad = run_cli("coaching", "window", "--db", db, "--client", "Тест Коучинг", "--n", "0")
    assert bad.returncode == 2 and "1..200" in bad.stderr
    missing = run_cli("coaching", "progress", "--db", db, "--consultant", "Никто")
    assert missing.returncode == 2 and "Никто" in missing.stderr


def test_calibration_answers_never_count_in_progress(services, team) -> None:  # type: ignore[no-untyped-def]
    """A newer calibration evaluation of the same call is not its review: progress reads the
    regular one, as the reports do (before: the newest evaluation of any purpose was taken)."""
    from qcdesk.db.models import Evaluation, EvaluationAnswer
    from qcdesk.db.session import session_scope

    client, anna, _igor = team
    calls = [
        add_call(
            services, client.id, anna.id, SESSION + timedelta(days=1 + i), {"next_step": "yes"}
        )
        for i in range(5)
    ]
    with session_scope(services.session_factory, services.db_path) as s:
        for iid in calls:
            regular = s.query(Evaluation).filter_by(interaction_id=iid).one()
            blind = Evaluation(
                interaction_id=iid, version_id=regular.version_id, status="reviewed",
                purpose="calibration",
            )  # fmt: skip
            blind.answers.append(EvaluationAnswer(criterion_id="next_step", value="no"))
            s.add(blind)
    _plan_and_session(services, client, anna)
    ns = services.coaching.progress(anna.id).rows[0]
    assert (ns.figures.after, ns.figures.n_after) == (pytest.approx(100.0), 5)
