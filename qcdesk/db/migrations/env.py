"""Alembic environment: runs on the engine handed over by qcdesk.db.session.upgrade()."""

from alembic import context

from qcdesk.db.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only ALTER through table copies
    )
    context.run_migrations()
