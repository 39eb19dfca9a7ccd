"""Importing telephony call logs: calls with their legs, consultants by extension.

A log file is read whole (bounded, see domain.calllog.model), parsed into calls, and each new
call is stored with its legs; a call whose identity (``source_key``) the client already has is
skipped, so re-importing a log, or a log that grew since, adds only what is new. Rows that
cannot be read are reported by file, line and column (``CallLogReport.failed``) while the
rest imports. After an import, calls are linked to recordings (`calllog_match`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from qcdesk.db.models import (
    Call,
    CallLeg,
)
from qcdesk.domain.calllog import asterisk, tables
from qcdesk.domain.calllog.model import (
    MAX_LOG_BYTES,
    CallLogError,
    ParsedCall,
    ParsedLog,
    read_rows,
)
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.calllog_config import (
    CallLogConfig,
    ExtensionRow,
    Parser,
    extension_map,
    resolve_consultants,
)
from qcdesk.services.calllog_match import Unmatched, match_calls
from qcdesk.services.calllog_report import CallServiceReport, build_report
from qcdesk.services.catalog import get_or_create_client, get_or_create_consultant
from qcdesk.services.dto import ImportFailure
from qcdesk.services.import_base import Progress, failure
from qcdesk.userfiles import open_regular

__all__ = ["CallLogReport", "CallLogService", "ExtensionRow", "LogPreview", "Parser",
           "extension_map", "preview_log", "read_log", "resolve_consultants"]  # fmt: skip


@dataclass(frozen=True)
class CallLogReport:
    calls: int  # new calls stored
    duplicates: int  # calls the client already had (a re-import)
    matched_recordings: int
    unmatched: tuple[Unmatched, ...] = ()
    failed: tuple[ImportFailure, ...] = ()
    formats: dict[str, str] = field(default_factory=dict)  # file -> layout it was read as

    def as_json(self) -> dict[str, object]:
        return {
            "calls": self.calls,
            "duplicates": self.duplicates,
            "matched_recordings": self.matched_recordings,
            "unmatched": [u.as_json() for u in self.unmatched],
            "failed": [{"path": f.path, "error": f.error} for f in self.failed],
            "formats": dict(self.formats),
        }


def read_log(path: Path) -> bytes:
    """The bytes of a log file; not a regular file, or too big: refused naming it."""
    with open_regular(path, CallLogError) as fh:
        data = fh.read(MAX_LOG_BYTES + 1)
    if len(data) > MAX_LOG_BYTES:
        raise CallLogError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is larger than {limit} MB; split the log"),
            path=str(path),
            limit=MAX_LOG_BYTES // (1024 * 1024),
        )
    return data


PREVIEW_BYTES = 64 * 1024


@dataclass(frozen=True)
class LogPreview:
    """The first rows of a log, and whether it is an Asterisk Master.csv (no mapping needed)."""

    path: str
    asterisk: bool
    rows: tuple[tuple[str, ...], ...]


def preview_log(path: Path) -> LogPreview:
    """Enough of *path* to choose its columns: a CSV's first 64 kB (whole lines), an XLSX's
    first rows.

    Raises:
        CallLogError: unreadable, or not CSV or XLSX.
    """
    with open_regular(path, CallLogError) as fh:
        head = fh.read(PREVIEW_BYTES)
    if tables.is_xlsx(head):
        data = read_log(path)
    else:
        cut = head.rfind(b"\n")
        data = head[: cut + 1] if cut > 0 and len(head) == PREVIEW_BYTES else head
    rows = tables.preview(data, str(path))
    is_asterisk = False
    if not tables.is_xlsx(data):
        try:
            asterisk.detect_layout(read_rows(data, str(path)), str(path))
            is_asterisk = True
        except CallLogError:
            is_asterisk = False  # not Asterisk: the user maps its columns
    shown = tuple(tuple("" if c is None else str(c) for c in cells) for _, cells in rows)
    return LogPreview(str(path), is_asterisk, shown)


class CallLogService(CallLogConfig):
    def import_paths(
        self,
        paths: Sequence[str | Path],
        client: str,
        parser: Parser | None = None,
        *,
        tolerance_s: float = 120.0,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> CallLogReport:
        """Import the logs at *paths* for *client*, then match its calls to recordings.

        Args:
            parser: bytes and file name to a ParsedLog; None reads Asterisk Master.csv (a
                provider's export comes with the parser of its column mapping).
            tolerance_s: how far apart a call's and a recording's start may be to match.
        """
        parse = parser or asterisk.parse
        files = [Path(p) for p in paths]
        new = dup = 0
        failed: list[ImportFailure] = []
        formats: dict[str, str] = {}
        for i, path in enumerate(files):
            if is_cancelled is not None and is_cancelled():
                break
            if progress is not None:
                progress(i, len(files), path.name)
            try:
                log = parse(read_log(path), str(path))
            except KnownError as err:
                failed.append(failure(path, err))
                continue
            formats[str(path)] = log.format
            failed.extend(failure(path, p) for p in log.problems)
            added, skipped = self._store(client, log, path.name)
            new, dup = new + added, dup + skipped
        if progress is not None:
            progress(len(files), len(files), "")
        matched, unmatched = self.match(client, tolerance_s)
        return CallLogReport(new, dup, matched, tuple(unmatched), tuple(failed), formats)

    def match(self, client: str, tolerance_s: float = 120.0) -> tuple[int, list[Unmatched]]:
        """Link the client's calls to recordings; (links made now, what stays unmatched)."""
        with self._session() as s:
            c = get_or_create_client(s, client)
            return match_calls(s, c.id, tolerance_s)

    def _store(self, client: str, log: ParsedLog, source: str) -> tuple[int, int]:
        with self._session() as s:
            c = get_or_create_client(s, client)
            keys = [call.key for call in log.calls]
            taken: set[str] = set()
            for i in range(0, len(keys), 500):  # bounded IN lists for both engines
                chunk = keys[i : i + 500]
                taken.update(
                    s.scalars(
                        select(Call.source_key).where(
                            Call.client_id == c.id, Call.source_key.in_(chunk)
                        )
                    )
                )
            fresh = [call for call in log.calls if call.key not in taken]
            for call in fresh:
                s.add(self._row(s, c.id, call, source))
            s.flush()
            resolve_consultants(s, c.id)
            return len(fresh), len(log.calls) - len(fresh)

    @staticmethod
    def _row(s: Session, client_id: int, call: ParsedCall, source: str) -> Call:
        consultant_id = None
        if call.consultant:
            consultant_id = get_or_create_consultant(s, client_id, call.consultant).id
        row = Call(
            client_id=client_id,
            source_key=call.key[:200],
            started_at=call.started_at,
            direction=call.direction,
            customer=_cut(call.customer, 64),
            line=_cut(call.line, 64),
            extension=_cut(call.extension, 32),
            consultant_id=consultant_id,
            consultant_name=call.consultant,
            disposition=call.disposition,
            wait_seconds=call.wait_seconds,
            talk_seconds=call.talk_seconds,
            recording=call.recording,
            source_file=source,
            source_line=call.source_line,
        )
        row.legs = [
            CallLeg(
                seq=g.seq,
                started_at=g.started_at,
                answered_at=g.answered_at,
                ended_at=g.ended_at,
                src=g.src[:80],
                dst=g.dst[:80],
                channel=g.channel[:200],
                dstchannel=g.dstchannel[:200],
                lastapp=g.lastapp[:80],
                disposition=g.disposition,
                duration=g.duration,
                billsec=g.billsec,
                uniqueid=g.uniqueid[:150],
                source_line=g.line,
            )
            for g in call.legs
        ]
        return row

    def service_report(self, client: str, start: date, end: date) -> CallServiceReport:
        """The timely-service figures of *client* for the days *start*..*end* (inclusive)."""
        with self._session() as s:
            return build_report(s, self._client(s, client), start, end)


def _cut(text: str | None, width: int) -> str | None:
    return text[:width] if text else None
