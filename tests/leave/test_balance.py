"""/balance and /me: worked minus norm per month, carried over; who sees whose balance."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, TimeEntry
from services.calendar import load_calendar
from tests.leave.conftest import ADMIN, MANAGER, PROG, TESTER, Team
from tests.tg import BotClient

JAN, FEB, MAR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)
TODAY = date(2026, 3, 11)


async def norm(session: AsyncSession, emp: Employee, first: date, last: date) -> int:
    calendar = await load_calendar(session, [emp.id], first, "RU")
    return calendar.scheduled_minutes(emp.id, first, last)


async def work(session: AsyncSession, emp: Employee, month: date, minutes: int) -> None:
    """`minutes` in entries of at most 12 hours, one a day from the 1st."""
    day = month
    while minutes > 0:
        part = min(minutes, 720)
        session.add(TimeEntry(employee_id=emp.id, day=day, minutes=part, created_by=emp.id))
        minutes -= part
        day += timedelta(days=1)
    await session.commit()


async def test_overtime_and_undertime_carry_over(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    jan = await norm(session, team.prog, JAN, date(2026, 1, 31))
    feb = await norm(session, team.prog, FEB, date(2026, 2, 28))
    mar = await norm(session, team.prog, MAR, TODAY)
    await work(session, team.prog, JAN, jan + 600)
    await work(session, team.prog, FEB, feb - 900)
    await work(session, team.prog, MAR, mar)

    reply = await client.send(PROG, "/balance")
    lines = reply.text.splitlines()
    assert lines[0] == "Баланс часов: User20 (e4)"
    assert lines[1].startswith("январь 2026: отработано") and lines[1].endswith(
        "(+10 ч), итог +10 ч"
    )
    assert lines[2].endswith("(-15 ч), итог -5 ч")
    assert lines[3].endswith("(0 мин), итог -5 ч")
    assert lines[4] == "Итого с 01.01.2026: -5 ч — недоработка."

    me = await client.send(PROG, "/me")
    assert "Баланс часов: -5 ч (подробно: /balance)" in me.text


async def test_approved_leave_lowers_the_norm_at_once(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    mar = await norm(session, team.prog, MAR, TODAY)
    await work(session, team.prog, JAN, await norm(session, team.prog, JAN, date(2026, 1, 31)))
    await work(session, team.prog, FEB, await norm(session, team.prog, FEB, date(2026, 2, 28)))
    await work(session, team.prog, MAR, mar - 480)
    before = await client.send(PROG, "/balance")
    assert before.text.endswith("Итого с 01.01.2026: -8 ч — недоработка.")
    asked = await client.send(PROG, "/leave отгул 10.03")
    await client.click(MANAGER, asked.button("Одобрить"))
    after = await client.send(PROG, "/balance")
    assert after.text.endswith("Итого с 01.01.2026: 0 — ровно по норме.")


async def test_a_manager_lists_the_people_of_their_groups(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    await work(session, team.prog, MAR, 4 * 480)
    reply = await client.send(MANAGER, "/balance")
    lines = reply.text.splitlines()
    assert lines[0] == "Баланс часов на 11.03.2026:"
    people = [line.split(":")[0] for line in lines[1:-1]]
    assert people == ["User10 (e2)", "User20 (e4)", "User21 (e5)", "User30 (e6)"]
    assert "User22" not in reply.text and "User40" not in reply.text  # other group, external
    group = await client.send(MANAGER, "/balance backend")
    assert group.text.startswith("Баланс часов группы backend на 11.03.2026:")
    person = await client.send(MANAGER, "/balance @ivan")
    assert person.text.startswith("Баланс часов: User20 (e4)\nянварь 2026")


async def test_everyone_else_is_refused(
    client: BotClient, session: AsyncSession, team: Team
) -> None:
    assert "вам недоступен" in (await client.send(MANAGER, "/balance @anna")).text
    assert "ведёт другой руководитель" in (await client.send(MANAGER, "/balance web")).text
    assert "вам недоступен" in (await client.send(PROG, "/balance @olga")).text
    assert "ведёт другой руководитель" in (await client.send(TESTER, "/balance backend")).text
    assert "Формат: /balance" in (await client.send(PROG, "/balance a b")).text
    admin = await client.send(ADMIN, "/balance")
    assert "User22 (e8)" in admin.text and "User1 (e1): нет графика" in admin.text
    assert (await client.send(ADMIN, "/balance @anna")).text.startswith("Баланс часов: User22")
