"""Months locked by a sent payroll summary: their payroll is frozen, and nothing that would
change it (entries, schedules, absences, holidays, pay settings, bonuses) is accepted until an
admin reopens the month with /unlock."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, MonthLock
from services.errors import DomainError
from services.units import month_start


async def is_locked(session: AsyncSession, day: date) -> bool:
    return await session.get(MonthLock, month_start(day)) is not None


async def locked_months(session: AsyncSession) -> set[date]:
    return set(await session.scalars(select(MonthLock.month)))


async def lock_month(session: AsyncSession, month: date) -> bool:
    """Lock the month of `month`; False when it already was. The caller commits.

    Every person's row is locked first (PostgreSQL; SQLite has one writer anyway): an entry
    being written now holds its person's row, so the lock waits for it to commit, and a write
    that comes after reads the month lock under that same row lock and sees it."""
    key = month_start(month)
    await session.execute(select(Employee.id).order_by(Employee.id).with_for_update())
    if await session.get(MonthLock, key) is not None:
        return False
    session.add(MonthLock(month=key))
    await session.flush()
    return True


async def first_locked(session: AsyncSession, first: date, last: date | None) -> date | None:
    """The earliest locked month that has a day in first..last (last None: open-ended)."""
    query = select(func.min(MonthLock.month)).where(MonthLock.month >= month_start(first))
    if last is not None:
        query = query.where(MonthLock.month <= last)
    return await session.scalar(query)


async def refuse_locked(session: AsyncSession, first: date, last: date | None) -> None:
    """A change to days first..last would alter a frozen payroll: refuse it, naming the month."""
    locked = await first_locked(session, first, last)
    if locked is not None:
        raise DomainError("month-locked", month=f"{locked:%Y-%m}")
