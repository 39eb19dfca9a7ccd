"""Merging and splitting transcript segments (word times kept), and exporting a transcript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qcdesk.cli import main as cli_main
from qcdesk.errors import KnownError
from qcdesk.services.dto import Segment, TranscriptInfo, Word
from qcdesk.services.importer import ImportOptions
from qcdesk.services.transcripts import split_word

AZURE = "azure-speech-sdk/test_call_audio"


@pytest.fixture
def call(services, shared_data: Path) -> int:
    """The Azure sample call with its real word times, phrases alternating between roles."""
    (iid,) = services.importer.import_paths(
        [shared_data / f"{AZURE}.wav"],
        ImportOptions(client="Contoso", consultant="Jane Doe", direction="incoming"),
    ).imported
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
    services.interactions.save_transcript(iid, TranscriptInfo("en", "import", tuple(segs)))
    return int(iid)


def test_split_then_merge_keeps_every_word_time(services, call: int) -> None:
    before = services.interactions.get(call).transcript
    seg = next(
        s for s in before.segments if len(s.words) >= 4 and len(s.text.split()) == len(s.words)
    )
    i = before.segments.index(seg)
    cut = len(" ".join(seg.text.split()[:2])) - 1  # inside the second word: it stays first
    assert split_word(seg.text, cut) == 2
    after = services.transcripts.split_segment(call, i, split_word(seg.text, cut))
    assert len(after.segments) == len(before.segments) + 1
    a, b = after.segments[i], after.segments[i + 1]
    assert a.words == seg.words[:2] and b.words == seg.words[2:]
    assert (a.start, a.end) == (seg.start, seg.words[1].end)
    assert (b.start, b.end) == (seg.words[2].start, seg.end)
    assert a.speaker == b.speaker == seg.speaker and a.edited and b.edited
    assert after.segments[i + 2 :] == before.segments[i + 1 :]  # the rest moved down intact
    # Stored in order: a fresh read gives the same thing.
    assert services.interactions.get(call).transcript.segments == after.segments

    merged = services.transcripts.merge_with_next(call, i)
    assert len(merged.segments) == len(before.segments)
    m = merged.segments[i]
    assert (m.text, m.words, m.start, m.end) == (seg.text, seg.words, seg.start, seg.end)
    assert merged.segments[i + 1 :] == before.segments[i + 1 :]


def test_split_needs_a_word_on_each_side_and_merge_a_next_segment(services, call) -> None:
    t = services.interactions.get(call).transcript
    with pytest.raises(KnownError, match="between two of its words"):
        services.transcripts.split_segment(call, 0, 0)
    with pytest.raises(KnownError):
        services.transcripts.merge_with_next(call, len(t.segments) - 1)
    assert services.interactions.get(call).transcript == t


def test_merge_keeps_the_first_speaker(services, call: int) -> None:
    t = services.interactions.get(call).transcript
    assert t.segments[0].speaker != t.segments[1].speaker
    merged = services.transcripts.merge_with_next(call, 0)
    assert merged.segments[0].speaker == t.segments[0].speaker
    assert merged.segments[0].text == f"{t.segments[0].text} {t.segments[1].text}"


def test_export_txt_srt_vtt_json(services, call: int, tmp_path: Path) -> None:
    t = services.interactions.get(call).transcript
    first = t.segments[0]
    txt = services.transcripts.export(call, tmp_path / "call.txt", lang="en").read_text("utf-8")
    assert "Company: Contoso" in txt and "Consultant: Jane Doe" in txt
    assert f"Consultant: {first.text}" in txt
    srt = (services.transcripts.export(call, tmp_path / "call.srt")).read_text("utf-8")
    blocks = srt.strip().split("\n\n")
    assert len(blocks) == len(t.segments)
    number, times, text = blocks[0].split("\n", 2)
    assert number == "1" and " --> " in times and text == f"Консультант: {first.text}"
    h, m, rest = times.split(" --> ")[0].split(":")
    sec, ms = rest.split(",")
    assert int(h) * 3600 + int(m) * 60 + int(sec) + int(ms) / 1000 == pytest.approx(
        first.start, abs=0.001
    )
    vtt = services.transcripts.export(call, tmp_path / "call.vtt", lang="en").read_text("utf-8")
    assert vtt.startswith("WEBVTT\n\n") and f"<v Consultant>{first.text}" in vtt
    assert vtt.count(" --> ") == len(t.segments)
    data = json.loads(services.transcripts.export(call, tmp_path / "call.json").read_text("utf-8"))
    assert data["id"] == str(call) and data["channel"] == "call"
    assert data["direction"] == "incoming" and data["language"] == "en"
    assert data["company"] == {"name": "Contoso"} and data["consultant_name"] == "Jane Doe"
    assert len(data["segments"]) == len(t.segments)
    assert data["segments"][0]["words"][0] == {
        "w": first.words[0].w,
        "start": first.words[0].start,
        "end": first.words[0].end,
        "p": first.words[0].p,
    }


def test_export_refuses_to_overwrite_and_unknown_formats(services, call, tmp_path) -> None:
    out = tmp_path / "call.txt"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(KnownError, match="already exists"):
        services.transcripts.export(call, out)
    assert out.read_text(encoding="utf-8") == "keep me"
    services.transcripts.export(call, out, force=True)
    assert out.read_text(encoding="utf-8") != "keep me"
    with pytest.raises(KnownError, match=r"\.txt, \.srt"):
        services.transcripts.export(call, tmp_path / "call.docx")


def test_cli_transcript_export(services, call: int, tmp_path: Path, capsys) -> None:
    db = str(services.db_path)
    out = tmp_path / "звонок.vtt"
    args = ["transcript", "export", "--db", db, "--id", str(call), "--out", str(out)]
    assert cli_main(args) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == {"id": call, "path": str(out), "format": "vtt"}
    assert out.read_text("utf-8").startswith("WEBVTT")
    assert cli_main(args) == 2  # exists: refused
    assert "already exists" in capsys.readouterr().err
    assert cli_main([*args, "--force"]) == 0
    assert cli_main(["transcript", "export", "--db", db, "--id", "999", "--out", str(out)]) == 2


@pytest.mark.gui
def test_workspace_splits_joins_and_exports(qtbot, services, open_workspace, call, tmp_path):
    ws = open_workspace()
    ws.load(call)
    pane = ws.transcript
    assert ws.transcript_button.isVisible()
    n = pane.model.rowCount()
    seg = pane.model.segment(0)
    cut = len(seg.text.split()[0]) + 1  # the start of the second word
    menu = pane.context_menu(0, cut)
    split = next(a for a in menu.actions() if a.objectName() == "split_here")
    assert split.isEnabled()
    split.trigger()
    assert pane.model.rowCount() == n + 1
    assert pane.model.segment(0).text == seg.text.split()[0]
    assert services.interactions.get(call).transcript.segments[0].words == seg.words[:1]
    pane.view.setCurrentIndex(pane.model.index(0, 0))
    ws.action_map["merge_segments"].trigger()  # Ctrl+Shift+J
    assert pane.model.rowCount() == n
    assert services.interactions.get(call).transcript.segments[0].text == seg.text
    out = ws.export_transcript_to(tmp_path / "call.srt")
    assert out is not None and out.read_text("utf-8").startswith("1\n")
    assert ws.export_transcript_to(tmp_path / "call.doc") is None
    assert "call.doc" in ws.status_label.text()
