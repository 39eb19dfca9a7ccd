"""The transcription queue's lifecycle without Qt: start, end, pause, cancel, retry, inline runs.

The engine is the remote one pointed at a closed loopback port, so every transcription fails
fast and for a real reason; the real model runs in test_transcription_e2e.py.
"""

from __future__ import annotations

import socket

import pytest

from qcdesk.asr import create_engine
from qcdesk.errors import KnownError
from qcdesk.services.dto import Segment, TranscriptInfo
from qcdesk.services.importer import ImportOptions
from qcdesk.services.transcription_runner import TranscriptionRunner


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends


@pytest.fixture
def calls(services, stereo_wav, shared_data) -> list[int]:
    report = services.importer.import_paths(
        [stereo_wav, shared_data / "synthetic" / "call_8k_mono.wav"],
        ImportOptions(client="ООО Ромашка", consultant="Анна Петрова"),
    )
    return sorted(report.imported)


@pytest.fixture
def runner(services) -> TranscriptionRunner:
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    return TranscriptionRunner(
        services.transcription_queue, lambda: create_engine(None, remote_url=url)
    )


def _statuses(services) -> list[tuple[int, str]]:
    return [(j.interaction_id, j.status) for j in services.transcription_queue.jobs()]


def test_one_job_at_a_time_oldest_first_and_a_failure_is_kept(services, calls, runner) -> None:
    first, second = calls
    runner.enqueue([second, first])
    started = runner.start_next()
    assert started is not None and started.interaction_id == second and started.duration > 0
    assert runner.start_next() is None  # one at a time
    with pytest.raises(KnownError) as info:
        runner.work(started)
    assert runner.failed(str(info.value)) == second
    assert _statuses(services) == [(second, "failed"), (first, "queued")]
    assert services.transcription_queue.jobs()[0].error == str(info.value) != ""
    assert runner.start_next().interaction_id == first


def test_pause_requeues_the_running_job_and_starts_no_other(services, calls, runner) -> None:
    runner.enqueue(calls)
    runner.start_next()
    assert runner.pause(True)  # the caller must stop the running job...
    assert runner.cancelled() == calls[0]  # ...which then goes back to the queue
    assert _statuses(services) == [(calls[0], "queued"), (calls[1], "queued")]
    assert runner.start_next() is None
    assert not runner.pause(False)  # nothing running to stop
    assert runner.start_next().interaction_id == calls[0]


def test_cancel_stops_the_running_job_and_drops_queued_ones(services, calls, runner) -> None:
    ids = runner.enqueue(calls)
    runner.start_next()
    assert runner.cancel([ids[1]]) is False  # a queued one: cancelled at once
    assert runner.cancel([ids[0]]) is True  # the running one: stop it first
    runner.cancelled()
    assert _statuses(services) == [(calls[0], "cancelled"), (calls[1], "cancelled")]
    assert runner.retry(ids) == ids
    assert [j.status for j in services.transcription_queue.jobs()] == ["queued", "queued"]


def test_permission_to_replace_corrections_lasts_one_run(calls, runner) -> None:
    (job_id,) = runner.enqueue([calls[0]], overwrite_edits=[calls[0]])
    started = runner.start_next()
    assert started is not None and started.overwrite_edits
    runner.failed("stopped")
    runner.retry([job_id])
    assert not runner.start_next().overwrite_edits


def test_inline_run_reports_each_call_and_goes_on(services, calls, runner) -> None:
    edited = calls[1]
    services.interactions.save_transcript(
        edited, TranscriptInfo("ru", "import", (Segment("client", 0.0, 1.0, "алло"),))
    )
    services.transcripts.set_segment_speaker(edited, 0, "consultant")
    results = list(runner.run_now([calls[0], 999_999, edited]))
    assert [r.interaction_id for r in results] == [calls[0], 999_999, edited]
    failed, missing, skipped = results
    assert failed.error is not None and failed.outcome is None
    assert missing.error is not None and "999999" in str(missing.error)
    assert skipped.edited == 1 and skipped.error is None  # refused before any transcription
    # The queue shows what the headless run did; the missing call has no row.
    assert _statuses(services) == [(calls[0], "failed"), (edited, "failed")]
    assert runner.running is None
