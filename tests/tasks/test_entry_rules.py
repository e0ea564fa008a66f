"""Rules every written entry passes, whichever way it is written (/log, a plain message, the
card's quick-log buttons, a timer): SPEC §4's date bounds, a broken `#` reference refused by
name, and the month lock checked under the person's row lock so a month locked meanwhile
takes no entry (PostgreSQL; SQLite has a single writer)."""

from __future__ import annotations

import asyncio
from datetime import date, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import Task, Timer
from services import locks
from tests.conftest import PG_URL
from tests.tasks.conftest import PROG, Team, entries_of, fresh, make_task
from tests.tg import BotClient

TOO_OLD = "слишком давно: записать время можно не раньше чем за 366 дней, с 10.03.2025"


async def _logged_min(session: AsyncSession, task: Task) -> int:
    stored = await fresh(session, Task, task.id)
    assert isinstance(stored, Task)
    return stored.logged_min


@pytest.mark.parametrize("day", ["1900-02-28", "0001-01-01", "28.02.1900", "2025-03-09"])
async def test_a_date_more_than_366_days_back_is_refused(
    tg: BotClient, session: AsyncSession, team: Team, day: str
) -> None:
    task = await make_task(session, team, assignee=team.prog, start=date(1, 1, 1))
    for text in (f"/log 2h #{task.id} {day}", f"2h #{task.id} {day}", f"/log 2h {day} созвон"):
        reply = await tg.send(PROG, text)
        assert TOO_OLD in reply.text, text
    assert await entries_of(session, team.prog) == []
    assert await _logged_min(session, task) == 0


async def test_366_days_back_is_the_oldest_day(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    reply = await tg.send(PROG, "/log 2h 2025-03-10")
    assert "Записано 2 ч за 10.03.2025" in reply.text
    [entry] = await entries_of(session, team.prog)
    assert entry.day == date(2025, 3, 10)


async def test_nothing_is_logged_on_a_task_before_its_start(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)  # starts today, 2026-03-11
    before = f"Задача #{task.id} начинается 11.03.2026: время на неё до этой даты не записывается"
    assert before in (await tg.send(PROG, f"/log 2h #{task.id} вчера")).text
    assert before in (await tg.send(PROG, f"3h #{task.id} 01.03")).text
    assert "Записано 2 ч" in (await tg.send(PROG, f"/log 2h #{task.id}")).text
    assert await _logged_min(session, task) == 120
    assert [e.day for e in await entries_of(session, team.prog)] == [date(2026, 3, 11)]


async def test_buttons_and_timers_keep_the_start_date_too(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    later = await make_task(session, team, assignee=team.prog, start=date(2026, 3, 12))
    card = await tg.send(PROG, f"/task {later.id}")
    pressed = await tg.click(PROG, card.button("+1 ч"))
    assert f"Задача #{later.id} начинается 12.03.2026" in pressed.text
    started = await tg.send(PROG, f"/timer #{later.id}")
    assert f"Задача #{later.id} начинается 12.03.2026" in started.text
    # A timer running since before the task's start (its start moved later meanwhile).
    now_task = await make_task(session, team, assignee=team.prog, title="Moved")
    session.add(
        Timer(employee_id=team.prog.id, task_id=now_task.id, started_at=datetime(2026, 3, 10, 8))
    )
    await session.commit()
    question = await tg.send(PROG, "/stop")
    refused = await tg.click(PROG, question.button("Записать всё"))
    assert f"Время таймера приходится на дни до начала задачи #{now_task.id}" in refused.text
    assert await entries_of(session, team.prog) == []
    assert await _logged_min(session, later) == 0 and await _logged_min(session, now_task) == 0


@pytest.mark.parametrize("ref", ["#-1", "#1'", "#", "#12a", "#bug"])
async def test_a_broken_task_reference_is_refused_by_name(
    tg: BotClient, session: AsyncSession, team: Team, ref: str
) -> None:
    await make_task(session, team, assignee=team.prog)
    for text in (f"/log 2h {ref}", f"/log 2h {ref} OR '1'='1", f"2h вчера {ref}"):
        reply = await tg.send(PROG, text)
        assert reply.text.startswith(f"«{ref}» — не номер задачи"), text
    english = await tg.send(PROG, f"/log 2h {ref}", lang="en")
    assert english.text.startswith(f'"{ref}" is not a task number'), english.text
    assert await entries_of(session, team.prog) == []
    # Further into the comment a `#` is ordinary text.
    assert "Записано 2 ч" in (await tg.send(PROG, f"/log 2h fixed {ref}")).text


pg_only = pytest.mark.skipif(not PG_URL, reason="row locks: SQLite has one writer anyway")


@pg_only
async def test_an_entry_cannot_slip_into_a_month_locked_meanwhile(
    tg: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    team: Team,
) -> None:
    async with sessionmaker() as payroll:
        await locks.lock_month(payroll, date(2026, 3, 1))  # the summary job, not committed yet
        logging = asyncio.create_task(tg.send(PROG, "/log 2h созвон"))
        await asyncio.sleep(0.5)  # let the /log reach its month check
        await payroll.commit()
    reply = await logging
    assert "Месяц 2026-03 закрыт" in reply.text
    assert await entries_of(session, team.prog) == []


@pg_only
async def test_an_undo_cannot_slip_into_a_month_locked_meanwhile(
    tg: BotClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    team: Team,
) -> None:
    assert "Записано 2 ч" in (await tg.send(PROG, "/log 2h созвон")).text
    async with sessionmaker() as payroll:
        await locks.lock_month(payroll, date(2026, 3, 1))
        undoing = asyncio.create_task(tg.send(PROG, "/undo"))
        await asyncio.sleep(0.5)
        await payroll.commit()
    reply = await undoing
    assert "Месяц 2026-03 закрыт" in reply.text
    assert len(await entries_of(session, team.prog)) == 1
