"""Opening files a user (or an outsider's export) names: regular files only.

A FIFO, a device or a socket named ``call.wav`` or ``result.json`` makes a plain ``open()``
block forever (a pipe waits for a writer) or read without end (``/dev/zero``), and
``Path.is_file()`` alone cannot help where an import wants to say *why* it refused. Every
reader of a user-chosen path goes through here: `check_regular` before handing the path to
another program (ffmpeg), `open_regular` to read it ourselves. `open_regular` opens without
blocking and checks the type on the open descriptor, so a path swapped for a pipe between the
check and the open is still refused.

Qt-free and below every layer (like ``errors``), so domain, audio, asr and services all use it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def _refuse(path: Path | str, mode: int, error: type[KnownError]) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise error(
            QT_TRANSLATE_NOOP("KnownError", "Cannot open {path}: it is a folder, not a file."),
            path=str(path),
            detail="is a directory",
        )
    raise error(
        QT_TRANSLATE_NOOP(
            "KnownError",
            "Cannot open {path}: it is not a regular file (a pipe, a device or a socket).",
        ),
        path=str(path),
        detail="not a regular file",
    )


def _missing(path: Path | str, exc: OSError, error: type[KnownError]) -> KnownError:
    if isinstance(exc, FileNotFoundError):
        return error(
            QT_TRANSLATE_NOOP("KnownError", "Cannot open {path}: the file does not exist."),
            path=str(path),
            detail="not found",
        )
    return error(
        QT_TRANSLATE_NOOP("KnownError", "Cannot read {path}: {detail}"),
        path=str(path),
        detail=exc.strerror or str(exc),
    )


def check_regular(path: Path | str, error: type[KnownError] = KnownError) -> None:
    """Raise *error* naming *path* unless it exists and is a regular file (links followed).

    Use before giving the path to another program; reading it ourselves, use `open_regular`.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise _missing(path, exc, error) from exc
    _refuse(path, mode, error)


def open_regular(path: Path | str, error: type[KnownError] = KnownError) -> BinaryIO:
    """Open *path* for binary reading, refusing anything but a regular file (never blocks).

    The open itself is non-blocking, so a FIFO returns at once instead of waiting for a
    writer; the descriptor is then checked with ``fstat`` and switched back to blocking reads.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if isinstance(exc, IsADirectoryError):
            _refuse(path, stat.S_IFDIR, error)
        raise _missing(path, exc, error) from exc
    try:
        _refuse(path, os.fstat(fd).st_mode, error)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: Path | str, error: type[KnownError] = KnownError) -> bytes:
    """The whole content of a regular file; see `open_regular`."""
    with open_regular(path, error) as fh:
        try:
            return fh.read()
        except OSError as exc:
            raise _missing(path, exc, error) from exc


def read_text(
    path: Path | str, error: type[KnownError] = KnownError, encoding: str = "utf-8"
) -> str:
    """The text of a regular file; UnicodeDecodeError is left to the caller, who names it."""
    return read_bytes(path, error).decode(encoding)
