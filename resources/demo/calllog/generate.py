"""Write the demo call log: «Диваны Плюс», September and October 2026, Asterisk cdr_csv.

A developer tool (``.venv/bin/python resources/demo/calllog/generate.py``), deterministic
(fixed seed). The shop works Monday to Saturday, 10:00-20:00 Moscow time; calls arrive all
day, also before opening and after closing; a ring group (two of 201-203) rings, someone
answers or nobody does; most missed numbers are called back, some at once, some the next
morning, some never. The demo recordings of this company are calls of the log (same number,
extension and start), so the import links them. Rows are written as ``cdr_csv`` writes them
with ``loguniqueid``, ``loguserfield`` and ``newcdrcolumns`` (21 columns).
"""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DID = "74951230077"
EXTS = ("201", "202", "203")
FIRST, LAST = date(2026, 9, 1), date(2026, 10, 31)
FMT = "%Y-%m-%d %H:%M:%S"


class Log:
    def __init__(self) -> None:
        self.rows: list[tuple[datetime, list[object]]] = []
        self.serial = 0

    def uid(self, at: datetime) -> str:
        self.serial += 1
        return f"{int(at.timestamp())}.{self.serial}"

    def leg(self, at: datetime, src: str, dst: str, context: str, channel: str, dstchannel: str,
            app: str, answer: datetime | None, end: datetime, disposition: str, linked: str,
            userfield: str = "") -> None:  # fmt: skip
        duration = int((end - at).total_seconds())
        billsec = int((end - answer).total_seconds()) if answer else 0
        row = ["", src, dst, context, f'"{src}" <{src}>', channel, dstchannel, app, "", at.strftime(FMT),
               answer.strftime(FMT) if answer else "", end.strftime(FMT), duration, billsec,
               disposition, "DOCUMENTATION", linked, userfield, "", linked, self.serial]  # fmt: skip
        self.rows.append((at, row))

    def incoming(self, at: datetime, phone: str, answered_by: str | None, talk: int, ring: int) -> None:
        linked = self.uid(at)
        trunk = f"PJSIP/trunk-{self.serial:08x}"
        end_ring = at + timedelta(seconds=ring)
        rung = [answered_by] if answered_by else []
        rung += [e for e in EXTS if e != answered_by][: 2 - len(rung)]
        for ext in rung:
            chan = f"PJSIP/{ext}-{self.serial:08x}"
            if ext == answered_by:
                end = end_ring + timedelta(seconds=talk)
                self.leg(at, phone, DID, "from-trunk", trunk, chan, "Dial", end_ring, end, "ANSWERED", linked)
            else:
                self.leg(at, phone, DID, "from-trunk", trunk, chan, "Dial", None, end_ring, "NO ANSWER", linked)

    def outgoing(self, at: datetime, ext: str, phone: str, answered: bool, talk: int) -> None:
        linked = self.uid(at)
        answer = at + timedelta(seconds=9) if answered else None
        end = (answer + timedelta(seconds=talk)) if answer else at + timedelta(seconds=30)
        self.leg(at, ext, "8" + phone[1:], "from-internal", f"PJSIP/{ext}-{self.serial:08x}",
                 f"PJSIP/trunk-{self.serial:08x}", "Dial", answer, end,
                 "ANSWERED" if answered else "NO ANSWER", linked)  # fmt: skip


def phone(rng: random.Random) -> str:
    return "79" + rng.choice(("03", "05", "15", "16", "26", "77", "85")) + f"{rng.randrange(10**7):07d}"


def open_at(day: date, minute: int) -> bool:
    return day.weekday() < 6 and 10 * 60 <= minute < 20 * 60


def next_opening(at: datetime) -> datetime:
    day = at.date() + timedelta(days=1)
    while day.weekday() == 6:
        day += timedelta(days=1)
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=10)


def main() -> None:
    rng = random.Random(20261031)
    log = Log()
    manifest = json.loads((HERE.parent / "manifest.json").read_text(encoding="utf-8"))
    people = {p["name"]: p["extension"] for c in manifest["clients"] if c["name"] == "Диваны Плюс"
              for t in c["teams"] for p in t["consultants"]}  # fmt: skip
    for item in manifest["interactions"]:
        at = datetime.fromisoformat(item["started_at"]).replace(tzinfo=None)
        if item["client"] != "Диваны Плюс" or not FIRST <= at.date() <= LAST:
            continue
        ext, customer = people[item["consultant"]], item["customer_ref"].lstrip("+")
        if item["direction"] == "outgoing":
            log.outgoing(at, ext, customer, True, int(item["duration"]))
        else:
            log.incoming(at, customer, ext, int(item["duration"]), 8)
    day = FIRST
    while day <= LAST:
        count = rng.randint(5, 9) if day.weekday() < 6 else rng.randint(1, 3)
        for _ in range(count):
            minute = rng.randint(8 * 60 + 30, 21 * 60 + 30)
            at = datetime.combine(day, datetime.min.time()) + timedelta(minutes=minute, seconds=rng.randrange(60))
            number = phone(rng)
            busy = 13 * 60 <= minute < 14 * 60 or minute >= 19 * 60 + 30  # lunch, closing
            answered = open_at(day, minute) and rng.random() > (0.45 if busy else 0.1)
            if answered:
                log.incoming(at, number, rng.choice(EXTS), rng.randint(40, 420), rng.randint(4, 40))
                continue
            log.incoming(at, number, None, 0, rng.randint(10, 60))
            fate = rng.random()
            if fate < 0.12:
                continue  # never called back
            if fate < 0.2:  # the customer tries again and gets through
                again = at + timedelta(minutes=rng.randint(20, 240))
                if open_at(again.date(), again.hour * 60 + again.minute):
                    log.incoming(again, number, rng.choice(EXTS), rng.randint(60, 300), 10)
                continue
            base = at if open_at(day, minute) else next_opening(at)
            delay = rng.choice((rng.randint(2, 14), rng.randint(2, 14), rng.randint(16, 90), rng.randint(60, 400)))
            back = base + timedelta(minutes=delay, seconds=rng.randrange(60))
            if not open_at(back.date(), back.hour * 60 + back.minute):
                back = next_opening(back) + timedelta(minutes=rng.randint(1, 40))
            log.outgoing(back, rng.choice(EXTS), number, rng.random() < 0.8, rng.randint(60, 300))
        day += timedelta(days=1)
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    for _, row in sorted(log.rows, key=lambda r: r[0]):
        writer.writerow(row)
    (HERE / "Master.csv").write_text(out.getvalue(), encoding="utf-8")
    print(f"{len(log.rows)} rows")


if __name__ == "__main__":
    main()
