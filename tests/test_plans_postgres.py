"""Plans and disputes on a real PostgreSQL server (issue 13 on both engines).

The same service code as on SQLite: a sample drawn twice with one seed, filters, a replacement
from the stratum, assignment and the queue, and a dispute whose accepted answer reaches the
report's records.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import sessionmaker

from qcdesk.db.models import Client, Consultant, Interaction
from qcdesk.db.session import session_scope
from qcdesk.domain.sample_filter import parse_filters
from qcdesk.reports.model import Period
from qcdesk.services.disputes import DisputeService
from qcdesk.services.evaluations import EvaluationService
from qcdesk.services.plans import PlanService
from qcdesk.services.report_query import load_dataset
from qcdesk.services.templates import SHIPPED_DIR, TemplateService
from tests.helpers.pg import migrated_database

WHERE = Path("postgresql")  # names the database in error messages


@pytest.fixture
def pg():  # type: ignore[no-untyped-def]
    with migrated_database() as engine:
        factory = sessionmaker(engine, expire_on_commit=False)
        TemplateService(factory, WHERE).sync_shipped(SHIPPED_DIR)
        with session_scope(factory, WHERE) as s:
            client = Client(name="Мебель PG", language="ru")
            s.add(client)
            s.flush()
            people = [Consultant(client_id=client.id, name=n) for n in ("Анна", "Борис")]
            s.add_all(people)
            s.flush()
            for k in range(60):
                s.add(
                    Interaction(
                        kind="call" if k % 4 else "chat", client_id=client.id,
                        consultant_id=people[(k // 4) % 2].id, status="new", duration=30.0 + 10 * k,
                        direction="incoming" if k % 3 else "outgoing",
                        started_at=datetime(2026, 11, 1 + k % 28, 9 + k % 9),
                    )
                )  # fmt: skip
            client_id = client.id
        yield factory, client_id


def test_plans_and_disputes_on_postgresql(pg) -> None:  # type: ignore[no-untyped-def]
    factory, client_id = pg
    evaluations = EvaluationService(factory, WHERE, "Анна")
    plans = PlanService(factory, WHERE, lambda: evaluations.reviewer)
    disputes = DisputeService(factory, WHERE, lambda: evaluations.reviewer)
    f = parse_filters(["duration=60-", "weekday=1-6", "unreviewed"])
    a = plans.create(client_id, "2026-11", {"call": 4, "chat": 2}, f, ("direction",), seed=5)
    b = plans.create(client_id, "2026-11", {"call": 4, "chat": 2}, f, ("direction",), seed=5)
    items = plans.status(a.plan_id).items
    assert [i.interaction_id for i in items] == [
        i.interaction_id for i in plans.status(b.plan_id).items
    ]
    assert a.drawn == 12
    with session_scope(factory, WHERE) as s:
        for i in items:
            it = s.get_one(Interaction, i.interaction_id)
            assert it.duration >= 60 and it.started_at.weekday() < 6
    assert plans.assign(a.plan_id, ["Анна", "Борис"], due=date.today() - timedelta(days=1)) == {
        "Анна": 6,
        "Борис": 6,
    }
    new = plans.skip(items[0].id, "bad_audio")
    assert new is not None and (new.consultant, new.stratum) == (
        items[0].consultant,
        items[0].stratum,
    )
    queue = plans.queue("Анна")
    assert len(queue) == 6 and all(q.overdue for q in queue)

    ev = evaluations.open(queue[0].interaction_id)
    for c in ev.template.criteria():
        value = "5" if c.answer == "scale_1_5" else "no" if c.id == "next_step" else "yes"
        evaluations.set_answer(ev.evaluation_id, c.id, value)
    evaluations.clock_in(ev.evaluation_id)
    evaluations.clock_out(ev.evaluation_id)
    before = evaluations.set_status(ev.evaluation_id, "reviewed").score.total
    rows = plans.productivity(date.today() - timedelta(days=1), date.today(), client_id)
    row = next(r for r in rows if r.reviewer == "Анна")
    # Every item was due yesterday: five still open, one reviewed today, a day late.
    assert (row.reviews, row.due, row.overdue) == (1, 6, 6)
    opened = disputes.open(ev.evaluation_id, {"next_step": "yes"}, "Визит назначен")
    done = disputes.decide(opened.id, "accepted", "reviewer_error", "Да")
    assert done.score_before == pytest.approx(before) and done.score_after > before
    with session_scope(factory, WHERE) as s:
        ds = load_dataset(s, client_id, Period(date(2026, 11, 1), date(2026, 11, 30)))
    assert [(d.evaluation_id, d.status) for d in ds.disputes] == [(ev.evaluation_id, "accepted")]
    assert ds.evals[0].score == pytest.approx(done.score_after)
