"""Watch folders: per client company, a folder where the PBX drops recordings and call logs.

Each scan looks at the folder's recordings and ``.csv`` logs. A file is imported only once it
has stopped growing: its size and modification time must be the same as at the previous scan
and at least ``settle_s`` old, so a recording the PBX is still writing, or a log it is still
appending to, is left for a later scan. A file is imported again only when it changed (an
Asterisk Master.csv grows all day: each settled version adds only the new calls). Across
restarts nothing is imported twice either: recordings are known by their content hash and
calls by their id in the log.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qcdesk.audio.decode import AUDIO_EXTENSIONS
from qcdesk.services.calllog import CallLogService
from qcdesk.services.dto import ImportFailure
from qcdesk.services.importer import ImportOptions, ImportService

LOG_SUFFIXES = (".csv",)
MAX_FILES = 100_000  # per scan: a folder with more is read in that many per scan


@dataclass(frozen=True)
class WatchResult:
    recordings: int  # new interactions
    calls: int  # new calls
    failed: tuple[ImportFailure, ...]
    waiting: tuple[str, ...]  # files still growing or not settled yet

    def as_json(self) -> dict[str, object]:
        return {
            "recordings": self.recordings,
            "calls": self.calls,
            "failed": [{"path": f.path, "error": f.error} for f in self.failed],
            "waiting": list(self.waiting),
        }


@dataclass
class _Seen:
    signature: tuple[int, int]  # (size, mtime in ns)
    since: float  # when that signature was first seen


@dataclass
class FolderWatcher:
    """Scans one client's folder; keep the object between scans (it remembers what it saw)."""

    importer: ImportService
    calllog: CallLogService
    client: str
    folder: Path
    settle_s: float = 5.0
    clock: Callable[[], float] = time.monotonic
    _seen: dict[Path, _Seen] = field(default_factory=dict)
    _done: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def _files(self) -> list[Path]:
        wanted = {*AUDIO_EXTENSIONS, *LOG_SUFFIXES}
        try:
            found = [p for p in self.folder.iterdir() if p.suffix.lower() in wanted]
        except OSError:
            return []  # a folder on a share that is away: tried again at the next scan
        return sorted(found)[:MAX_FILES]

    def scan(self) -> WatchResult:
        now = self.clock()
        ready: list[Path] = []
        waiting: list[str] = []
        for path in self._files():
            try:
                st = path.stat()
            except OSError:
                continue  # removed meanwhile
            if not path.is_file():
                continue
            sig = (st.st_size, st.st_mtime_ns)
            seen = self._seen.get(path)
            if seen is None or seen.signature != sig:
                self._seen[path] = _Seen(sig, now)
                waiting.append(str(path))
            elif self._done.get(path) == sig:
                continue
            elif now - seen.since < self.settle_s:
                waiting.append(str(path))
            else:
                ready.append(path)
        audio = [p for p in ready if p.suffix.lower() in AUDIO_EXTENSIONS]
        logs = [p for p in ready if p.suffix.lower() in LOG_SUFFIXES]
        failed: list[ImportFailure] = []
        recordings = calls = 0
        if audio:
            report = self.importer.import_paths(audio, ImportOptions(client=self.client))
            recordings, failed = len(report.imported), [*failed, *report.failed]
        if logs:
            log_report = self.calllog.import_paths(logs, self.client)
            calls, failed = log_report.calls, [*failed, *log_report.failed]
        for path in ready:
            self._done[path] = self._seen[path].signature
        return WatchResult(recordings, calls, tuple(failed), tuple(waiting))
