"""The call-log commands end to end: import, extensions, the service report's JSON keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "calllogs"
HOURS = {"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "19:00"}


@pytest.fixture
def project(services) -> Path:  # type: ignore[no-untyped-def]
    client = services.catalog.ensure_client("Альфа")
    services.catalog.set_schedule(client.id, "Europe/Moscow", HOURS)
    return Path(services.db_path)


def test_import_then_report_by_hand(project: Path, run_cli, services) -> None:  # type: ignore[no-untyped-def]
    log = DATA / "asterisk-cdr_csv-16col.csv"
    out = run_cli("import-calllog", "--db", project, "--client", "Альфа", log)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) | {"formats": None} == {
        "calls": 3,
        "duplicates": 0,
        "matched_recordings": 0,
        "unmatched": json.loads(out.stdout)["unmatched"],
        "failed": [],
        "formats": None,
    }
    ext = run_cli("call-extension", "--db", project, "--client", "Альфа", "--extension", "201",
                  "--consultant", "Анна Иванова")  # fmt: skip
    assert json.loads(ext.stdout) == {"201": "Анна Иванова"}

    rep = run_cli("service-report", "--db", project, "--client", "Альфа",
                  "--from", "2026-11-01", "--to", "2026-11-30")  # fmt: skip
    assert rep.returncode == 0, rep.stderr
    data = json.loads(rep.stdout)
    top = ["calls", "missed_calls", "called_back_in_time", "callback_delay_median_min",
           "lost_for_good", "lost_profit"]  # fmt: skip
    assert all(k in data for k in top)
    # Missed Tuesday 18:59, returned Thursday 9:05 (Wednesday 4 November is a holiday): 6 min.
    assert [data[k] for k in top[:5]] == [3, 1, 1, 6.0, 0]
    assert {k: data["lost_profit"][k] for k in ("conservative", "expected", "optimistic")} == {
        "conservative": 0.0,
        "expected": 0.0,
        "optimistic": 0.0,
    }
    assert data["lost_profit"]["inputs"]["confirmed"] is False
    assert set(data["by_consultant"]) == {"Анна Иванова"}
    assert data["by_line"]["+74951234567"]["missed_calls"] == 1
    assert data["by_hour"]["18"]["missed_calls"] == 1

    # A threshold of 5 minutes makes the callback late: one lost lead, three scenarios.
    services.calllog.set_settings("Альфа", callback_minutes=5)
    late = json.loads(
        run_cli(
            "service-report",
            "--db",
            project,
            "--client",
            "Альфа",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
        ).stdout  # fmt: skip
    )
    assert late["called_back_in_time"] == 0 and late["lost_profit"]["leads"] == 1
    assert late["lost_profit"]["expected"] == pytest.approx(1 * 0.7 * 0.5 * 0.2 * 40_000)


def test_bad_input_exits_2(project: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    unknown = run_cli("service-report", "--db", project, "--client", "Никто",
                      "--from", "2026-11-01", "--to", "2026-11-30")  # fmt: skip
    assert unknown.returncode == 2 and "Никто" in unknown.stderr
    backwards = run_cli("service-report", "--db", project, "--client", "Альфа",
                        "--from", "2026-11-30", "--to", "2026-11-01")  # fmt: skip
    assert backwards.returncode == 2


def test_a_log_that_fails_whole_exits_1(project: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    out = run_cli("import-calllog", "--db", project, "--client", "Альфа",
                  DATA / "asterisk-other-order.csv")  # fmt: skip
    assert out.returncode == 1
    assert "asterisk-other-order.csv" in json.loads(out.stdout)["failed"][0]["error"]


def test_call_settings(project: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    def settings(*extra: str) -> dict:  # type: ignore[type-arg]
        out = run_cli("call-settings", "--db", project, "--client", "Альфа", *extra)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)  # type: ignore[no-any-return]

    changed = settings("--average-deal", "30000,45000,60000", "--conversion", "10%,20%,30%",
                       "--non-sales", "89161234567")  # fmt: skip
    assert changed["profit"]["average_deal"] == [30000, 45000, 60000]
    assert changed["profit"]["conversion"] == [0.1, 0.2, 0.3]
    assert changed["profit"]["non_sales"] == ["+79161234567"]
    assert changed["profit"]["confirmed"] is False  # new values wait for a confirmation
    confirmed = settings("--confirm", "--callback-minutes", "10")
    assert confirmed["profit"]["confirmed"] is True and confirmed["callback_minutes"] == 10
    assert confirmed["profit"]["average_deal"] == [30000, 45000, 60000]
    bad = run_cli("call-settings", "--db", project, "--client", "Альфа", "--country", "XX")
    assert bad.returncode == 2 and "XX" in bad.stderr
    backwards = run_cli("call-settings", "--db", project, "--client", "Альфа",
                        "--lead-share", "0.9,0.5,0.1")  # fmt: skip
    assert backwards.returncode == 2
