"""The SQLite driver of the bot: the standard `sqlite3` module called on the event loop's own
thread, behind SQLAlchemy's asyncio API, so services keep one code path for SQLite and
PostgreSQL.

Why not aiosqlite: it hands every statement to a worker thread and back several times (cursor,
execute, fetch, close), about 0.3 ms of event-loop work a statement, while SQLite itself answers
an indexed statement in a few microseconds (the file is local and WAL with synchronous=NORMAL
does not sync on commit). One /log runs a dozen statements, so the hand-overs were most of its
time. The price: a statement's own time is spent on the loop's thread, which suits the
one-process SQLite deployment (docs/deploy.md); large companies use PostgreSQL.

What must not happen on the loop's thread is waiting for another connection's write lock
(SQLite's busy handler would sleep there, and the holder, a coroutine of the same loop, could
never finish). So the process's connections to one file take turns on an asyncio lock from
their first write (where sqlite3 opens the transaction) until commit or rollback; reads never
wait in WAL mode. A lock held longer than the busy timeout fails the write as SQLite would.
"""

from __future__ import annotations

import asyncio
import sqlite3
import weakref
from typing import Any

from sqlalchemy import pool
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine.url import URL
from sqlalchemy.util.concurrency import await_

DRIVER = "crm_sqlite"
WAIT_SECONDS = 10.0  # as PRAGMA busy_timeout: how long a write waits for another's commit
_READS = ("select", "pragma", "explain")
_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Lock]] = (
    weakref.WeakKeyDictionary()
)


def _write_lock(database: str) -> asyncio.Lock:
    """One lock per database file and event loop (the test suite runs one loop per test)."""
    per_loop = _locks.setdefault(asyncio.get_running_loop(), {})
    return per_loop.setdefault(database, asyncio.Lock())


class _Ready:
    """An awaitable that is done at once: SQLAlchemy's AsyncConnection insists that executing
    a statement awaited something, and a greenlet switch costs about a microsecond."""

    def __await__(self) -> Any:
        return iter(())


_READY = _Ready()


async def _acquire(lock: asyncio.Lock) -> None:
    try:
        async with asyncio.timeout(WAIT_SECONDS):
            await lock.acquire()
    except TimeoutError:
        raise sqlite3.OperationalError("database is locked") from None


class TurnConnection(sqlite3.Connection):
    """A sqlite3 connection that holds the file's write lock while it is in a transaction."""

    database_key = ""
    _held: asyncio.Lock | None = None

    def cursor(self, factory: Any = None) -> Any:
        return super().cursor(factory or TurnCursor)

    def await_turn(self, statement: str) -> None:
        if self._held is not None or statement.lstrip()[:7].lower().startswith(_READS):
            await_(_READY)
            return
        lock = _write_lock(self.database_key)
        await_(_acquire(lock))
        self._held = lock

    def end_turn(self) -> None:
        lock, self._held = self._held, None
        if lock is not None:
            lock.release()

    def settle(self) -> None:
        """After a statement: one that ran outside a transaction (DDL, PRAGMA) ends the turn."""
        if self._held is not None and not self.in_transaction:
            self.end_turn()

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self.settle()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:  # also when the rollback itself fails: the turn must not stay taken
            self.settle()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self.end_turn()


class TurnCursor(sqlite3.Cursor):
    connection: TurnConnection

    async def _async_soft_close(self) -> None:
        """Called by SQLAlchemy's AsyncConnection on async drivers; rows are local already."""

    def _in_turn(self, run: Any, sql: str, parameters: Any) -> TurnCursor:
        conn = self.connection
        conn.await_turn(sql)
        try:
            run(sql, parameters)
        finally:
            conn.settle()
        return self

    def execute(self, sql: str, parameters: Any = (), /) -> TurnCursor:
        return self._in_turn(super().execute, sql, parameters)

    def executemany(self, sql: str, seq_of_parameters: Any, /) -> TurnCursor:
        return self._in_turn(super().executemany, sql, seq_of_parameters)


class SQLiteDialectInLoop(SQLiteDialect_pysqlite):
    driver = DRIVER
    is_async = True
    supports_statement_cache = True

    @classmethod
    def get_pool_class(cls, url: URL) -> type[pool.Pool]:
        if cls._is_url_file_db(url):
            return pool.AsyncAdaptedQueuePool
        return pool.StaticPool

    def connect(self, *cargs: Any, **cparams: Any) -> Any:
        cparams["factory"] = TurnConnection
        cparams["check_same_thread"] = False
        conn = super().connect(*cargs, **cparams)
        conn.database_key = str(cargs[0] if cargs else cparams.get("database", ""))
        return conn

    def get_driver_connection(self, connection: Any) -> Any:
        return connection


dialect = SQLiteDialectInLoop
