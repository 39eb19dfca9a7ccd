"""A damaged or foreign database file is refused at open, named, and never written to."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qcdesk.db.session import DamagedDatabaseError, open_database
from qcdesk.errors import KnownError

REPO = Path(__file__).resolve().parents[1]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A real project database whose pages 4-8 were overwritten (a disk fault)."""
    db = tmp_path / "project.db"
    factory = open_database(db)
    engine = factory.kw["bind"]
    engine.dispose()
    data = bytearray(db.read_bytes())
    assert len(data) > 8 * 4096
    data[3 * 4096 : 8 * 4096] = b"\xa5" * (5 * 4096)
    db.write_bytes(bytes(data))
    for side in ("-wal", "-shm"):
        db.with_name(db.name + side).unlink(missing_ok=True)
    return db


def test_a_damaged_database_is_refused_untouched(damaged: Path) -> None:
    before = _digest(damaged)
    with pytest.raises(DamagedDatabaseError) as info:
        open_database(damaged)
    err = info.value
    assert err.path == str(damaged) and "damaged" in str(err) and "backups folder" in str(err)
    assert _digest(damaged) == before


def test_a_truncated_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "cut.db"
    open_database(db).kw["bind"].dispose()
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    with pytest.raises(DamagedDatabaseError) as info:
        open_database(db)
    assert info.value.path == str(db)


@pytest.mark.parametrize("content", [b"hello, this is not a database\n" * 50, os.urandom(8192)])
def test_a_file_that_is_not_sqlite_is_named(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(content)
    with pytest.raises(DamagedDatabaseError, match="not an SQLite file") as info:
        open_database(db)
    assert info.value.path == str(db)
    assert db.read_bytes() == content


def test_a_folder_as_database_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="folder") as info:
        open_database(tmp_path)
    assert info.value.path == str(tmp_path)


def test_cli_names_the_damaged_file(damaged: Path, run_cli) -> None:
    result = run_cli("list", "--db", damaged)
    assert result.returncode == 2
    assert str(damaged) in result.stderr and "backups folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_gui_start_shows_the_message(damaged: Path, tmp_path: Path) -> None:
    """The window's start-up: the same message in a dialog, exit code 1, no crash dialog."""
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from qcdesk.app import create_app, main

        app = create_app()
        seen = []

        def close_dialog():
            w = QApplication.activeModalWidget()
            if w is not None:
                seen.append(w.text() if hasattr(w, "text") else type(w).__name__)
                w.close()

        timer = QTimer()
        timer.timeout.connect(close_dialog)
        timer.start(50)
        rc = main(["--db", sys.argv[1], "--lang", "en"])
        print("RC", rc)
        print("SEEN", seen)
        """
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", script, str(damaged)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=env,
    )
    assert "RC 1" in result.stdout, result.stderr
    assert str(damaged) in result.stdout and "damaged" in result.stdout
    assert "Traceback" not in result.stderr
