"""Check the generated demo calls against their manifest: decodable, right length and layout.

For stereo calls the consultant must be loud on the left and the client on the right during
their own turns; for every call the speech must sit inside the manifest's segment times.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import imageio_ffmpeg
import numpy as np

RATE = 8000
MIN_SEPARATION_DB = 15.0


def decode(path: Path) -> np.ndarray:
    """The recording as float samples (frames x channels) at 8 kHz, decoded by ffmpeg."""
    probe = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", str(path),
                            "-f", "s16le", "-ar", str(RATE), "-"], capture_output=True, check=True)
    info = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(path)],
                          capture_output=True, text=True).stderr
    channels = 2 if "stereo" in info else 1
    return np.frombuffer(probe.stdout, dtype="<i2").reshape(-1, channels) / 32768.0


def _db(x: np.ndarray) -> float:
    return 10 * np.log10(max(float((x**2).mean()), 1e-12))


def check_call(folder: Path, item: dict) -> list[str]:
    """The problems found in one call; empty when it matches its manifest entry."""
    problems = []
    audio = decode(folder / item["file"])
    duration = len(audio) / RATE
    if audio.shape[1] != item["channels"]:
        problems.append(f"{audio.shape[1]} channels, manifest says {item['channels']}")
    if abs(duration - item["duration"]) > 0.1:
        problems.append(f"lasts {duration:.2f} s, manifest says {item['duration']}")
    segs = item["segments"]
    speech = np.zeros(len(audio), dtype=bool)
    for s in segs:
        speech[int(s["start"] * RATE): int(s["end"] * RATE)] = True
    quiet = _db(audio[~speech]) if (~speech).sum() > RATE // 2 else -120.0
    for i, s in enumerate(segs):
        span = np.zeros(len(audio), dtype=bool)
        span[int(s["start"] * RATE): int(s["end"] * RATE)] = True
        for j, o in enumerate(segs):  # only the part where nobody else talks
            if j != i:
                span[int(o["start"] * RATE): int(o["end"] * RATE)] = False
        if span.sum() < RATE // 5:
            continue
        part = audio[span]
        if max(_db(part[:, c]) for c in range(part.shape[1])) < quiet + 20:
            problems.append(f"segment at {s['start']} is not louder than the pauses")
        if item["channels"] == 2:
            left, right = _db(part[:, 0]), _db(part[:, 1])
            diff = left - right if s["speaker"] == "consultant" else right - left
            if diff < MIN_SEPARATION_DB:
                problems.append(f"{s['speaker']} segment at {s['start']}: own channel only "
                                f"{diff:.1f} dB louder")
    return problems


def verify(folder: Path) -> int:
    """Check every call in folder/manifest.json; prints a summary and returns an exit code."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    failed = 0
    total = 0.0
    for item in manifest["interactions"]:
        problems = check_call(folder, item)
        total += item["duration"]
        for p in problems:
            print(f"{item['file']}: {p}")
        failed += bool(problems)
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(f"{len(manifest['interactions'])} calls, {total:.0f} s of audio, "
          f"{failed} with problems; folder {size / 1e6:.2f} MB")
    return 1 if failed else 0
