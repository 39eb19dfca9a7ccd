"""call logs: calls and their legs, extension map, column-mapping presets, client country

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08 03:31:11.583586

calls/call_legs: a client's telephony log (issue 15), one row per call and per leg;
extension_consultants: which consultant an extension is; calllog_presets: named column
mappings for providers' exports; clients.country (production calendar) and
clients.call_service (callback threshold, lost-profit inputs).
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calllog_presets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_calllog_presets_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calllog_presets")),
        sa.UniqueConstraint("client_id", "name", name=op.f("uq_calllog_presets_client_id")),
    )
    op.create_table(
        "extension_consultants",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("extension", sa.String(length=32), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_extension_consultants_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["consultants.id"],
            name=op.f("fk_extension_consultants_consultant_id_consultants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("client_id", "extension", name=op.f("pk_extension_consultants")),
    )
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("source_key", sa.String(length=200), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("customer", sa.String(length=64), nullable=True),
        sa.Column("line", sa.String(length=64), nullable=True),
        sa.Column("extension", sa.String(length=32), nullable=True),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("consultant_name", sa.String(length=200), nullable=True),
        sa.Column("disposition", sa.String(length=16), nullable=False),
        sa.Column("wait_seconds", sa.Float(), nullable=True),
        sa.Column("talk_seconds", sa.Float(), nullable=False),
        sa.Column("recording", sa.Text(), nullable=True),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("source_line", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_calls_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["consultants.id"],
            name=op.f("fk_calls_consultant_id_consultants"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_calls_interaction_id_interactions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calls")),
        sa.UniqueConstraint("client_id", "source_key", name=op.f("uq_calls_client_id")),
    )
    with op.batch_alter_table("calls", schema=None) as batch_op:
        batch_op.create_index("ix_calls_client_started", ["client_id", "started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_calls_consultant_id"), ["consultant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_calls_customer"), ["customer"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_calls_interaction_id"), ["interaction_id"], unique=False
        )

    op.create_table(
        "call_legs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("src", sa.String(length=80), nullable=False),
        sa.Column("dst", sa.String(length=80), nullable=False),
        sa.Column("channel", sa.String(length=200), nullable=False),
        sa.Column("dstchannel", sa.String(length=200), nullable=False),
        sa.Column("lastapp", sa.String(length=80), nullable=False),
        sa.Column("disposition", sa.String(length=16), nullable=False),
        sa.Column("duration", sa.Float(), nullable=False),
        sa.Column("billsec", sa.Float(), nullable=False),
        sa.Column("uniqueid", sa.String(length=150), nullable=False),
        sa.Column("source_line", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_call_legs_call_id_calls"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_legs")),
    )
    with op.batch_alter_table("call_legs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_legs_call_id"), ["call_id"], unique=False)

    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("country", sa.String(length=8), server_default="RU", nullable=False)
        )
        batch_op.add_column(sa.Column("call_service", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_column("call_service")
        batch_op.drop_column("country")

    with op.batch_alter_table("call_legs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_legs_call_id"))

    op.drop_table("call_legs")
    with op.batch_alter_table("calls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calls_interaction_id"))
        batch_op.drop_index(batch_op.f("ix_calls_customer"))
        batch_op.drop_index(batch_op.f("ix_calls_consultant_id"))
        batch_op.drop_index("ix_calls_client_started")

    op.drop_table("calls")
    op.drop_table("extension_consultants")
    op.drop_table("calllog_presets")
