"""Undo: the button under a /log reply and /undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import EntryAudit, MonthLock, Task
from services import clock
from tests.tasks.conftest import PROG, PROG2, TESTER, Team, entries_of, fresh, make_task
from tests.tg import BotClient


async def test_undo_button_removes_exactly_that_entry(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    first = await tg.send(PROG, f"/log 2h #{task.id}")
    await tg.send(PROG, f"/log 1h #{task.id}")
    reply = await tg.click(PROG, first.button("Отменить"))
    assert "Запись отменена: 2 ч за 11.03.2026, задача" in reply.text
    assert "За 11.03.2026: 1 ч из 8 ч по графику." in reply.text
    assert [e.minutes for e in await entries_of(session, team.prog)] == [60]
    assert (await fresh(session, Task, task.id)).logged_min == 60
    audits = list(await session.scalars(select(EntryAudit).order_by(EntryAudit.id)))
    assert [(a.action, a.old_minutes, a.new_minutes) for a in audits] == [
        ("create", None, 120),
        ("create", None, 60),
        ("delete", 120, None),
    ]
    again = await tg.click(PROG, first.button("Отменить"))
    assert "Этой записи уже нет" in again.text
    assert (await fresh(session, Task, task.id)).logged_min == 60


async def test_someone_elses_undo_button_changes_nothing(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    mine = await tg.send(PROG, f"/log 2h #{task.id}")
    for intruder in (PROG2, TESTER):
        reply = await tg.click(intruder, mine.button("Отменить"))
        assert "Этой записи уже нет" in reply.text
    for forged in ("u:999", "u:-1", "u:0", "u:99999999999999999999", "u:abc"):
        reply = await tg.click(PROG, forged)
        assert reply.texts, forged
        assert "отменена" not in reply.text
    assert [e.minutes for e in await entries_of(session, team.prog)] == [120]
    assert (await fresh(session, Task, task.id)).logged_min == 120


async def test_undo_only_within_24_hours(tg: BotClient, session: AsyncSession, team: Team) -> None:
    reply = await tg.send(PROG, "/log 2h")
    clock.set_now(datetime(2026, 3, 12, 9, 1, tzinfo=UTC))
    late = await tg.click(PROG, reply.button("Отменить"))
    assert "больше 24 часов назад" in late.text
    assert "нет записей" in (await tg.send(PROG, "/undo")).text
    assert len(await entries_of(session, team.prog)) == 1


async def test_undo_command_takes_the_latest_entry(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    assert "нет записей" in (await tg.send(PROG, "/undo")).text
    await tg.send(PROG, "/log 1h вчера")
    clock.set_now(clock.now() + timedelta(minutes=5))
    await tg.send(PROG, "/log 3h")
    reply = await tg.send(PROG, "/undo")
    assert "Запись отменена: 3 ч за 11.03.2026, общая работа." in reply.text
    assert [e.minutes for e in await entries_of(session, team.prog)] == [60]
    assert "Формат: /undo" in (await tg.send(PROG, "/undo 5")).text


async def test_staff_cannot_undo_in_a_locked_month(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    reply = await tg.send(PROG, "/log 2h 2026-02-27")
    session.add(MonthLock(month=datetime(2026, 2, 1).date()))
    await session.commit()
    refused = await tg.click(PROG, reply.button("Отменить"))
    assert "Месяц 2026-02 закрыт" in refused.text
    assert len(await entries_of(session, team.prog)) == 1


async def test_undo_in_english(tg: BotClient, session: AsyncSession, team: Team) -> None:
    await tg.send(PROG, "/log 2h", lang="en")
    reply = await tg.send(PROG, "/undo", lang="en")
    assert "Entry undone: 2 h on 11 Mar 2026, general work." in reply.text
    assert "no entries" in (await tg.send(PROG, "/undo", lang="en")).text
