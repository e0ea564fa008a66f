"""The daily commands stay cheap: /log and /tasks run a fixed, small number of SQL statements
(docs/benchmarks.md explains each), the calendar they show comes from memory until it changes,
and no filter of the dispatcher runs in a worker thread."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bench.db import counting
from bot.inline_filters import run_filters_inline
from models import Schedule, Task, TimeEntry
from models.db import create_engine
from tests.conftest import PG_URL
from tests.tasks.conftest import PROG, Team, make_task
from tests.tg import BotClient

# What one update may cost (see docs/benchmarks.md, "Where a /log goes"):
# the update's record, the person, their groups with the calendar's version, then
# + the person's lock (PostgreSQL only: SQLite has no row locks), the month lock with the
# day's minutes, the entry and its audit row
LOG_GENERAL = 7 if PG_URL else 6
LOG_ON_TASK = LOG_GENERAL + 2  # + the task (locked) and its logged minutes
# /tasks of a programmer or tester: the update's record, the person (no groups: their list needs
# none), then their open tasks (as assignee or tester) with the other open tasks of those tasks'
# assignees and the calendar's version
TASKS = 3


async def _started_task(session: AsyncSession, team: Team) -> Task:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    await session.execute(update(Task).where(Task.id == task.id).values(status="in_progress"))
    await session.commit()
    return task


async def _statements(engine: AsyncEngine, tg: BotClient, text: str) -> tuple[int, str]:
    with counting(engine) as sql:
        reply = await tg.send(PROG, text)
    return sql.count, reply.text


async def test_log_and_tasks_run_a_fixed_number_of_statements(
    tg: BotClient, session: AsyncSession, team: Team, engine: AsyncEngine
) -> None:
    task = await _started_task(session, team)
    await tg.send(PROG, "/tasks")  # the first update of a process also loads the calendar

    count, text = await _statements(engine, tg, "/log 15m")
    assert "За 11.03.2026: 15 мин из 8 ч по графику." in text
    assert count == LOG_GENERAL

    count, text = await _statements(engine, tg, f"/log 30m #{task.id} bench")
    assert f"#{task.id}: списано 30 мин из 10 ч" in text
    assert count == LOG_ON_TASK

    count, text = await _statements(engine, tg, "/tasks")
    assert f"#{task.id}" in text
    assert count == TASKS

    logged = await session.scalar(
        select(func.sum(TimeEntry.minutes)).where(TimeEntry.employee_id == team.prog.id)
    )
    assert logged == 45


async def test_a_schedule_changed_elsewhere_shows_in_the_next_reply(
    tg: BotClient, session: AsyncSession, team: Team, database_url: str
) -> None:
    first = await tg.send(PROG, "/log 15m")
    assert "15 мин из 8 ч по графику" in first.text
    # Another process (a replica, or an admin's command there) gives a new schedule from today.
    other = create_engine(database_url)
    async with other.begin() as conn:
        four = {day: 240 for day in ("mon", "tue", "wed", "thu", "fri")}
        await conn.execute(
            Schedule.__table__.insert().values(  # type: ignore[attr-defined]
                employee_id=team.prog.id, effective_from=date(2026, 3, 11), sat=0, sun=0, **four
            )
        )
    await other.dispose()
    second = await tg.send(PROG, "/log 15m")
    assert "30 мин из 4 ч по графику" in second.text


async def test_filters_run_on_the_event_loop(
    tg: BotClient, session: AsyncSession, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bare FSM state or a magic filter would otherwise go through asyncio.to_thread."""

    async def no_thread(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("a filter was sent to a worker thread")

    monkeypatch.setattr(asyncio, "to_thread", no_thread)
    reply = await tg.send(PROG, "/log 15m")
    assert "Записано 15 мин за 11.03.2026" in reply.text
    reply = await tg.send(PROG, "1h")  # a plain message starting with a duration
    assert "Записано 1 ч за 11.03.2026" in reply.text
    assert run_filters_inline(tg.dp) == 0  # nothing left to change
