"""A transcript written out as TXT, SRT, WebVTT or the qcdesk JSON (Qt-free).

The format follows the file's extension. JSON is the qcdesk transcript format
(``docs/transcript-format.md``) with the interaction's metadata, so qcdesk and the autoscore
tools read it back; TXT is for people (a header, then one line per segment with its time);
SRT and VTT put the text under the recording in a player. Speaker names in TXT, SRT and VTT
are in the language asked for (the GUI passes its own, the CLI ``--lang``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError, os_errors
from qcdesk.services.dto import TranscriptInfo

FORMATS = ("txt", "srt", "vtt", "json")

_SPEAKERS = {
    "ru": {"consultant": "Консультант", "client": "Клиент", "A": "Говорящий A", "B": "Говорящий B"},
    "en": {"consultant": "Consultant", "client": "Client", "A": "Speaker A", "B": "Speaker B"},
}
_HEAD = {
    "ru": ("Компания", "Консультант", "Дата", "Направление", "Язык"),
    "en": ("Company", "Consultant", "Date", "Direction", "Language"),
}
_DIRECTIONS = {
    "ru": {"incoming": "входящий", "outgoing": "исходящий"},
    "en": {"incoming": "incoming", "outgoing": "outgoing"},
}


@dataclass(frozen=True)
class TranscriptExport:
    """What an export writes: the transcript and what is known about its interaction."""

    interaction_id: int
    channel: str
    direction: str | None
    started_at: datetime | None
    duration: float | None
    company: str
    consultant: str | None
    transcript: TranscriptInfo


def format_for(path: Path) -> str:
    """The export format named by *path*'s extension.

    Raises:
        KnownError: the extension is none of .txt, .srt, .vtt, .json.
    """
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise KnownError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "Cannot export a transcript to {path}: the name must end in .txt, .srt, "
                ".vtt or .json.",
            ),
            path=str(path),
        )
    return fmt


def _clock(seconds: float, sep: str) -> str:
    ms = max(0, round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _short(seconds: float) -> str:
    total = max(0, int(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _speaker(lang: str, speaker: str) -> str:
    return _SPEAKERS.get(lang, _SPEAKERS["en"]).get(speaker, speaker)


def as_json(data: TranscriptExport) -> dict[str, Any]:
    """The qcdesk transcript format, metadata included."""
    t = data.transcript
    segments = t.segments
    duration = data.duration if data.duration is not None else (segments[-1].end if segments else 0)
    out: dict[str, Any] = {
        "id": str(data.interaction_id),
        "channel": data.channel,
        "direction": data.direction,
        "language": t.language,
        "duration": round(float(duration), 3),
    }
    if data.started_at is not None:
        out["started_at"] = data.started_at.isoformat()
    if data.company:
        out["company"] = {"name": data.company}
    if data.consultant:
        out["consultant_name"] = data.consultant
    out["segments"] = [
        {
            "speaker": s.speaker,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            **(
                {"words": [{"w": w.w, "start": w.start, "end": w.end, "p": w.p} for w in s.words]}
                if s.words
                else {}
            ),
        }
        for s in segments
    ]
    return out


def render(data: TranscriptExport, fmt: str, lang: str = "ru") -> str:
    """*data* as the text of a *fmt* file ("txt", "srt", "vtt" or "json")."""
    segments = data.transcript.segments
    if fmt == "json":
        return json.dumps(as_json(data), ensure_ascii=False, indent=2) + "\n"
    if fmt == "srt":
        blocks = [
            f"{i}\n{_clock(s.start, ',')} --> {_clock(max(s.end, s.start), ',')}\n"
            f"{_speaker(lang, s.speaker)}: {s.text}\n"
            for i, s in enumerate(segments, 1)
        ]
        return "\n".join(blocks)
    if fmt == "vtt":
        cues = [
            f"{_clock(s.start, '.')} --> {_clock(max(s.end, s.start), '.')}\n"
            f"<v {_speaker(lang, s.speaker)}>{s.text}\n"
            for s in segments
        ]
        return "WEBVTT\n\n" + "\n".join(cues)
    if fmt == "txt":
        labels = _HEAD.get(lang, _HEAD["en"])
        directions = _DIRECTIONS.get(lang, _DIRECTIONS["en"])
        head = [f"{labels[0]}: {data.company}"]
        if data.consultant:
            head.append(f"{labels[1]}: {data.consultant}")
        if data.started_at is not None:
            head.append(f"{labels[2]}: {data.started_at.strftime('%d.%m.%Y %H:%M')}")
        if data.direction:
            head.append(f"{labels[3]}: {directions.get(data.direction, data.direction)}")
        head.append(f"{labels[4]}: {data.transcript.language}")
        lines = [f"[{_short(s.start)}] {_speaker(lang, s.speaker)}: {s.text}" for s in segments]
        return "\n".join(head) + "\n\n" + "\n".join(lines) + "\n"
    raise ValueError(f"unknown transcript format {fmt!r}")


def write(data: TranscriptExport, path: Path, *, lang: str = "ru", force: bool = False) -> Path:
    """Write *data* to *path* in the format its extension names; never overwrites unasked.

    Raises:
        KnownError: an unknown extension, an existing file without *force*, or the file
            cannot be written (full disk, no permission).
    """
    fmt = format_for(path)
    if path.exists() and not force:
        raise KnownError(
            QT_TRANSLATE_NOOP(
                "KnownError", "{path} already exists; choose another name or allow overwriting."
            ),
            path=str(path),
        )
    text = render(data, fmt, lang)
    tmp = path.with_name(path.name + ".part")
    with os_errors(
        QT_TRANSLATE_NOOP("KnownError", "Cannot write the transcript to {path}: {detail}"), path
    ):
        tmp.write_text(text, encoding="utf-8", newline="\n")
        tmp.replace(path)
    return path
