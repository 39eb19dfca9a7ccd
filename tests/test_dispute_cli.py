"""``qcdesk dispute open|decide|list`` (issue 13 §7): JSON out, bad input exits 2."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from qcdesk.db.models import Client, Consultant, Interaction
from qcdesk.db.session import session_scope
from qcdesk.services.context import open_services


@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[Path, int, float]:
    """A database with one call reviewed by Ольга: every answer yes but next_step no."""
    db = tmp_path / "q.db"
    services = open_services(db, tmp_path / "library", reviewer="Ольга")
    client = services.catalog.ensure_client("Мебель Тест")
    anna = services.catalog.ensure_consultant(client.id, "Анна Смирнова")
    with session_scope(services.session_factory, services.db_path) as s:
        it = Interaction(kind="call", client=s.get_one(Client, client.id), status="new",
                         consultant=s.get_one(Consultant, anna.id),
                         started_at=datetime(2026, 10, 5, 11))  # fmt: skip
        s.add(it)
        s.flush()
        iid = it.id
    ev = services.evaluations.open(iid)
    for c in ev.template.criteria():
        value = "5" if c.answer == "scale_1_5" else "no" if c.id == "next_step" else "yes"
        state = services.evaluations.set_answer(ev.evaluation_id, c.id, value)
    services.evaluations.set_status(ev.evaluation_id, "reviewed")
    return db, iid, state.score.total


def _json(result) -> dict:  # type: ignore[no-untyped-def, type-arg]
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_open_decide_and_list(run_cli, reviewed) -> None:  # type: ignore[no-untyped-def]
    db, iid, score = reviewed
    days = _json(
        run_cli("dispute", "deadline", "--db", db, "--client", "Мебель Тест", "--days", "3")
    )
    assert days["days"] == 3
    assert run_cli("dispute", "deadline", "--db", db, "--client", "Мебель Тест", "--days",
                   "0").returncode == 2  # fmt: skip
    opened = _json(run_cli("dispute", "open", "--db", db, "--interaction", iid, "--as", "Лида",
                           "--answers", "next_step=yes", "--comment", "Визит назначен",
                           "--on-behalf-of", "Анна Смирнова"))  # fmt: skip
    assert opened["status"] == "open" and opened["score_before"] == pytest.approx(score)
    assert opened["deadline"] == (date.today() + timedelta(days=3)).isoformat()
    assert opened["answers"] == {
        "next_step": {"original": "no", "proposed": "yes", "final": None, "accepted": None}
    }
    listed = _json(run_cli("dispute", "list", "--db", db, "--status", "open"))
    assert [d["dispute"] for d in listed["disputes"]] == [opened["dispute"]]
    refused = run_cli("dispute", "decide", "--db", db, "--dispute", opened["dispute"], "--as",
                      "Сергей", "--outcome", "accepted", "--reason", "reviewer_error",
                      "--comment", "да")  # fmt: skip
    assert refused.returncode == 2 and "Ольга" in refused.stderr
    done = _json(run_cli("dispute", "decide", "--db", db, "--dispute", opened["dispute"], "--as",
                         "Лида", "--lead", "--outcome", "accepted", "--reason", "reviewer_error",
                         "--comment", "Согласна"))  # fmt: skip
    assert done["status"] == "accepted" and done["decided_by"] == "Лида"
    assert done["answers"]["next_step"] == {
        "original": "no", "proposed": "yes", "final": "yes", "accepted": True,
    }  # fmt: skip
    assert done["score_after"] > done["score_before"]
    assert _json(run_cli("dispute", "list", "--db", db, "--status", "open")) == {"disputes": []}


@pytest.mark.parametrize(
    "extra",
    [
        ("--answers", "next_step=yes", "--comment", ""),
        ("--answers", "next_step=", "--comment", "x"),
        ("--answers", "nonexistent=yes", "--comment", "x"),
        ("--answers", "greeting=yes", "--comment", "the same answer as given"),
    ],
)
def test_bad_disputes_exit_2(run_cli, reviewed, extra) -> None:  # type: ignore[no-untyped-def]
    db, iid, _ = reviewed
    result = run_cli("dispute", "open", "--db", db, "--interaction", iid, "--as", "Лида", *extra)
    assert result.returncode == 2 and result.stderr and result.stdout == ""
