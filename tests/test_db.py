"""The database: migrations from empty, pragmas, and the models matching the migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from qcdesk.db.models import Base
from qcdesk.db.session import MIGRATIONS, make_engine, open_database


def test_migrations_from_an_empty_database(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    open_database(db)
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    head = con.execute("select version_num from alembic_version").fetchone()[0]
    con.close()
    assert set(Base.metadata.tables) <= tables
    assert head == ScriptDirectory(str(MIGRATIONS)).get_current_head()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    """A model change without a migration would show up here as a diff."""
    db = tmp_path / "m.db"
    open_database(db)
    engine = make_engine(db)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_wal_and_foreign_keys_are_on(tmp_path: Path) -> None:
    factory = open_database(tmp_path / "p.db")
    with factory() as s:
        assert s.execute(text("pragma journal_mode")).scalar() == "wal"
        assert s.execute(text("pragma foreign_keys")).scalar() == 1


def test_reopening_keeps_data(services, stereo_wav: Path) -> None:
    from qcdesk.services.context import open_services
    from qcdesk.services.importer import ImportOptions

    report = services.importer.import_paths([stereo_wav], ImportOptions(client="Альфа"))
    again = open_services(services.db_path, services.library_dir)
    assert [r.id for r in again.interactions.query()] == list(report.imported)
    assert again.catalog.list_clients()[0].name == "Альфа"


def test_upgrade_from_the_first_release_keeps_data(tmp_path: Path) -> None:
    """A database made by release 0001 (no KPI columns) upgrades with its rows intact."""
    db = tmp_path / "old.db"
    engine = make_engine(db)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "insert into clients (id, name, language, consultant_channel, created_at)"
                " values (1, 'Старый клиент', 'ru', 'right', '2026-01-01 10:00:00')"
            )
        )
        conn.execute(
            text(
                "insert into interactions (id, kind, client_id, status, score, critical_failed,"
                " created_at) values (7, 'call', 1, 'reviewed', 88.5, 0, '2026-01-02 10:00:00')"
            )
        )
    engine.dispose()

    factory = open_database(db)
    with factory() as s:
        client = s.execute(
            text("select name, consultant_channel, kpi_score_target, kpi_max_critical from clients")
        ).one()
        row = s.execute(text("select id, status, score from interactions")).one()
    assert tuple(client) == ("Старый клиент", "right", 85.0, 0)
    assert tuple(row) == (7, "reviewed", 88.5)
