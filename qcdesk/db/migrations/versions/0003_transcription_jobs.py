"""transcription job queue

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 15:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transcription_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), server_default="", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_transcription_jobs_interaction_id_interactions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transcription_jobs")),
    )
    with op.batch_alter_table("transcription_jobs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_transcription_jobs_interaction_id"), ["interaction_id"], unique=False
        )
        batch_op.create_index("ix_transcription_jobs_status", ["status", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("transcription_jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_transcription_jobs_status")
        batch_op.drop_index(batch_op.f("ix_transcription_jobs_interaction_id"))
    op.drop_table("transcription_jobs")
