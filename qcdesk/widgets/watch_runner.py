"""While the window is open, the companies' watch folders are scanned off the GUI thread.

One scan at a time, every ``INTERVAL_MS``; the folders are read again before each scan, so a
folder set in the telephony settings is watched from the next tick. What a scan imported is
announced with ``imported`` so the window reloads its lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.services.watch_folder import FolderWatcher, WatchResult

if TYPE_CHECKING:
    from qcdesk.services.context import Services

INTERVAL_MS = 15_000


class WatchRunner(QObject):
    imported = Signal(int, int)  # new recordings, new calls
    failed = Signal(object)  # a tuple of ImportFailure

    def __init__(
        self,
        services: Services,
        jobs: JobManager,
        parent: QObject | None = None,
        settle_s: float = 5.0,
    ) -> None:
        super().__init__(parent)
        self.settle_s = settle_s
        self._services = services
        self._jobs = jobs
        self._watchers: dict[tuple[str, str], FolderWatcher] = {}
        self.job: FunctionJob | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()

    def tick(self) -> None:
        """Start a scan unless one is still running."""
        if self.job is not None:
            return
        folders = self._services.calllog.watch_folders()
        for name, folder in folders.items():
            key = (name, str(folder))
            if key not in self._watchers:
                self._watchers[key] = FolderWatcher(
                    self._services.importer, self._services.calllog, name, folder, self.settle_s
                )
        watchers = [w for (name, _), w in self._watchers.items() if name in folders]
        if not watchers:
            return
        job = FunctionJob(_scan_all, watchers)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        self.job = job
        self._jobs.submit(job)

    def _on_job_finished(self, results: list[WatchResult]) -> None:
        self.job = None
        recordings = sum(r.recordings for r in results)
        calls = sum(r.calls for r in results)
        failures = tuple(f for r in results for f in r.failed)
        if recordings or calls:
            self.imported.emit(recordings, calls)
        if failures:
            self.failed.emit(failures)

    def _on_job_failed(self, err: Any) -> None:
        self.job = None
        self.failed.emit((err,))


def _scan_all(watchers: list[FolderWatcher], **_job: Any) -> list[WatchResult]:
    return [w.scan() for w in watchers]
