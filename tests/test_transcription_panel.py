"""The transcription queue dock: its table model, failure and retry, pause, cancel, actions.

The engine here is the remote one pointed at a closed loopback port (or a recording that was
deleted), so every job fails fast and for a real reason; the real model runs in
test_transcription_e2e.py.
"""

from __future__ import annotations

import re
import socket
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qcdesk import settings as opts
from qcdesk.jobs import JobManager
from qcdesk.qtmodels.jobs import FRACTION_ROLE, JobsTableModel, LiveProgress
from qcdesk.services.importer import ImportOptions
from qcdesk.services.transcription_queue import QueuedJob
from qcdesk.widgets.main_window import MainWindow
from qcdesk.widgets.transcription_panel import TranscriptionPanel

pytestmark = pytest.mark.gui


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends


@pytest.fixture
def loaded(services, stereo_wav, shared_data):
    report = services.importer.import_paths(
        [stereo_wav, shared_data / "synthetic" / "call_8k_mono.wav"],
        ImportOptions(client="ООО Ромашка", consultant="Анна Петрова"),
    )
    services.ids = sorted(report.imported)
    return services


@pytest.fixture
def settings(tmp_path: Path) -> opts.Settings:
    s = opts.Settings.from_ini(tmp_path / "settings.ini")
    s.set(opts.ASR_REMOTE_URL, f"http://127.0.0.1:{_closed_port()}/v1")
    return s


@pytest.fixture
def panel(qtbot, loaded, settings) -> TranscriptionPanel:
    p = TranscriptionPanel(loaded, settings, JobManager(synchronous=True))
    qtbot.addWidget(p)
    return p


def _job(i: int, status: str, **kw: object) -> QueuedJob:
    now = datetime(2026, 10, 14, 11, 2)
    values: dict[str, object] = dict(
        id=i, interaction_id=100 + i, status=status, error="", attempts=1, created_at=now,
        updated_at=now, started_at=now, consultant="Анна", customer_ref="79161234567",
        duration=95.0,
    )  # fmt: skip
    values.update(kw)
    return QueuedJob(**values)  # type: ignore[arg-type]


def test_jobs_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = JobsTableModel()
    model.set_rows(
        [_job(1, "running"), _job(2, "failed", error="Cannot read a.wav"), _job(3, "queued")]
    )
    model.set_progress(1, LiveProgress(0.25, "0:24 / 1:35", "less than a minute left"))
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "0:24 / 1:35"
    assert model.index(0, 0).data(FRACTION_ROLE) == 0.25
    assert model.index(1, 4).data() == "Cannot read a.wav"
    assert "#101" in model.index(0, 0).data() and "Анна" in model.index(0, 0).data()
    model.set_progress(1, None)
    assert model.index(0, 2).data() == "" and model.index(0, 0).data(FRACTION_ROLE) is None


def test_failed_job_says_why_and_can_be_retried(panel, loaded) -> None:
    media = loaded.interactions.get(loaded.ids[0]).media
    Path(media.path).unlink()  # the recording vanished from the library
    panel.enqueue([loaded.ids[0]])
    (job,) = loaded.transcription_queue.jobs()
    assert job.status == "failed" and Path(media.path).name in job.error
    assert panel.model.index(0, 4).data() == job.error
    panel.table.selectRow(0)
    assert panel.retry_button.isEnabled() and not panel.cancel_button.isEnabled()
    panel.retry_button.click()
    (again,) = loaded.transcription_queue.jobs()
    assert (again.status, again.attempts) == ("failed", 2)
    assert panel.running_job is None


def test_pause_cancel_and_resume(panel, loaded) -> None:
    panel.pause_button.click()
    assert panel.paused and panel.pause_button.text() != ""
    first, second = panel.enqueue(loaded.ids)
    queue = loaded.transcription_queue
    assert [j.status for j in queue.jobs()] == ["queued", "queued"]
    assert panel.running_job is None
    panel.cancel_jobs([first])
    assert queue.get(first).status == "cancelled"
    with_failures = []
    panel.idle.connect(lambda: with_failures.append(queue.get(second).status))
    panel.pause_button.click()  # resume: the remaining job runs (and fails: no server)
    assert not panel.paused
    assert queue.get(second).status == "failed" and "127.0.0.1" in queue.get(second).error
    assert queue.get(first).status == "cancelled"
    assert with_failures == ["failed"]


def test_main_window_actions_queue_selected_and_new(qtbot, loaded, settings) -> None:
    window = MainWindow(loaded, settings, JobManager(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.transcription_panel.set_paused(True)
    window.table.selectRow(window.model.row_of(loaded.ids[1]))
    window.action_map["transcribe_selected"].trigger()
    queue = loaded.transcription_queue
    assert [j.interaction_id for j in queue.jobs()] == [loaded.ids[1]]
    assert window.transcription_panel.isVisible()
    window.action_map["transcribe_new"].trigger()
    assert sorted(j.interaction_id for j in queue.unfinished()) == loaded.ids
    # The remote server is where it runs (checked just after start-up, not during it).
    qtbot.waitUntil(lambda: "127.0.0.1" in window.device_label.text())


def test_summary_waiting_excludes_the_running_job(panel) -> None:
    rows = [_job(1, "running"), _job(2, "queued"), _job(3, "queued"), _job(4, "failed")]
    panel.model.set_rows(rows)
    text = panel.summary_text()
    assert re.search(r"\b1 call(\(s\))? being transcribed", text), text
    assert re.search(r"\b2 call(s|\(s\)) waiting", text), text  # not 3: one is running
    assert "1 failed" in text
    panel.model.set_rows([_job(2, "queued"), _job(3, "queued")])
    assert "transcribed" not in panel.summary_text()


def test_every_cell_has_its_whole_text_as_tooltip() -> None:
    model = JobsTableModel()
    model.set_rows([_job(1, "running")])
    model.set_progress(1, LiveProgress(0.5, "0:48 / 1:35", "less than a minute left"))
    for column in range(model.columnCount()):
        index = model.index(0, column)
        assert index.data(Qt.ItemDataRole.ToolTipRole) == (index.data() or None)
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == "less than a minute left"


def test_an_untranscribed_call_offers_transcribe_now_in_its_pane(qtbot, loaded, settings) -> None:
    """The empty transcript pane queues its own call (the walk: a reviewer looked there)."""
    window = MainWindow(loaded, settings, JobManager(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.transcription_panel.set_paused(True)
    window.open_interaction(loaded.ids[0])
    pane = window.workspace.transcript
    button = pane.transcribe_button
    assert pane.stack.currentWidget() is pane.empty_page and button.isVisible()
    button.click()
    assert [j.interaction_id for j in loaded.transcription_queue.jobs()] == [loaded.ids[0]]
    assert not button.isEnabled() and window.transcription_panel.isVisible()
    window.open_interaction(loaded.ids[1])  # the next call offers it again
    assert button.isEnabled()
