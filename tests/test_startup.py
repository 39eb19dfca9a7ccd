"""Start-up loads only what the main window needs; closing ends the process at once.

Timings live in bench/startup.py; these tests check the causes: which modules are loaded when
the window is built, and that the process really exits by itself once the window closes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from qcdesk.db.session import MIGRATIONS, head_revision
from qcdesk.services.context import open_services

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("faster_whisper", "ctranslate2", "tokenizers", "pymorphy3", "reportlab", "openpyxl")


def _python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=REPO,
        env=env,
    )


def test_building_the_main_window_loads_no_heavy_module(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    open_services(db).session_factory.kw["bind"].dispose()  # made and migrated here
    res = _python(
        f"""
        import json, sys
        from pathlib import Path
        from qcdesk.app import create_app
        from qcdesk import settings as opts
        from PySide6.QtCore import QSettings
        from qcdesk.jobs import JobManager
        from qcdesk.services.context import open_services
        from qcdesk.widgets.main_window import MainWindow
        app = create_app()
        services = open_services({str(db)!r})
        qs = QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat)
        # Synchronous jobs: a job started while the window is built would run right here.
        jobs = JobManager(synchronous=True)
        window = MainWindow(services, opts.Settings(qs, app), jobs, log_dir=Path({str(tmp_path)!r}))
        window.show()
        names = {HEAVY!r} + ("alembic",)
        print(json.dumps(sorted(m for m in names if m in sys.modules)))
        """,
        tmp_path,
    )
    assert res.returncode == 0, res.stderr
    # alembic too: a database already at the newest migration needs no migration machinery.
    assert json.loads(res.stdout.strip().splitlines()[-1]) == []


def test_the_quick_head_check_agrees_with_alembic() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert head_revision() == ScriptDirectory.from_config(cfg).get_current_head()


def test_closing_the_window_ends_the_process(tmp_path: Path) -> None:
    """Quit closes at once: the process exits by itself, with the database folded back."""
    db = tmp_path / "q.db"
    open_services(db).session_factory.kw["bind"].dispose()
    res = _python(
        f"""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from qcdesk.app import create_app, main
        app = create_app()

        def quit_when_shown():
            windows = [w for w in app.topLevelWidgets() if w.isVisible()]
            if not windows:
                QTimer.singleShot(20, quit_when_shown)
                return
            for w in windows:  # the main window (the first-run name prompt is one too)
                actions = getattr(w, "action_map", None)
                if isinstance(actions, dict) and "quit" in actions:
                    actions["quit"].trigger()

        QTimer.singleShot(0, quit_when_shown)
        main(["--db", {str(db)!r}, "--lang", "en"])
        print("main returned")  # never: the process ends with the window
        """,
        tmp_path,
    )
    assert res.returncode == 0, res.stderr
    assert "main returned" not in res.stdout
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # connections closed, WAL folded in
