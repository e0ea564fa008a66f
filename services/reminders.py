"""Who wants the evening reminder to log time (everyone but those who said `/remind off`), and
which days of the week it names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from models import ReminderOptOut
from services import clock
from services.calendar import Calendar


async def wanted(session: AsyncSession, emp_id: int) -> bool:
    return await session.get(ReminderOptOut, emp_id) is None


async def set_wanted(session: AsyncSession, emp_id: int, on: bool) -> None:
    if on:
        await session.execute(delete(ReminderOptOut).where(ReminderOptOut.employee_id == emp_id))
    elif await wanted(session, emp_id):
        session.add(ReminderOptOut(employee_id=emp_id, created_at=clock.utcnow_naive()))
    await session.commit()


@dataclass(frozen=True)
class ShortDay:
    day: date
    rest: int  # scheduled minutes not logged


def short_days(
    calendar: Calendar, logged: dict[date, int], emp_id: int, first: date, last: date
) -> list[ShortDay]:
    """Days first..last (inclusive) where the person logged less than their capacity."""
    out, day = [], first
    while day <= last:
        capacity = calendar.capacity(emp_id, day) or 0
        if logged.get(day, 0) < capacity:
            out.append(ShortDay(day, capacity - logged.get(day, 0)))
        day += timedelta(days=1)
    return out
