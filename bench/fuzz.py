"""The long fuzzing profile: thousands of mutated samples through every importer and autoscore.

Usage: ``.venv/bin/python bench/fuzz.py [--cases 10000] [--seed 1] [--timeout 8] [--jobs 2]
[--keep DIR]``. Cases are made in one seeded sequence whatever ``--jobs`` is.

Prints ``tried=``, ``ok=``, ``named_errors=``, ``crashes=``, ``hangs=`` and cases per second,
then one line per crash or hang with its mutation; the inputs that crashed or hung are kept in
``--keep`` (default: a temp folder) to replay. The short profile runs in CI (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.helpers.fuzz import (  # noqa: E402
    CRASH,
    HANG,
    NAMED,
    OK,
    TARGETS,
    Case,
    Outcome,
    Worker,
    make_case,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--timeout", type=float, default=8.0, help="CPU seconds per case (wall time: 4 times that)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--keep", type=Path, help="folder for the worker and failing inputs")
    parser.add_argument("--targets", default=",".join(TARGETS))
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="qcdesk-fuzz-"))
    targets = args.targets.split(",")
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    per_target: Counter[tuple[str, str]] = Counter()
    failures: list[str] = []
    lock = threading.Lock()
    next_index = iter(range(args.cases))

    def drive(k: int) -> None:
        with Worker(folder / f"w{k}", timeout=args.timeout) as worker:
            while True:
                with lock:  # one seeded sequence of cases, whichever worker takes each
                    i = next(next_index, None)
                    if i is None:
                        return
                    target = targets[i % len(targets)]
                    case = make_case(rng, target)
                outcome = worker.run(case)
                with lock:
                    record(i, target, case, outcome)

    def record(i: int, target: str, case: Case, outcome: Outcome) -> None:
        counts[outcome.status] += 1
        per_target[(target, outcome.status)] += 1
        if outcome.status in (CRASH, HANG):
            last = outcome.detail.strip().splitlines()[-1:] or [""]
            failures.append(f"{outcome.status} case={i} {case.label[:160]} :: {last[0][:200]}")
            print(failures[-1], file=sys.stderr, flush=True)
        done = sum(counts.values())
        if done % 500 == 0:
            print(f"progress={done} ok={counts[OK]} named_errors={counts[NAMED]} "
                  f"crashes={counts[CRASH]} hangs={counts[HANG]} "
                  f"seconds={time.perf_counter() - started:.0f}",
                  file=sys.stderr, flush=True)  # fmt: skip

    started = time.perf_counter()
    threads = [threading.Thread(target=drive, args=(k,)) for k in range(max(1, args.jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    tried = sum(counts.values())
    print(f"tried={tried}")
    print(f"ok={counts[OK]}")
    print(f"named_errors={counts[NAMED]}")
    print(f"crashes={counts[CRASH]}")
    print(f"hangs={counts[HANG]}")
    print(f"cases_per_second={tried / wall:.1f}")
    for target in targets:
        parts = " ".join(f"{s}={per_target[(target, s)]}" for s in (OK, NAMED, CRASH, HANG))
        print(f"target={target} {parts}")
    print(f"inputs_kept_in={folder}/w*/cases")
    return 1 if counts[CRASH] or counts[HANG] else 0


if __name__ == "__main__":
    sys.exit(main())
