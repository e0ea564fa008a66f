"""/timer and /stop, including a timer forgotten overnight."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from models import Task, Timer
from services import clock
from tests.tasks.conftest import (
    EXTERNAL,
    PROG,
    PROG2,
    Team,
    entries_of,
    events_of,
    fresh,
    make_task,
)
from tests.tg import BotClient


def later(**delta: float) -> None:
    clock.set_now(clock.now() + timedelta(**delta))


async def test_timer_starts_the_task_and_stop_logs(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    reply = await tg.send(PROG, f"/timer #{task.id}")
    assert f"Таймер запущен: #{task.id} «Fix login»" in reply.text
    assert (await fresh(session, Task, task.id)).status == "in_progress"
    assert [e.to_status for e in await events_of(session, task.id)] == ["in_progress"]
    already = await tg.send(PROG, f"/timer {task.id}")
    assert f"Таймер по задаче #{task.id} уже идёт" in already.text
    later(minutes=90, seconds=29)
    stopped = await tg.send(PROG, "/stop")
    assert "записано 1 ч 30 мин (11.03: 1 ч 30 мин)" in stopped.text
    [entry] = await entries_of(session, team.prog)
    assert (entry.minutes, entry.task_id, entry.day) == (90, task.id, date(2026, 3, 11))
    assert (await fresh(session, Task, task.id)).logged_min == 90
    assert await fresh(session, Timer, team.prog.id) is None
    assert "Таймер не запущен" in (await tg.send(PROG, "/stop")).text


async def test_a_new_timer_stops_and_logs_the_running_one(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    one = await make_task(session, team, assignee=team.prog)
    two = await make_task(session, team, title="Second", assignee=team.prog)
    await tg.send(PROG, f"/timer #{one.id}")
    later(minutes=45)
    reply = await tg.send(PROG, f"/timer #{two.id}")
    assert f"Таймер по задаче #{one.id} остановлен: записано 45 мин" in reply.text
    assert f"Таймер запущен: #{two.id}" in reply.text
    assert [(e.task_id, e.minutes) for e in await entries_of(session, team.prog)] == [(one.id, 45)]
    assert (await fresh(session, Timer, team.prog.id)).task_id == two.id


async def test_under_a_minute_logs_nothing(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    await tg.send(PROG, f"/timer #{task.id}")
    later(seconds=59)
    reply = await tg.send(PROG, "/stop")
    assert "меньше минуты: ничего не записано" in reply.text
    assert await entries_of(session, team.prog) == []
    assert await fresh(session, Timer, team.prog.id) is None


async def test_overnight_timer_asks_and_log_all_splits_by_day(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    clock.set_now(datetime(2026, 3, 11, 19, 0, tzinfo=UTC))  # 22:00 in Moscow
    await tg.send(PROG, f"/timer #{task.id}")
    clock.set_now(datetime(2026, 3, 11, 22, 30, tzinfo=UTC))  # 01:30 next day
    question = await tg.send(PROG, "/stop")
    assert "идёт уже 3 ч 30 мин" in question.text
    assert await entries_of(session, team.prog) == []
    labels = [label for label, _ in question.buttons()]
    assert labels == ["Записать всё: 3 ч 30 мин", "До полуночи: 2 ч", "Не записывать"]
    done = await tg.click(PROG, question.button("Записать всё"))
    assert "11.03: 2 ч, 12.03: 1 ч 30 мин" in done.text
    entries = await entries_of(session, team.prog)
    assert [(e.day, e.minutes) for e in entries] == [
        (date(2026, 3, 11), 120),
        (date(2026, 3, 12), 90),
    ]
    assert (await fresh(session, Task, task.id)).logged_min == 210
    stale = await tg.click(PROG, question.button("Не записывать"))
    assert "Таймер не запущен" in stale.text


async def test_long_timer_can_log_twelve_hours_or_nothing(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    clock.set_now(datetime(2026, 3, 11, 4, 0, tzinfo=UTC))  # 07:00 in Moscow
    await tg.send(PROG, f"/timer #{task.id}")
    clock.set_now(datetime(2026, 3, 11, 18, 0, tzinfo=UTC))  # 21:00, 14 hours later
    question = await tg.send(PROG, "/stop")
    assert question.button("Первые 12 ч: 12 ч")
    await tg.click(PROG, question.button("Первые 12"))
    assert [e.minutes for e in await entries_of(session, team.prog)] == [720]
    await tg.send(PROG, f"/timer #{task.id}")
    later(hours=13)
    question = await tg.send(PROG, "/stop")
    other = await make_task(session, team, title="Other", assignee=team.prog)
    blocked = await tg.send(PROG, f"/timer #{other.id}")
    assert "идёт очень давно" in blocked.text
    dropped = await tg.click(PROG, question.button("Не записывать"))
    assert "остановлен без записи" in dropped.text
    assert [e.minutes for e in await entries_of(session, team.prog)] == [720]
    assert await fresh(session, Timer, team.prog.id) is None


async def test_forged_stop_button_changes_nothing(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    await tg.send(PROG, f"/timer #{task.id}")
    later(hours=13)
    question = await tg.send(PROG, "/stop")
    data = question.button("Записать всё")
    intruder = await tg.click(PROG2, data)
    assert "Таймер не запущен" in intruder.text
    wrong_key = await tg.click(PROG, data.rsplit(":", 1)[0] + ":123")
    assert "Таймер не запущен" in wrong_key.text
    odd = await tg.click(PROG, data.replace(":all:", ":boom:"))
    assert "больше не действует" in odd.text
    assert await entries_of(session, team.prog) == []
    assert await fresh(session, Timer, team.prog.id) is not None


async def test_timer_on_a_task_closed_meanwhile_logs_nothing(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    await tg.send(PROG, f"/timer #{task.id}")
    later(minutes=30)
    await tg.send(10, f"/cancel {task.id}")
    reply = await tg.send(PROG, "/stop")
    assert "задача закрыта или больше не ваша: 30 мин не записано" in reply.text
    assert await entries_of(session, team.prog) == []
    assert await fresh(session, Timer, team.prog.id) is None


async def test_stop_discard_and_bad_timer_input(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    other = await make_task(session, team, assignee=team.prog2)
    for text, expected in (
        ("/timer", "Формат: /timer #НОМЕР"),
        ("/timer #1 #2", "Формат: /timer #НОМЕР"),
        ("/timer abc", "Не понял номер задачи «abc»"),
        ("/timer #" + "9" * 4000, "Не понял номер задачи"),
        ("/timer #999", "Задача #999 не найдена"),
        (f"/timer #{other.id}", f"Записывать время на задачу #{other.id}"),
        ("/stop now", "Формат: /stop"),
    ):
        assert expected in (await tg.send(PROG, text)).text, text
    assert await fresh(session, Timer, team.prog.id) is None
    await tg.send(PROG, f"/timer #{task.id}")
    later(minutes=20)
    reply = await tg.send(PROG, "/stop discard")
    assert "остановлен без записи (20 мин)" in reply.text
    assert await entries_of(session, team.prog) == []
    denied = await tg.send(EXTERNAL, f"/timer #{task.id}")
    assert "недоступна" in denied.text


async def test_timer_in_english(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog)
    reply = await tg.send(PROG, f"/timer #{task.id}", lang="en")
    assert f'Timer started: #{task.id} "Fix login"' in reply.text
    later(hours=2)
    stopped = await tg.send(PROG, "/stop", lang="en")
    assert "logged 2 h (11 Mar: 2 h)" in stopped.text


async def test_a_timer_that_cannot_be_logged_says_how_to_drop_it(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    await tg.send(PROG, f"/timer #{task.id}")
    await tg.send(PROG, "/log 23h30m")
    later(hours=1)
    reply = await tg.send(PROG, "/stop")
    assert "Время таймера не помещается" in reply.text and "/stop discard" in reply.text
    assert await fresh(session, Timer, team.prog.id) is not None
    assert "остановлен без записи" in (await tg.send(PROG, "/stop discard")).text
    assert [e.minutes for e in await entries_of(session, team.prog)] == [1410]
