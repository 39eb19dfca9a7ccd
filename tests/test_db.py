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


def test_an_upgrade_that_copies_a_table_keeps_its_child_rows(tmp_path: Path) -> None:
    """Answers survive migrations that rebuild `evaluations` (SQLite batch mode copies the table
    and drops the old one). Before: with foreign keys on, the drop cascaded and 0008 emptied
    evaluation_answers of every existing project."""
    db = tmp_path / "old.db"
    engine = make_engine(db)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    command.upgrade(cfg, "0007")
    with engine.begin() as conn:
        for sql in (
            "insert into clients (id, name, language, consultant_channel, created_at)"
            " values (1, 'Окна', 'ru', 'left', '2026-11-01 10:00:00')",
            "insert into interactions (id, kind, client_id, status, score, critical_failed,"
            " created_at) values (7, 'call', 1, 'reviewed', 50, 0, '2026-11-02 10:00:00')",
            "insert into checklist_templates (id, slug, title, kind, language)"
            " values (1, 'x', 'X', 'call', 'ru')",
            "insert into checklist_versions (id, template_id, version, body, status, created_at)"
            " values (1, 1, 1, '{}', 'published', '2026-11-01 10:00:00')",
            "insert into reviewers (id, name) values (1, 'Мария')",
            "insert into evaluations (id, interaction_id, version_id, reviewer_id, status,"
            " critical_failed, created_at, updated_at, overall_comment, recommendation)"
            " values (3, 7, 1, 1, 'reviewed', 0, '2026-11-02 11:00:00', '2026-11-02 11:00:00',"
            " '', '')",
            "insert into evaluation_answers (evaluation_id, criterion_id, value, comment,"
            " evidence, suggested, confirmed) values (3, 'greeting', 'yes', 'вежливо', '[]', 0, 1),"
            " (3, 'farewell', 'no', '', '[]', 0, 1)",
        ):
            conn.execute(text(sql))
    engine.dispose()

    factory = open_database(db)
    with factory() as s:
        answers = s.execute(
            text("select criterion_id, value, comment from evaluation_answers order by 1")
        ).all()
        fk = s.execute(text("PRAGMA foreign_keys")).scalar()
    assert [tuple(a) for a in answers] == [("farewell", "no", ""), ("greeting", "yes", "вежливо")]
    assert fk == 1  # the pooled connection is back to foreign keys on
