"""Where a report may be written, and writing it so that a killed export leaves nothing behind.

A report's file name is typed by a person or passed to the command line, so it can name the
project's own database, a file in the media library, a device such as ``/dev/full``, or the
same file as the other output of the same run. Writing there would destroy data: each case is
refused with a ``KnownError`` naming the path. An existing regular file is replaced only when
the caller says so (``--force``; the GUI after its file dialog asked).

Files are written under a temporary sibling name, ``<name>.<pid>.part``, and renamed when
complete. A process killed mid-export leaves that file; the next export into the same folder
removes the ones whose process is gone.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError, os_errors

log = logging.getLogger(__name__)

# The files SQLite keeps beside a database: its write-ahead log, shared memory and journal.
DB_SIDE_FILES = ("", "-wal", "-shm", "-journal")
_LEFTOVER = re.compile(r"^(?P<name>.+\.(?:pdf|xlsx|csv))\.(?P<pid>\d+)\.part$", re.IGNORECASE)
STALE_AFTER_S = 3600.0  # where a process cannot be asked about (Windows), an hour-old part is dead


class OutputRefusedError(KnownError):
    """A report (or export) would overwrite something it must not, or an existing file."""


def _resolved(path: Path) -> Path:
    return Path(os.path.abspath(path.expanduser())).resolve(strict=False)


def _same_file(a: Path, b: Path) -> bool:
    if _resolved(a) == _resolved(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links, case-insensitive file systems
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    p, f = _resolved(path), _resolved(folder)
    return p == f or f in p.parents


def check_output(
    path: Path,
    *,
    database: Path | None = None,
    library: Path | None = None,
    others: Iterable[Path] = (),
    replace: bool = False,
) -> Path:
    """Refuse a target that would destroy data; return it when it may be written.

    Args:
        database: the project's database; it and its -wal/-shm/-journal files are refused.
        library: the media library folder; it and anything inside it are refused.
        others: the other files this run writes; the same file twice is refused.
        replace: an existing regular file may be replaced (else it is refused).

    Raises:
        OutputRefusedError: naming *path* and the reason.
    """
    path = Path(path).expanduser()
    if database is not None:
        for suffix in DB_SIDE_FILES:
            if _same_file(path, Path(f"{database}{suffix}")):
                raise OutputRefusedError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "Will not write {path}: it is the project's database. "
                        "Choose another file name.",
                    ),
                    path=str(path),
                )
    if library is not None and _inside(path, library):
        raise OutputRefusedError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "Will not write {path}: it is inside the media library {library}. "
                "Choose a folder outside it.",
            ),
            path=str(path),
            library=str(library),
        )
    for other in others:
        if _same_file(path, Path(other)):
            raise OutputRefusedError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "Will not write two files to the same place {path}. Give each its own name.",
                ),
                path=str(path),
            )
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise OutputRefusedError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot write {path}: {detail}"),
            path=str(path),
            detail=exc.strerror or str(exc),
        ) from exc
    if not stat.S_ISREG(mode):
        raise OutputRefusedError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "Will not write {path}: it is not a regular file (a folder, device or pipe). "
                "Choose a file name.",
            ),
            path=str(path),
        )
    if not replace:
        raise OutputRefusedError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "{path} already exists. Choose another name, or confirm replacing it "
                "(--force on the command line).",
            ),
            path=str(path),
        )
    return path


def check_folder(folder: Path, *, library: Path | None = None) -> Path:
    """Refuse a folder for a batch of reports inside the media library (OutputRefusedError)."""
    folder = Path(folder).expanduser()
    if library is not None and _inside(folder, library):
        raise OutputRefusedError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "Will not write {path}: it is inside the media library {library}. "
                "Choose a folder outside it.",
            ),
            path=str(folder),
            library=str(library),
        )
    return folder


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl+C there; age decides instead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the ``*.<pid>.part`` files of exports killed before they finished.

    Only our own pattern (a report extension, then a process id) is touched, and only when
    that process is gone, or, where that cannot be asked, when the file is an hour old.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = _LEFTOVER.match(entry.name)
        if m is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_S
            if _alive(int(m["pid"])) and not old:
                continue
            os.unlink(entry.path)
        except OSError as exc:
            log.warning("Cannot remove the leftover %s: %s", entry.path, exc)
            continue
        log.info("Removed the leftover of an interrupted export: %s", entry.path)
        removed.append(Path(entry.path))
    return removed


@contextmanager
def atomic_output(target: Path, template: str) -> Iterator[Path]:
    """Yield a temporary sibling of *target* to write; it replaces *target* only on success.

    Leftovers of killed exports in the same folder are removed first. An OSError becomes a
    StorageError with *template* (``{path}``, ``{detail}``) naming *target*.
    """
    target = Path(target)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    with os_errors(template, target):
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(target.parent)
        try:
            yield tmp
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
