"""SQLite's write-ahead log is copied back by a thread of its own (models.wal), not by the
commit that happens to cross SQLite's automatic mark: the bot's connections switch the
automatic checkpoint off, and the engine's checkpointer lives as long as the engine."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from models.db import checkpointer_of, create_engine, migrate
from models.wal import Checkpointer


def _wait(condition: Callable[[], bool], seconds: float = 20.0) -> bool:
    """Wait for the checkpointer's thread (generous: the machine may be busy)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


async def _until(condition: Callable[[], bool]) -> None:
    assert await asyncio.to_thread(_wait, condition)


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


async def test_the_log_is_copied_back_by_the_thread_not_by_commits(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    checkpointer = checkpointer_of(engine)
    assert isinstance(checkpointer, Checkpointer)
    assert not checkpointer.running  # started by the first connection, not before
    await migrate(engine)
    assert checkpointer.running
    # pool events only: a connection event would put event dispatch on every statement
    assert not engine.sync_engine._has_events
    async with engine.connect() as conn:
        assert await conn.scalar(text("PRAGMA wal_autocheckpoint")) == 0
        assert await conn.scalar(text("PRAGMA journal_mode")) == "wal"
    async with engine.begin() as conn:
        await conn.execute(text("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)"))
    for _ in range(40):  # far past SQLite's own mark of 1,000 pages
        async with engine.begin() as conn:
            rows = [{"body": "x" * 2000} for _ in range(50)]
            await conn.execute(text("INSERT INTO filler (body) VALUES (:body)"), rows)
    wal = Path(f"{path}-wal")
    assert _size(wal) > 1000 * 4096  # no commit copied it back

    def copied() -> bool:
        last = checkpointer.last
        return last is not None and last[1] > 1000 and last[2] == last[1]

    await _until(copied)
    await engine.dispose()
    assert not checkpointer.running
    assert _size(wal) == 0  # the last connection to close copies the rest and removes it


async def test_an_engine_used_again_after_dispose_gets_its_thread_back(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}")
    checkpointer = checkpointer_of(engine)
    assert checkpointer is not None
    await migrate(engine)
    await engine.dispose()
    assert not checkpointer.running
    runs = checkpointer.runs
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))
    assert checkpointer.running
    await _until(lambda: checkpointer.runs > runs)
    await engine.dispose()
    assert not checkpointer.running


async def test_memory_databases_and_postgresql_have_none() -> None:
    memory = create_engine("sqlite+aiosqlite://")
    postgres = create_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none")
    assert checkpointer_of(memory) is None
    assert checkpointer_of(postgres) is None
    await memory.dispose()
    await postgres.dispose()
