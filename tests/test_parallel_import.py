"""Several processes importing into one new project at the same moment.

Before the fix two of them ran the first migration together ("table clients already exists"),
and get-or-create of the client, the consultant and the media file raised UNIQUE violations.
The processes are real (``python -m qcdesk.cli import``) and start on a shared deadline so that
their opening, migrating and first inserts overlap.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
import wave
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
PROCESSES = 4
FILES_EACH = 3

pytestmark = pytest.mark.slow

START = """
import sys, time
from qcdesk.cli import main
deadline = float(sys.argv[1])
while time.time() < deadline:
    pass
sys.exit(main(sys.argv[2:]))
"""


def _wav(path: Path, seed: int) -> Path:
    """A short 8 kHz tone whose content (and so hash) differs per seed."""
    t = np.arange(8000) / 8000
    samples = (np.sin(2 * np.pi * (300 + 7 * seed) * t) * 8000).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(samples.tobytes())
    return path


def test_parallel_imports_into_a_new_project(tmp_path: Path) -> None:
    db = tmp_path / "project.db"
    shared = _wav(tmp_path / "same.wav", 999)  # every process imports this one too
    deadline = time.time() + 3.0
    procs = []
    for p in range(PROCESSES):
        files = [_wav(tmp_path / f"p{p}_{i}.wav", p * 10 + i) for i in range(FILES_EACH)]
        argv = ["import", "--db", str(db), "--client", "Диваны Плюс", "--consultant", "Анна"]
        cmd = [sys.executable, "-c", START, str(deadline), *argv, *map(str, files), str(shared)]
        procs.append(
            subprocess.Popen(
                cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
        )
    for p in procs:
        _out, err = p.communicate(timeout=180)
        assert p.returncode == 0 and "Traceback" not in err, err
    con = sqlite3.connect(db)
    try:
        count = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                 for t in ("clients", "consultants", "interactions", "media_files")}  # fmt: skip
    finally:
        con.close()
    assert count == {
        "clients": 1,
        "consultants": 1,
        "interactions": PROCESSES * FILES_EACH + 1,
        "media_files": PROCESSES * FILES_EACH + 1,
    }
    library = {p.name for p in (tmp_path / "library").rglob("*.wav")}
    assert len(library) == PROCESSES * FILES_EACH + 1
