"""Issue 11 §10 and §12: reports keep channels apart, draw a single week, and English tables
break no word.

Calls and mystery-shopping visits have their own checklists whose criterion and stage ids
repeat ("farewell", "closing"); the funnel and the heatmap of a team report must show each
channel on its own, and a consultant who only takes calls gets no mystery-shopping criteria.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from openpyxl import load_workbook
from PIL import Image
from reportlab.graphics import renderPDF

from qcdesk.db.models import Client, Consultant, Interaction
from qcdesk.db.session import session_scope
from qcdesk.reports import charts
from qcdesk.reports.i18n import CATALOGUE
from qcdesk.reports.model import Period, WeekPoint
from qcdesk.reports.pdf_kit import register_fonts
from qcdesk.services.dto import AssignmentDraft

pytestmark = pytest.mark.slow

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))


def pdf_text(path: Path, *args: str) -> str:
    out = subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return out.stdout.decode("utf-8")


def _answer(services: Any, iid: int, fails: set[str], stage: str, goal: bool) -> dict[str, str]:
    ev = services.evaluations.open(iid)
    answers = {}
    for c in ev.template.criteria():
        scale = c.answer == "scale_1_5"
        value = ("1" if scale else "no") if c.id in fails else "5" if scale else "yes"
        answers[c.id] = value
        services.evaluations.set_answer(ev.evaluation_id, c.id, value)
    services.evaluations.set_outcome(
        ev.evaluation_id, stage_reached=stage, goal_achieved=goal, deal_amount=None
    )
    services.evaluations.set_status(ev.evaluation_id, "reviewed")
    return answers


@pytest.fixture(scope="module")
def world(tmp_path_factory):  # type: ignore[no-untyped-def]
    from qcdesk.services.context import open_services

    base = tmp_path_factory.mktemp("channels")
    services = open_services(base / "qcdesk.db", base / "library", reviewer="Ревьюер")
    client = services.catalog.ensure_client("Каналы Тест")
    anna = services.catalog.ensure_consultant(client.id, "Анна Смирнова")
    petr = services.catalog.ensure_consultant(client.id, "Пётр Соколов")
    calls = ((anna, 2, "closing", True), (anna, 6, "needs", False), (petr, 7, "closing", True))
    for person, day, stage, goal in calls:
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
        _answer(services, iid, set(), stage, goal)  # every call: farewell "yes"
    visit = services.mystery.create(
        AssignmentDraft(
            client="Каналы Тест",
            channel="visit",
            location="ТЦ «Атриум»",
            consultant="Анна Смирнова",
            checkin_at=datetime(2026, 10, 14, 15, 30),
        )
    ).interaction_id
    _answer(services, visit, {"farewell"}, "presentation", False)  # the visit: farewell "no"
    return {"services": services, "client": client, "anna": anna, "petr": petr}


def test_team_funnel_and_heatmap_keep_calls_and_visits_apart(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services, anna = world["services"], world["anna"]
    team = services.reports.team_report(world["client"].id, OCTOBER)
    funnels = {ch: [f for f in team.funnel if f.channel == ch] for ch in ("call", "visit")}
    assert [f.stage_id for f in funnels["call"]][0] == "greeting"
    assert [f.stage_id for f in funnels["visit"]][0] == "contact"  # the visit's own stages
    assert sum(f.ended_here for f in funnels["call"]) == 3
    assert sum(f.ended_here for f in funnels["visit"]) == 1
    assert {f.stage_id: f.ended_here for f in funnels["visit"]}["presentation"] == 1
    # "farewell" is in both checklists: 100 % in Anna's calls, 0 % in her visit, never 50 %.
    assert team.heat(anna.id, "farewell", "call") == 100.0
    assert team.heat(anna.id, "farewell", "visit") == 0.0
    channels = {(c.channel, c.id) for c in team.heat_criteria}
    assert ("call", "farewell") in channels and ("visit", "farewell") in channels

    text = " ".join(pdf_text(services.reports.write_pdf(team, tmp_path / "t.pdf")).split())
    assert "Воронка этапов: звонки" in text and "Воронка этапов: тайный покупатель" in text
    assert "консультанты × критерии: звонки" in text
    assert "консультанты × критерии: тайный покупатель" in text
    wb = load_workbook(services.reports.write_xlsx(team, tmp_path / "t.xlsx", "ru"))
    assert {"Звонки × критерии", "Тайный покупатель × критерии"} <= set(wb.sheetnames)
    funnel = list(wb["Воронка этапов"].iter_rows(values_only=True))
    assert funnel[0][0] == "Канал"
    assert {r[0] for r in funnel[1:]} == {"Звонки", "Тайный покупатель"}


def test_calls_only_consultant_report_lists_no_visit_criteria(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services, petr = world["services"], world["petr"]
    report = services.reports.consultant_report(petr.id, OCTOBER)
    assert {c.channel for c in report.criteria} == {"call"}
    assert {c.channel for c in report.sections} == {"call"}
    assert {f.channel for f in report.funnel} == {"call"}
    text = " ".join(pdf_text(services.reports.write_pdf(report, tmp_path / "p.pdf")).split())
    assert "Чистота и порядок в торговом зале" not in text  # a mystery-visit criterion
    wb = load_workbook(services.reports.write_xlsx(report, tmp_path / "p.xlsx", "ru"))
    rows = list(wb["По критериям"].iter_rows(values_only=True))
    assert {r[rows[0].index("Канал")] for r in rows[1:]} == {"Звонки"}


def _blue_pixels(png: Path, keep_top: float) -> int:
    """Pixels of the consultant's line colour in the top *keep_top* share of the image."""
    rgb = np.asarray(Image.open(png).convert("RGB"), dtype=int)
    rgb = rgb[: int(rgb.shape[0] * keep_top)]
    return int((np.abs(rgb - (0x2F, 0x6D, 0xB5)).sum(axis=2) < 60).sum())


def test_a_single_week_draws_a_point(tmp_path) -> None:  # type: ignore[no-untyped-def]
    register_fonts()
    week = (WeekPoint(date(2026, 10, 5), 80.0, 2),)
    team = (WeekPoint(date(2026, 10, 5), 60.0, 5),)
    drawing = charts.trend_chart([("Анна", week), ("Команда", team)], "ru")
    renderPDF.drawToFile(drawing, str(tmp_path / "trend.pdf"))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(tmp_path / "trend.pdf"),
         str(tmp_path / "trend")],
        check=True, timeout=60,
    )  # fmt: skip
    # The plot only: the legend below it (from 40 points up) has a blue sample line of its own.
    assert _blue_pixels(tmp_path / "trend.png", 1 - 40 / drawing.height) > 20


def test_english_tables_break_no_word(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services = world["services"]
    team = services.reports.team_report(world["client"].id, OCTOBER)
    person = services.reports.consultant_report(world["anna"].id, OCTOBER)
    words = {w for _, en in CATALOGUE.values() for w in re.findall(r"[A-Za-z]+", en)}
    for i, report in enumerate((team, person)):
        text = pdf_text(services.reports.write_pdf(report, tmp_path / f"{i}.pdf", "en"), "-raw")
        tokens = set(re.findall(r"[A-Za-z]+", text))
        broken = {t for t in tokens - words if len(t) >= 3 and any(w.startswith(t) for w in words)}
        assert not broken, broken


def test_weeks_with_no_reviewed_score_draw_no_data_not_a_crash(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The walk: a month whose team trend had no reviewed week (the reviewed call had no
    consultant) crashed the whole PDF in reportlab ("Polyline must have 2 or more points")."""
    register_fonts()
    empty = tuple(WeekPoint(date(2026, 11, 2 + 7 * i), None, 0) for i in range(4))
    week = (WeekPoint(date(2026, 11, 2), 70.0, 1), *empty[1:])
    for series in ([("Команда", empty)], [("Анна", week), ("Команда", empty)]):
        drawing = charts.trend_chart(series, "ru")
        renderPDF.drawToFile(drawing, str(tmp_path / "trend.pdf"))
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "trend.pdf"), "-"], capture_output=True, text=True,
            check=True, timeout=60,
        ).stdout  # fmt: skip
        assert ("нет данных" in text) == (series[0][0] == "Команда")
