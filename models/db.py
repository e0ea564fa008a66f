"""Engine, sessions and schema migrations."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Executable, event, text
from sqlalchemy.dialects import registry
from sqlalchemy.engine import Connection, Engine, Result, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from models import sqlite_inloop, wal

ROOT = Path(__file__).resolve().parent.parent
# Any fixed number: the PostgreSQL advisory lock that replicas take turns on to migrate.
MIGRATION_LOCK_KEY = 7_305_001


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _checkpoint_elsewhere(engine: AsyncEngine, path: str) -> None:
    """Connections of a SQLite file leave checkpoints to a thread of their own (models.wal),
    running while the engine has a connection open: engine.dispose() closes them all.

    Only pool events here: a connection event (engine_disposed, for one) would switch on the
    engine's event dispatch for every statement it runs."""
    checkpointer = wal.Checkpointer(path)

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")
        checkpointer.opened()

    def on_close(*_args: Any) -> None:
        checkpointer.closed()

    event.listen(engine.sync_engine, "connect", on_connect)
    event.listen(engine.sync_engine, "close", on_close)
    event.listen(engine.sync_engine, "close_detached", on_close)
    # an engine dropped without dispose() must not leave its thread behind
    weakref.finalize(engine.sync_engine, checkpointer.stop)
    _checkpointers[engine.sync_engine] = checkpointer


_checkpointers: weakref.WeakKeyDictionary[Engine, wal.Checkpointer] = weakref.WeakKeyDictionary()


def checkpointer_of(engine: AsyncEngine) -> wal.Checkpointer | None:
    """The thread checkpointing the engine's SQLite file, if it has one."""
    return _checkpointers.get(engine.sync_engine)


def has_row_locks(session: AsyncSession) -> bool:
    """Whether SELECT … FOR UPDATE locks rows: PostgreSQL's does; SQLite compiles it to a plain
    SELECT, its writers taking turns on the whole file instead (models.sqlite_inloop)."""
    return session.get_bind().dialect.name != "sqlite"


async def execute(
    session: AsyncSession, statement: Executable, params: dict[str, Any] | None = None
) -> Result[*tuple[Any, ...]]:
    """session.execute() for a Core statement (no ORM entity in its result), run on the
    session's connection: the same transaction, and pending changes flushed first as the
    session's autoflush would, without the ORM's execution steps, which cost more than the
    statement itself on the hot paths (docs/benchmarks.md)."""
    if session.new or session.dirty or session.deleted:
        await session.flush()
    transaction = session.sync_session.get_transaction()
    kept = session.info.get(_CONNECTION)
    if transaction is None or kept is None or kept[0] is not transaction:
        conn = await session.connection()
        session.info[_CONNECTION] = (session.sync_session.get_transaction(), conn)
    else:
        conn = kept[1]
    return await conn.execute(statement, params)


_CONNECTION = "core-connection"  # session.info: (transaction, its AsyncConnection)


registry.register(f"sqlite.{sqlite_inloop.DRIVER}", "models.sqlite_inloop", "dialect")


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    if url.startswith("sqlite"):
        # sqlite+aiosqlite:// in the settings; run by the in-loop driver (models.sqlite_inloop).
        parsed = make_url(url).set(drivername=f"sqlite+{sqlite_inloop.DRIVER}")
        engine = create_async_engine(parsed, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        if parsed.database not in (None, "", ":memory:"):
            _checkpoint_elsewhere(engine, parsed.database)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, **kwargs)


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config() -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    return config


def _upgrade(connection: Connection, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


async def migrate(engine: AsyncEngine, revision: str = "head") -> None:
    """Apply migrations up to `revision` (WAL is switched on first for SQLite files)."""
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        async with engine.connect() as conn:
            await conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    async with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Replicas started together would otherwise race to create the same tables; the
            # lock ends with the transaction, and the next one finds the schema up to date.
            lock = text("SELECT pg_advisory_xact_lock(:key)")
            await conn.execute(lock, {"key": MIGRATION_LOCK_KEY})
        await conn.run_sync(_upgrade, revision)
