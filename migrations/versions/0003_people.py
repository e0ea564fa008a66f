"""people: when a person was deactivated; no group led by someone who may not lead

Revision ID: 0003_people
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_people"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deactivated_at", sa.DateTime(timezone=True), nullable=True))
    # Leads demoted or deactivated before lead rights ended with the role: the group has no
    # lead now (admins get its digest), as it would after the change today.
    op.execute(
        "UPDATE dev_groups SET lead_id = NULL WHERE lead_id IN ("
        "SELECT id FROM employees WHERE active = false OR role NOT IN ('manager', 'admin'))"
    )


def downgrade() -> None:
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.drop_column("deactivated_at")
