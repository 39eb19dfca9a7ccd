"""Sampling plans (issue 13 §1-2): reproducible draws, quotas, filters, strata, replacement.

The month is a synthetic history (``create_large_demo``: calls of three consultants in
November 2026) plus chats written here; expectations are computed from what is in the
database, not written down.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from qcdesk.db.models import (
    ChecklistVersion,
    Client,
    Consultant,
    Evaluation,
    EvaluationAnswer,
    Interaction,
)
from qcdesk.db.session import session_scope
from qcdesk.domain import sampling
from qcdesk.domain.sample_filter import SampleFilter, parse_filters
from qcdesk.errors import KnownError
from qcdesk.services.demo_large import create_large_demo

PERIOD = "2026-11"


@pytest.fixture
def month(services):  # type: ignore[no-untyped-def]
    """Three consultants' November calls (about 90 each) and 10 chats each."""
    create_large_demo(
        services, seed=5, clients=1, consultants=3, interactions=270, evaluations=0, months=1
    )
    with session_scope(services.session_factory, services.db_path) as s:
        client = s.scalars(select(Client)).one()
        people = list(s.scalars(select(Consultant).order_by(Consultant.id)))
        for p in people:
            for k in range(10):
                s.add(
                    Interaction(
                        kind="chat", client_id=client.id, consultant_id=p.id, status="new",
                        started_at=datetime(2026, 11, 3 + k, 10 + k % 8), duration=300.0,
                    )
                )  # fmt: skip
        return client.id, [p.id for p in people]


def _rows(services, ids):  # type: ignore[no-untyped-def]
    with session_scope(services.session_factory, services.db_path) as s:
        return {
            it.id: it for it in s.scalars(select(Interaction).where(Interaction.id.in_(list(ids))))
        }


def _sample(services, plan_id):  # type: ignore[no-untyped-def]
    return [i.interaction_id for i in services.plans.status(plan_id).items]


def test_same_plan_and_seed_draw_the_same_sample(services, month) -> None:
    client_id, _ = month
    quotas = {"call": 8, "chat": 4}
    a = services.plans.create(client_id, PERIOD, quotas, stratify=("direction",), seed=42)
    b = services.plans.create(client_id, PERIOD, quotas, stratify=("direction",), seed=42)
    assert _sample(services, a.plan_id) == _sample(services, b.plan_id)
    assert a.drawn == b.drawn == 3 * 12
    others = {
        tuple(_sample(services, services.plans.create(client_id, PERIOD, quotas, seed=s).plan_id))
        for s in (1, 2, 3)
    }
    assert len(others) == 3  # another seed, another sample


def test_quota_per_consultant_and_channel_within_the_month(services, month) -> None:
    client_id, people = month
    made = services.plans.create(client_id, PERIOD, {"call": 8, "chat": 4}, seed=7)
    status = services.plans.status(made.plan_id)
    rows = _rows(services, [i.interaction_id for i in status.items])
    per = Counter((it.consultant_id, it.kind) for it in rows.values())
    assert per == {(p, k): n for p in people for k, n in (("call", 8), ("chat", 4))}
    assert all(
        datetime(2026, 11, 1) <= it.started_at < datetime(2026, 12, 1) for it in rows.values()
    )
    assert {p.name: p.quota for p in status.per_consultant} == {
        n: 12 for n in {i.consultant for i in status.items}
    }
    assert made.shortfall == {}
    assert status.plan.due_date == date(2026, 12, 31)


def test_stratified_sample_follows_the_direction_mix(services, month) -> None:
    client_id, people = month
    made = services.plans.create(client_id, PERIOD, {"call": 10}, stratify=("direction",), seed=3)
    rows = _rows(services, _sample(services, made.plan_id))
    with session_scope(services.session_factory, services.db_path) as s:
        for person in people:
            calls = list(
                s.scalars(
                    select(Interaction).where(
                        Interaction.consultant_id == person, Interaction.kind == "call"
                    )
                )
            )
            share_in = sum(c.direction == "incoming" for c in calls) / len(calls)
            drawn_in = sum(
                it.direction == "incoming" for it in rows.values() if it.consultant_id == person
            )
            # Largest remainder: within one of the proportional share.
            assert abs(drawn_in - 10 * share_in) < 1


def test_a_month_too_small_reports_the_shortfall(services, month) -> None:
    client_id, _ = month
    made = services.plans.create(client_id, PERIOD, {"chat": 15}, seed=1)
    assert made.drawn == 30
    names = {i.consultant for i in services.plans.status(made.plan_id).items}
    assert made.shortfall == {n: {"chat": 5} for n in names} and len(names) == 3


def test_filters_duration_weekday_hour_and_direction(services, month) -> None:
    client_id, _ = month
    f = parse_filters(["duration=120-400", "weekday=1-5", "hour=10-14", "direction=incoming"])
    made = services.plans.create(client_id, PERIOD, {"call": 50}, filters=f, seed=9)
    rows = _rows(services, _sample(services, made.plan_id))
    assert rows
    for it in rows.values():
        assert 120 <= it.duration <= 400
        assert it.started_at.weekday() < 5 and 10 <= it.started_at.hour < 14
        assert it.direction == "incoming"
    with session_scope(services.session_factory, services.db_path) as s:
        eligible = [
            it
            for it in s.scalars(select(Interaction).where(Interaction.kind == "call"))
            if 120 <= it.duration <= 400 and it.started_at.weekday() < 5
            and 10 <= it.started_at.hour < 14 and it.direction == "incoming"
        ]  # fmt: skip
    assert len(rows) == len(eligible)  # the quota is larger than the filtered month


def _autoscore(services, iid: int, score: float, critical_no: bool) -> None:  # type: ignore[no-untyped-def]
    with session_scope(services.session_factory, services.db_path) as s:
        version = s.scalars(select(ChecklistVersion).order_by(ChecklistVersion.id)).first()
        ev = Evaluation(
            interaction_id=iid, version_id=version.id, score=score, autoscored_at=datetime.now()
        )
        ev.answers.append(
            EvaluationAnswer(
                criterion_id="no_rudeness" if critical_no else "greeting", value="no",
                suggested=True, suggested_value="no", confirmed=False,
            )
        )  # fmt: skip
        s.add(ev)


def test_filters_prefill_score_critical_no_and_unreviewed(services, month) -> None:
    client_id, people = month
    calls = sorted(
        _sample(services, services.plans.create(client_id, PERIOD, {"call": 4}, seed=1).plan_id)
    )
    low, high, rude, done = calls[0:3], calls[3:6], calls[6:9], calls[9:12]
    for iid in low:
        _autoscore(services, iid, 40.0, False)
    for iid in high:
        _autoscore(services, iid, 95.0, False)
    for iid in rude:
        _autoscore(services, iid, 90.0, True)
    with session_scope(services.session_factory, services.db_path) as s:
        for it in s.scalars(select(Interaction).where(Interaction.id.in_(done))):
            it.status = "reviewed"

    def drawn(*options: str) -> set[int]:
        f = parse_filters(list(options))
        plan = services.plans.create(client_id, PERIOD, {"call": 80}, filters=f, seed=2)
        return set(_sample(services, plan.plan_id))

    assert drawn("prefill-below=50") == set(low)
    assert drawn("prefill-below=92") == set(low) | set(rude)
    assert drawn("critical-no") == set(rude)
    unreviewed = drawn("unreviewed")
    assert not unreviewed & set(done) and set(low) <= unreviewed


def test_a_skipped_item_is_replaced_from_its_stratum(services, month) -> None:
    client_id, _ = month
    made = services.plans.create(
        client_id, PERIOD, {"call": 6, "chat": 2}, stratify=("direction",), seed=11
    )
    services.plans.assign(made.plan_id, ["Анна", "Борис"], due=date(2026, 12, 15))
    before = services.plans.status(made.plan_id).items
    for victim in before[:6]:
        replacement = services.plans.skip(victim.id, "bad_audio", "шум")
        assert replacement is not None
        assert replacement.consultant == victim.consultant
        assert (replacement.kind, replacement.stratum) == (victim.kind, victim.stratum)
        assert replacement.reviewer == victim.reviewer
        assert replacement.due_date == victim.due_date
        assert replacement.interaction_id not in {i.interaction_id for i in before}
        row = _rows(services, [replacement.interaction_id])[replacement.interaction_id]
        assert (row.direction or "-") == victim.stratum.split("=")[1]
    after = services.plans.status(made.plan_id)
    skipped = [i for i in after.items if i.status == "skipped"]
    assert len(skipped) == 6 and {i.skip_reason for i in skipped} == {"bad_audio"}
    assert all(p.drawn == 8 and p.skipped == 2 for p in after.per_consultant if p.skipped == 2)
    assert sum(p.drawn for p in after.per_consultant) == made.drawn


def test_replacement_is_reproducible_and_needs_a_reason(services, month) -> None:
    client_id, _ = month
    picks = []
    for _ in range(2):
        made = services.plans.create(client_id, PERIOD, {"call": 3}, seed=21)
        first = services.plans.status(made.plan_id).items[0]
        with pytest.raises(ValueError):
            services.plans.skip(first.id, "no reason at all")
        with pytest.raises(KnownError):
            services.plans.skip(first.id, "other", "  ")
        picks.append(services.plans.skip(first.id, "not_sales").interaction_id)
    assert picks[0] == picks[1]


def test_an_exhausted_stratum_gives_no_replacement(services, month) -> None:
    client_id, _ = month
    made = services.plans.create(client_id, PERIOD, {"chat": 10}, seed=4)  # every chat
    item = services.plans.status(made.plan_id).items[0]
    assert services.plans.skip(item.id, "duplicate") is None
    with pytest.raises(KnownError):
        services.plans.skip(item.id, "duplicate")


def test_assignment_even_weighted_and_by_hand(services, month) -> None:
    client_id, _ = month
    made = services.plans.create(client_id, PERIOD, {"call": 8, "chat": 4}, seed=8)
    assert services.plans.assign(made.plan_id, ["A", "B", "C"]) == {"A": 12, "B": 12, "C": 12}
    status = services.plans.status(made.plan_id)
    per_consultant = Counter((i.consultant, i.reviewer) for i in status.items)
    assert all(n == 4 for n in per_consultant.values())  # each reviewer gets each consultant
    assert services.plans.assign(made.plan_id, ["A", "B"], [3, 1], reassign=True) == {
        "A": 27,
        "B": 9,
    }
    pick = [i.interaction_id for i in status.items[:5]]
    assert services.plans.assign(made.plan_id, ["Вера"], interactions=pick) == {"Вера": 5}
    mine = {
        i.interaction_id for i in services.plans.status(made.plan_id).items if i.reviewer == "Вера"
    }
    assert mine == set(pick)
    assert services.plans.assign(made.plan_id, ["D"]) == {"D": 0}  # nothing left unassigned
    with pytest.raises(KnownError):
        services.plans.assign(made.plan_id, ["D"], interactions=[10**9])


def test_queue_orders_by_due_date_and_drops_reviewed_items(services, month) -> None:
    client_id, _ = month
    p1 = services.plans.create(client_id, PERIOD, {"chat": 1}, seed=1)
    p2 = services.plans.create(client_id, PERIOD, {"call": 1}, seed=1)
    today = date.today()
    services.plans.assign(p1.plan_id, ["Анна"], due=today - timedelta(days=2))
    services.plans.assign(p2.plan_id, ["Анна"], due=today - timedelta(days=5))
    queue = services.plans.queue("Анна")
    assert [i.due_date for i in queue] == sorted(i.due_date for i in queue)
    assert [i.kind for i in queue] == ["call"] * 3 + ["chat"] * 3
    assert all(i.overdue for i in queue)  # the due dates have passed
    services.evaluations.reviewer = "Анна"
    ev = services.evaluations.open(queue[0].interaction_id)
    services.evaluations.set_status(ev.evaluation_id, "reviewed", confirm_incomplete=True)
    assert queue[0].interaction_id not in {i.interaction_id for i in services.plans.queue("Анна")}
    assert services.plans.queue("nobody") == []
    done = next(i for i in services.plans.status(p2.plan_id).items if i.id == queue[0].id)
    assert done.status == "reviewed" and done.overdue  # reviewed after its due date


def test_productivity_counts_reviews_per_day_minutes_and_overdue(services, month) -> None:
    client_id, _ = month
    made = services.plans.create(client_id, PERIOD, {"call": 2}, seed=6)
    items = services.plans.status(made.plan_id).items
    future = date.today() + timedelta(days=30)
    services.plans.assign(made.plan_id, ["Ирина"], interactions=[items[0].interaction_id],
                          due=date.today() - timedelta(days=1))  # fmt: skip
    services.plans.assign(made.plan_id, ["Ирина"], due=future)
    services.evaluations.reviewer = "Ирина"
    minutes = [4.0, 10.0, 7.0]
    for item, m in zip(items[:3], minutes, strict=True):
        ev = services.evaluations.open(item.interaction_id)
        services.evaluations.clock_in(ev.evaluation_id)
        with session_scope(services.session_factory, services.db_path) as s:
            s.get_one(Evaluation, ev.evaluation_id).opened_at = datetime.now() - timedelta(
                minutes=m
            )
        services.evaluations.clock_out(ev.evaluation_id)
        services.evaluations.set_status(ev.evaluation_id, "reviewed", confirm_incomplete=True)
    today = date.today()
    (row,) = services.plans.productivity(today, today + timedelta(days=40), client_id)
    assert row.reviewer == "Ирина" and row.reviews == 3 and row.days == 1
    assert row.per_day == 3.0
    assert row.median_minutes == pytest.approx(7.0, abs=0.05)
    # Due in the window: the one due yesterday is outside it; the reviewed ones count.
    assert (row.due, row.overdue) == (2, 0)
    (past,) = services.plans.productivity(today - timedelta(days=1), today, client_id)
    assert (past.due, past.overdue) == (1, 1)  # due yesterday, reviewed today


def test_sampling_split_and_allocation_arithmetic() -> None:
    assert sampling.split(7, ["a", "b"]) == ["a", "b", "a", "b", "a", "b", "a"]
    assert Counter(sampling.split(8, ["a", "b"], [3, 1])) == {"a": 6, "b": 2}
    assert sampling.allocate(10, {"in": 70, "out": 30}) == {"in": 7, "out": 3}
    assert sampling.allocate(10, {"in": 2, "out": 30}) == {"in": 1, "out": 9}
    assert sampling.allocate(10, {"in": 1, "out": 3}) == {"in": 1, "out": 3}
    assert sampling.allocate(4, {"in": 1, "out": 30}) == {"in": 0, "out": 4}
    assert sampling.allocate(20, {"in": 2, "out": 30}) == {"in": 1, "out": 19}
    assert sampling.allocate(5, {"a": 1, "b": 1}) == {"a": 1, "b": 1}
    assert sum(sampling.allocate(3, {"a": 5, "b": 5, "c": 5}).values()) == 3
    assert sampling.parse_quotas("call=8, chat=4") == {"call": 8, "chat": 4}
    for bad in ("call=0", "call=x", "fax=3", "call=1,call=2", "any=3,call=2", "call"):
        with pytest.raises(ValueError):
            sampling.parse_quotas(bad)
    f = parse_filters(["outcome=no-goal", "weekday=1,3,6-7", "duration=30-"])
    assert f == SampleFilter(goal=False, weekdays=(0, 2, 5, 6), duration_min=30.0)
    assert SampleFilter.from_json(f.as_json()) == f
    for bad in ("weekday=0-3", "hour=14-9", "duration=5", "bogus=1", "prefill-below=x"):
        with pytest.raises(ValueError):
            parse_filters([bad])
