"""``qcdesk visit add`` and ``list --json`` for visits: the CLI contract, real processes."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image


def test_visit_add_prints_the_id_and_list_shows_a_visit(
    run_cli, tmp_path: Path, shared_data: Path
) -> None:
    db, lib = tmp_path / "cli.db", tmp_path / "lib"
    shot = tmp_path / "фасад магазина.jpg"
    Image.new("RGB", (80, 60), (90, 140, 60)).save(shot)
    audio = shared_data / "silero-vad" / "ru.wav"
    res = run_cli(
        "visit", "add", "--db", db, "--library", lib, "--client", "ТехноДом",
        "--channel", "visit", "--location", "ТЦ «Европейский»", "--consultant", "Ольга Иванова",
        "--date", "2026-10-14", "--attach", shot, audio,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    made = json.loads(res.stdout)  # JSON like every other command, not a bare id
    visit_id = made["id"]
    assert (made["attached"], made["failed"]) == (2, [])
    res = run_cli(
        "visit", "add", "--db", db, "--library", lib, "--client", "ТехноДом",
        "--channel", "online", "--location", "сайт, форма обратной связи",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    online_id = json.loads(res.stdout)["id"]
    assert online_id != visit_id

    rows = {r["id"]: r for r in json.loads(run_cli("list", "--db", db, "--json").stdout)}
    assert set(rows) == {visit_id, online_id}
    assert rows[visit_id]["kind"] == "visit" and rows[online_id]["kind"] == "visit"
    assert rows[visit_id]["consultant"] == "Ольга Иванова"
    assert rows[online_id]["consultant"] is None  # identified later
    assert rows[visit_id]["started_at"] == "2026-10-14T12:00:00"
    assert rows[visit_id]["duration"] > 0  # the audio became the visit's recording
    stored = sorted(p.name for p in lib.rglob("*") if p.is_file())
    assert len(stored) == 2 and any(n.endswith(".jpg") for n in stored)


def test_visit_add_refuses_bad_input(run_cli, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    missing = tmp_path / "нет такого файла.jpg"
    res = run_cli(
        "visit", "add", "--db", db, "--client", "ТехноДом", "--channel", "visit",
        "--location", "Склад", "--attach", missing,
    )  # fmt: skip
    assert res.returncode == 2 and str(missing) in res.stderr and not res.stdout.strip()
    assert json.loads(run_cli("list", "--db", db, "--json").stdout) == []  # nothing created
    res = run_cli(
        "visit", "add", "--db", db, "--client", "ТехноДом", "--channel", "fax", "--location", "x"
    )
    assert res.returncode == 2 and "invalid choice" in res.stderr
    res = run_cli(
        "visit", "add", "--db", db, "--client", "ТехноДом", "--channel", "call",
        "--location", "x", "--date", "14.10.2026",
    )  # fmt: skip
    assert res.returncode == 2 and "YYYY-MM-DD" in res.stderr
