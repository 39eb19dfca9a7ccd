"""The command-line contract used by acceptance checks (real processes, real files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_import_then_list_json(run_cli, tmp_path: Path, import_batch) -> None:
    db, lib = tmp_path / "cli.db", tmp_path / "lib"
    b = import_batch
    res = run_cli(
        "import",
        "--db",
        db,
        "--library",
        lib,
        "--client",
        "Диваны Плюс",
        "--consultant",
        "Анна Смирнова",
        "--direction",
        "incoming",
        b["cyrillic"],
        b["empty"],
        b["missing"],
        b["truncated"],
        b["text"],
    )
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert set(out) == {"imported", "duplicates", "failed"}
    assert len(out["imported"]) == 1 and out["duplicates"] == []
    assert {Path(f["path"]).name for f in out["failed"]} == {
        b[k].name for k in ("empty", "missing", "truncated", "text")
    }
    assert all(f["error"] for f in out["failed"])

    again = run_cli(
        "import",
        "--db",
        db,
        "--library",
        lib,
        "--client",
        "Диваны Плюс",
        "--consultant",
        "Анна Смирнова",
        b["cyrillic"],
    )
    assert json.loads(again.stdout)["duplicates"] == [str(b["cyrillic"])]

    listed = run_cli("list", "--db", db, "--library", lib, "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 1
    row = rows[0]
    assert set(row) == {
        "id",
        "kind",
        "client",
        "consultant",
        "customer",
        "direction",
        "language",
        "transcribed",
        "started_at",
        "duration",
        "status",
        "score",
        "score_source",
    }
    assert row["id"] == out["imported"][0]
    # A new company is "auto": the language is known once the call is transcribed.
    assert (row["direction"], row["language"], row["transcribed"]) == ("incoming", None, False)
    assert (row["kind"], row["client"], row["consultant"]) == (
        "call",
        "Диваны Плюс",
        "Анна Смирнова",
    )
    assert row["score"] is None and row["status"] == "new"
    assert row["duration"] == pytest.approx(116.486, abs=0.05)


def test_import_exits_non_zero_when_every_path_failed(
    run_cli, tmp_path: Path, import_batch
) -> None:
    res = run_cli(
        "import",
        "--db",
        tmp_path / "x.db",
        "--library",
        tmp_path / "lib",
        "--client",
        "А",
        "--consultant",
        "Б",
        import_batch["empty"],
        import_batch["missing"],
    )
    assert res.returncode != 0
    assert len(json.loads(res.stdout)["failed"]) == 2


def test_template_validate(run_cli, tmp_path: Path) -> None:
    ok = run_cli("template", "validate", *sorted((REPO / "checklists").glob("*.yaml")))
    assert ok.returncode == 0, ok.stderr
    bad = tmp_path / "bad.yaml"
    good = (REPO / "checklists" / "sales-call-ru.yaml").read_text(encoding="utf-8")
    bad.write_text(good.replace("weight: 2", "weight: -1", 1), encoding="utf-8")
    res = run_cli("template", "validate", bad)
    assert res.returncode != 0
    line = next(
        i
        for i, t in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1)
        if "weight: -1" in t
    )
    assert f"{bad}:{line}" in res.stderr


def test_demo_creates_the_project_without_opening_a_window(run_cli, tmp_path: Path) -> None:
    db, lib = tmp_path / "demo.db", tmp_path / "demo-lib"
    res = run_cli("demo", "--db", db, "--library", lib, "--no-open")
    assert res.returncode == 0, res.stderr
    rows = json.loads(run_cli("list", "--db", db, "--library", lib, "--json").stdout)
    assert len(rows) >= 25
    assert {r["client"] for r in rows} == {"Диваны Плюс", "ТехноДом"}
    assert any(r["score"] is not None for r in rows)
    # Running it again adds nothing twice.
    assert run_cli("demo", "--db", db, "--library", lib, "--no-open").returncode == 0
    assert len(json.loads(run_cli("list", "--db", db, "--library", lib, "--json").stdout)) == len(
        rows
    )
