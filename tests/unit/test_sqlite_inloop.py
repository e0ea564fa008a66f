"""The SQLite driver (models.sqlite_inloop): writers of one process take turns without ever
blocking the event loop, and a write that waits too long fails as SQLite's busy timeout would."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from models import ProcessedUpdate, sqlite_inloop
from tests.conftest import PG_URL

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="the SQLite driver only")


async def _count(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as s:
        return int(await s.scalar(select(func.count()).select_from(ProcessedUpdate)) or 0)


async def test_second_writer_waits_for_the_first_commit_while_the_loop_runs(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    order: list[str] = []
    first_wrote = asyncio.Event()
    release = asyncio.Event()

    async def first() -> None:
        async with sessionmaker() as s:
            s.add(ProcessedUpdate(update_id=1))
            await s.flush()
            first_wrote.set()
            await release.wait()  # e.g. a reply sent inside the transaction
            order.append("first commits")
            await s.commit()

    async def second() -> None:
        await first_wrote.wait()
        async with sessionmaker() as s:
            s.add(ProcessedUpdate(update_id=2))
            await s.flush()
            order.append("second wrote")
            await s.commit()

    async def ticker() -> None:
        await first_wrote.wait()
        for _ in range(5):  # the loop keeps serving other work while the second one waits
            await asyncio.sleep(0.01)
            order.append("tick")
        release.set()

    await asyncio.gather(first(), second(), ticker())
    assert order == ["tick"] * 5 + ["first commits", "second wrote"]
    assert await _count(sessionmaker) == 2


async def test_a_write_waiting_past_the_busy_timeout_fails_and_changes_nothing(
    sessionmaker: async_sessionmaker[AsyncSession],
    engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sqlite_inloop, "WAIT_SECONDS", 0.05)
    async with sessionmaker() as holder:
        holder.add(ProcessedUpdate(update_id=1))
        await holder.flush()
        async with sessionmaker() as late:
            late.add(ProcessedUpdate(update_id=2))
            with pytest.raises(OperationalError) as error:
                await late.flush()
            assert isinstance(error.value.orig, sqlite3.OperationalError)
            assert "database is locked" in str(error.value.orig)
        await holder.commit()
    assert await _count(sessionmaker) == 1
    assert engine.url.get_backend_name() == "sqlite"
