"""per client company: spoken names, the ways people say or spell its name

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 04:00:00

clients.spoken_names: a JSON list of strings («Диваны плюс», «Диваны+»). Auto-prefill hands
them to the rules with the company's name, which match them tolerantly in what the consultant
said. NULL (existing companies) means none yet.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(sa.Column("spoken_names", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_column("spoken_names")
