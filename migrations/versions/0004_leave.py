"""leave requests, weekly approval of hours, reminder opt-outs

Revision ID: 0004_leave
Revises: 0003_people
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_leave"
down_revision = "0003_people"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "leave_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decider_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("absence_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name="fk_leave_requests_employee_id_employees"
        ),
        sa.ForeignKeyConstraint(
            ["decider_id"], ["employees.id"], name="fk_leave_requests_decider_id_employees"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_leave_requests"),
    )
    op.create_index(
        "ix_leave_requests_employee_from", "leave_requests", ["employee_id", "date_from"]
    )
    op.create_table(
        "week_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("decider_id", sa.Integer(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name="fk_week_approvals_employee_id_employees"
        ),
        sa.ForeignKeyConstraint(
            ["decider_id"], ["employees.id"], name="fk_week_approvals_decider_id_employees"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_week_approvals"),
        sa.UniqueConstraint(
            "employee_id", "week_start", name="uq_week_approvals_employee_id_week_start"
        ),
    )
    op.create_table(
        "reminder_optouts",
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name="fk_reminder_optouts_employee_id_employees",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("employee_id", name="pk_reminder_optouts"),
    )


def downgrade() -> None:
    op.drop_table("reminder_optouts")
    op.drop_table("week_approvals")
    op.drop_index("ix_leave_requests_employee_from", table_name="leave_requests")
    op.drop_table("leave_requests")
