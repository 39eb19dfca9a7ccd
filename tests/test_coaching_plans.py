"""Development plans and coaching sessions (issue 14 §2, §3): proposed, edited, versioned."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from qcdesk.services.coaching_dto import ActionDraft, PlanDraft, SessionDraft
from qcdesk.services.dto import Segment
from tests.helpers.coaching import add_call

START = datetime(2026, 10, 1, 10, 0)
TALK = (
    Segment("consultant", 0.0, 4.0, "Добрый день, салон «Тест», Анна."),
    Segment("client", 4.5, 7.0, "Мне надо подумать."),
    Segment("consultant", 7.5, 10.0, "Хорошо, до свидания."),
)


@pytest.fixture
def anna(services):  # type: ignore[no-untyped-def]
    client = services.catalog.ensure_client("Тест Планы", "ru")
    person = services.catalog.ensure_consultant(client.id, "Анна Смирнова")
    # next_step (weight 3) fails 3 of 6; farewell (weight 1) fails 4 of 6; greeting once;
    # the unreviewed call fails everything and must not count.
    for i in range(6):
        fails = {"next_step": "no"} if i < 3 else {}
        if i < 4:
            fails["farewell"] = "no"
        if i == 5:
            fails["greeting"] = "no"
        add_call(
            services, client.id, person.id, START + timedelta(days=i), fails,
            evidence={"next_step": [8.0], "farewell": [8.0]}, segments=TALK,
        )  # fmt: skip
    add_call(
        services, client.id, person.id, START + timedelta(days=9),
        {"accurate_info": "no", "no_rudeness": "no"}, status="in_progress",
    )  # fmt: skip
    return client, person


def test_proposal_ranks_recurring_errors_and_brings_examples(services, anna) -> None:  # type: ignore[no-untyped-def]
    _client, person = anna
    plan = services.coaching.propose_plan(person.id)
    assert plan.proposed and plan.version == 0
    # weight x failure share: next_step 3 * 3/6 = 1.5 > farewell 1 * 4/6; greeting failed once.
    assert [(f.criterion_id, f.failures, f.answered) for f in plan.focus] == [
        ("next_step", 3, 6),
        ("farewell", 4, 6),
    ]
    assert all(f.target == 85.0 for f in plan.focus)  # the client's score target
    bad = [e for e in plan.examples if not e.good and e.criterion_id == "next_step"]
    good = [e for e in plan.examples if e.good and e.criterion_id == "next_step"]
    assert bad and good
    assert bad[0].quote == "Хорошо, до свидания." and bad[0].at == 8.0
    assert bad[0].when == START + timedelta(days=2)  # the newest failure
    assert good[0].when == START + timedelta(days=5)


def test_plans_are_versioned_and_edits_never_touch_earlier_versions(services, anna) -> None:  # type: ignore[no-untyped-def]
    _client, person = anna
    proposed = services.coaching.propose_plan(person.id)
    v1 = services.coaching.save_plan(
        person.id, replace(proposed.draft(), coach="Ольга", due_date=date(2026, 11, 30))
    )
    edited = replace(
        v1.draft(), focus=(replace(v1.focus[0], target=90.0),), notes="Только следующий шаг"
    )
    v2 = services.coaching.save_plan(person.id, edited)
    assert (v1.version, v2.version) == (1, 2)
    versions = services.coaching.plan_versions(person.id)
    assert [p.version for p in versions] == [2, 1]
    assert [f.criterion_id for f in versions[1].focus] == ["next_step", "farewell"]
    assert versions[0].focus[0].target == 90.0 and versions[0].notes == "Только следующий шаг"
    assert services.coaching.current_plan(person.id) == versions[0]
    with pytest.raises(ValueError):
        services.coaching.save_plan(person.id, PlanDraft(()))
    with pytest.raises(ValueError):
        services.coaching.save_plan(person.id, replace(edited, focus=edited.focus * 2))


def test_sessions_keep_actions_owners_and_the_acknowledgement(services, anna) -> None:  # type: ignore[no-untyped-def]
    client, person = anna
    plan = services.coaching.save_plan(person.id, services.coaching.propose_plan(person.id).draft())
    made = services.coaching.add_session(
        SessionDraft(
            client.id,
            datetime(2026, 10, 10, 15, 0),
            "one_to_one",
            consultant_id=person.id,
            participants=("Ольга", "Анна Смирнова"),
            notes="Разобрали два звонка",
            actions=(
                ActionDraft("Называть следующий шаг", "Анна Смирнова", date(2026, 10, 20)),
                ActionDraft("Прослушать пять звонков", "Ольга", date(2026, 12, 1)),
            ),
            acknowledged=True,
        )
    )
    assert made.plan_id == plan.id and made.plan_version == 1
    assert made.acknowledged_on == date(2026, 10, 10)  # defaults to the session's day
    first, second = made.actions
    today = date(2026, 11, 1)
    assert first.overdue(today) and not second.overdue(today)
    services.coaching.set_action_done(first.id, True, date(2026, 11, 2))
    services.coaching.acknowledge(made.id, False)
    (again,) = services.coaching.sessions(consultant_id=person.id)
    assert again.actions[0].done and again.actions[0].done_on == date(2026, 11, 2)
    assert not again.actions[0].overdue(today)
    assert not again.acknowledged and again.acknowledged_on is None
    with pytest.raises(ValueError):
        services.coaching.add_session(replace_format(made, client.id, "lecture"))
    with pytest.raises(ValueError):
        services.coaching.add_session(
            SessionDraft(client.id, START, "group", actions=(ActionDraft("  "),))
        )


def replace_format(made, client_id: int, fmt: str) -> SessionDraft:  # type: ignore[no-untyped-def]
    return SessionDraft(client_id, made.held_at, fmt, consultant_id=made.consultant_id)


def test_cli_plan_session_and_action(tmp_path, run_cli) -> None:  # type: ignore[no-untyped-def]
    from qcdesk.services.context import open_services

    db = tmp_path / "c.db"
    services = open_services(db, tmp_path / "lib")
    client = services.catalog.ensure_client("Тест Планы", "ru")
    person = services.catalog.ensure_consultant(client.id, "Анна Смирнова")
    for i in range(3):
        add_call(services, client.id, person.id, START + timedelta(days=i), {"next_step": "no"})
    services.close()

    shown = json.loads(run_cli("coaching", "plan", "--db", db, "--consultant", "Анна").stdout)
    assert shown["proposed"] and shown["focus"][0]["criterion"] == "next_step"
    saved = run_cli(
        "coaching", "plan", "--db", db, "--consultant", "Анна", "--save",
        "--coach", "Ольга", "--due", "2026-11-30", "--target", "90",
    )  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    data = json.loads(saved.stdout)
    assert (data["version"], data["coach"], data["due_date"]) == (1, "Ольга", "2026-11-30")
    assert data["focus"][0]["target"] == 90.0
    added = run_cli(
        "coaching", "session", "add", "--db", db, "--consultant", "Анна",
        "--date", "2026-10-05T15:00", "--format", "call", "--participant", "Ольга",
        "--action", "Называть следующий шаг|Анна|2026-10-12", "--acknowledged",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    ses = json.loads(added.stdout)
    assert ses["plan_version"] == 1 and ses["acknowledged_on"] == "2026-10-05"
    assert ses["actions"][0] | {"id": 0} == {
        "id": 0, "text": "Называть следующий шаг", "owner": "Анна", "due_date": "2026-10-12",
        "done": False, "done_on": None, "overdue": date.today() > date(2026, 10, 12),
    }  # fmt: skip
    done = run_cli("coaching", "action", "--db", db, "--id", ses["actions"][0]["id"])
    assert json.loads(done.stdout)["done"] is True
    listed = json.loads(
        run_cli("coaching", "session", "list", "--db", db, "--client", "Тест Планы").stdout
    )
    assert listed["sessions"][0]["actions"][0]["done"] is True
    bad = run_cli(
        "coaching", "session", "add", "--db", db, "--consultant", "Анна",
        "--date", "вчера", "--format", "call",
    )  # fmt: skip
    assert bad.returncode == 2 and "вчера" in bad.stderr
