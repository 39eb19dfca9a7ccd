"""The migrations on a real PostgreSQL server: every schema change must run on both engines.

The server is the one on 127.0.0.1:5432 (trust auth) that ``.ci/run`` starts when it is not
running. Each test gets a database of its own, dropped afterwards. Outside CI, a machine without
the server skips these tests with a message saying so; in CI (``CI=true``) they fail instead, so
a missing server never hides a migration that only works on SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from qcdesk.db.models import Base
from qcdesk.db.session import MIGRATIONS
from tests.helpers.pg import empty_database


@pytest.fixture
def pg_engine() -> Iterator[Engine]:
    """A fresh, empty PostgreSQL database for one test."""
    with empty_database() as engine:
        yield engine


def _config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def test_migrations_run_on_postgresql_and_match_the_models(pg_engine: Engine) -> None:
    command.upgrade(_config(pg_engine), "head")
    with pg_engine.connect() as conn:
        head = conn.execute(text("select version_num from alembic_version")).scalar_one()
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert head == ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert set(Base.metadata.tables) <= set(inspect(pg_engine).get_table_names())
    assert diff == []


def test_each_migration_steps_down_and_up_again_on_postgresql(pg_engine: Engine) -> None:
    """Every revision's downgrade undoes its upgrade, so a failed rollout can be rolled back."""
    cfg = _config(pg_engine)
    command.upgrade(cfg, "head")
    command.downgrade(cfg, "base")
    assert set(inspect(pg_engine).get_table_names()) <= {"alembic_version"}
    command.upgrade(cfg, "head")
    assert set(Base.metadata.tables) <= set(inspect(pg_engine).get_table_names())
