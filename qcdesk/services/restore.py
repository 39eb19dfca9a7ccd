"""Restore a project from a backup zip (see services/backup.py for the format).

Everything is checked before the database is put in place: the manifest, every byte written
against its SHA-256, the database copy's integrity. Library files go first (they are named by
content, so an extra one harms nothing) and the database last, in one rename, so a restore
that fails half-way leaves the existing project as it was. A database that another process
has open is never replaced, even with ``force``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qcdesk.errors import QT_TRANSLATE_NOOP, os_errors
from qcdesk.services.backup import (
    CHUNK,
    DB_MEMBER,
    FORMAT,
    LIBRARY_PREFIX,
    MANIFEST,
    MAX_MANIFEST_BYTES,
    VERSION,
    BackupError,
    RestoreResult,
    count_rows,
    safe_relative,
    sha256_file,
)
from qcdesk.userfiles import check_regular

Progress = Callable[[int, int, str], None]


def _damaged(source: Path, detail: str) -> BackupError:
    return BackupError(
        QT_TRANSLATE_NOOP("KnownError", "{path} is not a usable qcdesk backup: {detail}"),
        path=str(source),
        detail=detail,
    )


def read_manifest(source: Path) -> dict[str, Any]:
    """The backup's manifest, checked for shape; a foreign or broken zip is a BackupError."""
    check_regular(source, BackupError)  # a pipe named backup.zip would block the open
    try:
        with zipfile.ZipFile(source) as zf:
            info = zf.getinfo(MANIFEST)
            if info.file_size > MAX_MANIFEST_BYTES:
                raise _damaged(source, "manifest.json is too large")
            manifest = json.loads(zf.read(info).decode("utf-8"))
    except KeyError as exc:
        raise _damaged(source, "no manifest.json") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, UnicodeDecodeError, ValueError) as exc:
        raise _damaged(source, str(exc)) from exc
    except OSError as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot read the backup {path}: {detail}"),
            path=str(source),
            detail=exc.strerror or str(exc),
        ) from exc
    _check_manifest(source, manifest)
    return manifest  # type: ignore[no-any-return]


def _check_manifest(source: Path, m: Any) -> None:
    if not isinstance(m, dict) or m.get("format") != FORMAT:
        raise _damaged(source, "not a qcdesk backup")
    if not isinstance(m.get("version"), int) or m["version"] > VERSION:
        raise _damaged(source, f"backup format version {m.get('version')!r} is not supported")
    db = m.get("database")
    if not isinstance(db, dict) or not isinstance(db.get("sha256"), str):
        raise _damaged(source, "the manifest does not describe the database")
    library = m.get("library")
    if not isinstance(library, list):
        raise _damaged(source, "the manifest has no library list")
    for e in library:
        ok = (
            isinstance(e, dict)
            and isinstance(e.get("path"), str)
            and isinstance(e.get("sha256"), str)
            and isinstance(e.get("size"), int)
            and safe_relative(e["path"]) == e["path"]
        )
        if not ok:
            raise _damaged(source, f"bad library entry {e!r:.200}")


def database_in_use(db_path: Path) -> bool:
    """True when another connection (any process) has the SQLite database open.

    Taking SQLite's exclusive locking mode fails while any other connection holds the file,
    including an idle one in WAL mode, which is exactly "open in qcdesk".
    """
    conn = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlite3.OperationalError:
        return True
    except sqlite3.DatabaseError:
        return False  # not a database at all: nobody can have it open as one
    finally:
        conn.close()
    return False


def _check_restore_target(db_path: Path, force: bool) -> None:
    if not (db_path.exists() or db_path.is_symlink()):
        return
    if not db_path.is_file():
        raise BackupError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not a regular file."), path=str(db_path)
        )
    if not force:
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "A project already exists at {path}; restore into a new file, or use --force "
                "to replace it.",
            ),
            path=str(db_path),
        )
    if database_in_use(db_path):
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "The database {path} is open in qcdesk or another program; close it first.",
            ),
            path=str(db_path),
        )


def _extract(zf: zipfile.ZipFile, member: str, size: int, target: Path, source: Path) -> str:
    """Stream *member* to *target*; refuses more bytes than the manifest announced."""
    h = hashlib.sha256()
    written = 0
    try:
        with zf.open(member) as r, target.open("wb") as w:
            while chunk := r.read(CHUNK):
                written += len(chunk)
                if size >= 0 and written > size:
                    raise _damaged(source, f"{member} is larger than the manifest says")
                h.update(chunk)
                w.write(chunk)
    except KeyError as exc:
        raise _damaged(source, f"{member} is missing") from exc
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise _damaged(source, f"{member}: {exc}") from exc
    return h.hexdigest()


def restore_project(
    source: Path,
    db_path: Path,
    library_dir: Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> RestoreResult:
    """Restore *source* into *db_path* and *library_dir*.

    Raises:
        BackupError: a foreign or damaged backup (a hash that does not match), or a target
            that exists (without *force*) or is open.
        StorageError: the files cannot be written.
    """
    source, db_path, library_dir = Path(source), Path(db_path), Path(library_dir)
    manifest = read_manifest(source)
    _check_restore_target(db_path, force)
    cannot_write = QT_TRANSLATE_NOOP("KnownError", "Cannot restore into {path}: {detail}")
    entries = manifest["library"]
    restored = present = 0
    missing: list[str] = []
    with zipfile.ZipFile(source) as zf:
        members = set(zf.namelist())
        for i, e in enumerate(entries):
            if progress:
                progress(i, len(entries) + 1, e["path"])
            target = library_dir / e["path"]
            if target.is_file() and sha256_file(target) == e["sha256"]:
                present += 1
                continue
            member = LIBRARY_PREFIX + e["path"]
            if member not in members:
                missing.append(e["path"])
                continue
            part = target.with_name(target.name + ".part")
            with os_errors(cannot_write, target):
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    digest = _extract(zf, member, e["size"], part, source)
                    if digest != e["sha256"]:
                        raise _damaged(source, f"{member} does not match its SHA-256")
                    os.replace(part, target)
                finally:
                    part.unlink(missing_ok=True)
            restored += 1
        if progress:
            progress(len(entries), len(entries) + 1, DB_MEMBER)
        part = db_path.with_name(db_path.name + ".restore.part")
        with os_errors(cannot_write, db_path):
            db_path.parent.mkdir(parents=True, exist_ok=True)
            try:
                digest = _extract(zf, DB_MEMBER, -1, part, source)
                if digest != manifest["database"]["sha256"]:
                    raise _damaged(source, f"{DB_MEMBER} does not match its SHA-256")
                tables = _verified_counts(part, source)
                # Checked again right before the swap: the window may have opened meanwhile.
                _check_restore_target(db_path, force)
                for leftover in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
                    leftover.unlink(missing_ok=True)  # they belong to the database replaced
                os.replace(part, db_path)
            finally:
                part.unlink(missing_ok=True)
    if progress:
        progress(len(entries) + 1, len(entries) + 1, "")
    return RestoreResult(db_path, library_dir, tables, restored, present, tuple(missing))


def _verified_counts(copy: Path, source: Path) -> dict[str, int]:
    try:
        conn = sqlite3.connect(copy)
        try:
            problem = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if problem != "ok":
                raise _damaged(source, f"the database copy is damaged: {problem}")
            return count_rows(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _damaged(source, f"the database copy cannot be read: {exc}") from exc
