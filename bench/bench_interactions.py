"""Benchmark: the interactions table with 100,000 rows.

Measures, in one run, our service query (SQL + frozen rows) and the table model's load and
sort against a baseline of a bare ``sqlite3`` fetch of the same columns, and prints ratios.
Target (issue «review workspace»): the list stays fluid, i.e. a full reload and a sort each
well under a second, and within a small factor of the bare fetch.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_interactions.py [--rows N]``
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def fill(db: Path, rows: int) -> None:
    """Insert *rows* interactions directly (the bench measures reading, not importing)."""
    con = sqlite3.connect(db)
    con.execute(
        "insert into clients (name, language, consultant_channel, created_at) "
        "values ('Bench', 'ru', 'left', '2026-01-01')"
    )
    for i in range(20):
        con.execute(
            "insert into consultants (client_id, name, active) values (1, ?, 1)",
            (f"Консультант {i}",),
        )
    rnd = random.Random(7)
    start = datetime(2026, 1, 1)
    data = [
        (
            "call",
            "incoming",
            1,
            rnd.randint(1, 20),
            (start + timedelta(minutes=rnd.randint(0, 500_000))).isoformat(sep=" "),
            rnd.uniform(20, 900),
            f"+7916{rnd.randint(0, 9_999_999):07d}",
            rnd.choice(("new", "in_progress", "reviewed")),
            rnd.choice((None, rnd.uniform(0, 100))),
            0,
            "2026-01-01",
        )
        for _ in range(rows)
    ]
    con.executemany(
        "insert into interactions (kind, direction, client_id, consultant_id, started_at, duration,"
        " customer_ref, status, score, critical_failed, created_at) values (?,?,?,?,?,?,?,?,?,?,?)",
        data,
    )
    con.commit()
    con.close()


def best_of(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    args = ap.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from qcdesk.qtmodels.interactions import InteractionsTableModel
    from qcdesk.services.context import open_services

    _app = QApplication([])
    tmp = Path(tempfile.mkdtemp())
    services = open_services(tmp / "bench.db", tmp / "lib")
    fill(tmp / "bench.db", args.rows)

    def baseline() -> None:
        con = sqlite3.connect(tmp / "bench.db")
        con.execute(
            "select i.id, i.kind, i.direction, i.client_id, c.name, i.consultant_id, k.name,"
            " i.started_at, i.duration, i.customer_ref, i.status, i.score, i.critical_failed,"
            " i.stage_reached, i.goal_achieved from interactions i"
            " join clients c on c.id=i.client_id"
            " left join consultants k on k.id=i.consultant_id order by i.started_at desc"
        ).fetchall()
        con.close()

    rows = services.interactions.query()
    model = InteractionsTableModel()
    t_base = best_of(baseline)
    t_query = best_of(services.interactions.query)
    t_load = best_of(lambda: model.set_rows(rows))
    sorts = {}
    for col in range(model.columnCount()):
        sorts[col] = best_of(lambda c=col: model.sort(c, Qt.SortOrder.DescendingOrder), repeat=2)
    t_sort = max(sorts.values())
    print(f"rows: {len(rows)}")
    print(f"baseline sqlite3 fetch      {t_base * 1000:8.1f} ms")
    print(f"service query (rows)        {t_query * 1000:8.1f} ms   ratio {t_query / t_base:5.2f}x")
    print(f"model set_rows              {t_load * 1000:8.1f} ms   ratio {t_load / t_base:5.2f}x")
    print(f"model sort, slowest column  {t_sort * 1000:8.1f} ms   ratio {t_sort / t_base:5.2f}x")


if __name__ == "__main__":
    main()
