"""Background jobs: a QRunnable with a signals object, a manager, and an ETA estimate.

Jobs compute in a worker thread and report through `JobSignals`, whose signals are delivered
to receivers in the main thread (queued), so slots may touch widgets and save results there.
Cancel is a flag the work checks between units; "cancelled" is a state with its own signal,
never an error string to match. Tests run jobs synchronously with ``JobManager(synchronous=True)``.
"""

from __future__ import annotations

import logging
import math
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from qcdesk.errors import KnownError

log = logging.getLogger(__name__)


class JobCancelled(Exception):
    """Raised by work that noticed the cancel flag and stopped early."""


class JobSignals(QObject):
    """What a job tells the GUI; a separate QObject because QRunnable is not one."""

    progress = Signal(int, int, str)  # done, total, phase
    finished = Signal(object)  # the result of work()
    failed = Signal(object)  # a KnownError
    cancelled = Signal()
    crashed = Signal(str)  # traceback text of a bug


class Job(QRunnable):
    """One unit of background work; subclasses override `work`.

    Exactly one of finished / failed / cancelled / crashed is emitted when the work ends. When
    the work returns normally after cancel was requested (partial results, e.g. the files
    imported before the user pressed Cancel), the state is "cancelled" and the partial value
    stays readable in `result`.
    """

    def __init__(self) -> None:
        super().__init__()
        # The manager holds a Python reference until the job ends; Qt must not delete it.
        self.setAutoDelete(False)
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.result: object = None
        self.state = "pending"  # pending, running, finished, failed, cancelled, crashed

    def cancel(self) -> None:
        """Ask the work to stop at its next check; safe from any thread."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, phase: str = "") -> None:
        """Emit progress; called by the work from the worker thread."""
        self.signals.progress.emit(int(done), int(total), phase)

    def work(self) -> object:
        """Do the job and return its result; raise KnownError for failures the user can fix."""
        raise NotImplementedError

    def run(self) -> None:
        """QRunnable entry point: runs `work` and turns its outcome into exactly one signal."""
        self.state = "running"
        try:
            result = self.work()
        except JobCancelled:
            self.state = "cancelled"
            self.signals.cancelled.emit()
        except KnownError as err:
            self.state = "failed"
            self.signals.failed.emit(err)
        except Exception:  # noqa: BLE001 - a bug: logged and shown, never swallowed
            text = traceback.format_exc()
            log.error("job %s crashed:\n%s", type(self).__name__, text)
            self.state = "crashed"
            self.signals.crashed.emit(text)
        else:
            self.result = result
            if self.is_cancelled():
                self.state = "cancelled"
                self.signals.cancelled.emit()
            else:
                self.state = "finished"
                self.signals.finished.emit(result)


class FunctionJob(Job):
    """Runs ``fn(*args, progress=..., is_cancelled=..., **kw)`` as a job.

    Service functions stay Qt-free: they take plain callbacks for progress and cancel.
    """

    def __init__(self, fn: Callable[..., object], *args: Any, **kw: Any) -> None:
        super().__init__()
        self._fn = fn
        self._args = args
        self._kw = kw

    def work(self) -> object:
        return self._fn(
            *self._args, progress=self.report, is_cancelled=self.is_cancelled, **self._kw
        )


class JobManager(QObject):
    """Starts jobs, keeps them alive until they end, and forwards crashes to the global hook.

    In synchronous mode (tests, the screenshot tool) `submit` runs the job in the calling
    thread, so every signal has been delivered when it returns. Connect the job's signals
    before submitting it.
    """

    job_started = Signal(object)
    job_ended = Signal(object)
    crashed = Signal(str)  # any job's traceback; app.py shows it like an uncaught exception

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        self._pool = QThreadPool(self)
        self._active: list[Job] = []

    @property
    def synchronous(self) -> bool:
        return self._synchronous

    def active(self) -> list[Job]:
        """Jobs submitted and not yet ended, oldest first."""
        return list(self._active)

    def submit(self, job: Job) -> Job:
        self._active.append(job)
        # Bound slots of this QObject (not lambdas): Qt then queues them to the main thread.
        job.signals.finished.connect(self._on_job_signal_ended)
        job.signals.failed.connect(self._on_job_signal_ended)
        job.signals.cancelled.connect(self._on_job_signal_ended)
        job.signals.crashed.connect(self._on_job_signal_crashed)
        self.job_started.emit(job)
        if self._synchronous:
            job.run()
        else:
            self._pool.start(job)
        return job

    def cancel_all(self) -> None:
        for job in list(self._active):
            job.cancel()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel every job and wait for the workers; call before the application quits."""
        self.cancel_all()
        return self._pool.waitForDone(timeout_ms)

    @Slot()
    @Slot(object)
    def _on_job_signal_ended(self, *_args: object) -> None:
        sender = self.sender()
        for job in self._active:
            if job.signals is sender:
                self._active.remove(job)
                self.job_ended.emit(job)
                return

    @Slot(str)
    def _on_job_signal_crashed(self, text: str) -> None:
        self.crashed.emit(text)
        self._on_job_signal_ended()


class Eta:
    """Remaining-time estimate: a moving rate, then an exponentially smoothed countdown.

    A moving rate over the last `window` seconds, not the overall average, so a slow first
    file (model loading, a cold disk) stops skewing the estimate once the work settles. Whisper
    reports progress in bursts (one segment after several seconds of silence), so the raw
    estimate swings between reports; the shown value counts down by the time elapsed and moves
    towards the raw one with weight ``1 - exp(-dt / smoothing)`` (an exponential moving average
    in time), and nothing is shown before `min_elapsed` seconds of rate exist.
    """

    def __init__(
        self,
        window: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        smoothing: float = 5.0,
        min_elapsed: float = 2.0,
    ) -> None:
        self._window = window
        self._clock = clock
        self._smoothing = smoothing
        self._min_elapsed = min_elapsed
        self._samples: deque[tuple[float, float]] = deque()
        self._shown: tuple[float, float] | None = None  # (time, estimate) last returned

    def reset(self) -> None:
        self._samples.clear()
        self._shown = None

    def eta_seconds(self, done: float, total: float) -> float | None:
        """Record a sample and return the seconds left, or None while there is no rate yet."""
        now = self._clock()
        if self._samples and done < self._samples[-1][1]:
            self.reset()  # progress went back (a new phase): start over
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > self._window:
            self._samples.popleft()
        if total <= 0:
            return None
        if done >= total:
            return 0.0
        t0, d0 = self._samples[0]
        elapsed = now - t0
        if elapsed < max(self._min_elapsed, 1e-9) or done <= d0:
            return None if self._shown is None else self._countdown(now)
        raw = (total - done) / ((done - d0) / elapsed)
        if self._shown is None:
            estimate = raw
        else:
            predicted = self._countdown(now)
            weight = 1.0 - math.exp(-(now - self._shown[0]) / self._smoothing)
            estimate = predicted + weight * (raw - predicted)
        self._shown = (now, estimate)
        return estimate

    def _countdown(self, now: float) -> float:
        """The last estimate, less the time elapsed since (never below zero)."""
        assert self._shown is not None
        return max(0.0, self._shown[1] - (now - self._shown[0]))
