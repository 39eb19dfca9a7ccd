"""call language and case-folded search columns

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 00:45:00

interactions.language: a call's own language ("auto", "ru", "en"); NULL follows its client
company, whose language may now be "auto" too. interactions.customer_folded and
consultants.name_folded: case-folded copies for search, because SQLite's LIKE folds ASCII only;
existing rows are filled here with the same Python function the models use.
"""

import sqlalchemy as sa
from alembic import op

from qcdesk.domain.textfold import fold

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("customer_folded", sa.String(length=200), nullable=True))
    with op.batch_alter_table("consultants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_folded", sa.String(length=200), nullable=True))
    conn = op.get_bind()
    interactions = sa.table(
        "interactions",
        sa.column("id", sa.Integer),
        sa.column("customer_ref", sa.String),
        sa.column("customer_folded", sa.String),
    )
    rows = conn.execute(
        sa.select(interactions.c.id, interactions.c.customer_ref).where(
            interactions.c.customer_ref.is_not(None)
        )
    ).all()
    for id_, ref in rows:
        conn.execute(
            interactions.update().where(interactions.c.id == id_).values(customer_folded=fold(ref))
        )
    consultants = sa.table(
        "consultants",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("name_folded", sa.String),
    )
    for id_, name in conn.execute(sa.select(consultants.c.id, consultants.c.name)).all():
        conn.execute(
            consultants.update().where(consultants.c.id == id_).values(name_folded=fold(name))
        )


def downgrade() -> None:
    with op.batch_alter_table("consultants", schema=None) as batch_op:
        batch_op.drop_column("name_folded")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_column("customer_folded")
        batch_op.drop_column("language")
