"""Benchmark: plain faster-whisper against qcdesk's transcription pipeline, same bundled model.

Run: ``.venv/bin/python bench/transcription.py [--data ../shared/data] [--device cpu|cuda]``.
Each (method, file) runs in a fresh child process, so its peak RSS is that job's alone and
the model load is not counted in the throughput (it is loaded before the clock starts).
The baseline is ``WhisperModel(model, device="cpu", compute_type="int8").transcribe(path,
language=...)`` with the library defaults, on the mono mix. WER/CER spell digits out first.
The last three lines are ``speedup=``, ``wer_delta=`` and ``speaker_words_mono=``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # helpers.textnorm: digits spelled out, WER by jiwer

# (name, file for ours, file for the baseline (mono mix), reference, language, mono split)
CASES = [
    ("synthetic stereo", "synthetic/call_8k_stereo.wav", "synthetic/call_8k_mono.wav",
     "synthetic/turns.json", "ru", False),
    ("synthetic mono", "synthetic/call_8k_mono.wav", "synthetic/call_8k_mono.wav",
     "synthetic/turns.json", "ru", True),
    ("synthetic-hard stereo", "synthetic-hard/call_8k_stereo.wav",
     "synthetic-hard/call_8k_mono.wav", "synthetic-hard/turns.json", "ru", False),
    ("synthetic-hard mono", "synthetic-hard/call_8k_mono.wav", "synthetic-hard/call_8k_mono.wav",
     "synthetic-hard/turns.json", "ru", True),
    ("golos", "golos/001ce26c07c20eaa0d666b824c6c6924.wav",
     "golos/001ce26c07c20eaa0d666b824c6c6924.wav", "golos/example1.json", "ru", True),
    ("silero-vad ru", "silero-vad/ru.wav", "silero-vad/ru.wav", None, "ru", True),
    ("azure call (approx. ref)", "azure-speech-sdk/test_call_audio.wav",
     "azure-speech-sdk/test_call_audio.wav",
     "azure-speech-sdk/test_call_audio.transcription_response.json", "en", True),
]  # fmt: skip


def reference(path: Path | None) -> tuple[str, list[dict]]:
    """(reference text, turns with speaker A/B) from whichever format the file uses."""
    if path is None:
        return "", []
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list):  # turns.json
        return " ".join(t["text"] for t in data), data
    if "combinedPhrases" in data:
        return " ".join(p["text"] for p in data["combinedPhrases"]), []
    return data["text"], []


def speaker_share(words: list[tuple[float, float, str]], turns: list[dict]) -> float | None:
    """Share of words inside a reference turn that carry that turn's speaker (A=consultant)."""
    role = {"A": "consultant", "B": "client"}
    hit = total = 0
    for start, end, speaker in words:
        mid = (start + end) / 2
        turn = next((t for t in turns if t["start"] <= mid <= t["end"]), None)
        if turn is None:
            continue
        total += 1
        hit += speaker in (turn["speaker"], role[turn["speaker"]])
    return hit / total if total else None


def child(method: str, audio: Path, language: str, mono: bool, device: str) -> dict:
    from qcdesk.asr.model_store import detect_device, resolve_model

    model = resolve_model(None)
    choice = detect_device(device)
    if method == "baseline":
        from faster_whisper import WhisperModel

        wm = WhisperModel(model, device=choice.device, compute_type=choice.compute_type)
        t0 = time.perf_counter()
        segments, info = wm.transcribe(str(audio), language=language)
        text = " ".join(s.text for s in segments)
        wall = time.perf_counter() - t0
        words: list[tuple[float, float, str]] = []
        duration = info.duration
    else:
        from qcdesk.asr.local import LocalWhisperEngine
        from qcdesk.asr.pipeline import transcribe_file

        engine = LocalWhisperEngine(model, device=device)
        engine.load()
        t0 = time.perf_counter()
        result = transcribe_file(audio, engine=engine, mono=mono, language=language)
        wall = time.perf_counter() - t0
        segs = result.transcript.segments
        text = " ".join(s.text for s in segs)
        words = [(w.start, w.end, s.speaker) for s in segs for w in s.words]
        duration = result.duration
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"text": text, "words": words, "wall": wall, "duration": duration, "rss_mb": rss_mb}


def run_child(method: str, audio: Path, language: str, mono: bool, device: str) -> dict:
    cmd = [sys.executable, __file__, "--child", method, str(audio), language, str(int(mono))]
    out = subprocess.run(
        [*cmd, "--device", device], capture_output=True, text=True, check=True, timeout=1800
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--device", default="cpu", choices=("auto", "cpu", "cuda"))
    ap.add_argument("--child", nargs=4, metavar=("METHOD", "AUDIO", "LANG", "MONO"))
    args = ap.parse_args()
    if args.child:
        method, audio, lang, mono = args.child
        print(json.dumps(child(method, Path(audio), lang, mono == "1", args.device)))
        return 0

    from helpers.textnorm import cer, wer

    from qcdesk.asr.model_store import detect_device

    print(f"device: {detect_device(args.device).reason}")
    head = "file | x-RT base | x-RT ours | ratio | WER base | WER ours | CER base | CER ours"
    print(head + " | speaker words | RSS base MB | RSS ours MB")
    figures: dict[str, dict] = {}
    for name, ours_file, base_file, ref_file, lang, mono in CASES:
        ref_text, turns = reference(args.data / ref_file if ref_file else None)
        base = run_child("baseline", args.data / base_file, lang, True, args.device)
        ours = run_child("ours", args.data / ours_file, lang, mono, args.device)
        row = {
            "rt_base": base["duration"] / base["wall"],
            "rt_ours": ours["duration"] / ours["wall"],
            "wer_base": wer(ref_text, base["text"], lang) if ref_text else None,
            "wer_ours": wer(ref_text, ours["text"], lang) if ref_text else None,
            "cer_base": cer(ref_text, base["text"], lang) if ref_text else None,
            "cer_ours": cer(ref_text, ours["text"], lang) if ref_text else None,
            "speaker": speaker_share(ours["words"], turns) if turns else None,
        }
        figures[name] = row

        def f(v: float | None, fmt: str = ".3f") -> str:
            return "-" if v is None else format(v, fmt)

        print(
            f"{name} | {f(row['rt_base'], '.1f')} | {f(row['rt_ours'], '.1f')} | "
            f"{row['rt_ours'] / row['rt_base']:.2f} | "
            f"{f(row['wer_base'])} | {f(row['wer_ours'])} | "
            f"{f(row['cer_base'])} | {f(row['cer_ours'])} | {f(row['speaker'])} | "
            f"{base['rss_mb']:.0f} | {ours['rss_mb']:.0f}",
            flush=True,
        )
    st, hm = figures["synthetic stereo"], figures["synthetic-hard mono"]
    print(f"speedup={st['rt_ours'] / st['rt_base']:.2f}")
    print(f"wer_delta={st['wer_ours'] - st['wer_base']:+.3f}")
    print(f"speaker_words_mono={f(hm['speaker'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
