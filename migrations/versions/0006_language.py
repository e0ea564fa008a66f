"""people: whether the language was picked with /lang (else it follows Telegram's)

Revision ID: 0006_language
Revises: 0005_money
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_language"
down_revision = "0005_money"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("language_chosen", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.drop_column("language_chosen")
