"""Render a labeled dialog as a telephone-quality stereo call (shared/docs/telephone-audio.md).

Festival's Russian voice (Debian ``festival`` + ``festvox-ru``) speaks every segment; sox gives
each party its own pitch and tempo; numpy lays the clips on a timeline (left = consultant,
right = client), adds pink noise and the levels; sox then runs the telephone chain (300-3400 Hz,
8 kHz, G.711 µ-law) and ffmpeg (the imageio-ffmpeg binary) encodes 8 kHz stereo MP3 at 32 kbps.
The real start and end of each segment go to ``<id>.turns.json`` beside the audio.

Used by bench/e2e.py; rendering is deterministic per dialog (seeded by its id), so the cache
key is the dialog's text and timing plus `RECIPE`.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
import wave
from pathlib import Path
from typing import Any

import numpy as np

from qcdesk.domain.rules.fuzzy import cyrillic

RECIPE = "telephone-audio.md v1"
RATE = 16000
_LATIN = {
    "office": "офис", "pro": "про", "plus": "плюс", "city": "сити", "group": "груп",
    "service": "сервис", "home": "хоум", "shop": "шоп", "auto": "авто", "line": "лайн",
}  # fmt: skip


def available() -> str | None:
    """None when festival, its Russian voice and sox are installed, else what is missing."""
    for tool in ("festival", "sox"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install -y festival festvox-ru sox)"
    if not Path("/usr/share/festival/voices/russian/msu_ru_nsh_clunits").is_dir():
        return "festvox-ru is not installed (apt-get install -y festvox-ru)"
    return None


def cache_key(dialog: dict[str, Any]) -> str:
    said = [(s["speaker"], s["start"], s["end"], s["text"]) for s in dialog["segments"]]
    blob = json.dumps([RECIPE, dialog.get("id"), said], ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def synth_text(text: str) -> str:
    """The text for the synthesizer only: no quotes, dashes and ellipses as pauses, Latin
    respelled in Cyrillic (Festival's Russian voice reads no Latin letters)."""
    t = re.sub(r"[«»\"“”„]", "", text)
    t = re.sub(r"\s*[—–…]+\s*", ", ", t)
    t = re.sub(r"(\d):(\d)", r"\1 \2", t)  # festival's Russian voice stops on «10:30»

    def cyr(m: re.Match[str]) -> str:
        w = m.group().lower()
        return _LATIN.get(w) or cyrillic(w)

    t = re.sub(r"[A-Za-z]+", cyr, t)
    t = re.sub(r"[^\w\s.,!?-]", " ", t)
    words: list[str] = []
    for tok in t.split():
        if re.search(r"\w", tok):
            words.append(tok)
        elif words:  # a lone «,» stops the voice: it joins the word before
            words[-1] += tok
    return " ".join(words) or "м"


def _festival(texts: list[str], out_dir: Path) -> list[Path]:
    """One festival run for all clips of a dialog (its start-up is most of a short clip)."""
    lines = ["(voice_msu_ru_nsh_clunits)"]
    paths = []
    for i, t in enumerate(texts):
        p = out_dir / f"raw{i:03d}.wav"
        q = t.replace("\\", " ").replace('"', " ")
        lines.append(f'(utt.save.wave (utt.synth (Utterance Text "{q}")) "{p}" \'riff)')
        paths.append(p)
    script = out_dir / "say.scm"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run(["nice", "-n", "10", "festival", "-b", str(script)],
                          capture_output=True, timeout=600)  # fmt: skip
    if done.returncode != 0:  # one text the voice cannot read: each alone, bare words last
        for t, p in zip(texts, paths, strict=True):
            if not p.is_file():
                bare = " ".join(re.findall(r"\w+", t)) or "м"
                _festival_one(bare, p)
    return paths


def _festival_one(text: str, path: Path) -> None:
    script = path.with_suffix(".scm")
    script.write_text(f'(voice_msu_ru_nsh_clunits)\n(utt.save.wave (utt.synth (Utterance Text '
                      f'"{text}")) "{path}" \'riff)\n', encoding="utf-8")  # fmt: skip
    subprocess.run(["nice", "-n", "10", "festival", "-b", str(script)], check=True,
                   capture_output=True, timeout=120)  # fmt: skip


def _read(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        data = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
        if w.getnchannels() > 1:
            data = data.reshape(-1, w.getnchannels()).mean(1)
    return data.astype(np.float64) / 32768.0


def _write(path: Path, x: np.ndarray, rate: int = RATE) -> None:
    pcm = np.clip(x, -1, 1)
    pcm = (pcm * 32767).astype(np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1 if pcm.ndim == 1 else pcm.shape[1])
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


def _voice(raw: Path, cents: int, tempo: float, out: Path) -> np.ndarray:
    """Trim the clip's silence to ~20 ms each side, then shift pitch and tempo, at 16 kHz."""
    trim = ["silence", "1", "0.01", "0.5%", "reverse", "silence", "1", "0.01", "0.5%", "reverse"]
    cmd = ["nice", "-n", "10", "sox", str(raw), "-r", str(RATE), "-c", "1", str(out), *trim,
           "pad", "0.02", "0.02", "pitch", str(cents), "tempo", "-s", f"{tempo:.3f}"]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    return _read(out)


def _pink(n: int, rng: np.random.Generator) -> np.ndarray:
    """Pink noise band-limited to 300-3400 Hz, unit RMS."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / RATE)
    spec *= np.where((f >= 300) & (f <= 3400), 1 / np.sqrt(np.maximum(f, 1)), 0)
    x = np.fft.irfft(spec, n)
    return np.asarray(x / (np.sqrt(np.mean(x**2)) + 1e-12))


def _rms_to(x: np.ndarray, dbfs: float) -> np.ndarray:
    rms = np.sqrt(np.mean(x**2)) + 1e-12
    return np.asarray(x * (10 ** (dbfs / 20) / rms))


def render(dialog: dict[str, Any], index: int, out_mp3: Path, *, mono: bool = False) -> Path:
    """Render *dialog* to *out_mp3* (stereo, or the mono mix) and ``*.turns.json`` beside it.

    *index* alternates which role gets the higher voice across dialogs.
    """
    from imageio_ffmpeg import get_ffmpeg_exe

    seed = int(hashlib.sha256(str(dialog.get("id")).encode()).hexdigest()[:8], 16)
    rng = np.random.default_rng(seed)
    high, low = ("consultant", "client") if index % 2 == 0 else ("client", "consultant")
    party = {
        high: (int(rng.integers(250, 401)), float(rng.uniform(0.95, 1.10))),
        low: (-int(rng.integers(100, 251)), float(rng.uniform(0.95, 1.10))),
    }
    level = {p: float(rng.uniform(-23, -18)) for p in ("consultant", "client")}
    segs = dialog["segments"]
    with tempfile.TemporaryDirectory(prefix="qcdesk-e2e-") as tmp:
        d = Path(tmp)
        raws = _festival([synth_text(s["text"]) for s in segs], d)
        clips = []
        for i, (s, raw) in enumerate(zip(segs, raws, strict=True)):
            who = s["speaker"] if s["speaker"] in party else "client"
            cents, tempo = party[who]
            clips.append((who, _rms_to(_voice(raw, cents, tempo, d / f"v{i:03d}.wav"), level[who])))
        turns, placed = _timeline(segs, clips, rng)
        total = int((max(t["end"] for t in turns) + 0.5) * RATE) if turns else RATE
        track = np.zeros((total, 2))
        for (who, x), t in zip(clips, turns, strict=True):
            a = int(t["start"] * RATE)
            track[a : a + len(x), 0 if who == "consultant" else 1] += x[: total - a]
        for ch in (0, 1):
            track[:, ch] += _pink(total, rng) * 10 ** (-50 / 20)
        if mono:
            track = track.mean(1, keepdims=True)
        _write(d / "mix.wav", track)
        ulaw = d / "ulaw.wav"
        subprocess.run(["nice", "-n", "10", "sox", str(d / "mix.wav"), "-e", "u-law", str(ulaw),
                        "sinc", "300-3400", "rate", "-v", "8000"], check=True,
                       capture_output=True, timeout=300)  # fmt: skip
        pcm = d / "pcm.wav"
        subprocess.run(["sox", str(ulaw), "-e", "signed-integer", "-b", "16", str(pcm)],
                       check=True, capture_output=True, timeout=300)  # fmt: skip
        out_mp3.parent.mkdir(parents=True, exist_ok=True)
        part = out_mp3.with_suffix(".part.mp3")
        subprocess.run([get_ffmpeg_exe(), "-y", "-loglevel", "error", "-i", str(pcm), "-ar",
                        "8000", "-c:a", "libmp3lame", "-b:a", "32k", str(part)], check=True,
                       capture_output=True, timeout=300)  # fmt: skip
        part.replace(out_mp3)
    out_mp3.with_suffix(".turns.json").write_text(json.dumps(placed, ensure_ascii=False, indent=1))
    return out_mp3


def _timeline(
    segs: list[dict[str, Any]], clips: list[tuple[str, np.ndarray]], rng: np.random.Generator
) -> tuple[list[dict[str, float]], list[dict[str, Any]]]:
    """Start times per the recipe: the original start, but at least 0.15 s after the same
    party's last clip; a random 0.3-0.9 s gap when less than 0.3 s is left after the previous
    turn, unless the dialog has a real overlap (> 0.5 s) there; long pauses kept."""
    turns: list[dict[str, float]] = []
    placed: list[dict[str, Any]] = []
    last_end: dict[str, float] = {}
    prev_end, prev_orig_end = 0.0, 0.0
    shift = 0.0
    for s, (who, x) in zip(segs, clips, strict=True):
        dur = len(x) / RATE
        start = float(s["start"]) + shift
        overlap = prev_orig_end - float(s["start"])
        if overlap > 0.5 and turns:
            start = max(turns[-1]["start"] + 0.3, prev_end - overlap)
        elif start < prev_end + 0.3:
            start = prev_end + float(rng.uniform(0.3, 0.9))
        start = max(start, last_end.get(who, -1.0) + 0.15)
        shift = start - float(s["start"])
        end = start + dur
        turns.append({"start": start, "end": end})
        placed.append({"speaker": who, "start": round(start, 3), "end": round(end, 3),
                       "text": s["text"]})  # fmt: skip
        last_end[who] = end
        prev_end = max(prev_end, end)
        prev_orig_end = float(s["end"])
    return turns, placed
