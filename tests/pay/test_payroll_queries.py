"""/payroll issues the same number of SQL statements for 10 people as for 5,000."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from models import Absence, Employee, PaySetting, Schedule, TimeEntry
from tests.conftest import ADMIN_TG
from tests.pay.helpers import H, at
from tests.tg import BotClient

FIRST_ID = 2  # e1 is the admin
PROGRAMMER_TG = 10_000 + FIRST_ID


async def seed(session: AsyncSession, ids: range) -> None:
    """Employees `ids` with pay terms of every type, schedules, a few absences and three
    entries each in March 2026 (bulk inserts, no ORM objects)."""
    await session.execute(
        insert(Employee),
        [
            {"id": n, "telegram_id": 10_000 + n, "role": "programmer", "full_name": f"P{n}"}
            for n in ids
        ],
    )
    kinds = [
        ("fixed_by_hours", Decimal(100000), Decimal(160), Decimal("1.5")),
        ("fixed_by_hours", Decimal(100000), Decimal(0), Decimal(1)),
        ("hourly", Decimal(1500), None, Decimal(2)),
        ("salary", Decimal(90000), None, Decimal(1)),
    ]
    settings = []
    for n in ids:
        pay_type, amount, norm, k = kinds[n % 4]
        settings.append(
            {
                "employee_id": n,
                "effective_month": date(2026, 1, 1),
                "pay_type": pay_type,
                "amount": amount,
                "norm_hours": norm,
                "k": k,
            }
        )
        if n % 5 == 0:  # a later change that March must not see
            settings.append({**settings[-1], "effective_month": date(2026, 4, 1)})
    await session.execute(insert(PaySetting), settings)
    eight = {day: 8 * H for day in ("mon", "tue", "wed", "thu", "fri")} | {"sat": 0, "sun": 0}
    await session.execute(
        insert(Schedule),
        [{"employee_id": n, "effective_from": date(2026, 1, 1), **eight} for n in ids if n % 7],
    )
    await session.execute(
        insert(Absence),
        [
            {
                "employee_id": n,
                "kind": "vacation",
                "date_from": date(2026, 3, 16),
                "date_to": date(2026, 3, 20),
            }
            for n in ids
            if n % 3 == 0
        ],
    )
    await session.execute(
        insert(TimeEntry),
        [
            {
                "employee_id": n,
                "day": date(2026, 3, 2) + timedelta(days=d),
                "minutes": 7 * H + n % 60,
                "created_by": n,
            }
            for n in ids
            for d in range(3)
        ],
    )
    await session.commit()


@contextmanager
def counted(engine: AsyncEngine) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])  # (conn, cursor, statement, parameters, context, many)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def payroll_statements(client: BotClient, engine: AsyncEngine) -> tuple[int, int, str]:
    """Statements of the admin's /payroll and of one programmer's, and the admin's reply."""
    with counted(engine) as table:
        reply = await client.send(ADMIN_TG, "/payroll 2026-03")
    with counted(engine) as own:
        mine = await client.send(PROGRAMMER_TG, "/payroll 2026-03")
    assert mine.text.startswith("Ваша оплата за март 2026")
    return len(table), len(own), reply.text


async def test_statements_do_not_grow_with_people(
    client: BotClient, engine: AsyncEngine, session: AsyncSession
) -> None:
    session.add(Employee(id=1, telegram_id=ADMIN_TG, role="admin", full_name="User1"))
    await session.commit()
    await seed(session, range(FIRST_ID, FIRST_ID + 10))
    at(date(2026, 4, 2))
    for tg in (ADMIN_TG, PROGRAMMER_TG):  # the first update of a person refreshes their profile
        await client.send(tg, "/me")
    ten = await payroll_statements(client, engine)
    assert "10 сотрудников." in ten[2]

    await seed(session, range(FIRST_ID + 10, FIRST_ID + 5000))
    five_thousand = await payroll_statements(client, engine)
    assert "5000 сотрудников." in five_thousand[2]
    assert len(five_thousand[2]) < 4096

    assert ten[:2] == five_thousand[:2]
    # the update's bookkeeping (3) plus seven for the payroll: rules, hours, bonuses,
    # calendar (3), lock
    assert max(ten[:2]) <= 10
