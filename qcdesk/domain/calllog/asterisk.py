"""Asterisk ``Master.csv``: the ``cdr_csv`` layout, and the ``cdr_custom`` sample layout.

``cdr_csv`` (Asterisk's cdr/cdr_csv.c) writes no header and 16 fixed columns: accountcode,
src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end,
duration, billsec, disposition, amaflags; then uniqueid (``loguniqueid``), userfield
(``loguserfield``) and peeraccount, linkedid, sequence (``newcdrcolumns``), each optional: 16
to 21 columns. ``cdr_custom`` writes a file of the same name in the order its configuration
says; the one order we can recognise is the sample in ``cdr_custom.conf.sample`` (clid, src,
dst, dcontext, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec,
disposition, amaflags, accountcode, uniqueid, userfield, sequence). Which one a file is
follows from where its dates and dispositions stand; any other order is refused, naming the
file, so that it goes through a column mapping instead of being read wrong.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime

from qcdesk.domain.calllog.model import (
    CallLogError,
    Leg,
    ParsedCall,
    ParsedLog,
    bad_cell,
    build_call,
    read_rows,
)
from qcdesk.errors import QT_TRANSLATE_NOOP

_BASE = (
    "accountcode",
    "src",
    "dst",
    "dcontext",
    "clid",
    "channel",
    "dstchannel",
    "lastapp",
    "lastdata",
    "start",
    "answer",
    "end",
    "duration",
    "billsec",
    "disposition",
    "amaflags",
)
_NEW = ("peeraccount", "linkedid", "sequence")
CUSTOM_SAMPLE = ("clid", "src", "dst", "dcontext", "channel", "dstchannel", "lastapp",
                 "lastdata", "start", "answer", "end", "duration", "billsec", "disposition",
                 "amaflags", "accountcode", "uniqueid", "userfield", "sequence")  # fmt: skip
_UNIQUEID = re.compile(r"^(?:[\w.-]+-)?[0-9]{9,}\.[0-9]+$")
_DISPOSITIONS = {"ANSWERED": "answered", "NO ANSWER": "no_answer", "BUSY": "busy",
                 "FAILED": "failed", "CONGESTION": "failed"}  # fmt: skip
_DATE = "%Y-%m-%d %H:%M:%S"


def csv_columns(row: Sequence[str]) -> tuple[str, ...] | None:
    """The cdr_csv column names for a row of this width, or None for an impossible width.

    17 and 20 columns hold either the uniqueid or the userfield: a value shaped like an
    Asterisk uniqueid (epoch seconds, a dot, a counter) decides.
    """
    n = len(row)
    looks_unique = n > 16 and bool(_UNIQUEID.match(row[16]))
    extra = {
        16: (),
        17: ("uniqueid",) if looks_unique else ("userfield",),
        18: ("uniqueid", "userfield"),
        19: _NEW,
        20: (("uniqueid",) if looks_unique else ("userfield",)) + _NEW,
        21: ("uniqueid", "userfield") + _NEW,
    }.get(n)
    return None if extra is None else _BASE + extra


def _is_date(text: str) -> bool:
    try:
        datetime.strptime(text, _DATE)
    except ValueError:
        return False
    return True


def _fits(row: Sequence[str], start: int, disposition: int) -> bool:
    return (
        len(row) > disposition
        and _is_date(row[start])
        and row[disposition].upper() in _DISPOSITIONS
    )


def detect_layout(rows: Sequence[tuple[int, list[str]]], path: str) -> str:
    """``asterisk-csv`` or ``asterisk-custom``, from the first rows' dates and dispositions.

    Raises:
        CallLogError: neither layout fits most of the first rows.
    """
    sample = [r for _, r in rows[:50]]
    csv_votes = sum(1 for r in sample if _fits(r, 9, 14) and csv_columns(r) is not None)
    custom_votes = sum(1 for r in sample if _fits(r, 8, 13))
    if sample and max(csv_votes, custom_votes) * 2 > len(sample):
        return "asterisk-csv" if csv_votes >= custom_votes else "asterisk-custom"
    raise CallLogError(
        QT_TRANSLATE_NOOP(
            "KnownError",
            "{path} is not an Asterisk Master.csv in the cdr_csv layout nor in the cdr_custom "
            "sample layout (its start dates and dispositions are not where those put them); "
            "import it with a column mapping",
        ),
        path=path,
    )


def _date(value: str, path: str, line: int, column: str, required: bool) -> datetime | None:
    if not value and not required:
        return None
    try:
        return datetime.strptime(value, _DATE)
    except ValueError as exc:
        raise bad_cell(path, line, column, value) from exc


def _number(value: str, path: str, line: int, column: str) -> float:
    try:
        number = float(value)
    except ValueError as exc:
        raise bad_cell(path, line, column, value) from exc
    if not 0 <= number < 10**7:
        raise bad_cell(path, line, column, value)
    return number


def _leg(cells: dict[str, str], path: str, line: int) -> Leg:
    disposition = _DISPOSITIONS.get(cells["disposition"].upper())
    if disposition is None:
        raise bad_cell(path, line, "disposition", cells["disposition"])
    return Leg(
        seq=int(cells["sequence"]) if cells.get("sequence", "").isdigit() else line,
        started_at=_date(cells["start"], path, line, "start", True),  # type: ignore[arg-type]
        answered_at=_date(cells["answer"], path, line, "answer", False),
        ended_at=_date(cells["end"], path, line, "end", False),
        src=cells["src"],
        dst=cells["dst"],
        channel=cells["channel"],
        dstchannel=cells["dstchannel"],
        lastapp=cells["lastapp"],
        dcontext=cells["dcontext"],
        disposition=disposition,
        duration=_number(cells["duration"], path, line, "duration"),
        billsec=_number(cells["billsec"], path, line, "billsec"),
        uniqueid=cells.get("uniqueid", ""),
        userfield=cells.get("userfield", ""),
        line=line,
    )


def parse(data: bytes, path: str) -> ParsedLog:
    """The calls of an Asterisk Master.csv; rows that cannot be read are named, not imported.

    Raises:
        CallLogError: the whole file is unreadable or in neither known layout.
    """
    rows = read_rows(data, path)
    layout = detect_layout(rows, path)
    problems: list[CallLogError] = []
    groups: dict[str, list[Leg]] = {}
    for line, row in rows:
        names = csv_columns(row) if layout == "asterisk-csv" else CUSTOM_SAMPLE
        if names is None or len(row) != len(names):
            problems.append(
                CallLogError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "{path}, line {line}: {count} columns where this layout has {expected}",
                    ),
                    path=path,
                    line=line,
                    count=len(row),
                    expected="16-21" if layout == "asterisk-csv" else len(CUSTOM_SAMPLE),
                )
            )
            continue
        cells = dict(zip(names, row, strict=True))
        try:
            leg = _leg(cells, path, line)
        except CallLogError as err:
            problems.append(err)
            continue
        key = cells.get("linkedid") or cells.get("uniqueid") or _row_key(row)
        groups.setdefault(key, []).append(leg)
    calls: list[ParsedCall] = [build_call(key, legs) for key, legs in groups.items()]
    calls.sort(key=lambda c: (c.started_at, c.source_line))
    return ParsedLog(layout, tuple(calls), tuple(problems))


def _row_key(row: Sequence[str]) -> str:
    """A 16-column row has no id: its own content identifies it on a re-import."""
    return "row:" + hashlib.sha256("\x1f".join(row).encode()).hexdigest()[:40]
