"""The synthetic benchmark history: sizes, dates, stored scores and determinism."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from statistics import mean

import pytest
from sqlalchemy import select

from qcdesk.db.models import Evaluation, EvaluationAnswer, Interaction
from qcdesk.domain.scoring import score
from qcdesk.services.context import open_services
from qcdesk.services.demo_large import END_DATE, TEMPLATE_SLUG, create_large_demo
from qcdesk.services.dto import InteractionFilter
from qcdesk.services.templates import template_of

SMALL = {"clients": 2, "consultants": 6, "interactions": 2000, "evaluations": 400}


@pytest.fixture
def small(services):
    created = create_large_demo(services, seed=7, **SMALL)
    return services, created


def test_counts_clients_consultants_and_statuses(small) -> None:
    services, created = small
    assert created == SMALL["interactions"]
    clients = services.catalog.list_clients()
    assert len(clients) == SMALL["clients"]
    consultants = services.catalog.list_consultants()
    assert len(consultants) == SMALL["consultants"]
    assert all(c.team for c in consultants)
    rows = [r for c in clients for r in services.interactions.query(InteractionFilter(c.id))]
    assert len(rows) == SMALL["interactions"]
    assert all(r.kind == "call" and r.consultant_id is not None for r in rows)
    reviewed = [r for r in rows if r.status == "reviewed"]
    assert len(reviewed) == SMALL["evaluations"]
    assert all(r.score is not None for r in reviewed)
    assert all(r.score is None and r.status == "new" for r in rows if r.status != "reviewed")
    # Every consultant gets calls, and each client's calls go to its own consultants.
    own = {c.id: c.client_id for c in consultants}
    assert {r.consultant_id for r in rows} == set(own)
    assert all(own[r.consultant_id] == r.client_id for r in rows)


def test_dates_cover_the_twelve_months_before_the_end(small) -> None:
    services, _ = small
    rows = services.interactions.query()
    first, last = min(r.started_at for r in rows), max(r.started_at for r in rows)
    assert first >= datetime(2025, 12, 1) and first.date() < date(2025, 12, 8)
    assert last < datetime(2026, 12, 1) and last.date() > date(2026, 11, 22)
    assert END_DATE == date(2026, 11, 30)
    months = {(r.started_at.year, r.started_at.month) for r in rows}
    assert len(months) == 12
    # A period filter sees exactly the calls inside it (what the reports query).
    october = services.interactions.query(
        InteractionFilter(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31))
    )
    expected = [r for r in rows if (r.started_at.year, r.started_at.month) == (2026, 10)]
    assert sorted(r.id for r in october) == sorted(r.id for r in expected)
    assert october


def test_stored_scores_equal_recomputed_scores(small) -> None:
    services, _ = small
    with services.session_factory() as s:
        evs = s.scalars(select(Evaluation)).all()
        assert len(evs) == SMALL["evaluations"]
        answers: dict[int, dict[str, str | None]] = defaultdict(dict)
        for a in s.scalars(select(EvaluationAnswer)):
            answers[a.evaluation_id][a.criterion_id] = a.value
        na = critical = 0
        for ev in evs:
            assert ev.version.template.slug == TEMPLATE_SLUG
            assert ev.status == "reviewed" and ev.reviewer is not None
            template = template_of(ev.version)
            values = answers[ev.id]
            assert set(values) == {c.id for c in template.criteria()}
            result = score(template, values)  # raises on N/A where it is not allowed
            assert ev.score == result.total
            assert ev.critical_failed == result.critical_failed
            it = s.get_one(Interaction, ev.interaction_id)
            assert (it.score, it.critical_failed, it.status) == (
                result.total,
                result.critical_failed,
                "reviewed",
            )
            assert it.media_id is None
            if it.goal_achieved:
                assert it.stage_reached == template.stages[-1].id and it.deal_amount > 0
            na += sum(v == "na" for v in values.values())
            critical += result.critical_failed
        assert na > 0
        assert 0 < critical < len(evs) * 0.1


def test_consultants_differ_in_skill(small) -> None:
    services, _ = small
    by_consultant: dict[int, list[float]] = defaultdict(list)
    for r in services.interactions.query(InteractionFilter(status="reviewed")):
        if not r.critical_failed:
            by_consultant[r.consultant_id].append(r.score)
    means = [mean(v) for v in by_consultant.values()]
    assert len(means) == SMALL["consultants"]
    assert max(means) - min(means) > 5


def test_deterministic_for_a_seed_and_not_run_twice(tmp_path: Path, small) -> None:
    services, _ = small
    again = open_services(tmp_path / "again.db", tmp_path / "lib2")
    create_large_demo(again, seed=7, **SMALL)
    other = open_services(tmp_path / "other.db", tmp_path / "lib3")
    create_large_demo(other, seed=8, **SMALL)
    assert again.interactions.query() == services.interactions.query()
    assert other.interactions.query() != services.interactions.query()
    assert create_large_demo(services, seed=7, **SMALL) == 0
    assert len(services.interactions.query()) == SMALL["interactions"]


def test_rejects_impossible_sizes(services) -> None:
    with pytest.raises(ValueError):
        create_large_demo(services, interactions=10, evaluations=11)
