"""Benchmark: reports on the large synthetic demo (issue 6, §6).

Times, separately for querying (load + compute) and rendering (PDF/XLSX):
- the team report for one month;
- a consultant report for a quarter (the busiest consultant of the first client company);
- all individual reports of one client company for a month;
- the XLSX export of the team month.
Then builds a database 10× larger (10× the client companies, consultants, interactions and
evaluations, same density per company and month) and repeats the team month there:
``growth`` is the ratio of the two team-report times, near 1 when queries use the indexes.

Targets: team month ≤ 2 s, consultant quarter ≤ 1 s, growth ≤ 1.5.
The last three lines are ``team_month_s=``, ``consultant_quarter_s=`` and ``growth=``.

Run: ``.venv/bin/python bench/reports.py [--scale 0.1] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from qcdesk.reports.model import Period
from qcdesk.services.context import Services, open_services
from qcdesk.services.demo_large import create_large_demo

MONTH = Period(date(2026, 10, 1), date(2026, 10, 31))
QUARTER = Period(date(2026, 9, 1), date(2026, 11, 30))
REPEAT = 3
FIRST_CLIENT = "Мебель Комфорт"  # the generator's first company


def make(folder: Path, factor: int, scale: float) -> Services:
    services = open_services(folder / "qcdesk.db", folder / "library")
    t0 = time.perf_counter()
    n = create_large_demo(
        services,
        seed=1,
        clients=5 * factor,
        consultants=50 * factor,
        interactions=int(100_000 * factor * scale),
        evaluations=int(20_000 * factor * scale),
    )
    print(f"# built {folder.name}: {n} interactions in {time.perf_counter() - t0:.1f} s")
    return services


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Median of REPEAT runs after one warm-up (the first run parses templates, warms caches)."""
    result = fn()
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def team_month(services: Services, out: Path) -> tuple[float, float]:
    client = services.reports.resolve_client(FIRST_CLIENT)
    q, report = timed(lambda: services.reports.team_report(client.id, MONTH))
    r, _ = timed(lambda: services.reports.write_pdf(report, out / "team.pdf"))  # type: ignore[arg-type]
    return q, r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="shrink the volumes (quick runs)")
    ap.add_argument("--keep", type=Path, help="build the databases here and keep them")
    ap.add_argument("--no-growth", action="store_true", help="skip the 10x database")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="qcdesk-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    out = root / "out"
    try:
        services = make(root / "x1", 1, args.scale)
        client = services.reports.resolve_client(FIRST_CLIENT)
        tq, tr = team_month(services, out)
        print(f"team month: query {tq:.3f} s, render pdf {tr:.3f} s")

        team = services.reports.team_report(client.id, QUARTER)
        busiest = max(team.ranking, key=lambda r: r.evaluations)
        cq, report = timed(
            lambda: services.reports.consultant_report(busiest.consultant_id, QUARTER)
        )
        cr, _ = timed(lambda: services.reports.write_pdf(report, out / "consultant.pdf"))  # type: ignore[arg-type]
        print(
            f"consultant quarter ({busiest.consultant}, {busiest.evaluations} evaluations): "
            f"query {cq:.3f} s, render pdf {cr:.3f} s"
        )

        t0 = time.perf_counter()
        files = services.reports.write_all_individual(client.id, MONTH, out / "all")
        print(
            f"all individual reports, one company, one month: {len(files)} PDFs in "
            f"{time.perf_counter() - t0:.3f} s"
        )

        month_report = services.reports.team_report(client.id, MONTH)
        xq, _ = timed(lambda: services.reports.write_xlsx(month_report, out / "team.xlsx"))
        rows = sum(len(e.answers) for e in month_report.raw)
        print(f"xlsx export, team month ({rows} raw rows): {xq:.3f} s")

        growth = float("nan")
        if not args.no_growth:
            big = make(root / "x10", 10, args.scale)
            bq, br = team_month(big, out)
            print(f"team month on the 10x database: query {bq:.3f} s, render pdf {br:.3f} s")
            print(f"query-only growth: {bq / tq:.2f}")
            growth = (bq + br) / (tq + tr)
        print(f"team_month_s={tq + tr:.3f}")
        print(f"consultant_quarter_s={cq + cr:.3f}")
        print(f"growth={growth:.2f}")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
