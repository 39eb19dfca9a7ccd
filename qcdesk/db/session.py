"""Engine, session scope and start-up migrations for the local SQLite database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from qcdesk.errors import QT_TRANSLATE_NOOP, StorageError, os_errors

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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


def upgrade(engine: Engine, db_path: Path) -> None:
    """Apply every Alembic migration up to head; the only way the schema ever changes."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    try:
        command.upgrade(cfg, "head")
    except OperationalError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot open the database {path}: {detail}"),
            path=str(db_path),
            detail=str(exc.orig),
        ) from exc


def open_database(db_path: Path) -> sessionmaker[Session]:
    """Open (creating if needed) and migrate the database; return a session factory."""
    with os_errors(
        QT_TRANSLATE_NOOP("KnownError", "Cannot create the folder for {path}: {detail}"), db_path
    ):
        db_path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(db_path)
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
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
