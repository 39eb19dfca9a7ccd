"""Benchmark: the longest GUI event-loop stall while a real transcription job runs.

Run: ``.venv/bin/python bench/event_loop_stall.py [--data ../shared/data] [--file REL_PATH]``.
It starts a QApplication (offscreen), imports one shared-data recording into a fresh database,
starts the application's warm-up exactly as the main window does, and runs the recording
through the real transcription queue dock (`TranscriptionPanel`: the persisted queue, a
`FunctionJob` in the `JobManager`'s thread pool, the bundled base model on the CPU). A 10 ms
QTimer records when the event loop gets to run; a gap much longer than 10 ms is a stall the
user would feel as a frozen window. The longest gaps are listed with the job phase they fell
in. The last line is ``max_stall_ms=<value>`` (target: at most 100).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--file", default="golos/001ce26c07c20eaa0d666b824c6c6924.wav")
    parser.add_argument("--device", choices=("cpu", "cuda", "auto"), default="cpu")
    parser.add_argument(
        "--no-warm-up", action="store_true", help="skip the start-up warm-up (shows the old stall)"
    )
    parser.add_argument(
        "--trace",
        action="store_true",
        help="print where the other threads were after each Python-level stall over 50 ms",
    )
    args = parser.parse_args()
    if args.trace:
        start_tracer()

    from PySide6.QtCore import QEventLoop, QTimer

    from qcdesk import settings as opts
    from qcdesk.app import create_app
    from qcdesk.jobs import JobManager
    from qcdesk.services.context import open_services
    from qcdesk.services.importer import ImportOptions
    from qcdesk.widgets.transcription_panel import TranscriptionPanel

    app = create_app([])
    tmp = Path(tempfile.mkdtemp(prefix="qcdesk-stall-"))
    services = open_services(tmp / "qcdesk.db", tmp / "library")
    (interaction_id,) = services.importer.import_paths(
        [args.data / args.file], ImportOptions(client="Бенчмарк")
    ).imported
    settings = opts.Settings.from_ini(tmp / "settings.ini")
    settings.set(opts.ASR_DEVICE, args.device)
    jobs = JobManager(parent=app)
    panel = TranscriptionPanel(services, settings, jobs)
    if not args.no_warm_up:
        panel.check_device()  # what the main window does at start-up

    ticks: list[float] = []
    phase = ["idle"]
    phases: list[tuple[float, str]] = []  # (time, phase) whenever the phase changes

    def on_progress(_done: int, _total: int, name: str) -> None:
        if name and name != phase[0]:
            phase[0] = name
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
    # Let start-up work (the device check, the panel's first resume) finish first: the window
    # is not yet in use then. The job itself starts afterwards, as when a user queues a call.
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
    if not done:
        print("the transcription did not finish", file=sys.stderr)
        return 1

    during = [t for t in ticks if t0 - TICK_MS / 1000 <= t <= t1 + SETTLE_S]
    gaps = sorted(((b - a, a) for a, b in zip(during, during[1:], strict=False)), reverse=True)

    def phase_at(t: float) -> str:
        name = "queued"
        for when, p in phases:
            if when <= t:
                name = p
        return name

    transcript = services.interactions.get(interaction_id).transcript
    words = sum(len(s.text.split()) for s in transcript.segments) if transcript else 0
    print(f"file: {args.file} ({words} words transcribed in {t1 - t0:.1f} s)")
    print(f"ticks: {len(during)} at {TICK_MS} ms; longest gaps:")
    for gap, at in gaps[:5]:
        print(f"  {gap * 1000:7.1f} ms at +{at - t0:6.2f} s ({phase_at(at)})")
    print(f"max_stall_ms={gaps[0][0] * 1000:.0f}" if gaps else "max_stall_ms=0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
