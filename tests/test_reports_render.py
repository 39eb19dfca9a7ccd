"""Reports end to end: rows inserted through the services, PDFs read back with pdftotext.

Every expected figure is computed here from the answers the test wrote (weights read from the
checklist version the evaluation pinned), never taken from the report code.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from qcdesk.db.models import Client, Consultant, Interaction
from qcdesk.db.session import session_scope
from qcdesk.reports.model import Period
from qcdesk.services.dto import Segment, TranscriptInfo
from tests.helpers.reports import pdf_text, weighted

# Filling the shared database through the services takes ~10 s, so the module counts as slow.
pytestmark = pytest.mark.slow

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
QUOTE = "Скажите, а стиральную машину вы берёте для большой семьи?"
FAILS = "open_questions"


def pct(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + " %"


@pytest.fixture(scope="module")
def services(tmp_path_factory):  # type: ignore[no-untyped-def]
    """One database for the module: filling it through the services takes a few seconds."""
    from qcdesk.services.context import open_services

    base = tmp_path_factory.mktemp("reports")
    return open_services(base / "qcdesk.db", base / "library", reviewer="Ревьюер Отчётов")


@pytest.fixture(scope="module")
def world(services):  # type: ignore[no-untyped-def]
    """Client «ТехноДом Тест»: Анна (5 calls in October, 1 in September), Пётр (2 in October)."""
    client = services.catalog.ensure_client("ТехноДом Тест")
    anna = services.catalog.ensure_consultant(client.id, "Анна Смирнова", team="Продажи")
    petr = services.catalog.ensure_consultant(client.id, "Пётр Соколов", team="Продажи")
    plan = [  # (consultant, when, failures, goal, critical)
        (anna, datetime(2026, 9, 15, 10, 0), set(), True, False),
        (anna, datetime(2026, 10, 2, 11, 0), {FAILS}, True, False),
        (anna, datetime(2026, 10, 6, 12, 0), {FAILS, "next_step"}, False, False),
        (anna, datetime(2026, 10, 13, 9, 30), {FAILS}, False, False),
        (anna, datetime(2026, 10, 20, 15, 0), set(), True, False),
        (anna, datetime(2026, 10, 27, 16, 0), {"farewell"}, None, True),
        (petr, datetime(2026, 10, 8, 10, 0), set(), True, False),
        (petr, datetime(2026, 10, 9, 10, 0), {"next_step"}, False, False),
    ]
    made = []
    for i, (person, when, fails, goal, critical) in enumerate(plan):
        with session_scope(services.session_factory, services.db_path) as s:
            it = Interaction(
                kind="call",
                client=s.get_one(Client, client.id),
                consultant=s.get_one(Consultant, person.id),
                started_at=when,
                duration=60.0 + i,
                customer_ref=f"+7916000000{i}",
                status="new",
            )
            s.add(it)
            s.flush()
            iid = it.id
        services.interactions.save_transcript(
            iid,
            TranscriptInfo(
                "ru",
                "import",
                (
                    Segment("consultant", 0.0, 4.0, "Добрый день, меня зовут Анна."),
                    Segment("client", 4.5, 6.0, "Здравствуйте."),
                    Segment("consultant", 10.0, 14.0, QUOTE),
                ),
            ),
        )
        ev = services.evaluations.open(iid)
        answers = {}
        for c in ev.template.criteria():
            value = "no" if c.id in fails else "yes" if c.answer != "scale_1_5" else "5"
            if c.id == "objection_handling":
                value = "na"
            if c.id == "no_rudeness" and critical:
                value = "no"
            answers[c.id] = value
            services.evaluations.set_answer(ev.evaluation_id, c.id, value)
        if FAILS in fails:
            services.evaluations.add_evidence(ev.evaluation_id, FAILS, 11.0)
        services.evaluations.set_comment(ev.evaluation_id, "greeting", f"Комментарий номер {i}")
        services.evaluations.set_outcome(
            ev.evaluation_id,
            stage_reached="closing" if goal else "needs",
            goal_achieved=goal,
            deal_amount=None,
        )
        services.evaluations.set_status(ev.evaluation_id, "reviewed")  # reports count reviews
        made.append((person, when, answers, goal, ev.template))
    return {"client": client, "anna": anna, "petr": petr, "made": made}


def expected(world, person, period: Period):  # type: ignore[no-untyped-def]
    rows = [
        m for m in world["made"] if m[0] == person and period.start <= m[1].date() <= period.end
    ]
    scores = [weighted(t, a) for _, _, a, _, t in rows]
    outcomes = [g for *_, g, _ in rows if g is not None]
    return rows, sum(scores) / len(scores), 100 * sum(outcomes) / len(outcomes)


def test_consultant_pdf_has_names_and_figures(services, world, tmp_path):  # type: ignore[no-untyped-def]
    anna = world["anna"]
    report = services.reports.consultant_report(anna.id, OCTOBER)
    rows, mean_score, conversion = expected(world, anna, OCTOBER)
    _, prev_score, _ = expected(world, anna, OCTOBER.previous())
    team_scores = [weighted(t, a) for p, w, a, _, t in world["made"] if w.month == 10]
    out = services.reports.write_pdf(report, tmp_path / services.reports.default_filename(report))
    assert out.name == "Смирнова_А_2026-10.pdf"
    text = pdf_text(out)
    assert "Анна Смирнова" in text and "ТехноДом Тест" in text and "октябрь 2026" in text
    assert pct(mean_score) in text
    assert pct(prev_score) in text
    assert pct(sum(team_scores) / len(team_scores)) in text
    assert pct(conversion) in text
    # open_questions failed in 3 of 5 evaluations: a recurring error with the transcript quote.
    fails = sum(1 for *_, a, _g, _t in rows if a[FAILS] == "no")
    assert fails == 3
    assert f"не выполнен {fails} из {len(rows)} ({pct(100 * fails / len(rows))})" in text
    assert QUOTE in text
    assert "02.10.2026" in text
    assert pct(100 * (len(rows) - fails) / len(rows)) in text  # the criterion's compliance
    assert "Без грубости" in text  # the critical error listed by its criterion
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    n = int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")))
    assert f"1 / {n}" in text or f"1/{n}" in text


def test_team_pdf_and_xlsx(services, world, tmp_path):  # type: ignore[no-untyped-def]
    client = world["client"]
    report = services.reports.team_report(client.id, OCTOBER)
    pdf = services.reports.write_pdf(report, tmp_path / "team.pdf", "en")
    text = pdf_text(pdf)
    _, anna_score, _ = expected(world, world["anna"], OCTOBER)
    _, petr_score, _ = expected(world, world["petr"], OCTOBER)
    assert "Team report" in text and "Пётр Соколов" in text
    assert f"{anna_score:.1f}%" in text and f"{petr_score:.1f}%" in text
    ranked = [r.consultant for r in report.ranking]
    assert ranked == sorted(
        ["Анна Смирнова", "Пётр Соколов"],
        key=lambda n: -(anna_score if n.startswith("Анна") else petr_score),
    )
    xlsx = services.reports.write_xlsx(report, tmp_path / "team.xlsx", "ru")
    wb = load_workbook(xlsx, read_only=True)
    raw = list(wb["Исходные данные"].iter_rows(values_only=True))
    october = [m for m in world["made"] if m[1].month == 10]
    assert len(raw) - 1 == sum(len(a) for _, _, a, _, _ in october)
    head = raw[0]
    earned = [
        r[head.index("Получено, %")] for r in raw[1:] if r[head.index("Код критерия")] == FAILS
    ]
    assert sorted(earned) == sorted(0.0 if a[FAILS] == "no" else 100.0 for _, _, a, _, _ in october)
    ranking = list(wb["Рейтинг консультантов"].iter_rows(values_only=True))
    assert ranking[1][1] == ranked[0]


def test_empty_period_and_bad_logo(services, world, tmp_path):  # type: ignore[no-untyped-def]
    client = world["client"]
    services.reports.set_agency_name("Агентство «Контроль»")
    services.reports.set_client_branding(
        client.id,
        logo_path=str(tmp_path / "нет-логотипа.png"),
        kpi_score_target=90,
        kpi_conversion_target=30,
        kpi_max_critical=0,
        recurring_error_share=0.3,
    )
    report = services.reports.team_report(client.id, Period(date(2027, 3, 1), date(2027, 3, 31)))
    assert report.is_empty
    text = pdf_text(services.reports.write_pdf(report, tmp_path / "empty.pdf"))
    assert "нет ни одной оценки" in text
    assert "Агентство «Контроль»" in text and "март 2027" in text
    xlsx = load_workbook(services.reports.write_xlsx(report, tmp_path / "empty.xlsx"))
    assert xlsx["Исходные данные"].max_row == 1


def test_all_individual_reports(services, world, tmp_path):  # type: ignore[no-untyped-def]
    seen = []
    files = services.reports.write_all_individual(
        world["client"].id, OCTOBER, tmp_path / "out", progress=lambda d, t, n: seen.append(n)
    )
    assert sorted(f.name for f in files) == ["Смирнова_А_2026-10.pdf", "Соколов_П_2026-10.pdf"]
    assert "Пётр Соколов" in pdf_text(tmp_path / "out" / "Соколов_П_2026-10.pdf")
    assert set(seen) >= {"Анна Смирнова", "Пётр Соколов"}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qcdesk.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_report_commands(services, world, tmp_path):  # type: ignore[no-untyped-def]
    db = str(services.db_path)
    done = _cli(
        "report",
        "consultant",
        "--db",
        db,
        "--consultant",
        "Анна Смирнова",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        str(tmp_path / "a.pdf"),
        "--xlsx",
        str(tmp_path / "a.xlsx"),
        "--lang",
        "en",
    )
    assert done.returncode == 0, done.stderr
    _, mean_score, _ = expected(world, world["anna"], OCTOBER)
    assert f"{mean_score:.1f}%" in pdf_text(tmp_path / "a.pdf")
    assert load_workbook(tmp_path / "a.xlsx").sheetnames[-1] == "Raw data"
    done = _cli(
        "report",
        "team",
        "--db",
        db,
        "--client",
        "ТехноДом Тест",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        str(tmp_path / "t.pdf"),
    )
    assert done.returncode == 0, done.stderr
    assert "Рейтинг консультантов" in pdf_text(tmp_path / "t.pdf")
    bad = _cli(
        "report",
        "consultant",
        "--db",
        db,
        "--consultant",
        "Никто Никтович",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert bad.returncode != 0
    assert "Никто Никтович" in bad.stderr and not (tmp_path / "x.pdf").exists()
    bad = _cli(
        "report",
        "team",
        "--db",
        db,
        "--client",
        "Нет такой",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        str(tmp_path / "y.pdf"),
    )
    assert bad.returncode != 0 and "Нет такой" in bad.stderr
