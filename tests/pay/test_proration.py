"""Salary and the fixed_by_hours base prorated by norm hours for a person hired or leaving within
the month (SPEC §6): hired = the start of their first schedule, leaving = the day of /deactivate."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee
from tests.conftest import ADMIN_TG
from tests.pay.helpers import H, at, pay, person, schedule, worked
from tests.tg import BotClient


async def test_hired_in_the_middle_of_the_month(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin")
    emp = await person(session, 2)
    await pay(session, emp, "fixed_by_hours", "168000", "0")
    # First schedule from Monday 16 March: 12 working days, 96 of March's 168 norm hours.
    await schedule(session, emp, start=date(2026, 3, 16))
    await worked(session, emp, 96 * H, month=date(2026, 3, 16), per_day=8 * H)
    at(date(2026, 4, 2))
    own = (await client.send(2, "/payroll 2026-03")).text
    assert "Норма: 168 ч" in own
    assert "Пропорционально периоду работы в месяце: 96 из 168 ч нормы" in own
    assert "К оплате: 96\u00a0000\u00a0₽" in own  # 168 000 × 96 / 168
    [(_, csv)] = (await client.send(ADMIN_TG, "/payroll 2026-03 csv")).documents()
    assert "e2,User2,2,fixed_by_hours,96.00,168.00,0.00,96000.00,RUB" in csv.decode("utf-8-sig")


async def test_leaving_in_the_middle_of_the_month(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin")
    emp = await person(session, 2)
    emp_id = emp.id
    await pay(session, emp, "salary", "84000")
    await schedule(session, emp)
    # Deactivated on Friday 13 March: 2–6 and 10–13 March worked, 72 of 168 norm hours.
    at(date(2026, 3, 13), hour=18)
    reply = await client.send(ADMIN_TG, "/deactivate e2")
    assert reply.texts
    session.expire_all()
    stored = await session.get(Employee, emp_id)
    assert stored is not None and stored.deactivated_at is not None and not stored.active
    at(date(2026, 4, 2))
    table = (await client.send(ADMIN_TG, "/payroll 2026-03")).text
    assert "e2 User2 — оклад" in table and "36\u00a0000\u00a0₽" in table  # 84 000 × 72 / 168
    april = (await client.send(ADMIN_TG, "/payroll 2026-04")).text
    assert "e2 User2" not in april


async def test_employed_all_month_is_not_prorated(client: BotClient, session: AsyncSession) -> None:
    await person(session, ADMIN_TG, "admin")
    emp = await person(session, 2)
    await pay(session, emp, "salary", "84000")
    await schedule(session, emp, start=date(2026, 3, 1))
    at(date(2026, 4, 2))
    own = (await client.send(2, "/payroll 2026-03")).text
    assert "К оплате: 84\u00a0000\u00a0₽" in own and "Пропорционально" not in own
