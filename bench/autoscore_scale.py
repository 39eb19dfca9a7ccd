"""Benchmark: autoscore time against the number of segments (issue 12, §4).

A long transcript is built by laying the dev dialogs end to end (a call, and the same text as
a chat with working hours, the shape of a 200 MB Telegram export) and scored the way the CLI
does it (``autoscore``: metrics, every rule of the template, outcome). Each size runs in a
fresh process so caches warm up the same way; a size that passes ``--limit`` seconds is
stopped and reported as ``seconds>LIMIT``.

``--baseline REV`` runs the same sizes against the code of git revision REV too (extracted with
``git archive`` into a temporary folder), so old and new are measured in the same run:

    .venv/bin/python bench/autoscore_scale.py --baseline ba84dbe

Prints ``code=new|base channel=call|chat segments=N seconds=S cpu_seconds=C`` lines (CPU time
is the steadier figure on a shared machine), then the growth ratio of CPU time
``ratio_12k_6k=`` (2 for linear, 4 for quadratic) for each code and channel.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "dialogs-dev"
SIZES = (1500, 6000, 12000, 50000, 150000)
HOURS = {
    "mon": [["09:00", "18:00"]],
    "tue": [["09:00", "18:00"]],
    "wed": [["09:00", "18:00"]],
    "thu": [["09:00", "18:00"]],
    "fri": [["09:00", "18:00"]],
    "timezone": "Europe/Moscow",
}

CHILD = """
import json, sys, time
from qcdesk.services.autoscore import autoscore, resolve_template
data = json.load(open(sys.argv[1], encoding="utf-8"))
template = resolve_template(sys.argv[2])
hours = json.loads(sys.argv[3])
warm = dict(data, segments=data["segments"][:50])
autoscore(template, warm, working_hours=hours)  # pymorphy3 loaded, the first lemmas cached
t0, c0 = time.perf_counter(), time.process_time()
autoscore(template, data, working_hours=hours)
print(time.perf_counter() - t0, time.process_time() - c0)
"""


def transcript(n: int, channel: str) -> dict[str, Any]:
    """*n* segments from the dev dialogs laid end to end, times shifted to follow each other."""
    files = sorted(p for p in DEV.glob("*.json") if not p.name.endswith(".labels.json"))
    dialogs = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    segments: list[dict[str, Any]] = []
    offset = 0.0
    while len(segments) < n:
        for d in dialogs:
            for s in d["segments"]:
                if len(segments) == n:
                    break
                seg = {k: s[k] for k in ("speaker", "text")}
                seg["start"] = round(offset + s["start"], 2)
                seg["end"] = round(offset + s["end"], 2)
                segments.append(seg)
            offset = segments[-1]["end"] + (3600.0 if channel == "chat" else 1.0)
    out = {"id": f"scale-{n}", "channel": channel, "direction": "incoming", "language": "ru"}
    if channel == "chat":
        out["started_at"] = "2026-10-14T09:00:00+03:00"
    return out | {"duration": segments[-1]["end"], "segments": segments}


def run(
    code: Path, path: Path, template: str, hours: Any, limit: float
) -> tuple[float, float] | None:
    cmd = [sys.executable, "-c", CHILD, str(path), template, json.dumps(hours)]
    try:
        done = subprocess.run(
            cmd, cwd=code, capture_output=True, text=True, timeout=limit, check=True,
            env={"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{code}: {exc.stderr}") from exc
    wall, cpu = done.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def extract(rev: str, into: Path) -> Path:
    archive = into / "base.tar"
    with archive.open("wb") as fh:
        subprocess.run(["git", "archive", rev, "qcdesk", "checklists"], cwd=REPO, stdout=fh,
                       check=True)  # fmt: skip
    with tarfile.open(archive) as tar:
        tar.extractall(into / "base", filter="data")
    return into / "base"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    ap.add_argument("--channels", default="call,chat")
    ap.add_argument("--baseline", metavar="REV", help="also time the code of this revision")
    ap.add_argument("--base-max", type=int, default=12000, help="largest size for the baseline")
    ap.add_argument("--limit", type=float, default=180.0, help="seconds before a run is stopped")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        codes = {"new": REPO}
        if args.baseline:
            codes["base"] = extract(args.baseline, Path(tmp))
        times: dict[tuple[str, str, int], tuple[float, float] | None] = {}
        for channel in args.channels.split(","):
            template = "chat-ru" if channel == "chat" else "sales-call-ru"
            hours = HOURS if channel == "chat" else None
            for n in sizes:
                path = Path(tmp) / f"{channel}-{n}.json"
                path.write_text(json.dumps(transcript(n, channel), ensure_ascii=False), "utf-8")
                for name, code in codes.items():
                    if name == "base" and n > args.base_max:
                        continue
                    t = run(code, path, template, hours, args.limit)
                    times[(name, channel, n)] = t
                    shown = (
                        f"seconds>{args.limit:g}"
                        if t is None
                        else f"seconds={t[0]:.2f} cpu_seconds={t[1]:.2f}"
                    )
                    print(f"code={name} channel={channel} segments={n} {shown}", flush=True)
        for name in codes:
            for channel in args.channels.split(","):
                a, b = times.get((name, channel, 6000)), times.get((name, channel, 12000))
                if a and b:
                    print(f"code={name} channel={channel} ratio_12k_6k={b[1] / a[1]:.2f}")


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    print(f"bench_seconds={time.perf_counter() - t0:.1f}")
