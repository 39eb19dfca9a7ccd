"""Jobs: progress, the cancelled state, known failures and crashes, in both run modes."""

from __future__ import annotations

import pytest

from qcdesk.errors import QT_TRANSLATE_NOOP, AudioError
from qcdesk.jobs import Eta, FunctionJob, Job, JobCancelled, JobManager

pytestmark = pytest.mark.gui


def _count(n: int, *, progress, is_cancelled, stop_at: int | None = None) -> list[int]:
    done = []
    for i in range(n):
        if is_cancelled():
            break
        progress(i, n, f"item {i}")
        done.append(i)
        if stop_at is not None and i == stop_at:
            raise JobCancelled
    progress(len(done), n, "")
    return done


class _Recorder:
    def __init__(self, job: Job) -> None:
        self.events: list[tuple[str, object]] = []
        job.signals.progress.connect(lambda d, t, p: self.events.append(("progress", (d, t, p))))
        job.signals.finished.connect(lambda r: self.events.append(("finished", r)))
        job.signals.failed.connect(lambda e: self.events.append(("failed", e)))
        job.signals.cancelled.connect(lambda: self.events.append(("cancelled", None)))
        job.signals.crashed.connect(lambda t: self.events.append(("crashed", t)))

    def kinds(self) -> list[str]:
        return [k for k, _ in self.events if k != "progress"]


def test_progress_and_result_in_sync_mode(qapp) -> None:
    manager = JobManager(synchronous=True)
    job = FunctionJob(_count, 3)
    rec = _Recorder(job)
    manager.submit(job)
    progress = [v for k, v in rec.events if k == "progress"]
    assert progress == [(0, 3, "item 0"), (1, 3, "item 1"), (2, 3, "item 2"), (3, 3, "")]
    assert rec.kinds() == ["finished"]
    assert rec.events[-1] == ("finished", [0, 1, 2])
    assert job.state == "finished"
    assert manager.active() == []


def test_cancel_before_start_is_a_state_with_partial_result(qapp) -> None:
    manager = JobManager(synchronous=True)
    job = FunctionJob(_count, 5)
    rec = _Recorder(job)
    job.cancel()
    manager.submit(job)
    assert rec.kinds() == ["cancelled"]
    assert job.state == "cancelled"
    assert job.result == []  # the work returned normally: nothing done before the cancel


def test_job_cancelled_exception_means_cancelled(qapp) -> None:
    job = FunctionJob(_count, 5, stop_at=1)
    rec = _Recorder(job)
    JobManager(synchronous=True).submit(job)
    assert rec.kinds() == ["cancelled"]


def test_known_error_is_failed_not_crashed(qapp, tmp_path) -> None:
    path = tmp_path / "звонок.wav"

    def broken(*, progress, is_cancelled):
        raise AudioError(QT_TRANSLATE_NOOP("KnownError", "Cannot read {path}"), path=path)

    job = FunctionJob(broken)
    rec = _Recorder(job)
    JobManager(synchronous=True).submit(job)
    assert rec.kinds() == ["failed"]
    err = rec.events[-1][1]
    assert isinstance(err, AudioError)
    assert err.path == str(path)


def test_bug_is_crashed_with_traceback_and_forwarded(qapp, caplog) -> None:
    def buggy(*, progress, is_cancelled):
        return {}["missing"]

    manager = JobManager(synchronous=True)
    forwarded: list[str] = []
    manager.crashed.connect(forwarded.append)
    job = FunctionJob(buggy)
    rec = _Recorder(job)
    manager.submit(job)
    assert rec.kinds() == ["crashed"]
    text = rec.events[-1][1]
    assert "KeyError" in text and "buggy" in text
    assert forwarded == [text]
    assert "KeyError" in caplog.text  # logged, so it reaches the log file
    assert manager.active() == []


def test_threaded_mode_delivers_signals_in_main_thread(qtbot) -> None:
    import threading

    manager = JobManager(synchronous=False)
    job = FunctionJob(_count, 4)
    threads: list[threading.Thread] = []
    job.signals.finished.connect(lambda _r: threads.append(threading.current_thread()))
    with qtbot.waitSignal(manager.job_ended, timeout=5000):
        manager.submit(job)
    assert job.result == [0, 1, 2, 3]
    assert threads == [threading.main_thread()]
    assert manager.active() == []
    assert manager.shutdown(1000)


def test_cancel_from_main_thread_stops_threaded_job(qtbot) -> None:
    import threading

    gate = threading.Event()

    def waits(*, progress, is_cancelled):
        gate.wait(5)
        if is_cancelled():
            raise JobCancelled
        return "done"

    manager = JobManager()
    job = FunctionJob(waits)
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        manager.submit(job)
        job.cancel()
        gate.set()
    assert job.state == "cancelled"


def test_eta_uses_recent_rate() -> None:
    now = [0.0]
    eta = Eta(window=10.0, clock=lambda: now[0])
    assert eta.eta_seconds(0, 100) is None  # no rate yet
    now[0] = 10.0
    assert eta.eta_seconds(10, 100) == pytest.approx(90.0)  # 1 item/s
    # The rate doubles and the first samples leave the window: the estimate follows.
    for t in range(11, 31):
        now[0] = float(t)
        left = eta.eta_seconds(10 + (t - 10) * 2, 100)
    assert left == pytest.approx(50 / 2, rel=0.05)
    assert eta.eta_seconds(100, 100) == 0.0
    assert eta.eta_seconds(5, 0) is None


def test_eta_does_not_jump_when_progress_comes_in_bursts() -> None:
    """Whisper reports a segment after seconds of silence: the estimate must not swing.

    60 items every 6 s, sampled each second (10 items/s on average): the raw windowed
    estimate jumped by 101 s between two samples; the smoothed one moves a few seconds.
    """
    now = [0.0]
    eta = Eta(clock=lambda: now[0])
    shown = []
    for t in range(90):
        now[0] = float(t)
        shown.append(eta.eta_seconds(60 * (t // 6), 1200))
    values = [v for v in shown if v is not None]
    assert len(values) > 80
    assert max(abs(a - b) for a, b in zip(values, values[1:], strict=False)) < 15
    assert values[-1] == pytest.approx(1200 / 10 - 90, abs=15)  # and it is right


def test_eta_waits_for_some_rate_before_guessing() -> None:
    now = [0.0]
    eta = Eta(clock=lambda: now[0])
    eta.eta_seconds(0, 100)
    now[0] = 0.3
    assert eta.eta_seconds(50, 100) is None  # 0.3 s of rate says nothing yet
    now[0] = 3.0
    assert eta.eta_seconds(60, 100) == pytest.approx(2.0)
