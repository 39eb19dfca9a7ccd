"""The no-next-step line of lost profit, from reviewers' confirmed answers and outcomes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from qcdesk.db.models import Client, Interaction
from qcdesk.db.session import session_scope

pytestmark = pytest.mark.slow


def _reviewed(
    services, client_id: int, when: datetime, step: str, goal: bool, done: bool = True
) -> None:  # type: ignore[no-untyped-def]
    with session_scope(services.session_factory, services.db_path) as s:
        it = Interaction(kind="call", client=s.get_one(Client, client_id), started_at=when,
                         duration=60.0, status="new")  # fmt: skip
        s.add(it)
        s.flush()
        iid = it.id
    ev = services.evaluations.open(iid)
    services.evaluations.set_answer(ev.evaluation_id, "next_step", step)
    services.evaluations.set_outcome(
        ev.evaluation_id, stage_reached="closing", goal_achieved=goal, deal_amount=None
    )
    if done:
        services.evaluations.set_status(ev.evaluation_id, "reviewed", confirm_incomplete=True)


def test_measured_on_reviewed_calls_counted_in_the_period(services) -> None:  # type: ignore[no-untyped-def]
    client = services.catalog.ensure_client("Альфа")
    october, november = datetime(2026, 10, 5, 11), datetime(2026, 11, 5, 11)
    for i in range(25):  # with a next step: 15 of 25 met the goal
        _reviewed(services, client.id, october + timedelta(hours=i), "yes", i < 15)
    for i in range(20):  # without: 5 of 20; eight of them in November
        when = (november if i < 8 else october) + timedelta(hours=i)
        _reviewed(services, client.id, when, "no", i in (0, 9, 10, 11, 12))
    # Not reviewed yet: neither measured nor counted.
    _reviewed(services, client.id, november, "no", False, done=False)
    report = services.calllog.service_report("Альфа", date(2026, 11, 1), date(2026, 11, 30))
    line = report.as_json()["lost_profit"]["no_next_step"]
    assert line["calls_without_next_step"] == 8 and line["measured_calls"] == 45
    assert (line["conversion_with"], line["conversion_without"]) == (0.6, 0.25)
    assert line["expected"] == pytest.approx(8 * (0.6 - 0.25) * 40_000)
    # October alone: twelve calls without a next step, the same measured conversions.
    october_report = services.calllog.service_report("Альфа", date(2026, 10, 1), date(2026, 10, 31))
    assert october_report.next_step is not None and october_report.next_step.calls_without == 12
    # The team report prints the line under the scenarios (the log gives it calls to report).
    from pathlib import Path

    from qcdesk.reports.model import Period
    from tests.helpers.reports import pdf_text

    log = Path(__file__).parent / "data" / "calllogs" / "asterisk-cdr_csv-16col.csv"
    services.calllog.import_paths([log], "Альфа")
    team = services.reports.team_report(client.id, Period.month(2026, 11))
    assert team.timely is not None and team.timely.next_step is not None
    text = pdf_text(services.reports.write_pdf(team, services.db_path.parent / "t.pdf", "en"))
    assert "Lost to calls without a next step" in text
    assert "Conversion with a next step (25 calls) 60.0%" in text
