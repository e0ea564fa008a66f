"""reference-data versions: a number that changes with every write to the calendar's tables

Revision ID: 0003_perf
Revises: 0002

Processes keep the calendar (holiday overrides, schedules, absences) in memory and reload it
when this number differs from the one they loaded with; triggers change it on every insert,
update and delete, so no writer can forget it and replicas agree. The number is random rather
than a counter, so that a database emptied and refilled (tests) never repeats an old one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_perf"
down_revision = "0002"
branch_labels = None
depends_on = None

CALENDAR_TABLES = ("holiday_overrides", "schedules", "absences")
_SQLITE_RANDOM = "abs(random())"
_PG_RANDOM = "floor(random() * 9e18)::bigint"


def _sqlite_triggers() -> None:
    for table in CALENDAR_TABLES:
        for action in ("insert", "update", "delete"):
            op.execute(
                f"CREATE TRIGGER {table}_{action}_version AFTER {action.upper()} ON {table} "
                "BEGIN INSERT OR REPLACE INTO data_versions (name, version) "
                f"VALUES ('calendar', {_SQLITE_RANDOM}); END"
            )


def _pg_triggers() -> None:
    op.execute(
        "CREATE FUNCTION bump_calendar_version() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN INSERT INTO data_versions (name, version) "
        f"VALUES ('calendar', {_PG_RANDOM}) "
        "ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version; RETURN NULL; END $$"
    )
    for table in CALENDAR_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version()"
        )


def upgrade() -> None:
    op.create_table(
        "data_versions",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    random = _SQLITE_RANDOM if sqlite else _PG_RANDOM
    op.execute(f"INSERT INTO data_versions (name, version) VALUES ('calendar', {random})")
    if sqlite:
        _sqlite_triggers()
    else:
        _pg_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in CALENDAR_TABLES:
            for action in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER {table}_{action}_version")
    else:
        for table in CALENDAR_TABLES:
            op.execute(f"DROP TRIGGER {table}_version ON {table}")
        op.execute("DROP FUNCTION bump_calendar_version()")
    op.drop_table("data_versions")
