"""Months locked by a sent payroll summary: staff can no longer change their entries there."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import MonthLock
from services.units import month_start


async def is_locked(session: AsyncSession, day: date) -> bool:
    return await session.get(MonthLock, month_start(day)) is not None


async def locked_months(session: AsyncSession) -> set[date]:
    return set(await session.scalars(select(MonthLock.month)))


async def lock_month(session: AsyncSession, month: date) -> bool:
    """Lock the month of `month`; False when it already was. The caller commits."""
    key = month_start(month)
    if await session.get(MonthLock, key) is not None:
        return False
    session.add(MonthLock(month=key))
    await session.flush()
    return True
