"""Backups: a copy made while a reviewer scores restores to the project as it was, byte-checked."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from qcdesk.errors import KnownError
from qcdesk.services.backup import (
    auto_backups,
    backup_project,
    run_auto_backup,
    sha256_file,
    table_counts,
)
from qcdesk.services.restore import read_manifest, restore_project

REPO = Path(__file__).resolve().parents[1]

# A second process scoring new mystery visits as fast as it can: every answer is its own
# transaction, as in the workspace. It prints "started" after its first commit.
WRITER = """
import sys, time
from pathlib import Path
from qcdesk.services.context import open_services
from qcdesk.services.dto import AssignmentDraft

db, library, stop = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
svc = open_services(db, library, reviewer="Writer")
k = 0
while not stop.exists():
    made = svc.mystery.create(AssignmentDraft(client="Backup Test", channel="visit",
                                              location=f"shop {k}", consultant="Ann"))
    state = svc.evaluations.open(made.interaction_id)
    criteria = state.template.criteria()
    for c in criteria:
        svc.evaluations.set_answer(state.evaluation_id, c.id, c.values[0])
        svc.evaluations.set_comment(state.evaluation_id, c.id, f"visit {k}")
        if k == 0 and c is criteria[0]:
            print("started", flush=True)
    k += 1
print(k, flush=True)
"""


@pytest.fixture(scope="module")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo project (recordings, chats and visit photos in its library), made once."""
    from qcdesk.services.context import open_services
    from qcdesk.services.demo import create_demo

    folder = tmp_path_factory.mktemp("demo")
    services = open_services(folder / "qcdesk.db", folder / "library", reviewer="R")
    create_demo(services)
    services.session_factory.kw["bind"].dispose()
    return folder / "qcdesk.db", folder / "library"


def _copy_project(src: tuple[Path, Path], dest: Path) -> tuple[Path, Path]:
    db, library = src
    dest.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    out = sqlite3.connect(dest / "qcdesk.db")
    conn.backup(out)
    out.close()
    conn.close()
    shutil.copytree(library, dest / "library")
    return dest / "qcdesk.db", dest / "library"


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        names = table_counts(db)
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"'))) for n in names}  # type: ignore[misc]
    finally:
        conn.close()


def _ids(db: Path, table: str) -> set[int]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute(f"SELECT id FROM {table}")}
    finally:
        conn.close()


def _library_hashes(db: Path, library: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        paths = {r[0] for r in conn.execute("SELECT path FROM media_files")}
        paths |= {r[0] for r in conn.execute("SELECT path FROM attachments")}
    finally:
        conn.close()
    return {p: sha256_file(library / p) for p in sorted(paths)}


def test_backup_then_restore_gives_an_identical_project(demo_project, tmp_path):
    db, library = demo_project
    out = tmp_path / "backup.zip"
    result = backup_project(db, library, out)
    assert result is not None and not result.missing and not result.damaged
    assert result.files == len(_library_hashes(db, library)) > 30

    restored = restore_project(out, tmp_path / "r" / "qcdesk.db", tmp_path / "r" / "lib")
    assert restored.restored == result.files and not restored.missing
    assert restored.tables == table_counts(db) == result.tables
    assert _rows(tmp_path / "r" / "qcdesk.db") == _rows(db)
    assert _library_hashes(tmp_path / "r" / "qcdesk.db", tmp_path / "r" / "lib") == (
        _library_hashes(db, library)
    )
    # The restored project opens (migrations find it at head) and lists the same calls.
    from qcdesk.services.context import open_services

    a = open_services(db, library).interactions.query()
    b = open_services(tmp_path / "r" / "qcdesk.db", tmp_path / "r" / "lib").interactions.query()
    assert [(r.id, r.score) for r in a] == [(r.id, r.score) for r in b]


@pytest.mark.slow
def test_a_backup_taken_while_scoring_restores_to_the_state_it_copied(demo_project, tmp_path):
    db, library = _copy_project(demo_project, tmp_path / "live")
    before = table_counts(db)
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(library), str(stop)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "started", writer.stderr.read()  # type: ignore[union-attr]
        time.sleep(0.5)
        during = backup_project(db, library, tmp_path / "during.zip")
        time.sleep(0.5)
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert int(out.split()[-1]) >= 1
    after = table_counts(db)
    assert during is not None
    # Taken mid-way: more answers than before, fewer than at the end.
    snap = during.tables
    assert before["evaluation_answers"] < snap["evaluation_answers"] < after["evaluation_answers"]

    target = tmp_path / "r"
    restored = restore_project(tmp_path / "during.zip", target / "qcdesk.db", target / "lib")
    assert restored.tables == snap
    conn = sqlite3.connect(target / "qcdesk.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    # Every row of the copy is in the final database unchanged, except the answer the writer
    # was about to comment on: the copy is one committed state, not a mix.
    final = _rows(db)
    rescored = {"evaluations", "evaluation_answers", "interactions"}  # the writer updates them
    for table, rows in _rows(target / "qcdesk.db").items():
        if table not in rescored:
            assert set(rows) <= set(final[table]), table
    for table in rescored:
        assert _ids(target / "qcdesk.db", table) <= _ids(db, table)
    assert _library_hashes(target / "qcdesk.db", target / "lib") == {
        p: h
        for p, h in _library_hashes(db, library).items()
        if p in _library_hashes(target / "qcdesk.db", target / "lib")
    }

    # Once scoring stopped, a second backup restored over the first gives the same project.
    backup_project(db, library, tmp_path / "after.zip")
    with pytest.raises(KnownError, match="already exists"):
        restore_project(tmp_path / "after.zip", target / "qcdesk.db", target / "lib")
    restore_project(tmp_path / "after.zip", target / "qcdesk.db", target / "lib", force=True)
    assert table_counts(target / "qcdesk.db") == after
    assert _rows(target / "qcdesk.db") == final
    assert _library_hashes(target / "qcdesk.db", target / "lib") == _library_hashes(db, library)


def test_backup_refuses_to_write_over_the_database_or_into_the_library(demo_project, tmp_path):
    db, library = _copy_project(demo_project, tmp_path / "p")
    size = db.stat().st_size
    for bad in (db, Path(f"{db}-wal"), library / "x.zip"):
        with pytest.raises(KnownError) as err:
            backup_project(db, library, bad, force=True)
        assert str(bad) in str(err.value)
    assert db.stat().st_size == size and sqlite3.connect(db).execute("PRAGMA quick_check")
    existing = tmp_path / "old.zip"
    existing.write_bytes(b"keep me")
    with pytest.raises(KnownError, match="already exists"):
        backup_project(db, library, existing)
    assert existing.read_bytes() == b"keep me"


def test_restore_never_replaces_a_database_that_is_open(demo_project, tmp_path):
    db, library = _copy_project(demo_project, tmp_path / "p")
    backup_project(db, library, tmp_path / "b.zip", include_media=False)
    holder = sqlite3.connect(db)  # qcdesk (or any program) has the project open
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("SELECT count(*) FROM interactions").fetchone()
    before = db.read_bytes()
    with pytest.raises(KnownError, match="is open"):
        restore_project(tmp_path / "b.zip", db, library, force=True)
    assert db.read_bytes() == before
    holder.close()
    result = restore_project(tmp_path / "b.zip", db, library, force=True)
    assert result.present > 0 and result.restored == 0 and not result.missing


def test_restore_checks_every_file_against_its_hash(demo_project, tmp_path):
    db, library = demo_project
    good = tmp_path / "good.zip"
    backup_project(db, library, good)
    manifest = read_manifest(good)
    victim = "library/" + manifest["library"][0]["path"]
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == victim:
                data = bytes([data[0] ^ 0xFF]) + data[1:]
            dst.writestr(info, data)
    target = tmp_path / "r"
    with pytest.raises(KnownError, match="does not match its SHA-256") as err:
        restore_project(bad, target / "qcdesk.db", target / "lib")
    assert str(bad) in str(err.value)
    assert not (target / "qcdesk.db").exists()  # nothing half-restored
    assert not list((target / "lib").rglob("*.part"))


ZIP_SLIP = {
    "format": "qcdesk-backup",
    "version": 1,
    "database": {"sha256": "0"},
    "library": [{"path": "../../etc/passwd", "sha256": "0", "size": 1}],
}


@pytest.mark.parametrize(
    "members",
    [{"manifest.json": "[1, 2]"}, {"manifest.json": json.dumps(ZIP_SLIP)}, {"other.txt": "hi"}],
)
def test_restore_names_a_foreign_or_hostile_zip(tmp_path, members):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    with pytest.raises(KnownError, match="not a usable qcdesk backup") as err:
        restore_project(bad, tmp_path / "r.db", tmp_path / "lib")
    assert str(bad) in str(err.value)
    assert not (tmp_path / "r.db").exists() and not (tmp_path.parent / "etc").exists()


def test_daily_automatic_backup_runs_once_a_day_and_keeps_the_last_n(demo_project, tmp_path):
    db, library = _copy_project(demo_project, tmp_path / "p")
    made = []
    for day in range(1, 11):
        for hour in (9, 18):  # start-up and close on the same day: one backup
            r = run_auto_backup(db, library, keep=7, now=datetime(2026, 12, day, hour))
            if r is not None:
                made.append(r.path.name)
    kept = [p.name for p in auto_backups(db)]
    assert len(made) == 10
    assert kept == made[-7:]
    manifest = read_manifest(auto_backups(db)[-1])
    assert manifest["media_included"] is False and len(manifest["library"]) > 30


def test_backup_and_restore_from_the_command_line(run_cli, demo_project, tmp_path):
    db, library = demo_project
    out = tmp_path / "b.zip"
    done = run_cli("backup", "--db", db, "--library", library, "--out", out)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"] > 30
    again = run_cli("backup", "--db", db, "--library", library, "--out", out)
    assert again.returncode == 2 and str(out) in again.stderr
    target = tmp_path / "r"
    args = ("restore", "--from", out, "--db", target / "qcdesk.db", "--library", target / "lib")
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["tables"] == table_counts(db)
    second = run_cli(*args)
    assert second.returncode == 2 and "--force" in second.stderr


def test_restore_from_a_pipe_is_refused_at_once(tmp_path):
    import os

    fifo = tmp_path / "backup.zip"
    os.mkfifo(fifo)
    with pytest.raises(KnownError, match="not a regular file") as err:
        restore_project(fifo, tmp_path / "r.db", tmp_path / "lib")
    assert str(fifo) in str(err.value)
