"""calibration sessions and the evaluation's purpose

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 04:00:00

evaluations.purpose: "regular" (every existing evaluation), "calibration" (a participant's
blind answers in a session) or "reference" (the agreed answers). Only regular evaluations
count in reports and show in the workspace. evaluations.calibration_id: the session a
calibration or reference evaluation belongs to.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calibration_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_calibration_sessions_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calibration_sessions")),
    )
    with op.batch_alter_table("calibration_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_calibration_sessions_client_id"), ["client_id"], unique=False
        )
    op.create_table(
        "calibration_items",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["calibration_sessions.id"],
            name=op.f("fk_calibration_items_session_id_calibration_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_calibration_items_interaction_id_interactions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["checklist_versions.id"],
            name=op.f("fk_calibration_items_version_id_checklist_versions"),
        ),
        sa.PrimaryKeyConstraint("session_id", "interaction_id", name=op.f("pk_calibration_items")),
    )
    op.create_table(
        "calibration_participants",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["calibration_sessions.id"],
            name=op.f("fk_calibration_participants_session_id_calibration_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"],
            ["reviewers.id"],
            name=op.f("fk_calibration_participants_reviewer_id_reviewers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "session_id", "reviewer_id", name=op.f("pk_calibration_participants")
        ),
    )
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("purpose", sa.String(length=16), server_default="regular", nullable=False)
        )
        batch_op.add_column(sa.Column("calibration_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_evaluations_purpose"), ["purpose"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_evaluations_calibration_id"), ["calibration_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_evaluations_calibration_id_calibration_sessions"),
            "calibration_sessions",
            ["calibration_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_evaluations_calibration_id_calibration_sessions"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_evaluations_calibration_id"))
        batch_op.drop_index(batch_op.f("ix_evaluations_purpose"))
        batch_op.drop_column("calibration_id")
        batch_op.drop_column("purpose")
    op.drop_table("calibration_participants")
    op.drop_table("calibration_items")
    with op.batch_alter_table("calibration_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calibration_sessions_client_id"))
    op.drop_table("calibration_sessions")
