"""Benchmark: the service time of one checklist answer (one click), old code against ours.

Run: ``.venv/bin/python bench/answer_click.py [--data ../shared/data] [--baseline COMMIT]``.
Each side runs in a child process over its own fresh project (the stereo synthetic call
imported, its form opened with the shipped template): the baseline with the ``qcdesk``
package of *COMMIT* (default: main before issue 17, when a click opened two sessions and
parsed the template four times, each parse keyed by ``yaml.safe_dump`` of the body),
unpacked with ``git archive`` into a temp folder; ours with this working tree. A click is
``EvaluationService.set_answer`` on the next criterion with a valid value, 20 warm-up clicks
then 200 timed. Target: at most 5 ms.
The last two lines are ``baseline_answer_ms=`` and ``answer_ms=`` (medians).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BASELINE = "4f26ab2"  # main just before issue 17's first landing
CLICKS, WARM_UP = 200, 20


def child(data: Path) -> dict[str, float]:
    from qcdesk.services.context import open_services
    from qcdesk.services.importer import ImportOptions

    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(Path(tmp) / "qcdesk.db", Path(tmp) / "library", reviewer="Bench")
        report = services.importer.import_paths(
            [data / "synthetic" / "call_8k_stereo.wav"], ImportOptions(client="Ромашка")
        )
        (iid,) = report.imported
        state = services.evaluations.open(iid)
        criteria = [c for c in state.template.criteria()]
        clicks = []
        for i in range(WARM_UP + CLICKS):
            crit = criteria[i % len(criteria)]
            value = crit.values[(i // len(criteria)) % len(crit.values)]
            t0 = time.perf_counter()
            services.evaluations.set_answer(state.evaluation_id, crit.id, value)
            clicks.append(time.perf_counter() - t0)
        timed = clicks[WARM_UP:]
        return {
            "median_ms": statistics.median(timed) * 1000,
            "p90_ms": sorted(timed)[int(0.9 * len(timed))] * 1000,
            "criteria": len(criteria),
        }


def run_child(package_root: Path, data: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(package_root))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(data)],
        capture_output=True,
        text=True,
        env=env,
        cwd=package_root,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# The child imports `qcdesk` from its working folder (the baseline's unpacked tree or ours)
# and this file's `child` by path, so both sides run the very same measurement.
CHILD = (
    "import importlib.util, json, sys\n"
    f"spec = importlib.util.spec_from_file_location('bench_answer', {str(Path(__file__))!r})\n"
    "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
    "from pathlib import Path\n"
    "print(json.dumps(m.child(Path(sys.argv[1]))))\n"
)


def unpack(commit: str, into: Path) -> Path:
    """The repository at *commit* (its qcdesk package, checklists, resources) under *into*."""
    tar = subprocess.run(
        ["git", "archive", commit, "qcdesk", "checklists", "resources"],
        capture_output=True,
        check=True,
        cwd=REPO,
    ).stdout
    with tarfile.open(fileobj=BytesIO(tar)) as archive:
        archive.extractall(into, filter="data")
    return into


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--baseline", default=BASELINE, help="commit of the old code")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old_root = unpack(args.baseline, Path(tmp))
        # Alternate the sides so a machine that gets busier mid-run penalises both alike.
        old, ours = [], []
        for _ in range(2):
            old.append(run_child(old_root, args.data))
            ours.append(run_child(REPO, args.data))
    base = statistics.median(r["median_ms"] for r in old)
    mine = statistics.median(r["median_ms"] for r in ours)
    print(f"# {int(ours[0]['criteria'])} criteria, {CLICKS} clicks per run, 2 runs per side")
    print(f"# p90: baseline {old[-1]['p90_ms']:.2f} ms, ours {ours[-1]['p90_ms']:.2f} ms")
    print(f"baseline_answer_ms={base:.2f}")
    print(f"answer_ms={mine:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
