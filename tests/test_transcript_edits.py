"""A reviewer's transcript corrections: saved and marked, swapped roles, and never overwritten
by a new transcription without asking (service, pane, workspace, queue dock and CLI).

Recordings and word timings are real (shared data); no speech model runs here: where a
transcription is started, the engine is a remote one at a closed loopback port, so the job
fails fast and for a real reason once the guard has let it through.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from qcdesk import settings as opts
from qcdesk.asr.remote import RemoteEngine
from qcdesk.cli import main as cli_main
from qcdesk.errors import KnownError
from qcdesk.jobs import JobManager
from qcdesk.qtmodels.transcript import EditedRole
from qcdesk.services.dto import Segment, TranscriptInfo, Word
from qcdesk.services.importer import ImportOptions
from qcdesk.services.transcription import TranscriptionService
from qcdesk.services.transcripts import EditedTranscriptError, realign_words, split_uncertain
from qcdesk.widgets.transcript_view import SegmentEditor
from qcdesk.widgets.transcription_panel import TranscriptionPanel

AZURE = "azure-speech-sdk/test_call_audio"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def azure_transcript(shared_data: Path) -> TranscriptInfo:
    """The machine transcript of the Azure sample call: real word times, phrases alternated
    between the two roles (the file has no speakers)."""
    raw = json.loads((shared_data / f"{AZURE}.transcription_response.json").read_text("utf-8"))
    segs = []
    for i, ph in enumerate(raw["phrases"]):
        words = tuple(
            Word(w["text"], w["offset"] / 1000, (w["offset"] + w["duration"]) / 1000, 0.9)
            for w in ph["words"]
        )
        start = ph["offset"] / 1000
        role = ("consultant", "client")[i % 2]
        segs.append(Segment(role, start, start + ph["duration"] / 1000, ph["text"], words))
    return TranscriptInfo("en", "import", tuple(segs))


def turns_transcript(shared_data: Path, confidence: float | None) -> TranscriptInfo:
    """The reference turns of the synthetic call (A is the consultant), without word times."""
    raw = json.loads((shared_data / "synthetic" / "turns.json").read_text("utf-8"))
    role = {"A": "consultant", "B": "client"}
    segs = tuple(Segment(role[t["speaker"]], t["start"], t["end"], t["text"]) for t in raw)
    return TranscriptInfo("ru", "asr", segs, split_confidence=confidence)


@pytest.fixture
def azure_call(services, shared_data: Path) -> int:
    (iid,) = services.importer.import_paths(
        [shared_data / f"{AZURE}.wav"], ImportOptions(client="Contoso")
    ).imported
    services.interactions.save_transcript(iid, azure_transcript(shared_data))
    return int(iid)


@pytest.fixture
def mono_call(services, shared_data: Path) -> int:
    """The synthetic mono call with a doubtful stored split (confidence 0.3)."""
    (iid,) = services.importer.import_paths(
        [shared_data / "synthetic" / "call_8k_mono.wav"], ImportOptions(client="Ромашка")
    ).imported
    services.interactions.save_transcript(iid, turns_transcript(shared_data, 0.3))
    return int(iid)


# -- the service, without Qt ------------------------------------------------------------------


def test_corrected_text_is_saved_marked_and_keeps_unchanged_word_times(
    services, azure_call: int
) -> None:
    before = services.interactions.get(azure_call).transcript
    assert before.segments[0].text == "I think we got disconnected."
    stored = services.transcripts.edit_segment_text(
        azure_call, 0, "  I think\nwe were   disconnected. "
    )
    assert stored.text == "I think we were disconnected." and stored.edited
    after = services.interactions.get(azure_call).transcript  # read back from SQLite
    seg, old = after.segments[0], before.segments[0]
    assert seg == stored
    assert [w.w for w in seg.words] == ["I", "think", "we", "were", "disconnected."]
    # Unchanged words keep their times and probability; the corrected one takes the time of
    # the word it replaces and has no probability (so it is not drawn faint).
    for i in (0, 1, 2, 4):
        assert (seg.words[i].start, seg.words[i].end, seg.words[i].p) == (
            old.words[i].start,
            old.words[i].end,
            old.words[i].p,
        )
    assert (seg.words[3].start, seg.words[3].end, seg.words[3].p) == (
        old.words[3].start,
        old.words[3].end,
        None,
    )
    assert not any(s.edited for s in after.segments[1:])
    assert services.transcripts.edited_count(azure_call) == 1


def test_unchanged_or_empty_text_changes_nothing(services, azure_call: int) -> None:
    text = services.interactions.get(azure_call).transcript.segments[2].text
    assert not services.transcripts.edit_segment_text(azure_call, 2, f" {text} ").edited
    with pytest.raises(KnownError, match="empty"):
        services.transcripts.edit_segment_text(azure_call, 2, "  \n ")
    with pytest.raises(KnownError, match="changed meanwhile"):
        services.transcripts.edit_segment_text(azure_call, 999, "x")
    assert not services.transcripts.has_edits(azure_call)


def test_realigned_words_fill_inserted_words_into_the_pause() -> None:
    old = (Word("да", 1.0, 1.2, 0.8), Word("конечно", 2.0, 2.6, 0.4))
    words = realign_words(old, 0.5, 3.0, "Да, ну конечно")
    assert [(w.w, w.start, w.end, w.p) for w in words] == [
        ("Да,", 1.0, 1.2, 0.8),
        ("ну", 1.2, 2.0, None),
        ("конечно", 2.0, 2.6, 0.4),
    ]
    assert realign_words(old, 0.5, 3.0, "конечно") == (Word("конечно", 2.0, 2.6, 0.4),)
    assert realign_words((), 0.5, 3.0, "текст без таймингов") == ()


def test_speaker_correction_is_saved_and_marked(services, azure_call: int) -> None:
    assert services.transcripts.set_segment_speaker(azure_call, 0, "consultant").edited is False
    stored = services.transcripts.set_segment_speaker(azure_call, 0, "client")
    seg = services.interactions.get(azure_call).transcript.segments[0]
    assert seg == stored and (seg.speaker, seg.edited) == ("client", True)
    assert services.transcripts.edited_counts([azure_call, 12345]) == {azure_call: 1}


def test_swapping_a_mono_call_marks_it_checked_not_corrected(services, mono_call: int) -> None:
    before = services.interactions.get(mono_call).transcript
    assert split_uncertain(before)
    outcome = services.transcripts.swap_roles(mono_call)
    after = services.interactions.get(mono_call).transcript
    assert outcome.consultant_channel is None and outcome.transcript == after
    other = {"consultant": "client", "client": "consultant"}
    assert [s.speaker for s in after.segments] == [other[s.speaker] for s in before.segments]
    # Issue 11 §5: a swap is not a correction of every segment.
    assert not any(s.edited for s in after.segments)
    assert services.transcripts.edited_count(mono_call) == 0
    assert after.split_confidence == 1.0 and not split_uncertain(after)


@pytest.fixture
def ab_call(services, shared_data: Path) -> int:
    """The synthetic mono call transcribed without a consultant guess: voices "A"/"B"."""
    (iid,) = services.importer.import_paths(
        [shared_data / "synthetic" / "call_8k_mono.wav"], ImportOptions(client="Ромашка")
    ).imported
    raw = json.loads((shared_data / "synthetic" / "turns.json").read_text("utf-8"))
    segs = tuple(Segment(t["speaker"], t["start"], t["end"], t["text"]) for t in raw)
    services.interactions.save_transcript(iid, TranscriptInfo("ru", "asr", segs, 0.3))
    return int(iid)


def test_speakers_are_right_on_an_ab_transcript_asks_which_is_the_consultant(
    services, ab_call: int
) -> None:
    """Issue 11 §5: confirming "A"/"B" as they are would leave the call unable to prefill."""
    with pytest.raises(KnownError, match="which speaker is the consultant"):
        services.transcripts.confirm_roles(ab_call)
    assert services.prefill.prefill(ab_call) is None  # no consultant: nothing to judge
    after = services.transcripts.set_consultant_speaker(ab_call, "A")
    assert {s.speaker for s in after.segments} == {"consultant", "client"}
    assert not split_uncertain(after) and not any(s.edited for s in after.segments)
    assert services.prefill.prefill(ab_call) is not None


def test_swapping_a_stereo_call_flips_its_channels_too(services, stereo_wav, shared_data) -> None:
    (iid,) = services.importer.import_paths([stereo_wav], ImportOptions(client="Ромашка")).imported
    assert services.transcripts.swap_roles(iid).consultant_channel == "right"  # no transcript yet
    services.interactions.save_transcript(iid, turns_transcript(shared_data, None))
    outcome = services.transcripts.swap_roles(iid)
    detail = services.interactions.get(iid)
    assert outcome.consultant_channel == detail.media.consultant_channel == "left"
    assert detail.transcript.segments[0].speaker == "client"
    # A new transcription would follow the channel mapping: nothing to protect.
    assert not services.transcripts.has_edits(iid)


def test_transcribing_again_refuses_to_replace_corrections(services, azure_call: int) -> None:
    engine = RemoteEngine(f"http://127.0.0.1:{_closed_port()}/v1")
    svc = TranscriptionService(
        services.session_factory, services.db_path, services.library_dir, engine
    )
    services.transcripts.edit_segment_text(azure_call, 1, "Corrected by hand.")
    with pytest.raises(EditedTranscriptError) as err:
        svc.transcribe(azure_call)
    assert err.value.params["count"] == 1
    # Allowed, it goes on to the engine (which then fails to connect: a different error).
    with pytest.raises(KnownError) as err2:
        svc.transcribe(azure_call, overwrite_edits=True)
    assert not isinstance(err2.value, EditedTranscriptError)
    segs = services.interactions.get(azure_call).transcript.segments
    assert segs[1].text == "Corrected by hand."


def test_cli_skips_corrected_transcripts_unless_told(
    services, azure_call: int, tmp_path: Path, capsys
) -> None:
    """The model is never loaded for a skipped call: an empty model file is enough here."""
    services.transcripts.set_segment_speaker(azure_call, 3, "consultant")
    services.transcripts.set_segment_speaker(azure_call, 5, "consultant")
    model = tmp_path / "model"
    model.mkdir()
    (model / "model.bin").write_bytes(b"")
    store = ["--db", str(services.db_path), "--library", str(services.library_dir)]
    args = ["transcribe", *store, "--model", str(model), "--device", "cpu", str(azure_call)]
    assert cli_main(args) == 0
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert line["id"] == azure_call and line["status"] == "skipped_edited"
    assert line["edited_segments"] == 2 and line["audio_seconds"] is None
    assert isinstance(line["wall_seconds"], float)  # measured, not left out
    assert cli_main([*args, "--overwrite-edits"]) == 1  # now it tries, and the model is empty
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert line["status"] == "failed" and "model" in line["error"]
    assert services.transcripts.edited_count(azure_call) == 2


# -- the pane and the workspace ---------------------------------------------------------------


@pytest.fixture
def workspace(open_workspace):
    return open_workspace()


@pytest.mark.gui
def test_correcting_a_segment_in_the_pane(qtbot, services, workspace, azure_call: int) -> None:
    ws = workspace
    ws.load(azure_call)
    pane = ws.transcript
    closed: list[bool] = []
    ws.closed.connect(lambda: closed.append(True))
    pane.view.setCurrentIndex(pane.model.index(0, 0))
    ws.action_map["edit_segment"].trigger()  # F2
    editor = pane.view.findChild(SegmentEditor)
    assert editor is not None and editor.hasFocus()
    assert editor.toPlainText() == "I think we got disconnected."
    editor.selectAll()
    # Digits, Space and Return are workspace shortcuts (answer, play, accept): typed here
    # they are text, and Return saves.
    qtbot.keyClicks(editor, "Sorry 1 2, we were cut off")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not closed and not ws.controller.is_playing()
    assert all(a.value is None for a in ws.form.state().answers.values())
    seg = services.interactions.get(azure_call).transcript.segments[0]
    assert (seg.text, seg.edited) == ("Sorry 1 2, we were cut off", True)
    index = pane.model.index(0, 0)
    assert index.data(EditedRole) is True
    assert "corrected" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert ws.form.hasFocus()  # the keyboard goes back to the checklist

    # Escape cancels the editor, not the workspace.
    pane.view.edit(pane.model.index(1, 0))
    editor = pane.view.findChild(SegmentEditor)
    qtbot.keyClicks(editor, " and more")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not closed
    assert services.interactions.get(azure_call).transcript.segments[1].edited is False

    # The context menu gives a segment to the other speaker.
    assert pane.model.segment(3).speaker == "client"
    menu = pane.context_menu(3)
    action = next(a for a in menu.actions() if a.objectName() == "speaker_consultant")
    action.trigger()
    seg = services.interactions.get(azure_call).transcript.segments[3]
    assert (seg.speaker, seg.edited) == ("consultant", True)
    assert pane.model.index(3, 0).data(EditedRole) is True


@pytest.mark.gui
def test_doubtful_mono_split_warns_and_one_click_swaps(qtbot, services, workspace, mono_call):
    ws = workspace
    ws.load(mono_call)
    pane = ws.transcript
    assert pane.warning.isVisible()
    assert "mixed up" in pane.warning.label.text()
    assert ws.swap_button.isVisible() and ws.action_map["swap_speakers"].isEnabled()
    first = pane.model.segment(0).speaker
    ws.resize(1000, 500)
    qtbot.waitUntil(lambda: pane.view.verticalScrollBar().maximum() > 400)
    pane.view.verticalScrollBar().setValue(200)
    pane.warning.swap_button.click()
    assert pane.model.segment(0).speaker != first
    assert not pane.warning.isVisible()
    assert pane.view.verticalScrollBar().value() == 200  # updated in place, not reset
    assert services.interactions.get(mono_call).transcript.segments[0].speaker != first
    ws.action_map["swap_speakers"].trigger()  # Ctrl+Shift+S swaps back
    assert services.interactions.get(mono_call).transcript.segments[0].speaker == first


# -- the queue dock asks before replacing corrections -----------------------------------------


def _answer(button_name: str) -> None:
    """Click *button_name* in the question box as soon as it is shown."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        box.findChild(QPushButton, button_name).click()

    QTimer.singleShot(0, click)


@pytest.mark.gui
def test_queue_asks_before_replacing_corrections(
    qtbot, services, azure_call: int, stereo_wav, tmp_path: Path
) -> None:
    (plain,) = services.importer.import_paths(
        [stereo_wav], ImportOptions(client="Ромашка")
    ).imported
    services.transcripts.edit_segment_text(azure_call, 0, "Corrected.")
    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    settings.set(opts.ASR_REMOTE_URL, f"http://127.0.0.1:{_closed_port()}/v1")
    panel = TranscriptionPanel(services, settings, JobManager(synchronous=True))
    qtbot.addWidget(panel)

    _answer("cancel")
    assert panel.enqueue([azure_call]) == []
    _answer("skip_corrected")
    panel.enqueue([azure_call, plain])
    assert [j.interaction_id for j in services.transcription_queue.jobs()] == [plain]
    _answer("replace_corrections")
    panel.enqueue([azure_call])
    job = services.transcription_queue.jobs()[-1]
    # It ran with permission: it failed at the (closed) server, not at the guard.
    assert job.interaction_id == azure_call and job.status == "failed"
    assert "correction" not in job.error and job.error
    # Retrying asks again; declined, it stays failed.
    _answer("cancel")
    panel.retry_jobs([job.id])
    assert services.transcription_queue.get(job.id).status == "failed"


@pytest.mark.gui
def test_uncertain_ab_split_offers_a_or_b_as_consultant_and_prefills(
    qtbot, services, workspace, ab_call
) -> None:
    ws = workspace
    ws.load(ab_call)
    pane = ws.transcript
    assert pane.warning.isVisible()
    assert pane.warning.a_button.isVisible() and pane.warning.b_button.isVisible()
    assert not pane.warning.confirm_button.isVisible()
    assert ws.form.state().autoscored_at is None
    first_a = next(i for i in range(pane.model.rowCount()) if pane.model.segment(i).speaker == "A")
    pane.warning.b_button.click()
    assert not pane.warning.isVisible()
    assert pane.model.segment(first_a).speaker == "client"
    qtbot.waitUntil(lambda: ws.form.state().autoscored_at is not None, timeout=10000)
    stored = services.evaluations.open(ab_call)
    assert stored.autoscored_at is not None and any(a.suggested for a in stored.answers.values())
    assert services.transcripts.edited_count(ab_call) == 0


@pytest.mark.gui
def test_swapping_speakers_reruns_auto_prefill(qtbot, services, workspace, mono_call) -> None:
    """Suggestions follow who said what: after a swap the company is named by the client."""
    services.prefill.prefill(mono_call)
    ws = workspace
    ws.load(mono_call)
    before = ws.form.state().answers["named_company"].suggested_value
    assert before == "yes"
    ws.action_map["swap_speakers"].trigger()
    qtbot.waitUntil(lambda: ws.form.state().answers["named_company"].suggested_value != before)
    assert services.evaluations.open(mono_call).answers["named_company"].suggested_value != before
