"""Candidates per workspace: one row per person, erased for good on request.

Revision ID: 0004
Revises: 0003

Unlike task versions and vacancy drafts, candidates keep no history: a save replaces
the person's row and an erasure (right to erasure) is a real DELETE of it, so no copy
of a person's data stays behind in any table.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "candidates",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("candidate_id", sa.String(40), nullable=False),
        sa.Column("content", sa.JSON, nullable=False),
        sa.Column("saved_by", sa.String(200), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("workspace_id", "candidate_id", name="uq_candidates_id"),
    )


def downgrade() -> None:
    op.drop_table("candidates")
