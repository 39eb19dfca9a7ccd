"""review completeness (left-out criteria) and an overall comment and recommendation

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 00:45:00

An evaluation marked reviewed with criteria unanswered records which ones the reviewer chose to
leave out (``left_out``, a JSON list of criterion ids); the interaction keeps a copy of whether
a reviewed evaluation has unanswered criteria beyond those (``review_incomplete``), for listing,
like its score. ``overall_comment`` and ``recommendation`` are the reviewer's free text for the
whole evaluation, shown in the consultant report.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("left_out", sa.JSON(), nullable=True))
        batch_op.add_column(
            sa.Column("overall_comment", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("recommendation", sa.Text(), server_default="", nullable=False)
        )
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("review_incomplete", sa.Boolean(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_column("review_incomplete")
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.drop_column("recommendation")
        batch_op.drop_column("overall_comment")
        batch_op.drop_column("left_out")
