"""Transcript model (qtmodeltester), the segment being played, click-to-seek and find."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from qcdesk.playback import PlaybackController
from qcdesk.qtmodels.transcript import CurrentRole, CurrentWordRole, MatchRole, TranscriptModel
from qcdesk.services.dto import Segment, TranscriptInfo, Word
from qcdesk.widgets.transcript import TranscriptPane, word_spans

pytestmark = pytest.mark.gui


@pytest.fixture
def turns(shared_data: Path) -> TranscriptInfo:
    """The true turns of the synthetic stereo call (speakers A/B, no word timings)."""
    raw = json.loads((shared_data / "synthetic" / "turns.json").read_text(encoding="utf-8"))
    segs = tuple(Segment(t["speaker"], t["start"], t["end"], t["text"]) for t in raw)
    return TranscriptInfo("ru", "import", segs)


@pytest.fixture
def worded(shared_data: Path) -> TranscriptInfo:
    """A machine transcript with word timings (Azure sample sales call)."""
    path = shared_data / "azure-speech-sdk" / "test_call_audio.transcription_response.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    segs = []
    for ph in raw["phrases"]:
        words = tuple(
            Word(
                w["text"],
                w["offset"] / 1000,
                (w["offset"] + w["duration"]) / 1000,
                ph["confidence"],
            )
            for w in ph["words"]
        )
        start = ph["offset"] / 1000
        segs.append(Segment("A", start, start + ph["duration"] / 1000, ph["text"], words))
    return TranscriptInfo("en", "import", tuple(segs))


def test_model_passes_qtmodeltester(qtmodeltester, turns: TranscriptInfo, worded) -> None:
    model = TranscriptModel()
    model.set_transcript(turns)
    qtmodeltester.check(model)
    model.set_transcript(worded)
    model.set_position(5000)
    qtmodeltester.check(model)
    model.set_transcript(None)
    qtmodeltester.check(model)


def test_current_segment_and_word_follow_the_position(qtbot, worded: TranscriptInfo) -> None:
    model = TranscriptModel()
    model.set_transcript(worded)
    seg = worded.segments[3]
    word = seg.words[1]
    with qtbot.waitSignal(model.dataChanged, timeout=100):
        model.set_position(round((word.start + word.end) / 2 * 1000))
    idx = model.index(3, 0)
    assert model.current_row() == 3
    assert idx.data(CurrentRole) is True
    assert idx.data(CurrentWordRole) == 1
    assert model.index(2, 0).data(CurrentRole) is False
    with qtbot.assertNotEmitted(model.dataChanged):
        model.set_position(round((word.start + word.end) / 2 * 1000) + 1)
    # Between two segments nothing is current.
    gap = (worded.segments[3].end + worded.segments[4].start) / 2
    if worded.segments[3].end < worded.segments[4].start:
        model.set_position(round(gap * 1000))
        assert model.current_row() == -1


def test_overlapping_segments_pick_the_latest_started() -> None:
    model = TranscriptModel()
    long = Segment("consultant", 0.0, 10.0, "долгая реплика")
    short = Segment("client", 4.0, 5.0, "да")
    model.set_transcript(TranscriptInfo("ru", "import", (short, long)))
    model.set_position(4500)
    assert model.segment(model.current_row()) == short
    model.set_position(6000)
    assert model.segment(model.current_row()) == long


def test_word_spans_map_words_into_the_text(worded: TranscriptInfo) -> None:
    for seg in worded.segments:
        text, spans = word_spans(seg)
        assert len(spans) == len(seg.words)
        for w, (a, b) in zip(seg.words, spans, strict=True):
            assert text[a:b].lower() == w.w.strip().lower()


@pytest.fixture
def pane(qtbot, stereo_wav: Path, turns: TranscriptInfo):
    controller = PlaybackController()
    controller.load(stereo_wav)
    qtbot.waitUntil(lambda: controller.duration() > 0, timeout=5000)
    p = TranscriptPane(controller)
    qtbot.addWidget(p)
    p.resize(500, 700)
    p.set_transcript(turns)
    p.show()
    qtbot.waitExposed(p)
    yield p
    controller.load(None)


def test_click_on_a_segment_seeks_to_it(qtbot, pane: TranscriptPane, turns) -> None:
    row = 2
    rect = pane.view.visualRect(pane.model.index(row, 0))
    # The header line (speaker, time) is no word: the click goes to the segment start.
    qtbot.mouseClick(
        pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft() + QPoint(12, 10)
    )
    assert abs(pane._controller.position() - turns.segments[row].start * 1000) <= 100
    qtbot.waitUntil(lambda: pane.model.current_row() == row, timeout=2000)


def test_click_on_a_word_seeks_to_the_word(qtbot, stereo_wav, worded: TranscriptInfo) -> None:
    controller = PlaybackController()
    p = TranscriptPane(controller)
    qtbot.addWidget(p)
    p.resize(400, 600)
    p.set_transcript(worded)
    p.show()
    qtbot.waitExposed(p)
    seg = max(worded.segments[:6], key=lambda s: len(s.words))
    row = worded.segments.index(seg)
    rect = p.view.visualRect(p.model.index(row, 0))
    seeks: list[int] = []
    controller.position_changed.connect(seeks.append)
    # Near the bottom right of the item: the last line of the text, past its first word.
    qtbot.mouseClick(
        p.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + 60, rect.bottom() - 12),
    )
    assert seeks
    starts = {round(w.start * 1000) for w in seg.words}
    assert seeks[-1] in starts
    assert seeks[-1] > round(seg.start * 1000)


def test_find_counts_matches_and_steps_through_them(qtbot, pane: TranscriptPane, turns) -> None:
    needle = "вас"
    expected = sum(s.text.lower().count(needle) for s in turns.segments)
    rows = [i for i, s in enumerate(turns.segments) if needle in s.text.lower()]
    assert expected >= 2  # the data must exercise stepping
    pane.open_find()
    assert pane.find_bar.isVisible()
    pane.find_edit.insert(needle.upper())  # QTest types ASCII only; insert() acts like typing
    assert pane.match_count() == expected
    assert pane.find_count.text() == f"1 of {expected}"
    assert pane.view.currentIndex().row() == rows[0]
    assert pane.model.index(rows[0], 0).data(MatchRole).lower() == needle
    qtbot.keyClick(pane.find_edit, Qt.Key.Key_Return)
    assert pane.find_count.text() == f"2 of {expected}"
    qtbot.keyClick(pane.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert pane.find_count.text() == f"1 of {expected}"
    pane.find_previous()
    assert pane.find_count.text() == f"{expected} of {expected}"
    with qtbot.waitSignal(pane.find_closed, timeout=500):
        qtbot.keyClick(pane.find_edit, Qt.Key.Key_Escape)
    assert not pane.find_bar.isVisible()
    assert pane.model.index(rows[0], 0).data(MatchRole) == ""


def test_find_without_matches_says_so(qtbot, pane: TranscriptPane) -> None:
    pane.open_find()
    qtbot.keyClicks(pane.find_edit, "zzzqqq")
    assert pane.match_count() == 0
    assert pane.find_count.text() == "No matches"


def test_without_a_transcript_the_pane_says_so(qtbot) -> None:
    p = TranscriptPane(PlaybackController())
    qtbot.addWidget(p)
    p.set_transcript(None)
    assert p.stack.currentWidget() is p.empty_page
    assert not p.transcribe_button.isVisibleTo(p)  # nothing to transcribe without a recording
    assert "No transcript yet" in p.empty.text()
