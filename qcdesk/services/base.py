"""What every service shares: a session factory and the database path for error messages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from qcdesk.db.session import session_scope


class ServiceBase:
    def __init__(self, factory: sessionmaker[Session], db_path: Path) -> None:
        self._factory = factory
        self._db_path = db_path

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with session_scope(self._factory, self._db_path) as s:
            yield s
