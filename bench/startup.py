"""Start-up and shut-down: launch to a usable main window, and close to process exit.

Each measurement is a fresh process (nothing cached in this interpreter), against a bare
PySide6 window launched the same way in the same run, so the figures are what qcdesk adds on
this machine. "Usable" is the first turn of the event loop after the main window is shown and
exposed: the window paints and takes input from then on. "Close" runs from the close request
(what Ctrl+Q does) to the process having exited, interpreter teardown and thread joins
included. Run with ``QT_QPA_PLATFORM=offscreen`` or under Xvfb; prints ``name=value`` lines.

    .venv/bin/python bench/startup.py [--runs 5] [--db DEMO.db]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Runs inside the child. T0 is the parent's clock just before it started the process.
_PROBE = r"""
import json, os, sys, time
T0 = float(os.environ["QCDESK_BENCH_T0"])
MODE = os.environ["QCDESK_BENCH_MODE"]
marks = {}

def report():
    sys.stdout.write(json.dumps(marks) + "\n")
    sys.stdout.flush()

def install_probe(app, QTimer, QMainWindow):
    poll = QTimer(app)

    def check():
        for w in app.topLevelWidgets():
            handle = w.windowHandle()
            if isinstance(w, QMainWindow) and w.isVisible() and handle and handle.isExposed():
                poll.stop()
                marks["ready"] = time.time() - T0
                marks["heavy"] = sorted(
                    m for m in ("faster_whisper", "ctranslate2", "pymorphy3", "reportlab",
                                "openpyxl") if m in sys.modules
                )
                marks["close_at"] = time.time()
                report()  # now: qcdesk's main() ends the process itself once closed
                w.close()
                return

    poll.timeout.connect(check)
    poll.start(5)

if MODE == "bare":
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    install_probe(app, QTimer, QMainWindow)
    app.exec()
else:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMainWindow
    from qcdesk.app import create_app, main
    app = create_app()
    install_probe(app, QTimer, QMainWindow)
    main(sys.argv[1:])
"""


def _run(mode: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    env = {**env, "QCDESK_BENCH_MODE": mode, "QCDESK_BENCH_T0": repr(time.time())}
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=env,
    )
    exited = time.time()
    if proc.returncode != 0:
        raise SystemExit(f"{mode} run failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    marks = json.loads(proc.stdout.strip().splitlines()[-1])
    marks["close"] = exited - marks.pop("close_at")
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="a demo project (default: made here first)")
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed qcdesk has its bytecode cached; compiling ~90 modules per launch is not
    # what users wait for (the first, discarded run below writes the caches).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="qcdesk-startup-") as tmp:
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # fresh window settings
        env["XDG_STATE_HOME"] = str(Path(tmp) / "state")  # logs
        env["XDG_DATA_HOME"] = str(Path(tmp) / "data")  # nothing in the user's data folder
        db = args.db
        if db is None:
            db = Path(tmp) / "demo" / "qcdesk.db"
            subprocess.run(
                [sys.executable, "-m", "qcdesk.cli", "demo", "--db", str(db), "--no-open"],
                check=True,
                capture_output=True,
                cwd=REPO,
                env=env,
            )
        qcdesk_args = ["--db", str(db), "--lang", "ru"]
        _run("bare", [], env), _run("qcdesk", qcdesk_args, env)  # warm caches, discarded
        results: dict[str, list[dict[str, float]]] = {"bare": [], "qcdesk": []}
        for _ in range(args.runs):  # interleaved, so a busy moment hits both alike
            results["bare"].append(_run("bare", [], env))
            results["qcdesk"].append(_run("qcdesk", qcdesk_args, env))
    print(f"runs={args.runs}")
    for name, runs in results.items():
        for key in ("ready", "close"):
            values = [r[key] for r in runs]
            print(f"{name}_{key}_median_s={statistics.median(values):.3f}")
            print(f"{name}_{key}_max_s={max(values):.3f}")
    ready = statistics.median(r["ready"] for r in results["qcdesk"])
    bare = statistics.median(r["ready"] for r in results["bare"])
    print(f"qcdesk_ready_over_bare_s={ready - bare:.3f}")
    heavy = sorted({m for r in results["qcdesk"] for m in r["heavy"]})  # type: ignore[attr-defined]
    print(f"heavy_modules_at_start={','.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
