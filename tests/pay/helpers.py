"""Direct database set-up for the pay tests: pay settings, schedules, absences and entries
written as rows, so that the payroll is tested without depending on other commands."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Absence, Employee, PaySetting, Schedule, TimeEntry
from services import clock
from tests import factories

MARCH = date(2026, 3, 1)
H = 60
EIGHT = (8, 8, 8, 8, 8, 0, 0)


def at(day: date, hour: int = 12) -> None:
    """Move the clock to `hour`:00 Moscow time on `day`."""
    clock.set_now(datetime(day.year, day.month, day.day, hour - 3, tzinfo=UTC))


async def person(
    session: AsyncSession,
    tg: int,
    role: str = "programmer",
    *,
    language: str | None = None,
    active: bool = True,
) -> Employee:
    emp = await factories.employee(session, tg, role, f"user{tg}", language=language)
    if not active:
        emp.active = False
        await session.commit()
    return emp


async def pay(
    session: AsyncSession,
    emp: Employee,
    pay_type: str,
    amount: str,
    norm: str | None = None,
    k: str = "1",
    month: date = MARCH,
) -> None:
    session.add(
        PaySetting(
            employee_id=emp.id,
            effective_month=month,
            pay_type=pay_type,
            amount=Decimal(amount),
            norm_hours=Decimal(norm) if norm is not None else None,
            k=Decimal(k),
        )
    )
    await session.commit()


async def schedule(
    session: AsyncSession,
    emp: Employee,
    hours: tuple[int, ...] = EIGHT,
    start: date = date(2026, 1, 1),
) -> None:
    mon, tue, wed, thu, fri, sat, sun = (h * H for h in hours)
    session.add(
        Schedule(
            employee_id=emp.id,
            effective_from=start,
            mon=mon,
            tue=tue,
            wed=wed,
            thu=thu,
            fri=fri,
            sat=sat,
            sun=sun,
        )
    )
    await session.commit()


async def absence(
    session: AsyncSession, emp: Employee, first: date, last: date, kind: str = "vacation"
) -> None:
    session.add(Absence(employee_id=emp.id, kind=kind, date_from=first, date_to=last))
    await session.commit()


async def worked(
    session: AsyncSession, emp: Employee, minutes: int, month: date = MARCH, per_day: int = 600
) -> None:
    """`minutes` as entries of at most `per_day` minutes on consecutive days from the 1st."""
    day = month
    while minutes > 0:
        chunk = min(per_day, minutes)
        session.add(TimeEntry(employee_id=emp.id, day=day, minutes=chunk, created_by=emp.id))
        minutes -= chunk
        day += timedelta(days=1)
    await session.commit()


async def pay_rows(session: AsyncSession) -> list[tuple[int, date, str, Decimal]]:
    rows = await session.execute(
        select(
            PaySetting.employee_id,
            PaySetting.effective_month,
            PaySetting.pay_type,
            PaySetting.amount,
        ).order_by(PaySetting.employee_id, PaySetting.effective_month)
    )
    return [tuple(row) for row in rows]  # type: ignore[misc]


async def count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)
