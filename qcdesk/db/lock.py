"""A lock that serialises schema migrations between processes opening the same database.

Two imports started at once on a new project both find no ``alembic_version`` table and both
run the first migration: the second fails with "table clients already exists". SQLite has no
advisory locks, so a lock file beside the database is held (``flock`` on POSIX, ``msvcrt`` on
Windows; the operating system releases it when a process dies, so a killed import never leaves
the project locked). PostgreSQL gets ``pg_advisory_lock`` on the migrating connection instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qcdesk.errors import QT_TRANSLATE_NOOP, os_errors


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on *path* (created if needed; never deleted: see below).

    The file stays after release on purpose: deleting it would let a third process lock a
    fresh inode while the second still waits on the old one.
    """
    template = QT_TRANSLATE_NOOP("KnownError", "Cannot lock the database {path}: {detail}")
    with os_errors(template, path):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        with os_errors(template, path):
            _lock(fd)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # retries for 10 s, then raises
                return
            except OSError:
                continue

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
