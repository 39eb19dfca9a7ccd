"""Provider exports (CSV or XLSX) read through a column mapping: which column holds what.

Call-tracking services and cloud PBXes each export their own columns. A `ColumnMapping` names,
for each thing a call needs, the column that holds it: a header name (any of several
spellings, compared without case and spaces) or a column number (``#3``, from 1, for files
without a header). Rows sharing a call id are legs of one call (Mango Office writes one row per
employee rung, with one ``entry_id``) and are folded into one call like Asterisk legs.

Direction comes from a direction column (words in Russian or English), else from which side
is an extension, else from a fixed direction (an export of incoming calls only). A call is
answered when its disposition says so, else when it has an answer time, else when it has
talk time.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, tzinfo
from typing import Any

from qcdesk.domain.calllog.model import (
    CallLogError,
    ParsedCall,
    ParsedLog,
    bad_cell,
    is_extension,
)
from qcdesk.domain.filename import normalize_phone
from qcdesk.errors import QT_TRANSLATE_NOOP

ROLES = ("started_at", "answered_at", "ended_at", "direction", "caller", "called", "customer",
         "line", "caller_extension", "called_extension", "extension", "consultant",
         "wait_seconds", "talk_seconds", "disposition", "recording", "call_id")  # fmt: skip
_DIRECTION_WORDS = {
    "incoming": ("in", "incoming", "inbound", "входящий", "входящая", "входящие", "вх"),
    "outgoing": ("out", "outgoing", "outbound", "исходящий", "исходящая", "исходящие", "исх"),
    "internal": ("internal", "local", "внутренний", "внутренняя", "внутр"),
}
_DISPOSITION_WORDS = {
    "answered": ("answered", "answer", "success", "successful", "connected", "ok", "принят",
                 "принятый", "отвечен", "отвеченный", "успешный", "состоялся"),
    "no_answer": ("no answer", "noanswer", "missed", "not answered", "no_answer", "cancel",
                  "пропущен", "пропущенный", "не отвечен", "неотвеченный", "без ответа"),
    "busy": ("busy", "занято", "занят"),
    "failed": ("failed", "congestion", "error", "ошибка", "не состоялся", "неуспешный"),
}  # fmt: skip


@dataclass(frozen=True)
class ColumnMapping:
    """For each role, the columns that may hold it (header names or ``#N``); empty: absent."""

    started_at: tuple[str, ...]
    answered_at: tuple[str, ...] = ()
    ended_at: tuple[str, ...] = ()
    direction: tuple[str, ...] = ()
    caller: tuple[str, ...] = ()  # the number that called
    called: tuple[str, ...] = ()  # the number dialled
    customer: tuple[str, ...] = ()  # an export that names the customer's number itself
    line: tuple[str, ...] = ()  # the company's number (DID)
    caller_extension: tuple[str, ...] = ()  # Mango: from_extension
    called_extension: tuple[str, ...] = ()  # Mango: to_extension
    extension: tuple[str, ...] = ()
    consultant: tuple[str, ...] = ()  # an employee's name
    wait_seconds: tuple[str, ...] = ()
    talk_seconds: tuple[str, ...] = ()
    disposition: tuple[str, ...] = ()
    recording: tuple[str, ...] = ()
    call_id: tuple[str, ...] = ()
    header: bool = True
    delimiter: str = ""  # "": guessed from the first line
    times: str = "auto"  # "auto" (text dates) or "unix" (seconds since 1970)
    utc: bool = False  # the export's times are UTC, not the company's wall clock
    fixed_direction: str = ""  # an export of one direction only
    extra: dict[str, str] = field(default_factory=dict)  # e.g. {"source": "..."}, kept as is

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ColumnMapping:
        """Read a stored mapping; unknown keys are ignored, a missing start column refused."""
        kw: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            v = data[f.name]
            if f.name in ROLES:
                kw[f.name] = tuple(str(x) for x in (v if isinstance(v, list | tuple) else [v]) if x)
            elif f.name in ("header", "utc"):
                kw[f.name] = bool(v)
            elif f.name == "extra":
                kw[f.name] = {str(k): str(x) for k, x in dict(v).items()}
            else:
                kw[f.name] = str(v)
        if not kw.get("started_at"):
            raise ValueError("a column mapping needs the start time column")
        return cls(**kw)


def _norm(name: str) -> str:
    return re.sub(r"[\s_]+", " ", name.strip().lower().lstrip("\ufeff"))


def resolve(mapping: ColumnMapping, header: Sequence[str] | None) -> dict[str, int]:
    """Role -> 0-based column for the roles this file has."""
    found: dict[str, int] = {}
    names = [_norm(h) for h in header] if header is not None else []
    for role in ROLES:
        for spec in getattr(mapping, role):
            if spec.startswith("#") and spec[1:].isdigit():
                found[role] = int(spec[1:]) - 1
                break
            if _norm(spec) in names:
                found[role] = names.index(_norm(spec))
                break
    return found


def delimiter_of(first_line: str) -> str:
    return max(";,\t|", key=first_line.count)


_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M",
            "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M:%S", "%Y.%m.%d %H:%M:%S")  # fmt: skip


def parse_time(value: Any, mapping: ColumnMapping, tz: tzinfo) -> datetime | None:
    """Naive wall-clock time in *tz*; None for an empty cell (or Mango's 0 = "no answer").

    Raises:
        ValueError: a value that is no time.
    """
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value or "").strip()
        if not text or text == "0":
            return None
        if mapping.times == "unix" or re.fullmatch(r"\d{9,10}(\.\d+)?", text):
            return datetime.fromtimestamp(float(text), UTC).astimezone(tz).replace(tzinfo=None)
        moment = _text_time(text)
    if mapping.utc or moment.tzinfo is not None:
        aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
        return aware.astimezone(tz).replace(tzinfo=None)
    return moment


def _text_time(text: str) -> datetime:
    text = re.sub(r"(\d)\.\d+$", r"\1", text.replace("Z", "+00:00"))
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return datetime.fromisoformat(text)


def seconds(value: Any) -> float | None:
    """Seconds from ``75``, ``75.5``, ``1:15`` or ``00:01:15``; None for an empty cell."""
    text = str(value if value is not None else "").strip().replace(",", ".")
    if not text:
        return None
    if ":" in text:
        parts = [float(p) for p in text.split(":")]
        total = 0.0
        for p in parts:
            total = total * 60 + p
        return total
    return float(text)


def _word(value: str, table: Mapping[str, tuple[str, ...]]) -> str | None:
    v = " ".join(value.lower().replace("_", " ").split())
    for key, words in table.items():
        if v in words:
            return key
    return None


@dataclass(frozen=True)
class _Row:
    line: int
    started_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    direction: str
    customer: str | None
    line_number: str | None
    extension: str | None
    consultant: str | None
    wait: float | None
    talk: float | None
    disposition: str | None
    recording: str | None
    call_id: str | None


def parse_rows(
    rows: Sequence[tuple[int, Sequence[Any]]], mapping: ColumnMapping, path: str, tz: tzinfo
) -> ParsedLog:
    """The calls of already-split rows (CSV or XLSX), the header row first when it has one."""
    header = [str(c or "") for c in rows[0][1]] if mapping.header and rows else None
    cols = resolve(mapping, header)
    if "started_at" not in cols:
        raise CallLogError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "{path} has no column {names} for the call's start time (its columns: {columns})",
            ),
            path=path,
            names=" / ".join(mapping.started_at),
            columns=", ".join(header or []),
        )
    body = rows[1:] if mapping.header else rows
    problems: list[CallLogError] = []
    parsed: list[_Row] = []
    for line, cells in body:
        try:
            parsed.append(_row(line, cells, cols, mapping, path, tz))
        except CallLogError as err:
            problems.append(err)
    groups: dict[str, list[_Row]] = {}
    for r in parsed:
        key = r.call_id or _key(r)
        groups.setdefault(key, []).append(r)
    calls = sorted(
        (_fold(k, g) for k, g in groups.items()), key=lambda c: (c.started_at, c.source_line)
    )
    return ParsedLog("mapped", tuple(calls), tuple(problems))


def _cell(cells: Sequence[Any], cols: Mapping[str, int], role: str) -> Any:
    i = cols.get(role)
    return cells[i] if i is not None and i < len(cells) else None


def _text(cells: Sequence[Any], cols: Mapping[str, int], role: str) -> str:
    v = _cell(cells, cols, role)
    if isinstance(v, float) and v.is_integer():
        v = int(v)  # a phone number Excel stored as a number
    return str(v).strip() if v is not None else ""


def _row(
    line: int, cells: Sequence[Any], cols: Mapping[str, int], m: ColumnMapping, path: str,
    tz: tzinfo,
) -> _Row:  # fmt: skip
    def time(role: str) -> datetime | None:
        raw = _cell(cells, cols, role)
        try:
            return parse_time(raw, m, tz)
        except (ValueError, OverflowError, OSError) as exc:
            raise bad_cell(path, line, _name(cols, role, m), str(raw)) from exc

    def number(role: str) -> float | None:
        raw = _cell(cells, cols, role)
        try:
            v = seconds(raw)
        except ValueError as exc:
            raise bad_cell(path, line, _name(cols, role, m), str(raw)) from exc
        if v is not None and not 0 <= v < 10**7:
            raise bad_cell(path, line, _name(cols, role, m), str(raw))
        return v

    started = time("started_at")
    if started is None:
        raise bad_cell(path, line, _name(cols, "started_at", m), "")
    caller, called = _text(cells, cols, "caller"), _text(cells, cols, "called")
    from_ext, to_ext = (
        _text(cells, cols, "caller_extension"),
        _text(cells, cols, "called_extension"),
    )
    raw_dir = _text(cells, cols, "direction")
    direction = _word(raw_dir, _DIRECTION_WORDS) if raw_dir else None
    if raw_dir and direction is None:
        raise bad_cell(path, line, _name(cols, "direction", m), raw_dir)
    if direction is None:
        direction = m.fixed_direction or _guess_direction(caller, called, from_ext, to_ext)
    raw_disp = _text(cells, cols, "disposition")
    disposition = _word(raw_disp, _DISPOSITION_WORDS) if raw_disp else None
    customer = _text(cells, cols, "customer") or (caller if direction == "incoming" else called)
    extension = _text(cells, cols, "extension") or (
        to_ext if direction == "incoming" else from_ext
    ) or (called if direction == "incoming" and is_extension(called) else "") or (
        caller if direction != "incoming" and is_extension(caller) else ""
    )  # fmt: skip
    line_number = _text(cells, cols, "line") or (
        called if direction == "incoming" and called and not is_extension(called) else ""
    )
    return _Row(
        line=line,
        started_at=started,
        answered_at=time("answered_at"),
        ended_at=time("ended_at"),
        direction=direction,
        customer=normalize_phone(customer) if customer and direction != "internal" else None,
        line_number=normalize_phone(line_number) if line_number else None,
        extension=extension or None,
        consultant=_text(cells, cols, "consultant") or None,
        wait=number("wait_seconds"),
        talk=number("talk_seconds"),
        disposition=disposition,
        recording=_text(cells, cols, "recording").strip("[]") or None,
        call_id=_text(cells, cols, "call_id") or None,
    )


def _name(cols: Mapping[str, int], role: str, m: ColumnMapping) -> str:
    spec = getattr(m, role)
    return spec[0] if spec and not spec[0].startswith("#") else f"#{cols.get(role, -1) + 1}"


def _guess_direction(caller: str, called: str, from_ext: str, to_ext: str) -> str:
    mine_from = bool(from_ext) or is_extension(caller)
    mine_to = bool(to_ext) or is_extension(called)
    if mine_from and mine_to:
        return "internal"
    return "outgoing" if mine_from else "incoming"


def _answered(r: _Row) -> bool:
    if r.disposition is not None:
        return r.disposition == "answered"
    if r.answered_at is not None:
        return True
    return bool(r.talk)


def _fold(key: str, rows: list[_Row]) -> ParsedCall:
    rows = sorted(rows, key=lambda r: (r.started_at, r.line))
    first = rows[0]
    picked = [r for r in rows if _answered(r)]
    answered = min(picked, key=lambda r: r.answered_at or r.started_at) if picked else None
    if answered is not None:
        if answered.answered_at is not None:
            wait: float | None = (answered.answered_at - first.started_at).total_seconds()
        else:
            wait = answered.wait
        talk = sum(
            (r.talk if r.talk is not None else _span(r.answered_at, r.ended_at)) for r in picked
        )
        disposition = "answered"
    else:
        ends = [r.ended_at for r in rows if r.ended_at is not None]
        wait = (max(ends) - first.started_at).total_seconds() if ends else first.wait
        talk = 0.0
        seen = {r.disposition for r in rows}
        disposition = "busy" if "busy" in seen else "failed" if seen == {"failed"} else "no_answer"
    who = answered or first
    return ParsedCall(
        key=key,
        started_at=first.started_at,
        direction=first.direction,
        customer=first.customer,
        line=first.line_number,
        extension=who.extension if answered is not None or first.direction != "incoming" else None,
        disposition=disposition,
        wait_seconds=None if wait is None else max(0.0, wait),
        talk_seconds=talk,
        recording=next((r.recording for r in rows if r.recording), None),
        source_line=first.line,
        consultant=who.consultant
        if answered is not None or first.direction != "incoming"
        else None,
    )


def _span(a: datetime | None, b: datetime | None) -> float:
    return max(0.0, (b - a).total_seconds()) if a is not None and b is not None else 0.0


def _key(r: _Row) -> str:
    """A row without a call id: its time, direction and numbers identify it on a re-import."""
    text = f"{r.started_at.isoformat()}|{r.direction}|{r.customer}|{r.extension}|{r.line_number}"
    return "row:" + hashlib.sha256(text.encode()).hexdigest()[:40]
