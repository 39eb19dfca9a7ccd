"""chats mystery shopping template versions auto-prefill transcript edits

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 16:05:52.264194
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "client_default_templates",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_default_templates_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["checklist_templates.id"],
            name=op.f("fk_client_default_templates_template_id_checklist_templates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("client_id", "kind", name=op.f("pk_client_default_templates")),
    )
    op.create_table(
        "chat_authors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_chat_authors_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["consultants.id"],
            name=op.f("fk_chat_authors_consultant_id_consultants"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_authors")),
        sa.UniqueConstraint("client_id", "author", name=op.f("uq_chat_authors_client_id")),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_attachments_interaction_id_interactions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachments_interaction_id"), ["interaction_id"], unique=False
        )

    op.create_table(
        "mystery_assignments",
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("scenario", sa.Text(), nullable=False),
        sa.Column("planned_date", sa.Date(), nullable=True),
        sa.Column("shopper", sa.String(length=200), nullable=False),
        sa.Column("checkin_at", sa.DateTime(), nullable=True),
        sa.Column("checkin_place", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_mystery_assignments_interaction_id_interactions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("interaction_id", name=op.f("pk_mystery_assignments")),
    )
    with op.batch_alter_table("checklist_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_at", sa.DateTime(), nullable=True))

    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "timezone", sa.String(length=64), server_default="Europe/Moscow", nullable=False
            )
        )
        batch_op.add_column(sa.Column("working_hours", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("channel_weights", sa.JSON(), nullable=True))

    with op.batch_alter_table("evaluation_answers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("suggested", sa.Boolean(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("suggested_value", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("suggested_confidence", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("suggested_evidence", sa.JSON(), nullable=True))
        batch_op.add_column(
            sa.Column("confirmed", sa.Boolean(), server_default="1", nullable=False)
        )

    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("suggested_stage", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("suggested_goal", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("autoscored_at", sa.DateTime(), nullable=True))

    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("metrics", sa.JSON(), nullable=True))

    with op.batch_alter_table("transcript_segments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("edited", sa.Boolean(), server_default="0", nullable=False))

    with op.batch_alter_table("transcripts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("split_confidence", sa.Float(), nullable=True))

    op.execute("UPDATE checklist_versions SET published_at = created_at WHERE status = 'published'")


def downgrade() -> None:
    with op.batch_alter_table("transcripts", schema=None) as batch_op:
        batch_op.drop_column("split_confidence")

    with op.batch_alter_table("transcript_segments", schema=None) as batch_op:
        batch_op.drop_column("edited")

    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_column("metrics")

    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.drop_column("autoscored_at")
        batch_op.drop_column("suggested_goal")
        batch_op.drop_column("suggested_stage")

    with op.batch_alter_table("evaluation_answers", schema=None) as batch_op:
        batch_op.drop_column("confirmed")
        batch_op.drop_column("suggested_evidence")
        batch_op.drop_column("suggested_confidence")
        batch_op.drop_column("suggested_value")
        batch_op.drop_column("suggested")

    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_column("channel_weights")
        batch_op.drop_column("working_hours")
        batch_op.drop_column("timezone")

    with op.batch_alter_table("checklist_versions", schema=None) as batch_op:
        batch_op.drop_column("published_at")

    op.drop_table("mystery_assignments")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_interaction_id"))

    op.drop_table("attachments")
    op.drop_table("chat_authors")
    op.drop_table("client_default_templates")
