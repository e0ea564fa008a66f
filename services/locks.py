"""Months locked by a sent payroll summary: staff can no longer change their entries there."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, MonthLock


def month_start(day: date) -> date:
    return day.replace(day=1)


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
