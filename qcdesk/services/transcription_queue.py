"""The persisted transcription queue (Qt-free).

The queue is a table, not a list in memory, so that closing the application (or a crash)
loses nothing: rows left "running" by a process that died go back to "queued" when the
services are opened again, and the panel picks them up. `TranscriptionRunner` moves the rows
through their states (one job at a time); this module only reads and writes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from qcdesk.asr.base import Engine
from qcdesk.db.models import Consultant, Interaction, MediaFile, Transcript, TranscriptionJobRow
from qcdesk.services.base import ServiceBase, get_interaction
from qcdesk.services.transcription import TranscriptionService

STATUSES = ("queued", "running", "done", "failed", "cancelled")
UNFINISHED = ("queued", "running")
PROGRESS_STEPS = 1000  # fractions are reported as per-mille: Qt progress signals take ints


@dataclass(frozen=True)
class QueuedJob:
    """One row of the queue with what the panel shows about its interaction."""

    id: int
    interaction_id: int
    status: str
    error: str
    attempts: int
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None  # when the call took place
    consultant: str | None
    customer_ref: str | None
    duration: float  # seconds of audio; 0 when unknown


class TranscriptionQueue(ServiceBase):
    """Adds, lists and moves queue rows between states; every call is one unit of work."""

    def __init__(self, factory: sessionmaker[Session], db_path: Path, library_dir: Path) -> None:
        super().__init__(factory, db_path)
        self._library = library_dir

    def enqueue(self, interaction_ids: Iterable[int]) -> list[int]:
        """Queue each interaction not already waiting or running; returns the new job ids."""
        ids = list(dict.fromkeys(interaction_ids))
        if not ids:
            return []
        with self._session() as s:
            busy = set(
                s.scalars(
                    select(TranscriptionJobRow.interaction_id).where(
                        TranscriptionJobRow.status.in_(UNFINISHED),
                        TranscriptionJobRow.interaction_id.in_(ids),
                    )
                )
            )
            rows = [TranscriptionJobRow(interaction_id=i) for i in ids if i not in busy]
            s.add_all(rows)
            s.flush()
            return [r.id for r in rows]

    def get(self, job_id: int) -> QueuedJob | None:
        found = self._query(TranscriptionJobRow.id == job_id)
        return found[0] if found else None

    def jobs(self) -> list[QueuedJob]:
        """Every job, oldest first (the panel's list)."""
        return self._query(None)

    def unfinished(self) -> list[QueuedJob]:
        return self._query(TranscriptionJobRow.status.in_(UNFINISHED))

    def next_queued(self) -> QueuedJob | None:
        """The oldest queued job (first in, first out)."""
        found = self._query(TranscriptionJobRow.status == "queued", limit=1)
        return found[0] if found else None

    def mark_running(self, job_id: int) -> None:
        self._set(job_id, "running", error="", attempt=True)

    def mark_done(self, job_id: int) -> None:
        self._set(job_id, "done", error="")

    def mark_failed(self, job_id: int, error: str) -> None:
        self._set(job_id, "failed", error=error)

    def mark_cancelled(self, job_id: int) -> None:
        self._set(job_id, "cancelled")

    def requeue(self, job_id: int) -> None:
        """Retry a failed or cancelled job, or put back one that "Pause all" stopped."""
        self._set(job_id, "queued", error="")

    def resume_interrupted(self) -> int:
        """Put jobs left "running" by a process that was killed back in the queue.

        Called once when the services open, before any job can start in this process.
        """
        with self._session() as s:
            result = s.execute(
                update(TranscriptionJobRow)
                .where(TranscriptionJobRow.status == "running")
                .values(status="queued", updated_at=datetime.now())
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def clear_finished(self) -> int:
        """Remove done and cancelled rows from the list; failed ones stay until retried."""
        with self._session() as s:
            rows = s.scalars(
                select(TranscriptionJobRow).where(
                    TranscriptionJobRow.status.in_(("done", "cancelled"))
                )
            ).all()
            for row in rows:
                s.delete(row)
            return len(rows)

    def pending(self) -> list[int]:
        """Interactions with a recording and no transcript yet ("transcribe all new")."""
        with self._session() as s:
            have = select(Transcript.interaction_id)
            q = select(Interaction.id).where(
                Interaction.media_id.is_not(None), Interaction.id.not_in(have)
            )
            return list(s.scalars(q.order_by(Interaction.id)))

    def all_with_media(self) -> list[int]:
        """Every interaction with a recording ("transcribe --all")."""
        with self._session() as s:
            q = select(Interaction.id).where(Interaction.media_id.is_not(None))
            return list(s.scalars(q.order_by(Interaction.id)))

    def take(self, interaction_id: int) -> tuple[int, float]:
        """The interaction's unfinished job, queued first if it has none: (job id, duration).

        For inline runs (the CLI, a worker), which run this interaction now, whatever else
        waits in the queue.

        Raises:
            KnownError: there is no such interaction.
        """
        with self._session() as s:
            get_interaction(s, interaction_id)  # a KnownError if it is gone
        j = TranscriptionJobRow
        new = self.enqueue([interaction_id])
        if new:
            where = j.id == new[0]
        else:
            where = (j.interaction_id == interaction_id) & j.status.in_(UNFINISHED)
        found = self._query(where, limit=1)
        return found[0].id, found[0].duration

    def transcription_service(self, engine: Engine) -> TranscriptionService:
        """The use case that transcribes and stores, over this queue's database and library."""
        return TranscriptionService(self._factory, self._db_path, self._library, engine)

    # -- helpers ------------------------------------------------------------------------------
    def _set(
        self, job_id: int, status: str, error: str | None = None, attempt: bool = False
    ) -> None:
        with self._session() as s:
            row = s.get(TranscriptionJobRow, job_id)
            if row is None:
                return  # removed meanwhile (its interaction was deleted): nothing to track
            row.status = status
            if error is not None:
                row.error = error
            if attempt:
                row.attempts += 1
            row.updated_at = datetime.now()

    def _query(self, where: object, limit: int | None = None) -> list[QueuedJob]:
        j = TranscriptionJobRow
        q = (
            select(
                j,
                Interaction.started_at,
                Consultant.name,
                Interaction.customer_ref,
                MediaFile.duration,
            )  # fmt: skip
            .join(Interaction, Interaction.id == j.interaction_id)
            .outerjoin(Consultant, Consultant.id == Interaction.consultant_id)
            .outerjoin(MediaFile, MediaFile.id == Interaction.media_id)
            .order_by(j.id)
        )
        if where is not None:
            q = q.where(where)  # type: ignore[arg-type]
        if limit is not None:
            q = q.limit(limit)
        with self._session() as s:
            return [
                QueuedJob(
                    id=row.id,
                    interaction_id=row.interaction_id,
                    status=row.status,
                    error=row.error,
                    attempts=row.attempts,
                    created_at=row.created_at,
                    updated_at=row.updated_at,
                    started_at=started,
                    consultant=consultant,
                    customer_ref=customer,
                    duration=float(duration or 0.0),
                )
                for row, started, consultant, customer, duration in s.execute(q)
            ]


def device_summary(
    requested: str = "auto",
    remote_url: str = "",
    *,
    progress: Callable[[int, int, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> tuple[str, str, dict[str, str]]:
    """``(device, reason template, params)`` for the status bar; run in a job (it imports
    CTranslate2). The template is English, translated by the GUI in the "Device" context.

    Raises:
        ModelError: CUDA was requested and there is no usable GPU.
    """
    del progress, is_cancelled  # one quick step: nothing to report or cancel
    if remote_url:
        return "remote", "{url}", {"url": remote_url}
    from qcdesk.asr.model_store import detect_device

    choice = detect_device(requested)
    return choice.device, choice.reason_template, dict(choice.reason_params)
