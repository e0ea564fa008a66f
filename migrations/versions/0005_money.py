"""money: bonuses and deductions, frozen payrolls, lock audit, deactivation time

Revision ID: 0005_money
Revises: 0004_leave
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_money"
down_revision = "0004_leave"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pay_adjustments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("comment", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["employees.id"], name=op.f("fk_pay_adjustments_created_by_employees")
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_pay_adjustments_employee_id_employees"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pay_adjustments")),
    )
    with op.batch_alter_table("pay_adjustments", schema=None) as batch_op:
        batch_op.create_index("ix_pay_adjustments_month", ["month", "employee_id"], unique=False)
    op.create_table(
        "payroll_snapshots",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("month", "version", name=op.f("pk_payroll_snapshots")),
    )
    op.create_table(
        "month_lock_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["employees.id"], name=op.f("fk_month_lock_events_actor_id_employees")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_month_lock_events")),
    )
    with op.batch_alter_table("month_lock_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_month_lock_events_month"), ["month"], unique=False)
    with op.batch_alter_table("month_locks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("month_locks", schema=None) as batch_op:
        batch_op.drop_column("version")
    with op.batch_alter_table("month_lock_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_month_lock_events_month"))
    op.drop_table("month_lock_events")
    op.drop_table("payroll_snapshots")
    with op.batch_alter_table("pay_adjustments", schema=None) as batch_op:
        batch_op.drop_index("ix_pay_adjustments_month")
    op.drop_table("pay_adjustments")
