"""sampling plans, assignment, disputes and reviewer productivity (issue 13)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08 03:31:29.681622

review_plans/plan_items: a month's sample per client company and who reviews each item;
disputes/dispute_items: contested answers with the original and the final value;
clients.dispute_deadline_days; evaluations.reviewed_at/open_seconds/opened_at for productivity.
Evaluations reviewed before this release get their last change as the time they were reviewed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("quotas", sa.JSON(), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("stratify", sa.JSON(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("created_by", sa.String(length=200), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_review_plans_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_plans")),
    )
    with op.batch_alter_table("review_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_plans_client_id"), ["client_id"], unique=False)

    op.create_table(
        "plan_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("quota_key", sa.String(length=8), nullable=False),
        sa.Column("stratum", sa.String(length=100), server_default="", nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("assigned_at", sa.DateTime(), nullable=True),
        sa.Column("skipped", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("skip_reason", sa.String(length=32), nullable=True),
        sa.Column("skip_comment", sa.Text(), server_default="", nullable=False),
        sa.Column("skipped_by", sa.String(length=200), server_default="", nullable=False),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["consultants.id"],
            name=op.f("fk_plan_items_consultant_id_consultants"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_plan_items_interaction_id_interactions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["review_plans.id"],
            name=op.f("fk_plan_items_plan_id_review_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"],
            ["plan_items.id"],
            name=op.f("fk_plan_items_replaced_by_id_plan_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"],
            ["reviewers.id"],
            name=op.f("fk_plan_items_reviewer_id_reviewers"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_items")),
        sa.UniqueConstraint("plan_id", "interaction_id", name=op.f("uq_plan_items_plan_id")),
    )
    with op.batch_alter_table("plan_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_items_interaction_id"), ["interaction_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_plan_items_reviewer_id"), ["reviewer_id"], unique=False
        )

    op.create_table(
        "disputes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("opened_by", sa.String(length=200), nullable=False),
        sa.Column("on_behalf_of", sa.String(length=200), server_default="", nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column("decision_comment", sa.Text(), server_default="", nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("score_before", sa.Float(), nullable=True),
        sa.Column("score_after", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluations.id"],
            name=op.f("fk_disputes_evaluation_id_evaluations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disputes")),
    )
    with op.batch_alter_table("disputes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_disputes_evaluation_id"), ["evaluation_id"], unique=False
        )

    op.create_table(
        "dispute_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dispute_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.String(length=100), nullable=False),
        sa.Column("original_value", sa.String(length=16), nullable=True),
        sa.Column("proposed_value", sa.String(length=16), nullable=True),
        sa.Column("final_value", sa.String(length=16), nullable=True),
        sa.Column("accepted", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dispute_id"],
            ["disputes.id"],
            name=op.f("fk_dispute_items_dispute_id_disputes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispute_items")),
        sa.UniqueConstraint("dispute_id", "criterion_id", name=op.f("uq_dispute_items_dispute_id")),
    )
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("dispute_deadline_days", sa.Integer(), server_default="5", nullable=False)
        )

    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reviewed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("open_seconds", sa.Float(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("opened_at", sa.DateTime(), nullable=True))
    evaluations = sa.table(
        "evaluations",
        sa.column("status", sa.String),
        sa.column("updated_at", sa.DateTime),
        sa.column("reviewed_at", sa.DateTime),
    )
    op.execute(
        evaluations.update()
        .where(evaluations.c.status == "reviewed")
        .values(reviewed_at=evaluations.c.updated_at)
    )


def downgrade() -> None:
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.drop_column("opened_at")
        batch_op.drop_column("open_seconds")
        batch_op.drop_column("reviewed_at")

    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_column("dispute_deadline_days")

    op.drop_table("dispute_items")
    with op.batch_alter_table("disputes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disputes_evaluation_id"))

    op.drop_table("disputes")
    with op.batch_alter_table("plan_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_items_reviewer_id"))
        batch_op.drop_index(batch_op.f("ix_plan_items_interaction_id"))

    op.drop_table("plan_items")
    with op.batch_alter_table("review_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_plans_client_id"))

    op.drop_table("review_plans")
