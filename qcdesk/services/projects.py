"""Projects: one database with its media library beside it, opened and closed as a whole.

File → New project / Open project switch the window to another database. Opening comes first
and may fail (a file that is not a qcdesk database, a folder without write permission) while the
current project stays open; closing disposes the engine so no connection, WAL or lock file
stays behind on the project left.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DatabaseError

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.context import ServiceLayer, Services, open_services

DB_NAME = "qcdesk.db"


def project_library(db_path: Path) -> Path:
    """The media library of the project whose database is *db_path*: ``library/`` beside it."""
    return Path(db_path).expanduser().parent / "library"


def new_project_db(folder: Path) -> Path:
    """The database file of a new project created in *folder*."""
    return Path(folder).expanduser() / DB_NAME


def open_project(db_path: Path, library: Path | None = None, *, reviewer: str = "") -> ServiceLayer:
    """Open (creating and migrating) the project database and its library.

    *library* None: the library the database remembers (beside it for a new project).

    Raises:
        LibraryMissingError: the database has recordings and its library is not found.
        KnownError: the file is not a qcdesk (SQLite) database, or cannot be created or read.
    """
    db_path = Path(db_path).expanduser()
    try:
        return open_services(db_path, library, reviewer=reviewer)
    except DatabaseError as exc:
        raise KnownError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not a qcdesk project database ({detail})."),
            path=str(db_path),
            detail=str(exc.orig) if exc.orig is not None else str(exc),
        ) from exc


def close_project(services: Services) -> None:
    """Close every pooled connection of the project's database (checkpointing its WAL)."""
    services.close()
