"""Migrations on the database in use (SQLite, or PostgreSQL with TEST_DATABASE_URL): every
revision goes up and down cleanly, the models match the migrated schema, and replicas that
start together migrate one after another."""

from __future__ import annotations

import asyncio
import sys
import uuid
from asyncio.subprocess import PIPE
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

import models
from models.db import ROOT, alembic_config, create_engine, migrate
from tests.conftest import PG_URL


def _scratch_engine(tmp_path: Path, schema: str) -> AsyncEngine:
    """An empty database of the kind under test: a new SQLite file, or on PostgreSQL a
    schema of its own, so the shared test schema stays as the other tests expect it."""
    if not PG_URL:
        return create_engine(f"sqlite+aiosqlite:///{tmp_path / 'scratch.db'}")
    return create_engine(PG_URL, connect_args={"server_settings": {"search_path": schema}})


@pytest.fixture
async def scratch() -> AsyncIterator[Any]:
    schema = f"mig_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL) if PG_URL else None
    if admin is not None:
        async with admin.begin() as conn:
            await conn.execute(text(f"CREATE SCHEMA {schema}"))

    def make(tmp_path: Path) -> AsyncEngine:
        return _scratch_engine(tmp_path, schema)

    make.schema = schema  # type: ignore[attr-defined]
    yield make
    if admin is not None:
        async with admin.begin() as conn:
            await conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        await admin.dispose()


def _differences(conn: Connection) -> list[Any]:
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    return list(compare_metadata(context, models.Base.metadata))


def _tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names())


def _run(conn: Connection, action: str, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = conn
    getattr(command, action)(config, revision)


async def _step(engine: AsyncEngine, action: str, revision: str) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(_run, action, revision)


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_one_head() -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1, f"several migration heads, merge them: {heads}"


async def test_up_down_up_and_models_match(scratch: Any, tmp_path: Path) -> None:
    engine: AsyncEngine = scratch(tmp_path)
    try:
        for revision in _revisions():
            await _step(engine, "upgrade", revision)
        async with engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
            assert set(models.Base.metadata.tables) <= await conn.run_sync(_tables)
        for _ in _revisions():
            await _step(engine, "downgrade", "-1")
        async with engine.connect() as conn:
            assert await conn.run_sync(_tables) <= {"alembic_version"}
        await migrate(engine)
        async with engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
            version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
        assert [row[0] for row in version] == _revisions()[-1:]
    finally:
        await engine.dispose()


_MIGRATE = """
import asyncio, sys
from models.db import create_engine, migrate

async def main() -> None:
    settings = {"search_path": sys.argv[2]}
    engine = create_engine(sys.argv[1], connect_args={"server_settings": settings})
    await migrate(engine)
    await engine.dispose()

asyncio.run(main())
"""


@pytest.mark.skipif(not PG_URL, reason="replicas share a PostgreSQL database")
async def test_replicas_starting_together_migrate_once(scratch: Any, tmp_path: Path) -> None:
    schema = scratch.schema
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-c", _MIGRATE, PG_URL, schema, cwd=ROOT, stderr=PIPE
        )
        for _ in range(3)
    ]
    try:
        errors = await asyncio.wait_for(asyncio.gather(*(p.communicate() for p in procs)), 60)
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.kill()
    assert [p.returncode for p in procs] == [0, 0, 0], [e[1].decode()[-2000:] for e in errors]
    engine: AsyncEngine = scratch(tmp_path)
    try:
        async with engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
    finally:
        await engine.dispose()
