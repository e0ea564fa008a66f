"""/log and plain-text logging: what the person is told and what the database holds."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import EntryAudit, MonthLock, Task, TimeEntry
from tests.tasks.conftest import (
    ADMIN,
    LAST_MONTH,
    MANAGER,
    PROG,
    PROG2,
    TESTER,
    Team,
    entries_of,
    events_of,
    fresh,
    make_task,
)
from tests.tg import BotClient


async def test_log_on_a_task_confirms_totals_and_moves_the_task(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    reply = await tg.send(PROG, f"/log 2ч30м #{task.id} починил вход")
    assert f"Записано 2 ч 30 мин за 11.03.2026: #{task.id} «Fix login»" in reply.text
    assert "За 11.03.2026: 2 ч 30 мин из 8 ч по графику." in reply.text
    assert f"#{task.id}: списано 2 ч 30 мин из 10 ч" in reply.text
    assert "Комментарий: починил вход" in reply.text
    assert reply.button("Отменить").startswith("u:")
    [entry] = await entries_of(session, team.prog)
    assert (entry.minutes, entry.day, entry.task_id, entry.comment) == (
        150,
        date(2026, 3, 11),
        task.id,
        "починил вход",
    )
    stored = await fresh(session, Task, task.id)
    assert stored.logged_min == 150 and stored.status == "in_progress"
    [event] = await events_of(session, task.id)
    assert (event.kind, event.from_status, event.to_status, event.actor_id) == (
        "status",
        "new",
        "in_progress",
        team.prog.id,
    )
    audit = await session.scalar(select(EntryAudit))
    assert audit is not None
    assert (audit.action, audit.entry_id, audit.new_minutes, audit.after_lock) == (
        "create",
        entry.id,
        150,
        False,
    )
    assert audit.update_id is not None


@pytest.mark.parametrize(
    ("text", "minutes", "day", "comment"),
    [
        ("2ч 30м #{id} вчера починил вход", 150, date(2026, 3, 10), "починил вход"),
        ("1.5h #{id} review", 90, date(2026, 3, 11), "review"),
        ("90мин #{id} 05.03", 90, date(2026, 3, 5), ""),
        ("1:15 #{id}", 75, date(2026, 3, 11), ""),
    ],
)
async def test_plain_message_starting_with_a_duration_is_a_log(
    tg: BotClient,
    session: AsyncSession,
    team: Team,
    text: str,
    minutes: int,
    day: date,
    comment: str,
) -> None:
    task = await make_task(session, team, assignee=team.prog, start=LAST_MONTH)
    reply = await tg.send(PROG, text.format(id=task.id))
    assert "Записано" in reply.text
    [entry] = await entries_of(session, team.prog)
    assert (entry.minutes, entry.day, entry.task_id, entry.comment) == (
        minutes,
        day,
        task.id,
        comment,
    )


async def test_general_work_and_no_schedule(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    reply = await tg.send(ADMIN, "/log 3h planning")
    assert "Записано 3 ч за 11.03.2026: общая работа." in reply.text
    assert "графика на этот день нет" in reply.text
    [entry] = await entries_of(session, team.admin)
    assert entry.task_id is None and entry.minutes == 180


async def test_chatter_is_not_a_log(tg: BotClient, session: AsyncSession, team: Team) -> None:
    for text in ("привет", "5", "2024 was a good year", "25h #1"):
        reply = await tg.send(PROG, text)
        assert "Записано" not in reply.text, text
    assert await entries_of(session, team.prog) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/log", "Формат: /log ДЛИТЕЛЬНОСТЬ"),
        ("/log abc #1", "Не понял длительность «abc»"),
        ("/log 25h #1", "больше 24 часов"),
        ("/log 0 #1", "ноль"),
        ("/log 0:00", "ноль"),
        ("/log 2h 31.02", "Дата «31.02» не подходит"),
        ("/log 2h 2026-13-01", "Дата «2026-13-01» не подходит"),
        ("/log 2h #0", "Номер задачи «#0» не подходит"),
        ("/log 2h #1 #1", "Номер задачи «#1» не подходит"),
        ("/log 2h #1234567890", "Номер задачи"),
        (
            "/log 2h завтра",
            "Нельзя записать время на будущее (12.03.2026): сегодня 11.03.2026. Например: /log "
            "2ч #12 вчера",
        ),
        (
            "/log 2h 2026-03-12",
            "Нельзя записать время на будущее (12.03.2026): сегодня 11.03.2026. Например: /log "
            "2ч #12 вчера",
        ),
        ("/log 2h #1 " + "x" * 4000, "Комментарий не подходит"),
        ("/log 2h #1 bad\x00byte", "Комментарий не подходит"),
        ("/log 2h #99", "Задача #99 не найдена"),
        ("/log " + "9" * 4000, "больше 24 часов"),
        ("/log '; DROP TABLE time_entries; --", "Не понял длительность"),
    ],
)
async def test_bad_log_input_is_explained_and_changes_nothing(
    tg: BotClient, session: AsyncSession, team: Team, text: str, expected: str
) -> None:
    await make_task(session, team, assignee=team.prog)
    reply = await tg.send(PROG, text)
    assert expected in reply.text, reply.text
    assert (
        "например" in reply.text.lower()
        or "примеры" in reply.text.lower()
        or "/tasks" in reply.text
    )
    assert await entries_of(session, team.prog) == []
    assert (await fresh(session, Task, 1)).logged_min == 0


@pytest.mark.parametrize(
    "text", ["/log " + "x" * 5000, "/log " + "9" * 5000, "/log 2h #" + "1" * 5000]
)
async def test_a_huge_bad_token_is_echoed_cut_to_fit_a_message(
    tg: BotClient, session: AsyncSession, team: Team, text: str
) -> None:
    reply = await tg.send(PROG, text)
    [answer] = reply.texts
    assert len(answer) < 300 and "…»" in answer, answer
    assert await entries_of(session, team.prog) == []


async def test_day_holds_at_most_24_hours(tg: BotClient, session: AsyncSession, team: Team) -> None:
    await tg.send(PROG, "/log 20h")
    reply = await tg.send(PROG, "/log 5h")
    assert "уже записано 20 ч" in reply.text and "ещё 4 ч" in reply.text
    await tg.send(PROG, "/log 4h вчера")  # another day is fine
    assert [e.minutes for e in await entries_of(session, team.prog)] == [1200, 240]


async def test_only_people_on_the_task_log_on_it(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog, tester=team.tester)
    refused = await tg.send(PROG2, f"/log 1h #{task.id}")
    assert f"Записывать время на задачу #{task.id} могут её исполнитель" in refused.text
    other = await make_task(session, team, assignee=team.outsider, group=team.web)
    not_seen = await tg.send(PROG, f"/log 1h #{other.id}")
    missing = await tg.send(PROG, "/log 1h #777")
    assert not_seen.text == missing.text.replace("#777", f"#{other.id}")
    for who in (TESTER, MANAGER, ADMIN):
        assert "Записано" in (await tg.send(who, f"/log 1h #{task.id}")).text
    assert (await fresh(session, Task, task.id)).logged_min == 180
    assert await session.scalar(select(func.count()).select_from(TimeEntry)) == 3


async def test_closed_tasks_take_no_time(tg: BotClient, session: AsyncSession, team: Team) -> None:
    for status in ("done", "cancelled"):
        task = await make_task(session, team, assignee=team.prog, status=status)
        reply = await tg.send(PROG, f"/log 1h #{task.id}")
        assert f"Задача #{task.id} уже закрыта" in reply.text
    assert await entries_of(session, team.prog) == []


async def test_locked_month_refuses_staff_and_admins(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    session.add(MonthLock(month=date(2026, 2, 1)))
    await session.commit()
    refused = await tg.send(PROG, "/log 2h 2026-02-10")
    assert "Месяц 2026-02 закрыт" in refused.text
    # The month's payroll is frozen: an admin reopens it first (/unlock).
    admin = await tg.send(ADMIN, "/log 2h 2026-02-10 correction")
    assert "Месяц 2026-02 закрыт" in admin.text and "/unlock 2026-02" in admin.text
    assert await entries_of(session, team.prog) == []
    assert await entries_of(session, team.admin) == []
    assert await session.scalar(select(EntryAudit)) is None


async def test_the_same_update_twice_logs_once(
    tg: BotClient, session: AsyncSession, team: Team
) -> None:
    task = await make_task(session, team, assignee=team.prog)
    update = tg.message_update(PROG, f"/log 1h #{task.id}", update_id=5000)
    first = await tg.feed(update)
    second = await tg.feed(update)
    assert "Записано" in first.text and second.texts == []
    assert len(await entries_of(session, team.prog)) == 1
    assert (await fresh(session, Task, task.id)).logged_min == 60
    audit = await session.scalar(select(EntryAudit))
    assert audit is not None
    assert audit.update_id == 5000


async def test_log_in_english(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog, start=LAST_MONTH)
    reply = await tg.send(PROG, f"/log 1h30m #{task.id} yesterday fixed", lang="en")
    assert f'Logged 1 h 30 min on 10 Mar 2026: #{task.id} "Fix login".' in reply.text
    assert "On 10 Mar 2026: 1 h 30 min of 8 h scheduled." in reply.text
    assert f"#{task.id}: logged 1 h 30 min of 10 h" in reply.text
    bad = await tg.send(PROG, "/log soon", lang="en")
    assert '"soon" is not a duration' in bad.text
