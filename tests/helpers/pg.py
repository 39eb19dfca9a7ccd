"""A throwaway PostgreSQL database at head, for service tests on the real server.

The server is the one on 127.0.0.1:5432 (trust auth) that ``.ci/run`` starts; without it the
test is skipped with a message (failed in CI, where the server must be there).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, text

from qcdesk.db.session import MIGRATIONS

SERVER = os.environ.get("QCDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


@contextmanager
def empty_database() -> Iterator[Engine]:
    """A new, empty database of its own on the server; dropped afterwards.

    Skipped with a message without a server, failed in CI (where ``.ci/run`` starts one).
    """
    admin = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server here"
        admin.dispose()
        message = f"PostgreSQL is not reachable at {SERVER}: {exc.__class__.__name__}"
        if os.environ.get("CI"):
            pytest.fail(message + " (.ci/run should have started it)")
        pytest.skip(message)
    name = f"qcdesk_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'create database "{name}"'))
    engine = create_engine(f"{SERVER}/{name}")
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'drop database if exists "{name}" with (force)'))
        admin.dispose()


@contextmanager
def migrated_database() -> Iterator[Engine]:
    """A new database migrated to head; dropped afterwards."""
    with empty_database() as engine:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["engine"] = engine
        command.upgrade(cfg, "head")
        yield engine
