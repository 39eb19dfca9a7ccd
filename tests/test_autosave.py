"""Answers given in the review workspace survive a process killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qcdesk.services.context import open_services
from qcdesk.services.importer import ImportOptions

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[1]

# The child: open the workspace on the parent's database, answer by key presses, say READY,
# then wait to be killed. No clean shutdown runs, so only what was committed survives.
CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from qcdesk.jobs import JobManager
from qcdesk.services.context import open_services
from qcdesk.widgets.review import ReviewWorkspace
db, lib, iid = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
services = open_services(db, lib)
ws = ReviewWorkspace(services, JobManager(synchronous=True))
ws.resize(1000, 700)
ws.show()
ws.activateWindow()
QTest.qWaitForWindowActive(ws)
ws.load(iid)
for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_1):
    QTest.keyClick(QApplication.focusWidget(), key)
print("READY", ws.form.total_label.text(), flush=True)
while True:
    app.processEvents()
    time.sleep(0.05)
"""


def test_answers_survive_sigkill(tmp_path: Path, stereo_wav: Path) -> None:
    db, lib = tmp_path / "qcdesk.db", tmp_path / "library"
    services = open_services(db, lib)
    (iid,) = services.importer.import_paths([stereo_wav], ImportOptions(client="Окна")).imported
    criteria = services.evaluations.open(iid).template.criteria()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    line = ""
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(lib), str(iid)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=REPO,
    ) as child:
        try:
            assert child.stdout is not None
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not line.startswith("READY"):
                line = child.stdout.readline()
                if not line and child.poll() is not None:
                    break
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=10)
    assert line.startswith("READY"), f"child did not get ready (exit {child.returncode})"
    assert child.returncode == -signal.SIGKILL

    state = open_services(db, lib).evaluations.open(iid)
    got = {k: a.value for k, a in state.answers.items() if a.value is not None}
    assert got == {
        criteria[0].id: criteria[0].values[0],
        criteria[1].id: criteria[1].values[1],
        criteria[2].id: criteria[2].values[0],
    }
    assert state.score is not None and state.score.total is not None
    assert line.split(maxsplit=1)[1].strip() == f"Total: {state.score.total:.0f}%"
