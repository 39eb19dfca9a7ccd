"""Engine, session scope and start-up migrations for the local SQLite database.

A project file can be damaged (a disk fault, a copy cut short, a file that is not a database
at all chosen with ``--db``). It is checked before anything else touches it (the header, then
``PRAGMA quick_check``), and a damaged one is refused with a message that says how to recover,
because writing into a malformed SQLite file can spread the damage to good pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from qcdesk.db.lock import file_lock
from qcdesk.errors import QT_TRANSLATE_NOOP, StorageError, os_errors

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
# Any 64-bit number of our own: the key of the PostgreSQL advisory lock around migrations.
MIGRATION_LOCK_KEY = 0x71636465736B


class DamagedDatabaseError(StorageError):
    """The database file is not SQLite or is malformed; nothing is written to it."""


def _damaged(db_path: Path, detail: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        QT_TRANSLATE_NOOP(
            "KnownError",
            "The database {path} is damaged ({detail}). Nothing was written to it. Close "
            "qcdesk, keep this file aside, and restore the newest copy from the backups "
            "folder next to it (or from your own backup).",
        ),
        path=str(db_path),
        detail=detail,
    )


def _not_sqlite(db_path: Path) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        QT_TRANSLATE_NOOP(
            "KnownError",
            "{path} is not a qcdesk database (it is not an SQLite file). Check the path; if "
            "it was your project, restore the newest copy from the backups folder next to it "
            "(or from your own backup).",
        ),
        path=str(db_path),
        detail="not SQLite",
    )


def check_header(db_path: Path) -> None:
    """Refuse a non-empty file that does not start with SQLite's header (or is not a file).

    Read before SQLite opens it: the connection's first PRAGMA (journal_mode=WAL) would
    otherwise be what fails, with a bare "file is not a database".
    """
    if not db_path.exists():
        return
    from qcdesk.userfiles import open_regular

    with open_regular(db_path, StorageError) as fh:
        head = fh.read(len(SQLITE_HEADER))
    if head and head != SQLITE_HEADER:
        raise _not_sqlite(db_path)


def check_integrity(engine: Engine, db_path: Path) -> None:
    """``PRAGMA quick_check``: O(pages), without the index cross-checks of integrity_check."""
    try:
        with engine.connect() as conn:
            rows = [str(r[0]) for r in conn.execute(text("PRAGMA quick_check"))]
    except DatabaseError as exc:
        if "not a database" in str(exc.orig):
            raise _not_sqlite(db_path) from exc
        if isinstance(exc, OperationalError) and "malformed" not in str(exc.orig):
            raise StorageError(
                QT_TRANSLATE_NOOP("KnownError", "Cannot open the database {path}: {detail}"),
                path=str(db_path),
                detail=str(exc.orig),
            ) from exc
        raise _damaged(db_path, str(exc.orig)) from exc
    if rows != ["ok"]:
        raise _damaged(db_path, "; ".join(rows[:3]))


def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    # WAL keeps readers unblocked while autosave writes; foreign keys are off by default in SQLite.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


_REVISION_RE = re.compile(r"""^(down_)?revision\s*=\s*["']([^"']+)["']""", re.MULTILINE)


def head_revision() -> str | None:
    """The newest migration's id, read from the files (None unless exactly one head).

    A plain read of the ``revision``/``down_revision`` lines: importing Alembic to find out
    that there is nothing to do costs about 100 modules (Mako, Pygments) at every start.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for down, value in _REVISION_RE.findall(path.read_text(encoding="utf-8")):
            (parents if down else revisions).add(value)
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


def at_head(engine: Engine) -> bool:
    """Whether the database is already at the newest migration (then Alembic is not loaded)."""
    head = head_revision()
    if head is None:
        return False
    try:
        with engine.connect() as conn:
            current = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except DatabaseError:  # a new database: no alembic_version table yet
        return False
    return current == [head]


def upgrade(engine: Engine, db_path: Path) -> None:
    """Apply every Alembic migration up to head; the only way the schema ever changes.

    Migrations are serialised between processes (two imports started at once on a new
    project would otherwise both create the tables): a lock file beside an SQLite database,
    an advisory lock on PostgreSQL. A database already at head is left alone without
    loading Alembic (`at_head`): start-up is the common case and has nothing to migrate.
    """
    if at_head(engine):
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    try:
        if engine.dialect.name == "postgresql":
            with engine.connect() as conn:
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
                conn.commit()
                try:
                    command.upgrade(cfg, "head")
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK_KEY})
                    conn.commit()
        else:
            with file_lock(db_path.with_name(db_path.name + ".lock")):
                command.upgrade(cfg, "head")
    except OperationalError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot open the database {path}: {detail}"),
            path=str(db_path),
            detail=str(exc.orig),
        ) from exc
    except DatabaseError as exc:  # "database disk image is malformed" met while migrating
        raise _damaged(db_path, str(exc.orig)) from exc


def open_database(db_path: Path) -> sessionmaker[Session]:
    """Open (creating if needed) and migrate the database; return a session factory."""
    with os_errors(
        QT_TRANSLATE_NOOP("KnownError", "Cannot create the folder for {path}: {detail}"), db_path
    ):
        db_path.parent.mkdir(parents=True, exist_ok=True)
    check_header(db_path)
    engine = make_engine(db_path)
    check_integrity(engine, db_path)
    upgrade(engine, db_path)
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session], db_path: Path | None = None) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on error; disk errors become KnownErrors."""
    session = factory()
    try:
        yield session
        session.commit()
    except OperationalError as exc:
        session.rollback()
        raise StorageError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot save to the database {path}: {detail}"),
            path=str(db_path or ""),
            detail=str(exc.orig),
        ) from exc
    except DatabaseError as exc:
        session.rollback()
        if "malformed" in str(exc.orig) or "not a database" in str(exc.orig):
            # Damage found after opening: refuse further writes in this unit of work and say
            # how to recover, instead of a raw DatabaseError.
            raise _damaged(db_path or Path(""), str(exc.orig)) from exc
        raise
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def savepoint(s: Session) -> SessionTransaction:
    """``s.begin_nested()`` that really nests on SQLite: a write transaction is begun first.

    pysqlite only sends BEGIN before its first INSERT/UPDATE, so a SAVEPOINT after mere reads
    would be the outermost transaction and its RELEASE would commit the unit of work early.
    ``BEGIN IMMEDIATE`` takes the write lock up front (waiting up to busy_timeout for another
    writer), so the savepoint's statements also see every row other processes committed.
    """
    conn = s.connection()
    dbapi = conn.connection.dbapi_connection
    if conn.dialect.name == "sqlite" and dbapi is not None and not dbapi.in_transaction:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    return s.begin_nested()
