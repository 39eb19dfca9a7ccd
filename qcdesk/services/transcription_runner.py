"""The transcription queue's lifecycle, for the panel, the CLI and a headless worker (Qt-free).

One job runs at a time. `start_next` takes the oldest queued row and marks it running; the
caller runs `work` wherever it likes (the panel in a thread-pool job, the CLI and a worker
inline, see `run_now`) and then reports how it ended with exactly one of `finished`,
`failed` or `cancelled`, which move the row on. "Pause all" stops the running job and sends
it back to the queue instead of cancelling it.

Replacing a transcript a reviewer corrected needs the user's say-so, given per interaction
to `enqueue` or `retry` and kept in this runner only: a job resumed after a restart fails
with a clear reason (`EditedTranscriptError`) instead of silently replacing the corrections.

Jobs compute, the caller's thread keeps the queue's rows, except for one thing: `work` stores
the transcript itself, in a short unit of work of its own after the long transcription, and
runs auto-prefill after it. Prefill loads the lemmatiser and runs every rule (a second or
more), which on the GUI thread would freeze the window; SQLite in WAL mode takes the write
from the worker thread while the window reads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from qcdesk.asr.base import Engine, TranscriptionCancelled
from qcdesk.errors import KnownError
from qcdesk.services.transcription import TranscriptionOutcome, TranscriptionService
from qcdesk.services.transcription_queue import PROGRESS_STEPS, TranscriptionQueue
from qcdesk.services.transcripts import EditedTranscriptError

ProgressFn = Callable[[int, int, str], None]


@dataclass(frozen=True)
class StartedJob:
    """The running queue row, as `work` needs it and the panel shows it."""

    job_id: int
    interaction_id: int
    duration: float  # seconds of audio; 0 when unknown
    overwrite_edits: bool


@dataclass(frozen=True)
class RunResult:
    """How one inline run (`run_now`) ended: exactly one of outcome, edited or error is set."""

    interaction_id: int
    outcome: TranscriptionOutcome | None = None
    edited: int = 0  # corrected segments that kept the transcript from being replaced
    error: KnownError | None = None
    wall_seconds: float = 0.0


class TranscriptionRunner:
    """Runs the persisted queue one job at a time; see the module docstring for the protocol."""

    def __init__(self, queue: TranscriptionQueue, engine_factory: Callable[[], Engine]) -> None:
        self._queue = queue
        self._engine_factory = engine_factory
        self._service: TranscriptionService | None = None
        self._built_with: Callable[[], Engine] | None = None  # the factory _service came from
        self._lock = threading.Lock()  # the engine is built lazily, in the worker thread
        self._overwrite: set[int] = set()  # interactions whose corrections may be replaced
        self._running: StartedJob | None = None
        self._requeue_running = False  # "Pause all" stopped it: back to the queue
        self.paused = False

    @property
    def queue(self) -> TranscriptionQueue:
        return self._queue

    @property
    def running(self) -> StartedJob | None:
        return self._running

    @property
    def loaded(self) -> bool:
        """Whether the next job finds its engine built (the first job builds it)."""
        return self._service is not None and self._built_with is self._engine_factory

    def set_engine_factory(self, engine_factory: Callable[[], Engine]) -> None:
        """The next job builds its engine with this; a running job keeps the one it has.

        No lock: a job may be loading a model under it for seconds, and the GUI thread calls
        this. The job notices the new factory when it next looks.
        """
        self._engine_factory = engine_factory

    # -- the queue ----------------------------------------------------------------------------
    def enqueue(
        self, interaction_ids: Iterable[int], *, overwrite_edits: Iterable[int] = ()
    ) -> list[int]:
        """Queue interactions not already waiting; returns the new job ids.

        *overwrite_edits*: interactions whose corrected transcripts the user agreed to replace.
        """
        self._overwrite.update(overwrite_edits)
        return self._queue.enqueue(interaction_ids)

    def retry(self, job_ids: Iterable[int], *, overwrite_edits: Iterable[int] = ()) -> list[int]:
        """Queue failed or cancelled jobs again; returns the job ids put back."""
        self._overwrite.update(overwrite_edits)
        again = []
        for job_id in job_ids:
            row = self._queue.get(job_id)
            if row is not None and row.status in ("failed", "cancelled"):
                self._queue.requeue(job_id)
                again.append(job_id)
        return again

    def cancel(self, job_ids: Iterable[int]) -> bool:
        """Cancel queued jobs; True when the running one is among them (stop it, then call
        `cancelled` when it has stopped)."""
        stop_running = False
        for job_id in job_ids:
            if self._running is not None and self._running.job_id == job_id:
                self._requeue_running = False
                stop_running = True
            elif (row := self._queue.get(job_id)) is not None and row.status == "queued":
                self._queue.mark_cancelled(job_id)
        return stop_running

    def pause(self, paused: bool) -> bool:
        """Pause all or resume; True when a running job must be stopped (it will be requeued)."""
        self.paused = paused
        if paused and self._running is not None:
            self._requeue_running = True
            return True
        return False

    # -- one job's life -----------------------------------------------------------------------
    def start_next(self) -> StartedJob | None:
        """Mark the oldest queued job running and return it; None if paused, busy or empty."""
        if self.paused or self._running is not None:
            return None
        queued = self._queue.next_queued()
        if queued is None:
            return None
        return self._start(queued.id, queued.interaction_id, queued.duration)

    def work(
        self,
        started: StartedJob,
        *,
        progress: ProgressFn | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> TranscriptionOutcome | None:
        """The job body: transcribe and store; None when cancelled (any thread).

        Progress is ``(done, total, phase)`` in per-mille steps, phase "model" while the
        engine loads on first use.

        Raises:
            KnownError: the recording, the model or the engine failed (among them
                `EditedTranscriptError`, when the transcript has corrections nobody agreed
                to replace).
        """

        def fraction(value: float, phase: str) -> None:
            if progress is not None:
                progress(round(value * PROGRESS_STEPS), PROGRESS_STEPS, phase)

        with self._lock:
            factory = self._engine_factory
            if self._service is None or self._built_with is not factory:
                fraction(0.0, "model")
                self._service = self._queue.transcription_service(factory())
                self._built_with = factory
            service = self._service
        try:
            return service.transcribe(
                started.interaction_id,
                progress=fraction,
                is_cancelled=is_cancelled,
                overwrite_edits=started.overwrite_edits,
            )
        except TranscriptionCancelled:
            return None

    def finished(self) -> int:
        """The running job ended well; returns its interaction."""
        started = self._end()
        self._queue.mark_done(started.job_id)
        return started.interaction_id

    def failed(self, message: str) -> int:
        """The running job failed with *message* (shown in the queue); returns its interaction."""
        started = self._end()
        self._queue.mark_failed(started.job_id, message)
        return started.interaction_id

    def cancelled(self) -> int:
        """The running job stopped on request: requeued after "Pause all", else cancelled."""
        started = self._end()
        if self._requeue_running:
            self._queue.requeue(started.job_id)
        else:
            self._queue.mark_cancelled(started.job_id)
        self._requeue_running = False
        return started.interaction_id

    # -- inline runs (CLI, worker) ------------------------------------------------------------
    def run_now(
        self, interaction_ids: Iterable[int], *, overwrite_edits: bool = False
    ) -> Iterator[RunResult]:
        """Transcribe these interactions one after another through the queue, in this thread.

        Each gets a queue row (or takes over its unfinished one), so the window's queue
        shows what a headless run did. A failure is reported and the batch goes on.
        """
        for interaction_id in interaction_ids:
            t0 = time.perf_counter()
            try:
                job_id, duration = self._queue.take(interaction_id)
            except KnownError as err:  # no such interaction: nothing to queue
                yield RunResult(interaction_id, error=err, wall_seconds=time.perf_counter() - t0)
                continue
            if overwrite_edits:
                self._overwrite.add(interaction_id)
            started = self._start(job_id, interaction_id, duration)
            try:
                outcome = self.work(started)
            except EditedTranscriptError as err:
                self.failed(str(err))
                result = RunResult(interaction_id, edited=int(err.params["count"]))
            except KnownError as err:
                self.failed(str(err))
                result = RunResult(interaction_id, error=err)
            else:
                self.finished()
                result = RunResult(interaction_id, outcome=outcome)
            yield RunResult(
                result.interaction_id,
                result.outcome,
                result.edited,
                result.error,
                wall_seconds=time.perf_counter() - t0,
            )

    # -- helpers ------------------------------------------------------------------------------
    def _start(self, job_id: int, interaction_id: int, duration: float) -> StartedJob:
        self._queue.mark_running(job_id)
        self._requeue_running = False
        self._running = StartedJob(
            job_id, interaction_id, duration, interaction_id in self._overwrite
        )
        return self._running

    def _end(self) -> StartedJob:
        if self._running is None:
            raise RuntimeError("no transcription job is running")
        started, self._running = self._running, None
        self._overwrite.discard(started.interaction_id)  # the answer was for this run only
        return started
