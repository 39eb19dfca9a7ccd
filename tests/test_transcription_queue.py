"""The persisted transcription queue: order, de-duplication, states, resume after a kill."""

from __future__ import annotations

from qcdesk.services.context import open_services
from qcdesk.services.importer import ImportOptions


def _import_three(services, stereo_wav, shared_data) -> list[int]:
    report = services.importer.import_paths(
        [
            stereo_wav,
            shared_data / "synthetic" / "call_8k_mono.wav",
            shared_data / "silero-vad" / "ru.wav",
        ],
        ImportOptions(client="ООО Ромашка", consultant="Анна Петрова"),
    )
    return sorted(report.imported)


def test_enqueue_keeps_order_and_skips_waiting(services, stereo_wav, shared_data) -> None:
    ids = _import_three(services, stereo_wav, shared_data)
    queue = services.transcription_queue
    first = queue.enqueue([ids[2], ids[0]])
    again = queue.enqueue([ids[0], ids[1]])  # ids[0] is already waiting
    assert len(first) == 2 and len(again) == 1
    assert [j.interaction_id for j in queue.unfinished()] == [ids[2], ids[0], ids[1]]
    head = queue.next_queued()
    assert head is not None and head.interaction_id == ids[2]
    assert head.consultant == "Анна Петрова" and head.duration > 0


def test_states_retry_and_pending(services, stereo_wav, shared_data) -> None:
    ids = _import_three(services, stereo_wav, shared_data)
    queue = services.transcription_queue
    assert queue.pending() == ids
    job_id, other = queue.enqueue(ids[:2])
    queue.mark_running(job_id)
    assert queue.next_queued().id == other
    queue.mark_failed(job_id, "Cannot read x.wav")
    failed = queue.get(job_id)
    assert (failed.status, failed.error, failed.attempts) == ("failed", "Cannot read x.wav", 1)
    queue.requeue(job_id)
    queue.mark_running(job_id)
    assert queue.get(job_id).attempts == 2 and queue.get(job_id).error == ""
    queue.mark_done(job_id)
    queue.mark_cancelled(other)
    assert queue.unfinished() == []
    # A finished interaction may be queued again; a done row does not block it.
    assert len(queue.enqueue([ids[0]])) == 1
    assert queue.clear_finished() == 2
    assert [j.status for j in queue.jobs()] == ["queued"]


def test_running_jobs_of_a_killed_process_resume(services, stereo_wav, shared_data) -> None:
    ids = _import_three(services, stereo_wav, shared_data)
    queue = services.transcription_queue
    running, waiting = queue.enqueue(ids[:2])
    queue.mark_running(running)
    # The process dies here: nothing marks the job done. Opening the services again...
    reopened = open_services(services.db_path, services.library_dir)
    jobs = reopened.transcription_queue.unfinished()
    assert [(j.id, j.status) for j in jobs] == [(running, "queued"), (waiting, "queued")]
    assert reopened.transcription_queue.next_queued().id == running
