"""coaching plans sessions actions

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08 03:31:35

Individual development plans (versioned rows), coaching sessions and planning meetings with
their agreed actions, and per client company the number of reviewed evaluations that coaching
progress compares before and after a session (10 for existing companies too).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coaching_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("coach", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("focus", sa.JSON(), nullable=False),
        sa.Column("examples", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["consultants.id"],
            name=op.f("fk_coaching_plans_consultant_id_consultants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_plans")),
        sa.UniqueConstraint(
            "consultant_id", "version", name=op.f("uq_coaching_plans_consultant_id")
        ),
    )
    with op.batch_alter_table("coaching_plans", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coaching_plans_consultant_id"), ["consultant_id"], unique=False
        )

    op.create_table(
        "coaching_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("acknowledged", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("acknowledged_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_coaching_sessions_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["consultants.id"],
            name=op.f("fk_coaching_sessions_consultant_id_consultants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["coaching_plans.id"],
            name=op.f("fk_coaching_sessions_plan_id_coaching_plans"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_sessions")),
    )
    with op.batch_alter_table("coaching_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coaching_sessions_client_id"), ["client_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_coaching_sessions_consultant_id"), ["consultant_id"], unique=False
        )

    op.create_table(
        "coaching_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["coaching_sessions.id"],
            name=op.f("fk_coaching_actions_session_id_coaching_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_actions")),
    )
    with op.batch_alter_table("coaching_actions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coaching_actions_session_id"), ["session_id"], unique=False
        )

    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("progress_window", sa.Integer(), server_default="10", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_column("progress_window")

    with op.batch_alter_table("coaching_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coaching_actions_session_id"))

    op.drop_table("coaching_actions")
    with op.batch_alter_table("coaching_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coaching_sessions_consultant_id"))
        batch_op.drop_index(batch_op.f("ix_coaching_sessions_client_id"))

    op.drop_table("coaching_sessions")
    with op.batch_alter_table("coaching_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coaching_plans_consultant_id"))

    op.drop_table("coaching_plans")
