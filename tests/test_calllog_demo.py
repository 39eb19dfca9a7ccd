"""The demo's call log: imported, linked to the demo recordings, shown in October's report."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from qcdesk.db.models import Call, Interaction
from qcdesk.db.session import session_scope
from qcdesk.reports.model import Period
from qcdesk.services.demo import CALLLOG_CLIENT, create_demo, load_manifest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from qcdesk.services.context import open_services

    folder = tmp_path_factory.mktemp("demo")
    services = open_services(folder / "qcdesk.db", folder / "library", reviewer="R")
    create_demo(services)
    return services


def _linked(services) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with session_scope(services.session_factory) as s:
        rows = s.execute(
            select(Interaction.customer_ref, Call.customer)
            .join(Call, Call.interaction_id == Interaction.id)
        ).all()  # fmt: skip
    return dict(rows)


def test_every_demo_recording_of_the_log_period_is_linked(demo) -> None:  # type: ignore[no-untyped-def]
    wanted = {
        i["customer_ref"]
        for i in load_manifest()["interactions"]
        if i["client"] == CALLLOG_CLIENT and i["started_at"][:7] in ("2026-09", "2026-10")
    }
    linked = _linked(demo)
    assert set(linked) == wanted and all(k == v for k, v in linked.items())


def test_running_the_demo_again_adds_no_call(demo) -> None:  # type: ignore[no-untyped-def]
    def count() -> int:
        with session_scope(demo.session_factory) as s:
            return int(s.scalar(select(func.count()).select_from(Call)) or 0)

    before = count()
    create_demo(demo)
    assert count() == before > 300


def test_october_team_report_has_the_section(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = demo.reports.resolve_client(CALLLOG_CLIENT)
    report = demo.reports.team_report(client.id, Period.month(2026, 10))
    section = report.timely
    assert section is not None and section.previous is not None and section.lost is not None
    assert section.lost.inputs.confirmed is False
    assert section.lost.inputs.ranges["average_deal"] == (30_000, 45_000, 60_000)
    assert {name for name, _ in section.people} == {
        "Анна Смирнова",
        "Игорь Петров",
        "Мария Кузнецова",
    }
    figures = demo.calllog.service_report(CALLLOG_CLIENT, report.period.start, report.period.end)
    assert section.figures == figures.figures.total
