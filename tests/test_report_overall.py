"""The overall comment and recommendation of an evaluation reach the consultant report."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from qcdesk.db.models import Client, Consultant, Interaction
from qcdesk.db.session import session_scope
from qcdesk.reports.model import Period

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
COMMENT = "Контакт установлен, но выгоды не озвучены"
ADVICE = "Называть две выгоды до цены"


def _pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return " ".join(out.stdout.decode("utf-8").split())


def test_overall_comment_and_recommendation_in_consultant_pdf_and_xlsx(services, tmp_path):
    client = services.catalog.ensure_client("ТехноДом Итог")
    anna = services.catalog.ensure_consultant(client.id, "Анна Итогова")
    with session_scope(services.session_factory, services.db_path) as s:
        it = Interaction(
            kind="call",
            client=s.get_one(Client, client.id),
            consultant=s.get_one(Consultant, anna.id),
            started_at=datetime(2026, 10, 7, 11, 0),
            duration=90.0,
            status="new",
        )
        s.add(it)
        s.flush()
        iid = it.id
    ev = services.evaluations.open(iid)
    for c in ev.template.criteria():
        services.evaluations.set_answer(
            ev.evaluation_id, c.id, "5" if c.answer == "scale_1_5" else "yes"
        )
    services.evaluations.set_overall(
        ev.evaluation_id, overall_comment=COMMENT, recommendation=ADVICE
    )
    services.evaluations.set_status(ev.evaluation_id, "reviewed")

    report = services.reports.consultant_report(anna.id, OCTOBER)
    assert [(o.comment, o.recommendation) for o in report.overall] == [(COMMENT, ADVICE)]
    text = _pdf_text(services.reports.write_pdf(report, tmp_path / "anna.pdf", "ru"))
    assert "Общие комментарии и рекомендации" in text
    # Table cells wrap, so the texts are checked by their opening words.
    assert COMMENT[:18] in text and ADVICE in text

    xlsx = services.reports.write_xlsx(report, tmp_path / "anna.xlsx", "en")
    wb = load_workbook(xlsx, read_only=True)
    rows = list(wb["Overall comments"].iter_rows(values_only=True))
    assert rows[0][-2:] == ("Comment", "Recommendation")
    assert rows[1][1] == iid and rows[1][-2:] == (COMMENT, ADVICE)
