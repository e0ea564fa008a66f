"""Databases for the measures: a migrated temporary SQLite file each (default), or a fresh
schema in the PostgreSQL database `--database-url` names; and a counter of SQL statements."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from models.db import create_engine, migrate


@dataclass
class StatementCounter:
    count: int = 0

    def __call__(self, *_args: Any) -> None:
        self.count += 1


@contextmanager
def counting(engine: AsyncEngine) -> Iterator[StatementCounter]:
    """Counts every statement the engine sends (executemany counts once) while inside."""
    counter = StatementCounter()
    event.listen(engine.sync_engine, "before_cursor_execute", counter)
    try:
        yield counter
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", counter)


@asynccontextmanager
async def fresh_database(url: str | None, name: str) -> AsyncIterator[AsyncEngine]:
    """A migrated, empty database; dropped afterwards (the PostgreSQL schema is emptied)."""
    folder = None
    if url:
        engine = create_engine(url)
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
    else:
        folder = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
        engine = create_engine(f"sqlite+aiosqlite:///{folder / 'crm.db'}")
    try:
        await migrate(engine)
        yield engine
    finally:
        await engine.dispose()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
