"""``qcdesk plan create|assign|status|skip|queue|productivity`` (issue 13 §7): JSON out, exit 2."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from qcdesk.services.context import open_services
from qcdesk.services.demo_large import create_large_demo

CLIENT = "Мебель Комфорт"  # the first company of the synthetic history


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "q.db"
    services = open_services(path, tmp_path / "library")
    create_large_demo(
        services, seed=5, clients=1, consultants=3, interactions=270, evaluations=0, months=1
    )
    return path


def _json(result) -> object:  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_create_assign_status_skip_and_queue(run_cli, db: Path) -> None:
    create = ("plan", "create", "--db", db, "--client", CLIENT, "--period", "2026-11",
              "--per-consultant", "call=4", "--stratify", "direction", "--seed", "17")  # fmt: skip
    first, second = _json(run_cli(*create)), _json(run_cli(*create))
    assert first["drawn"] == second["drawn"] == 12 and first["seed"] == 17
    a = _json(run_cli("plan", "status", "--db", db, "--plan", first["plan"]))
    b = _json(run_cli("plan", "status", "--db", db, "--plan", second["plan"]))
    assert [i["interaction"] for i in a["items"]] == [i["interaction"] for i in b["items"]]
    assert all(i["reviewer"] is None and i["status"] == "pending" for i in a["items"])

    given = _json(run_cli("plan", "assign", "--db", db, "--plan", first["plan"],
                          "--reviewers", "Анна,Борис", "--due", "2026-12-20"))  # fmt: skip
    assert given == {"plan": first["plan"], "assigned": {"Анна": 6, "Борис": 6}}
    status = _json(run_cli("plan", "status", "--db", db, "--plan", first["plan"]))
    assert {i["reviewer"] for i in status["items"]} == {"Анна", "Борис"}
    assert {n: p["drawn"] for n, p in status["per_reviewer"].items()} == {"Анна": 6, "Борис": 6}
    assert all(p["quota"] == 4 and p["drawn"] == 4 for p in status["per_consultant"].values())

    victim = status["items"][0]
    skip = ("plan", "skip", "--db", db, "--plan", first["plan"])
    skipped = _json(run_cli(*skip, "--interaction", victim["interaction"], "--reason", "bad_audio"))
    assert skipped["skipped"] == victim["interaction"] and skipped["replacement"]
    after = _json(run_cli("plan", "status", "--db", db, "--plan", first["plan"]))
    new = next(i for i in after["items"] if i["interaction"] == skipped["replacement"])
    assert (new["consultant"], new["stratum"], new["reviewer"]) == (
        victim["consultant"], victim["stratum"], victim["reviewer"],
    )  # fmt: skip
    old = next(i for i in after["items"] if i["interaction"] == victim["interaction"])
    assert old["status"] == "skipped" and old["reason"] == "bad_audio"

    queue = _json(run_cli("plan", "queue", "--db", db, "--reviewer", victim["reviewer"]))
    assert skipped["replacement"] in [i["interaction"] for i in queue["items"]]
    assert victim["interaction"] not in [i["interaction"] for i in queue["items"]]
    assert len(queue["items"]) == 6
    today = date.today().isoformat()
    prod = _json(run_cli("plan", "productivity", "--db", db, "--from", today, "--to", today))
    assert prod == {}  # nobody has reviewed anything


@pytest.mark.parametrize(
    "args",
    [
        ("--period", "2026-13", "--per-consultant", "call=4"),
        ("--period", "2026-11", "--per-consultant", "call=four"),
        ("--period", "2026-11", "--per-consultant", "call=4", "--filter", "hour=25-26"),
        ("--period", "2026-11", "--per-consultant", "call=4", "--stratify", "mood"),
    ],
)
def test_bad_input_exits_2_with_a_message(run_cli, db: Path, args: tuple[str, ...]) -> None:
    result = run_cli("plan", "create", "--db", db, "--client", CLIENT, *args)
    assert result.returncode == 2 and result.stderr.startswith("qcdesk: ")
    assert result.stdout == ""


def test_unknown_plan_item_or_reason_exits_2(run_cli, db: Path) -> None:
    assert run_cli("plan", "status", "--db", db, "--plan", "99").returncode == 2
    made = _json(run_cli("plan", "create", "--db", db, "--client", CLIENT, "--period",
                         "2026-11", "--per-consultant", "call=1", "--seed", "1"))  # fmt: skip
    result = run_cli("plan", "skip", "--db", db, "--plan", made["plan"], "--interaction",
                     "999999", "--reason", "bad_audio")  # fmt: skip
    assert result.returncode == 2 and "999999" in result.stderr
    status = _json(run_cli("plan", "status", "--db", db, "--plan", made["plan"]))
    first = status["items"][0]["interaction"]
    result = run_cli("plan", "skip", "--db", db, "--plan", made["plan"], "--interaction",
                     first, "--reason", "because")  # fmt: skip
    assert result.returncode == 2 and "reason" in result.stderr
