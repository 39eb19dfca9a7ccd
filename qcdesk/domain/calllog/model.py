"""What a call log becomes: calls made of legs, and the problems met on the way.

A PBX writes one row per leg (the trunk ringing a queue, each phone the queue rang, a
transfer); the customer made one call. Legs of one call share an id (Asterisk ``linkedid``,
else ``uniqueid``), and `build_call` folds them into what the reports count: who called,
which line, who answered and after how long, or that nobody did.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime

from qcdesk.domain.filename import normalize_phone
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError

DISPOSITIONS = ("answered", "no_answer", "busy", "failed")
DIRECTIONS = ("incoming", "outgoing", "internal")
MAX_LOG_BYTES = 256 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_CELL_CHARS = 10_000


class CallLogError(KnownError):
    """A call log, or one of its rows, that cannot be read."""


@dataclass(frozen=True)
class Leg:
    seq: int
    started_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    src: str
    dst: str
    channel: str
    dstchannel: str
    lastapp: str
    dcontext: str
    disposition: str  # one of DISPOSITIONS
    duration: float
    billsec: float
    uniqueid: str
    userfield: str
    line: int  # the file line it was read from


@dataclass(frozen=True)
class ParsedCall:
    """One call as the reports count it; ``legs`` is empty for a provider's one-row export."""

    key: str  # identity in the log: re-importing the same call adds nothing
    started_at: datetime  # naive, the client's wall clock
    direction: str  # one of DIRECTIONS
    customer: str | None
    line: str | None  # the company's number the customer dialled (DID)
    extension: str | None
    disposition: str
    wait_seconds: float | None  # until answered; unanswered: until the caller gave up
    talk_seconds: float
    recording: str | None
    source_line: int
    consultant: str | None = None  # a provider export that names the employee
    legs: tuple[Leg, ...] = ()

    @property
    def answered(self) -> bool:
        return self.disposition == "answered"


@dataclass(frozen=True)
class ParsedLog:
    format: str  # "asterisk-csv", "asterisk-custom", "mapped"
    calls: tuple[ParsedCall, ...]
    problems: tuple[CallLogError, ...]  # rows that were not imported, each named


def bad_cell(path: str, line: int, column: str, value: str) -> CallLogError:
    return CallLogError(
        QT_TRANSLATE_NOOP(
            "KnownError", "{path}, line {line}, column {column}: cannot read {value}"
        ),
        path=path,
        line=line,
        column=column,
        value=repr(value[:80]),
    )


def read_rows(data: bytes, path: str, delimiter: str = ",") -> list[tuple[int, list[str]]]:
    """(file line, cells) of every non-empty row, within the size bounds.

    Raises:
        CallLogError: too big, undecodable, an unreadable quote, or too many rows.
    """
    # Local import: the chat CSV reader knows the encodings Excel and PBXes write.
    from qcdesk.domain.chat_formats.csvchat import decode

    if len(data) > MAX_LOG_BYTES:
        raise CallLogError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is larger than {limit} MB; split the log"),
            path=path,
            limit=MAX_LOG_BYTES // (1024 * 1024),
        )
    try:
        text, _ = decode(data, path)
    except KnownError as exc:
        raise CallLogError(exc.template, **exc.params) from exc
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            if any(len(c) > MAX_CELL_CHARS for c in row):
                raise CallLogError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "{path}, line {line}: a cell is longer than {limit} characters",
                    ),
                    path=path,
                    line=start,
                    limit=MAX_CELL_CHARS,
                )
            if any(c.strip() for c in row):
                rows.append((start, [c.strip() for c in row]))
                if len(rows) > MAX_ROWS:
                    raise CallLogError(
                        QT_TRANSLATE_NOOP(
                            "KnownError", "{path} holds more than {limit} rows; split the log"
                        ),
                        path=path,
                        limit=MAX_ROWS,
                    )
            start = reader.line_num + 1
    except csv.Error as exc:
        raise CallLogError(
            QT_TRANSLATE_NOOP("KnownError", "{path}, line {line}: not readable CSV: {detail}"),
            path=path,
            line=start,
            detail=str(exc),
        ) from exc
    return rows


_EXT_IN_CHANNEL = re.compile(r"^(?:PJSIP|SIP|IAX2|DAHDI|Local)/([0-9]{2,6})(?:[-@;]|$)", re.I)
_INCOMING_CONTEXTS = ("from-trunk", "from-pstn", "from-did", "ext-did", "from-external",
                      "incoming", "inbound")  # fmt: skip


def is_extension(number: str) -> bool:
    """An internal number: 2 to 6 digits (a customer's number is longer)."""
    return number.isdigit() and 2 <= len(number) <= 6


def channel_extension(channel: str) -> str | None:
    """201 from ``PJSIP/201-0000001a``, ``SIP/201-…``, ``Local/201@from-queue-…``."""
    m = _EXT_IN_CHANNEL.match(channel)
    return m.group(1) if m else None


def _direction(first: Leg) -> str:
    context = first.dcontext.lower()
    if any(c in context for c in _INCOMING_CONTEXTS):
        return "incoming"
    src_ext = is_extension(first.src) or channel_extension(first.channel) is not None
    if src_ext and is_extension(first.dst):
        return "internal"
    if src_ext:
        return "outgoing"
    return "incoming"


def _answering(legs: list[Leg]) -> Leg | None:
    """The first leg a person answered: answered with a party on the other end.

    The PBX answers a call itself to play a menu or queue music (``Answer()``, answered with no
    destination channel); that is not a consultant answering.
    """
    picked = [g for g in legs if g.disposition == "answered" and g.dstchannel]
    return min(picked, key=lambda g: g.answered_at or g.started_at) if picked else None


def build_call(key: str, legs: list[Leg]) -> ParsedCall:
    """Fold the legs of one call (in any order) into the call."""
    legs = sorted(legs, key=lambda g: (g.started_at, g.seq))
    first = legs[0]
    start = first.started_at
    direction = _direction(first)
    answered = _answering(legs)
    if direction == "incoming":
        customer: str | None = first.src or None
        line = first.dst if first.dst and not is_extension(first.dst) else None
        ext = None
        if answered is not None:
            ext = channel_extension(answered.dstchannel) or (
                answered.dst if is_extension(answered.dst) else None
            )
    else:
        customer = first.dst or None
        line = None
        ext = channel_extension(first.channel) or (first.src if is_extension(first.src) else None)
    if answered is not None:
        at = answered.answered_at
        if at is None:  # no answer time written: duration - billsec is the ringing
            wait = (answered.started_at - start).total_seconds() + answered.duration
            wait -= answered.billsec
        else:
            wait = (at - start).total_seconds()
        disposition = "answered"
        talk = sum(g.billsec for g in legs if g.disposition == "answered" and g.dstchannel)
    else:
        ends = [g.ended_at or g.started_at for g in legs]
        wait = (max(ends) - start).total_seconds()
        seen = {g.disposition for g in legs}
        # A menu the PBX answered itself, then nobody: the customer was not answered.
        disposition = (
            "busy" if "busy" in seen else "no_answer" if seen & {"no_answer", "answered"}
            else "failed"
        )  # fmt: skip
        talk = 0.0
    recording = next((g.userfield for g in legs if _AUDIO.search(g.userfield)), None)
    return ParsedCall(
        key=key,
        started_at=start,
        direction=direction,
        customer=normalize_phone(customer) if direction != "internal" else customer,
        line=normalize_phone(line),
        extension=ext,
        disposition=disposition,
        wait_seconds=max(0.0, wait),
        talk_seconds=talk,
        recording=recording,
        source_line=first.line,
        legs=tuple(legs),
    )


_AUDIO = re.compile(r"\.(wav|mp3|gsm|ogg|opus|wav49|flac|m4a)$", re.I)
