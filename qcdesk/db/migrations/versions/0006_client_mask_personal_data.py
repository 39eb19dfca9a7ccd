"""per client company: mask phone, card and passport numbers in exports

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 01:00:00

On for every company, existing ones included: a report that leaks a customer's number cannot
be recalled, one with a masked number can be exported again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("mask_personal_data", sa.Boolean(), server_default="1", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_column("mask_personal_data")
