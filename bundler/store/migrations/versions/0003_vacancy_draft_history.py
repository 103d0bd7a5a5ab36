"""Vacancy drafts keep their history: every save is a new revision, none replaces another.

Revision ID: 0003
Revises: 0002

A draft was one row per (plan, job, language, format), overwritten by each save, so
the last of two HR people saving at once silently won. Now each save adds the next
revision of its key; the unique (key, revision) makes a save that started from an
older revision fail even when two saves race, as task versions do.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

KEY = ["plan_id", "job", "language", "format"]


def upgrade() -> None:
    with op.batch_alter_table("vacancy_drafts") as batch:
        batch.add_column(sa.Column("revision", sa.Integer, nullable=False, server_default="1"))
        batch.drop_constraint("uq_vacancy_drafts_key", type_="unique")
        batch.create_unique_constraint("uq_vacancy_drafts_revision", [*KEY, "revision"])


def downgrade() -> None:
    op.execute("DELETE FROM vacancy_drafts WHERE id NOT IN (SELECT latest FROM (SELECT MAX(id) AS latest "
               "FROM vacancy_drafts GROUP BY plan_id, job, language, format) AS newest)")
    with op.batch_alter_table("vacancy_drafts") as batch:
        batch.drop_constraint("uq_vacancy_drafts_revision", type_="unique")
        batch.drop_column("revision")
        batch.create_unique_constraint("uq_vacancy_drafts_key", KEY)
