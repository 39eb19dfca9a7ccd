"""Alembic environment: runs on the engine handed over by qcdesk.db.session.upgrade()."""

from alembic import context

from qcdesk.db.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # A batch migration copies a table, drops the old one and renames the copy. With
        # foreign keys on, that DROP first deletes the old rows, and ON DELETE CASCADE empties
        # every child table: migration 0008 emptied evaluation_answers so. SQLite's own recipe
        # for altering tables: foreign keys off outside the transaction, checked afterwards.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    try:
        with connection.begin():
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=True,  # SQLite can only ALTER through table copies
            )
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:  # rolls the migration back: nothing half-done is kept
                    raise RuntimeError(f"the migration broke foreign keys: {broken[:5]}")
    finally:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")  # pooled: back as opened
            connection.commit()
