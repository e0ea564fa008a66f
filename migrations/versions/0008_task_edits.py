"""task edits: what field an edit changed, from what, to what

Revision ID: 0008_task_edits
Revises: 0007_perf

An edit of a task (/edit and the card's buttons) is a task_events row of kind "edit"; these
columns keep the field and its old and new values, as text the card's history shows. Nullable
columns added one by one work on SQLite (ALTER TABLE ADD COLUMN) and PostgreSQL alike.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_task_edits"
down_revision = "0007_perf"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("task_events", sa.Column("field", sa.String(length=16), nullable=True))
    op.add_column("task_events", sa.Column("old_value", sa.Text(), nullable=True))
    op.add_column("task_events", sa.Column("new_value", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("task_events") as batch:
        batch.drop_column("new_value")
        batch.drop_column("old_value")
        batch.drop_column("field")
