"""Vacancy drafts per plan, job, language and format; a note on each task version.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("task_versions") as batch:
        batch.add_column(sa.Column("note", sa.String(300), nullable=False, server_default=""))
    op.create_table(
        "vacancy_drafts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("job", sa.String(100), nullable=False),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("plan_id", "job", "language", "format", name="uq_vacancy_drafts_key"),
    )


def downgrade() -> None:
    op.drop_table("vacancy_drafts")
    with op.batch_alter_table("task_versions") as batch:
        batch.drop_column("note")
