"""Regenerate the demo project: 30 synthetic Russian sales calls and their manifest.

A developer tool, run by hand (see README.md here); the app only reads its output. Speech
comes from Festival's Russian voice, each speaker gets their own pitch and pace, the turns
are placed on a timeline whose true times go into manifest.json, and every call is written
as an 8 kHz telephone recording in OGG/Opus. A fixed seed makes the run reproducible.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import wave
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import imageio_ffmpeg
import numpy as np

sys.dont_write_bytecode = True  # keep resources/demo free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))

from labels import REVIEWERS, Seg, evaluation  # noqa: E402
from scenarios import CONSULTANTS, PROFILES, Dialogue, compose  # noqa: E402

SEED = 20261014
RATE = 8000
HERE = Path(__file__).resolve().parent
MSK = timezone(timedelta(hours=3))
FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()
VOICE = "(voice_msu_ru_nsh_clunits)"
# (pitch in semitones, tempo) per consultant: the one Festival voice is male.
CONSULTANT_VOICE = {"Анна Смирнова": (4.5, 1.36), "Игорь Петров": (0.5, 1.32),
                    "Мария Кузнецова": (3.5, 1.4), "Ольга Иванова": (4.0, 1.38),
                    "Дмитрий Соколов": (1.0, 1.3), "Елена Попова": (5.0, 1.35)}
TEAMS: dict[str, dict[str, tuple[str, ...]]] = {
    "Диваны Плюс": {"Продажи": ("Анна Смирнова", "Игорь Петров", "Мария Кузнецова")},
    "ТехноДом": {"Интернет-магазин": ("Ольга Иванова", "Дмитрий Соколов"),
                 "Розница": ("Елена Попова",)},
}
OPUS_BITRATE = {2: "18k", 1: "11k"}  # below ~18k libopus folds a stereo pair into mono


def tts_text(text: str) -> str:
    """The text as Festival's Russian voice can read it: it fails on guillemets and dashes."""
    text = re.sub(r"[«»\"“”]", "", text).replace("—", ",").replace("-", " ")
    return re.sub(r"\s+", " ", text).strip()


def run(cmd: list[str]) -> None:
    """Run a tool; a failure stops generation with the tool's own message."""
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({done.returncode}): {done.stderr[-800:]}")


def synthesize(text: str, pitch: float, tempo: float, cache: Path) -> Path:
    """One utterance as an 8 kHz telephone-band WAV, cached by text and voice."""
    spoken = tts_text(text)
    raw = cache / f"raw-{hashlib.sha1(spoken.encode()).hexdigest()[:16]}.wav"
    if not raw.exists():
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in.txt"
            src.write_text(spoken + "\n", encoding="utf-8")  # festvox-ru here reads UTF-8
            wav_tmp = Path(tmp) / "out.wav"
            done = subprocess.run(["text2wave", "-eval", VOICE, str(src), "-o", str(wav_tmp)],
                                  capture_output=True, text=True)
            if done.returncode != 0 or "LTS_Ruleset" in done.stderr:
                raise RuntimeError(f"festival cannot read {spoken!r}: {done.stderr[-400:]}")
            shutil.move(wav_tmp, raw)
    key = hashlib.sha1(f"{spoken}|{pitch}|{tempo}".encode()).hexdigest()[:16]
    tel = cache / f"tel-{key}.wav"
    if not tel.exists():
        ratio = 2 ** (pitch / 12)
        with tempfile.TemporaryDirectory() as tmp:
            wav_tmp = Path(tmp) / "tel.wav"
            run([FFMPEG, "-v", "error", "-y", "-i", str(raw), "-af",
                 f"rubberband=pitch={ratio:.5f}:tempo={tempo},highpass=f=300,lowpass=f=3400",
                 "-ar", str(RATE), "-ac", "1", "-c:a", "pcm_s16le", str(wav_tmp)])
            shutil.move(wav_tmp, tel)
    return tel


def read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
        return data.reshape(-1, w.getnchannels()).astype(np.float64) / 32768.0


def trim(x: np.ndarray, longest_pause: int = 12) -> np.ndarray:
    """Cut the synthesiser's edge silence and shorten its long pauses at commas.

    Placed times must be speech times, and Festival pauses longer than people on the phone.
    """
    frame = RATE // 100
    n = len(x) // frame
    frames = x[: n * frame].reshape(n, frame)
    loud = np.sqrt((frames**2).mean(axis=1)) > np.sqrt((frames**2).mean(axis=1)).max() * 0.03
    idx = np.flatnonzero(loud)
    keep = np.zeros(n, dtype=bool)
    keep[idx[0]: idx[-1] + 1] = True
    run_len = 0
    for i in range(idx[0], idx[-1] + 1):
        run_len = 0 if loud[i] else run_len + 1
        if run_len > longest_pause:
            keep[i] = False
    return frames[keep].reshape(-1)


def voices(d: Dialogue, rng: random.Random) -> dict[str, tuple[float, float]]:
    """Pitch and tempo for both speakers, far enough apart to tell them by ear."""
    cpitch, ctempo = CONSULTANT_VOICE[d.consultant]
    if d.client_gender == "f":
        pitch = cpitch + 3.5 if d.consultant_gender == "f" else 4.5
    else:
        pitch = cpitch - 4.0 if d.consultant_gender == "m" else -1.0
    return {"consultant": (cpitch, ctempo),
            "client": (pitch + rng.choice((-0.5, 0.0, 0.5)), rng.choice((1.22, 1.26, 1.3)))}


def place(d: Dialogue, clips: list[np.ndarray], rng: random.Random) -> list[Seg]:
    """Lay the turns on a timeline: short pauses, a rare small overlap, planned cut-ins."""
    segs: list[Seg] = []
    t = rng.uniform(0.2, 0.6)
    for i, (line, clip) in enumerate(zip(d.lines, clips, strict=True)):
        if i:
            prev = segs[-1]
            if line.cut_in:
                if prev.speaker != "client" or prev.end - prev.start < 2.5:
                    raise ValueError("a cut-in must follow a long client turn")
                t = prev.end - rng.uniform(1.1, 1.5)
            elif line.speaker == prev.speaker:
                t = prev.end + rng.uniform(0.3, 0.5)
            elif rng.random() < 0.12:
                t = prev.end - rng.uniform(0.1, 0.3)  # talking over each other, briefly
            else:
                t = prev.end + rng.uniform(0.15, 0.6)
        start = round(t, 2)
        end = round(start + len(clip) / RATE, 2)
        segs.append(Seg(line.speaker, start, end, line.text, line.tags))
    return segs


def telephone(x: np.ndarray, rng: random.Random) -> np.ndarray:
    """A faint line noise and G.711 mu-law companding, as a PBX would record it."""
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, 10 ** (-62 / 20), x.shape)
    x = x + noise
    x = np.clip(x, -1, 1)
    mu = 255.0
    y = np.sign(x) * np.log1p(mu * np.abs(x)) / np.log1p(mu)
    y = np.round(y * 127) / 127
    return np.sign(y) * np.expm1(np.abs(y) * np.log1p(mu)) / mu


def render(d: Dialogue, clips: list[np.ndarray], segs: list[Seg], channels: int,
           rng: random.Random, out: Path) -> float:
    """Mix the placed clips into a call recording and encode it; returns its duration."""
    total = int((segs[-1].end + rng.uniform(0.3, 0.7)) * RATE)
    tracks = {"consultant": np.zeros(total), "client": np.zeros(total)}
    gain = {"consultant": 10 ** (rng.uniform(-20, -17) / 20),
            "client": 10 ** (rng.uniform(-24, -19) / 20)}
    for seg, clip in zip(segs, clips, strict=True):
        clip = clip / max(np.sqrt((clip**2).mean()), 1e-6) * gain[seg.speaker]
        i = int(round(seg.start * RATE))
        tracks[seg.speaker][i: i + len(clip)] += clip[: total - i]
    if channels == 2:
        mix = np.stack([telephone(tracks["consultant"], rng), telephone(tracks["client"], rng)], 1)
    else:
        mix = telephone(tracks["consultant"] + tracks["client"], rng)[:, None]
    pcm = (np.clip(mix, -1, 1) * 32767).astype("<i2")
    with tempfile.TemporaryDirectory() as tmp:
        wav_path = Path(tmp) / "call.wav"
        with wave.open(str(wav_path), "wb") as w:
            w.setnchannels(channels)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(pcm.tobytes())
        run([FFMPEG, "-v", "error", "-y", "-i", str(wav_path), "-c:a", "libopus",
             "-b:a", OPUS_BITRATE[channels], "-application", "voip", "-map_metadata", "-1",
             "-fflags", "+bitexact", "-flags:a", "+bitexact", str(out)])
    return round(total / RATE, 2)


def call_times(rng: random.Random, count: int) -> list[datetime]:
    """Working-hours start times, Monday to Saturday, from 1 September to 25 November 2026."""
    first = datetime(2026, 9, 1, tzinfo=MSK)
    times: set[datetime] = set()
    while len(times) < count:
        day = first + timedelta(days=rng.randint(0, 85))
        if day.weekday() == 6:
            continue
        times.add(day.replace(hour=rng.randint(9, 19), minute=rng.randint(0, 59),
                              second=rng.randint(0, 59)))
    return sorted(times)


# How people say the companies (the side pane's "Spoken names"), for auto-prefill.
SPOKEN_NAMES = {"Диваны Плюс": ["Диваны+", "Диваны плюс"], "ТехноДом": ["Техно Дом", "TechnoDom"]}


def clients_block() -> list[dict]:
    out = []
    for company, teams in TEAMS.items():
        ext = {n: e for n, e, _ in CONSULTANTS[company]}
        out.append({"name": company, "language": "ru", "spoken_names": SPOKEN_NAMES[company],
                    "teams": [
            {"name": team, "consultants": [{"name": n, "extension": ext[n]} for n in names]}
            for team, names in teams.items()]})
    return out


def generate(out_dir: Path, cache: Path, jobs: int) -> dict:
    """Compose, synthesise, place, encode and describe all calls; returns the manifest."""
    rng = random.Random(SEED)
    dialogues = [compose(p, rng) for p in PROFILES]
    times = call_times(rng, len(dialogues))
    rng.shuffle(times)
    requests: list[tuple[str, float, float]] = []
    for d in dialogues:
        v = voices(d, rng)
        requests += [(line.text, *v[line.speaker]) for line in d.lines]
    cache.mkdir(parents=True, exist_ok=True)
    unique = sorted(set(requests))
    with ThreadPoolExecutor(jobs) as pool:
        synthesized = pool.map(lambda r: synthesize(r[0], r[1], r[2], cache), unique)
        done = dict(zip(unique, synthesized, strict=True))
    paths = [done[r] for r in requests]
    for old in out_dir.glob("*.ogg"):
        old.unlink()
    interactions: list[dict[str, Any]] = []
    k = 0
    for d, started in zip(dialogues, times, strict=True):
        clips = [trim(read_wav(p)[:, 0]) for p in paths[k: k + len(d.lines)]]
        k += len(d.lines)
        segs = place(d, clips, rng)
        phone = f"79{rng.choice(('16', '15', '03', '26', '85', '77'))}{rng.randrange(10**7):07d}"
        name = f"{started:%Y%m%d-%H%M%S}_{phone}_{d.extension}.ogg"
        duration = render(d, clips, segs, d.profile.channels, rng, out_dir / name)
        interactions.append({
            "file": name, "client": d.profile.company, "consultant": d.consultant,
            "kind": "call", "direction": d.profile.direction, "started_at": started.isoformat(),
            "customer_ref": f"+{phone}", "channels": d.profile.channels, "duration": duration,
            "segments": [{"speaker": s.speaker, "start": s.start, "end": s.end, "text": s.text}
                         for s in segs],
            "evaluation": evaluation(d, segs, rng)})
    interactions.sort(key=lambda i: i["started_at"])
    return {"clients": clients_block(), "reviewers": list(REVIEWERS),
            "interactions": interactions}


def dump(manifest: dict) -> str:
    """Indented JSON with one segment or answer per line: small, readable and diffable."""
    text = json.dumps(manifest, ensure_ascii=False, indent=2)
    return re.sub(r"\{\n\s+\"(speaker|value)\"[^{}]*?\}",
                  lambda m: json.dumps(json.loads(m.group(0)), ensure_ascii=False), text) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: here)")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "qcdesk-demo-tts",
                    help="folder for synthesised utterances, reused between runs")
    ap.add_argument("--jobs", type=int, default=8)
    ap.add_argument("--verify-only", action="store_true", help="only check the existing output")
    args = ap.parse_args(argv)
    if not args.verify_only:
        if shutil.which("text2wave") is None:
            sys.exit("text2wave not found: apt-get install festival festvox-ru")
        manifest = generate(args.out, args.cache, args.jobs)
        (args.out / "manifest.json").write_text(dump(manifest), encoding="utf-8")
    from verify import verify  # noqa: PLC0415

    return verify(args.out)


if __name__ == "__main__":
    sys.exit(main())
