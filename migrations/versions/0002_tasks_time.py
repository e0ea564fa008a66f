"""tasks and time: indexes for the review queue, open-task counts and /undo

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # An admin's /review and open-task counts filter tasks by status alone.
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.create_index("ix_tasks_status_group", ["status", "group_id"], unique=False)
    # /undo takes a person's most recently created entry.
    with op.batch_alter_table("time_entries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_time_entries_employee_created", ["employee_id", "created_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("time_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_time_entries_employee_created")
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_tasks_status_group")
