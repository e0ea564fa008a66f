"""reference-data versions: a number that changes with every write to the calendar's tables

Revision ID: 0007_perf
Revises: 0006_language

Processes keep the calendar (holiday overrides, schedules, absences) in memory and reload it
when this number differs from the one they loaded with; triggers change it on every insert,
update and delete, so no writer can forget it and replicas agree. The number is random rather
than a counter, so that a database emptied and refilled (tests) never repeats an old one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_perf"
down_revision = "0006_language"
branch_labels = None
depends_on = None

_SQLITE_NEW_VERSION = (
    "INSERT OR REPLACE INTO data_versions (name, version) VALUES ('calendar', abs(random()))"
)
_PG_NEW_VERSION = (
    "INSERT INTO data_versions (name, version) "
    "VALUES ('calendar', floor(random() * 9e18)::bigint) "
    "ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version"
)
# Written out in full: no SQL here is assembled from pieces.
_SQLITE_TRIGGERS = (
    "CREATE TRIGGER holiday_overrides_insert_version AFTER INSERT ON holiday_overrides "
    "BEGIN INSERT OR REPLACE INTO data_versions (name, version) "
    "VALUES ('calendar', abs(random())); END",
    "CREATE TRIGGER holiday_overrides_update_version AFTER UPDATE ON holiday_overrides "
    "BEGIN INSERT OR REPLACE INTO data_versions (name, version) "
    "VALUES ('calendar', abs(random())); END",
    "CREATE TRIGGER holiday_overrides_delete_version AFTER DELETE ON holiday_overrides "
    "BEGIN INSERT OR REPLACE INTO data_versions (name, version) "
    "VALUES ('calendar', abs(random())); END",
    "CREATE TRIGGER schedules_insert_version AFTER INSERT ON schedules "
    "BEGIN INSERT OR REPLACE INTO data_versions (name, version) "
    "VALUES ('calendar', abs(random())); END",
    "CREATE TRIGGER schedules_update_version AFTER UPDATE ON schedules "
    "BEGIN INSERT OR REPLACE INTO data_versions (name, version) "
    "VALUES ('calendar', abs(random())); END",
    "CREATE TRIGGER schedules_delete_version AFTER DELETE ON schedules "
    "BEGIN INSERT OR REPLACE INTO data_versions (name, version) "
    "VALUES ('calendar', abs(random())); END",
    "CREATE TRIGGER absences_insert_version AFTER INSERT ON absences "
    "BEGIN INSERT OR REPLACE INTO data_versions (name, version) "
    "VALUES ('calendar', abs(random())); END",
    "CREATE TRIGGER absences_update_version AFTER UPDATE ON absences "
    "BEGIN INSERT OR REPLACE INTO data_versions (name, version) "
    "VALUES ('calendar', abs(random())); END",
    "CREATE TRIGGER absences_delete_version AFTER DELETE ON absences "
    "BEGIN INSERT OR REPLACE INTO data_versions (name, version) "
    "VALUES ('calendar', abs(random())); END",
)
_SQLITE_DROPS = (
    "DROP TRIGGER holiday_overrides_insert_version",
    "DROP TRIGGER holiday_overrides_update_version",
    "DROP TRIGGER holiday_overrides_delete_version",
    "DROP TRIGGER schedules_insert_version",
    "DROP TRIGGER schedules_update_version",
    "DROP TRIGGER schedules_delete_version",
    "DROP TRIGGER absences_insert_version",
    "DROP TRIGGER absences_update_version",
    "DROP TRIGGER absences_delete_version",
)
_PG_FUNCTION = (
    "CREATE FUNCTION bump_calendar_version() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN INSERT INTO data_versions (name, version) "
    "VALUES ('calendar', floor(random() * 9e18)::bigint) "
    "ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version; RETURN NULL; END $$"
)
_PG_TRIGGERS = (
    "CREATE TRIGGER holiday_overrides_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
    "ON holiday_overrides "
    "FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version()",
    "CREATE TRIGGER schedules_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON schedules "
    "FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version()",
    "CREATE TRIGGER absences_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON absences "
    "FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version()",
)
_PG_DROPS = (
    "DROP TRIGGER holiday_overrides_version ON holiday_overrides",
    "DROP TRIGGER schedules_version ON schedules",
    "DROP TRIGGER absences_version ON absences",
    "DROP FUNCTION bump_calendar_version()",
)


def upgrade() -> None:
    op.create_table(
        "data_versions",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    if op.get_bind().dialect.name == "sqlite":
        statements = (_SQLITE_NEW_VERSION, *_SQLITE_TRIGGERS)
    else:
        statements = (_PG_NEW_VERSION, _PG_FUNCTION, *_PG_TRIGGERS)
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    drops = _SQLITE_DROPS if op.get_bind().dialect.name == "sqlite" else _PG_DROPS
    for statement in drops:
        op.execute(statement)
    op.drop_table("data_versions")
