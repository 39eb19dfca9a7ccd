"""Benchmark: the longest GUI event-loop stall while a real transcription job runs.

Run: ``.venv/bin/python bench/event_loop_stall.py [--data ../shared/data] [--file REL_PATH]``.
It starts a QApplication (offscreen), imports one shared-data recording into a fresh database
and runs it through the real transcription queue dock (`TranscriptionPanel`: the persisted
queue, a `FunctionJob` in the `JobManager`'s thread pool, the bundled base model on the CPU),
built as the main window builds it (warm-up, device check). A 10 ms QTimer records when the
event loop gets to run; a gap much longer than 10 ms is a stall the user would feel as a
frozen window. Each round runs the baseline (the tokenizer parsed inside the job, as before the
fix) and ours; the longest gaps are listed with the job phase they fell in. The last lines are
``baseline_max_stall_ms=<worst baseline gap>`` and ``max_stall_ms=<worst gap of ours>``
(target: at most 100).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 10
SETTLE_S = 0.5  # quiet time before and after the job, so start-up work is not counted


def start_tracer(threshold: float = 0.05) -> None:
    """A thread that, when it gets the GIL back after *threshold* s, prints the other threads.

    A C extension holding the GIL stops every Python thread, this one included; the stacks
    right afterwards show the line that held it (or the one after it).
    """
    import threading
    import traceback

    def run() -> None:
        me, last = threading.get_ident(), time.perf_counter()
        while True:
            time.sleep(0.002)
            now = time.perf_counter()
            if now - last > threshold:
                print(f"-- {1000 * (now - last):.0f} ms without the GIL; other threads:")
                for ident, frame in sys._current_frames().items():
                    if ident != me:
                        where = traceback.extract_stack(frame)[-3:]
                        print(
                            "   ",
                            " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in where[::-1]),
                        )
            last = now

    threading.Thread(target=run, daemon=True, name="stall-tracer").start()


Gaps = list[tuple[float, float]]  # (gap seconds, when after the job was queued), longest first
Phases = list[tuple[float, str]]  # (seconds after queueing, job phase)


def measure(
    services: Any, settings: Any, interaction_id: int, warm: bool
) -> tuple[Gaps, float, Phases]:
    """Transcribe *interaction_id* through a new queue dock; returns (gaps, seconds, phases).

    *warm*: the dock's start-up warm-up parsed the tokenizer on this thread before the timer
    started (the application does it before the window shows). Without it, the tokenizer
    cache is emptied, so the model load parses it in the worker: the code before the fix.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    from qcdesk.asr.warmup import forget_tokenizers
    from qcdesk.jobs import JobManager
    from qcdesk.widgets.transcription_panel import TranscriptionPanel

    jobs = JobManager()
    panel = TranscriptionPanel(services, settings, jobs)  # warms up, as in the main window
    if not warm:
        forget_tokenizers()
    panel.check_device()  # what the main window does at start-up

    ticks: list[float] = []
    phases: list[tuple[float, str]] = []  # (time, phase) whenever the phase changes

    def on_progress(_done: int, _total: int, name: str) -> None:
        if name and (not phases or name != phases[-1][1]):
            phases.append((time.perf_counter(), name))

    def on_started(job: object) -> None:
        signals = getattr(job, "signals", None)
        if signals is not None:
            signals.progress.connect(on_progress)

    jobs.job_started.connect(on_started)
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()

    def wait(seconds: float) -> None:
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        loop.exec()

    timer.start()
    # Start-up work (the device check) finishes first: the window is not in use yet then.
    deadline = time.perf_counter() + 60
    while jobs.active() and time.perf_counter() < deadline:
        wait(0.1)
    wait(SETTLE_S)
    t0 = time.perf_counter()
    phases.append((t0, "queued"))
    done: list[int] = []
    panel.transcribed.connect(done.append)
    panel.transcribed.connect(loop.quit)
    panel.enqueue([interaction_id])
    QTimer.singleShot(600_000, loop.quit)
    if not done:
        loop.exec()
    t1 = time.perf_counter()
    wait(SETTLE_S)
    timer.stop()
    jobs.shutdown()
    panel.deleteLater()
    if not done:
        raise SystemExit("the transcription did not finish")
    during = [t for t in ticks if t0 - TICK_MS / 1000 <= t <= t1 + SETTLE_S]
    gaps = sorted(((b - a, a - t0) for a, b in zip(during, during[1:], strict=False)), reverse=True)
    return gaps, t1 - t0, [(when - t0, name) for when, name in phases]


def report(title: str, gaps: Gaps, seconds: float, phases: Phases) -> float:
    def phase_at(t: float) -> str:
        name = "queued"
        for when, p in phases:
            if when <= t:
                name = p
        return name

    print(f"{title}: job took {seconds:.1f} s; longest gaps of a {TICK_MS} ms timer:")
    for gap, at in gaps[:3]:
        print(f"  {gap * 1000:7.1f} ms at +{at:5.2f} s ({phase_at(at)})")
    return gaps[0][0] * 1000 if gaps else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--file", default="golos/001ce26c07c20eaa0d666b824c6c6924.wav")
    parser.add_argument("--device", choices=("cpu", "cuda", "auto"), default="cpu")
    parser.add_argument("--rounds", type=int, default=3, help="jobs per variant (default 3)")
    parser.add_argument(
        "--trace",
        action="store_true",
        help="print where the other threads were after each Python-level stall over 50 ms",
    )
    args = parser.parse_args()
    if args.trace:
        start_tracer()

    from qcdesk import settings as opts
    from qcdesk.app import create_app
    from qcdesk.services.context import open_services
    from qcdesk.services.importer import ImportOptions

    create_app([])
    tmp = Path(tempfile.mkdtemp(prefix="qcdesk-stall-"))
    services = open_services(tmp / "qcdesk.db", tmp / "library")
    (interaction_id,) = services.importer.import_paths(
        [args.data / args.file], ImportOptions(client="Бенчмарк")
    ).imported
    settings = opts.Settings.from_ini(tmp / "settings.ini")
    settings.set(opts.ASR_DEVICE, args.device)
    print(f"file: {args.file}; each job loads the bundled model in a new queue dock")
    worst = {False: 0.0, True: 0.0}
    for i in range(args.rounds):
        for warm in (False, True):  # alternated, so machine load affects both alike
            gaps, seconds, phases = measure(services, settings, interaction_id, warm)
            title = f"round {i + 1}, {'ours' if warm else 'baseline (tokenizer parsed in the job)'}"
            worst[warm] = max(worst[warm], report(title, gaps, seconds, phases))
    print(f"baseline_max_stall_ms={worst[False]:.0f}")
    print(f"max_stall_ms={worst[True]:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
