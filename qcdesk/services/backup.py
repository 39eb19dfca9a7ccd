"""Project backups: one zip with a consistent copy of the database and the library's files.

Format (a plain zip, so any archive tool can open it):

- ``qcdesk.db``: a copy made with SQLite's online backup API in one step, i.e. inside one read
  transaction. In WAL mode writers go on meanwhile and the copy is the database as it was when
  the step began: never a torn mix of before and after, and the open database is only read.
- ``library/<relative path>``: each library file the copied database refers to (recordings,
  visit evidence, chat exports), when media are included.
- ``manifest.json``: format and version, the database's SHA-256 and row count per table, and
  every referenced library file with its size and SHA-256, whether or not its bytes are in the
  zip. Restore checks every byte it writes against these hashes.

Daily automatic backups leave the media out (``include_media=False``): library files are named
by their content hash and never change, so seven copies of gigabytes of audio would protect
nothing the manifest's hashes cannot check. A restore from such a backup verifies the files
still in the library and lists the ones that are missing.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError, atomic_write, os_errors

FORMAT = "qcdesk-backup"
VERSION = 1
DB_MEMBER = "qcdesk.db"
MANIFEST = "manifest.json"
LIBRARY_PREFIX = "library/"
CHUNK = 1 << 20
MAX_MANIFEST_BYTES = 64 << 20
# Already compressed: deflating them again costs time and saves nothing.
_STORED_SUFFIXES = frozenset(
    ".wav .mp3 .ogg .opus .m4a .flac .jpg .jpeg .png .webp .heic .zip .mp4 .pdf".split()
)
_HEX64 = re.compile(r"[0-9a-f]{64}")

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class BackupError(KnownError):
    """A backup cannot be made or restored (bad target, damaged or foreign backup file)."""


@dataclass(frozen=True)
class LibraryEntry:
    path: str  # relative to the library folder, POSIX separators
    sha256: str
    size: int


@dataclass(frozen=True)
class BackupResult:
    path: Path
    tables: dict[str, int]
    files: int  # library files listed in the manifest
    media_included: bool
    bytes: int  # size of the backup file
    missing: tuple[str, ...] = ()  # referenced by the database, absent from the library
    damaged: tuple[str, ...] = ()  # present, but the content does not match its hash

    def as_json(self) -> dict[str, Any]:
        return {
            "out": str(self.path),
            "tables": self.tables,
            "files": self.files,
            "media_included": self.media_included,
            "bytes": self.bytes,
            "missing": list(self.missing),
            "damaged": list(self.damaged),
        }


@dataclass(frozen=True)
class RestoreResult:
    db: Path
    library: Path
    tables: dict[str, int]
    restored: int  # library files written from the backup
    present: int  # library files already there with the right hash
    missing: tuple[str, ...] = field(default_factory=tuple)  # neither in the backup nor here

    def as_json(self) -> dict[str, Any]:
        return {
            "db": str(self.db),
            "library": str(self.library),
            "tables": self.tables,
            "restored": self.restored,
            "present": self.present,
            "missing": list(self.missing),
        }


# -- helpers ---------------------------------------------------------------------------------
def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def table_counts(db_path: Path) -> dict[str, int]:
    """Rows per table (Alembic's own table left out): what a restore must reproduce."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return count_rows(conn)
    finally:
        conn.close()


def count_rows(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY name"
        )
    ]
    # Names come from sqlite_master itself, quoted as identifiers; nothing user-typed.
    return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def _referenced_files(conn: sqlite3.Connection) -> dict[str, str | None]:
    """Library paths the database refers to, with the hash it expects where it knows one."""
    out: dict[str, str | None] = {}
    for path, digest in conn.execute("SELECT path, sha256 FROM media_files"):
        out[str(path)] = str(digest)
    for (path,) in conn.execute("SELECT path FROM attachments"):
        # A chat attachment's sha256 column is a de-duplication key, not the file's hash; the
        # library names every file by its content hash, which is what we check.
        out.setdefault(str(path), None)
    return out


def safe_relative(path: str) -> str | None:
    """*path* when it is a plain relative POSIX path inside the library, else None."""
    p = PurePosixPath(path)
    if not path or "\\" in path or p.is_absolute() or ".." in p.parts or "\x00" in path:
        return None
    return p.as_posix()


def _expected_hash(relative: str, known: str | None) -> str | None:
    if known and _HEX64.fullmatch(known):
        return known
    stem = PurePosixPath(relative).stem
    return stem if _HEX64.fullmatch(stem) else None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def check_target(out: Path, db_path: Path, library_dir: Path, *, force: bool) -> None:
    """Refuse a backup target that would destroy something: the database, the library, a device.

    Raises:
        BackupError: naming *out* and why.
    """
    for protected in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        if _same_file(out, protected):
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "Refusing to write the backup over the database itself: {path}"
                ),
                path=str(out),
            )
    if _is_inside(out, library_dir):
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "KnownError", "Refusing to write the backup inside the media library: {path}"
            ),
            path=str(out),
        )
    if out.exists() or out.is_symlink():
        if not out.is_file():
            raise BackupError(
                QT_TRANSLATE_NOOP("KnownError", "{path} is not a regular file."), path=str(out)
            )
        if not force:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "{path} already exists; choose another name or replace it."
                ),
                path=str(out),
            )


@contextmanager
def _scratch(near: Path) -> Iterator[Path]:
    """A temporary folder beside *near* (same disk, so large copies need no second disk)."""
    near.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".qcdesk-", dir=near.parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _snapshot(db_path: Path, copy: Path) -> None:
    """Copy the live database into *copy* with the online backup API, in one step."""
    if not db_path.is_file():
        raise BackupError(
            QT_TRANSLATE_NOOP("KnownError", "There is no database at {path}."), path=str(db_path)
        )
    try:
        src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
        try:
            dst = sqlite3.connect(copy)
            try:
                # pages=-1: one step, one read transaction, one consistent state. Stepping in
                # pieces would restart after every write another connection commits, and
                # could never finish while a reviewer keeps scoring.
                src.backup(dst, pages=-1)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                problem = dst.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot read the database {path}: {detail}"),
            path=str(db_path),
            detail=str(exc),
        ) from exc
    if problem != "ok":
        raise BackupError(
            QT_TRANSLATE_NOOP("KnownError", "The database {path} is damaged: {detail}"),
            path=str(db_path),
            detail=str(problem),
        )


def _compression(relative: str) -> int:
    suffix = PurePosixPath(relative).suffix.lower()
    return zipfile.ZIP_STORED if suffix in _STORED_SUFFIXES else zipfile.ZIP_DEFLATED


def _copy_into_zip(zf: zipfile.ZipFile, source: Path, member: str) -> tuple[str, int]:
    """Stream *source* into the zip as *member*; returns its SHA-256 and size (one read)."""
    h = hashlib.sha256()
    size = 0
    info = zipfile.ZipInfo(member, date_time=datetime.now().timetuple()[:6])
    info.compress_type = _compression(member)
    with source.open("rb") as f, zf.open(info, "w", force_zip64=True) as w:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            w.write(chunk)
            size += len(chunk)
    return h.hexdigest(), size


class _Stop(Exception):
    """Cancel requested: leaves the atomic write so nothing appears under the real name."""


# -- backup ----------------------------------------------------------------------------------
def backup_project(
    db_path: Path,
    library_dir: Path,
    out: Path,
    *,
    include_media: bool = True,
    force: bool = False,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> BackupResult | None:
    """Write a backup of the project to *out*; returns None when cancelled (nothing written).

    The database is only read; *out* appears under its name only once complete.

    Raises:
        BackupError: a refused target, a missing or damaged database.
        StorageError: the backup cannot be written (full disk, permissions).
    """
    db_path, library_dir, out = Path(db_path), Path(library_dir), Path(out)
    check_target(out, db_path, library_dir, force=force)
    try:
        return _backup(db_path, library_dir, out, include_media, progress, is_cancelled)
    except _Stop:
        return None


def _backup(
    db_path: Path,
    library_dir: Path,
    out: Path,
    include_media: bool,
    progress: Progress | None,
    is_cancelled: Cancelled | None,
) -> BackupResult:
    cannot_write = QT_TRANSLATE_NOOP("KnownError", "Cannot write the backup {path}: {detail}")
    with os_errors(cannot_write, out), _scratch(out) as scratch:
        copy = scratch / DB_MEMBER
        if progress:
            progress(0, 1, "")
        _snapshot(db_path, copy)
        conn = sqlite3.connect(copy)
        try:
            tables = count_rows(conn)
            referenced = _referenced_files(conn)
        finally:
            conn.close()
        entries: list[LibraryEntry] = []
        missing: list[str] = []
        damaged: list[str] = []
        names = sorted(referenced)
        with atomic_write(out, cannot_write) as tmp, zipfile.ZipFile(tmp, "w") as zf:
            db_sha, db_size = _copy_into_zip(zf, copy, DB_MEMBER)
            for i, name in enumerate(names):
                if is_cancelled is not None and is_cancelled():
                    raise _Stop
                if progress:
                    progress(i, len(names), name)
                relative = safe_relative(name)
                source = library_dir / relative if relative else None
                if source is None or not source.is_file():
                    missing.append(name)
                    continue
                if include_media:
                    digest, size = _copy_into_zip(zf, source, LIBRARY_PREFIX + name)
                else:
                    digest, size = sha256_file(source), source.stat().st_size
                expected = _expected_hash(name, referenced[name])
                if expected is not None and expected != digest:
                    damaged.append(name)
                entries.append(LibraryEntry(name, digest, size))
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "created": datetime.now().isoformat(timespec="seconds"),
                "database": {"name": DB_MEMBER, "sha256": db_sha, "size": db_size},
                "tables": tables,
                "media_included": include_media,
                "library": [asdict(e) for e in entries],
                "missing": missing,
                "damaged": damaged,
            }
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            if progress:
                progress(len(names), len(names), "")
    return BackupResult(
        out, tables, len(entries), include_media, out.stat().st_size, tuple(missing), tuple(damaged)
    )


# -- daily automatic backups -----------------------------------------------------------------
def auto_backup_dir(db_path: Path) -> Path:
    """Where automatic backups of *db_path* go: ``backups/`` beside the database."""
    return Path(db_path).parent / "backups"


def _auto_name_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(Path(db_path).stem) + r"-(\d{8})-(\d{6})\.zip")


def auto_backups(db_path: Path, folder: Path | None = None) -> list[Path]:
    """This project's automatic backups in *folder*, oldest first (names sort by time)."""
    folder = folder or auto_backup_dir(db_path)
    pattern = _auto_name_pattern(db_path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name) and p.is_file())


def auto_backup_due(db_path: Path, now: datetime, folder: Path | None = None) -> bool:
    """True when the project exists and has no automatic backup made on *now*'s day."""
    if not Path(db_path).is_file():
        return False
    today = now.strftime("%Y%m%d")
    pattern = _auto_name_pattern(db_path)
    for p in auto_backups(db_path, folder):
        m = pattern.fullmatch(p.name)
        if m is not None and m.group(1) == today:
            return False
    return True


def run_auto_backup(
    db_path: Path,
    library_dir: Path,
    *,
    keep: int = 7,
    now: datetime | None = None,
    folder: Path | None = None,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> BackupResult | None:
    """Make today's automatic backup if none exists yet, then keep only the newest *keep*.

    Returns None when no backup was due (or it was cancelled). Media are not copied: see the
    module docstring.
    """
    now = now or datetime.now()
    folder = folder or auto_backup_dir(db_path)
    if not auto_backup_due(db_path, now, folder):
        return None
    out = folder / f"{Path(db_path).stem}-{now:%Y%m%d-%H%M%S}.zip"
    result = backup_project(
        db_path,
        library_dir,
        out,
        include_media=False,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    if result is not None:
        for old in auto_backups(db_path, folder)[: -max(1, keep)]:
            with os_errors(
                QT_TRANSLATE_NOOP("KnownError", "Cannot remove the old backup {path}: {detail}"),
                old,
            ):
                old.unlink()
    return result
