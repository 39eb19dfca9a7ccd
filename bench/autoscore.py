"""Benchmark: auto-prefill agreement with reviewers' labels on dialogs-dev (issue 5, §7).

Per criterion of the labeling guide: accuracy on answered items, coverage (share answered),
accuracy counting abstentions as wrong, and Cohen's kappa (abstentions as their own class).
The same for ``stage_reached`` and ``goal_achieved``, then the speed in transcripts per second
(rules only, one core, after warm-up). The last line is ``agreement=<overall accuracy counting
abstentions as wrong>``.

Run: ``.venv/bin/python bench/autoscore.py [--data DIR] [--template sales-call-ru] [--errors]``
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from qcdesk.domain.rules.checkers import outcome
from qcdesk.domain.rules.text import make_dialog
from qcdesk.services.autoscore import resolve_template, suggest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dialogs-dev"


def kappa(pairs: list[tuple[object, object]]) -> float | None:
    """Cohen's kappa of (predicted, gold) pairs; None when chance agreement is total."""
    n = len(pairs)
    if not n:
        return None
    po = sum(p == g for p, g in pairs) / n
    cp, cg = Counter(p for p, _ in pairs), Counter(g for _, g in pairs)
    pe = sum(cp[k] * cg[k] for k in cp) / (n * n)
    return None if pe >= 1 else (po - pe) / (1 - pe)


def _five_minute_call(calls: list[dict]) -> dict:  # type: ignore[type-arg]
    """Dev calls laid end to end until five minutes: a realistic full-length transcript."""
    segments: list[dict] = []  # type: ignore[type-arg]
    offset = 0.0
    while offset < 300 and calls:
        for c in calls:
            for seg in c["segments"]:
                segments.append(seg | {"start": seg["start"] + offset, "end": seg["end"] + offset})
            offset += float(c["duration"])
            if offset >= 300:
                break
    return {
        "id": "five-minutes",
        "channel": "call",
        "direction": "incoming",
        "language": "ru",
        "duration": offset,
        "segments": segments,
    }


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--template", default="sales-call-ru")
    ap.add_argument("--errors", action="store_true", help="list every disagreement")
    args = ap.parse_args()
    template = resolve_template(args.template)
    files = sorted(p for p in args.data.glob("*.json") if not p.name.endswith(".labels.json"))
    pairs: dict[str, list[tuple[object, object]]] = {}
    stage_pairs: list[tuple[object, object]] = []
    goal_pairs: list[tuple[object, object]] = []
    transcripts = []
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        gold = json.loads(f.with_name(f.stem + ".labels.json").read_text(encoding="utf-8"))
        transcripts.append(data)
        dl = make_dialog(data)
        for cid, (value, _) in suggest(template, dl).items():
            if cid in gold["labels"]:
                pairs.setdefault(cid, []).append((value, gold["labels"][cid]))
                if args.errors and value != gold["labels"][cid]:
                    print(f"  {f.stem} {cid}: got {value} want {gold['labels'][cid]}")
        stage, goal = outcome(dl)
        stage_pairs.append((stage, gold["stage_reached"]))
        goal_pairs.append((goal, gold["goal_achieved"]))
        if args.errors and (stage, goal) != (gold["stage_reached"], gold["goal_achieved"]):
            print(
                f"  {f.stem} outcome: got {stage}/{goal} want {gold['stage_reached']}/"
                f"{gold['goal_achieved']}"
            )

    print(f"{'criterion':<20} {'acc_ans':>7} {'cover':>7} {'acc_all':>7} {'kappa':>7}  n")
    right = total = 0
    for cid, ps in list(pairs.items()) + [
        ("stage_reached", stage_pairs),
        ("goal_achieved", goal_pairs),
    ]:
        answered = [(p, g) for p, g in ps if p is not None]
        ok = sum(p == g for p, g in answered)
        acc_ans = ok / len(answered) if answered else None
        cover = len(answered) / len(ps) if ps else None
        acc_all = ok / len(ps) if ps else None
        print(
            f"{cid:<20} {_fmt(acc_ans):>7} {_fmt(cover):>7} {_fmt(acc_all):>7} "
            f"{_fmt(kappa(ps)):>7}  {len(ps)}"
        )
        if cid not in ("stage_reached", "goal_achieved"):
            right += ok
            total += len(ps)

    # Speed: rules only, after the lemma cache is warm; repeat to get a stable figure.
    for data in transcripts:
        suggest(template, make_dialog(data))
    rounds, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 1.0:
        for data in transcripts:
            dl = make_dialog(data)
            suggest(template, dl)
            outcome(dl)
        rounds += 1
    elapsed = time.perf_counter() - t0
    seconds = sum(float(d.get("duration") or 0) for d in transcripts if d.get("channel") != "chat")
    calls = [d for d in transcripts if d.get("channel") != "chat"]
    per_s = rounds * len(transcripts) / elapsed
    mean_call = seconds / len(calls) if calls else 0
    five_min = per_s * (mean_call / 300) if mean_call else per_s
    print(
        f"speed: {per_s:.0f} transcripts/s (mean call {mean_call:.0f} s); "
        f"≈{five_min:.0f} five-minute transcripts/s"
    )
    long_call = _five_minute_call(calls)
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 1.0:
        dl = make_dialog(long_call)
        suggest(template, dl)
        outcome(dl)
        n += 1
    print(
        f"speed_5min: {n / (time.perf_counter() - t0):.0f} transcripts/s on a "
        f"{long_call['duration']:.0f} s call of {len(long_call['segments'])} segments (one core)"
    )
    print(f"agreement={right / total:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
