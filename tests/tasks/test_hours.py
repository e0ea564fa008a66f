"""/hours: own hours per day against the schedule, and per task."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from models import Absence
from tests.tasks.conftest import ADMIN, EXTERNAL, LAST_MONTH, MANAGER, PROG, TESTER, Team, make_task
from tests.tg import BotClient


async def test_week_by_day_and_by_task(tg: BotClient, session: AsyncSession, team: Team) -> None:
    task = await make_task(session, team, assignee=team.prog, start=LAST_MONTH)
    await tg.send(PROG, f"/log 6h #{task.id} вчера")
    await tg.send(PROG, f"/log 2h #{task.id}")
    await tg.send(PROG, "/log 1h созвон")
    await tg.send(PROG, "/log 1h 06.03")  # last week: not in this week
    reply = await tg.send(PROG, "/hours")
    lines = reply.text.split("\n")
    assert lines[0] == "Ваши часы с 09.03.2026 по 11.03.2026:"
    # Monday 9 March is a holiday (capacity 0, nothing logged): not listed
    assert lines[1:3] == ["Вт 10.03: 6 ч из 8 ч", "Ср 11.03: 3 ч из 8 ч"]
    assert "Итого: 9 ч из 16 ч по графику." in reply.text
    assert f"#{task.id} Fix login: 8 ч" in reply.text and "Общая работа: 1 ч" in reply.text
    assert reply.text.index(f"#{task.id} Fix login") < reply.text.index("Общая работа")


async def test_month_and_a_past_month(tg: BotClient, session: AsyncSession, team: Team) -> None:
    sick = Absence(
        employee_id=team.prog.id, kind="sick", date_from=date(2026, 2, 2), date_to=date(2026, 2, 3)
    )
    session.add(sick)
    await session.commit()
    await tg.send(PROG, "/log 4h 2026-02-02")
    await tg.send(PROG, "/log 1h 01.03")
    month = await tg.send(PROG, "/hours month")
    assert "с 01.03.2026 по 11.03.2026" in month.text
    assert "Вс 01.03: 1 ч из 0 мин" in month.text
    feb = await tg.send(PROG, "/hours 2026-02")
    assert "с 01.02.2026 по 28.02.2026" in feb.text
    assert "Пн 02.02: 4 ч из 0 мин" in feb.text  # sick day
    # Feb 2026: 20 weekdays, 23 Feb is a holiday, 2-3 Feb sick: 17 days of 8 h
    assert "Итого: 4 ч из 136 ч по графику." in feb.text


async def test_no_schedule_is_said(tg: BotClient, session: AsyncSession, team: Team) -> None:
    await tg.send(ADMIN, "/log 2h")
    reply = await tg.send(ADMIN, "/hours")
    assert "Ср 11.03: 2 ч (нет графика)" in reply.text
    assert "Дней без графика: 3" in reply.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/hours year", "Период «year» не подходит"),
        ("/hours 2026-13", "Период «2026-13» не подходит"),
        ("/hours 2026-04", "Месяц 2026-04 ещё не начался"),
        ("/hours week month", "Период «week month» не подходит"),
        ("/hours " + "x" * 4000, "не подходит. Примеры"),
    ],
)
async def test_bad_period(tg: BotClient, team: Team, text: str, expected: str) -> None:
    assert expected in (await tg.send(PROG, text)).text


async def test_hours_roles_and_english(tg: BotClient, team: Team) -> None:
    for who in (ADMIN, MANAGER, TESTER):
        assert "Итого" in (await tg.send(who, "/hours week")).text
    assert "недоступна" in (await tg.send(EXTERNAL, "/hours")).text
    english = await tg.send(PROG, "/hours", lang="en")
    assert "Your hours from 9 Mar 2026 to 11 Mar 2026:" in english.text
    assert "Tue 10 Mar: 0 min of 8 h" in english.text
