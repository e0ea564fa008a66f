"""Who wants the evening reminder to log time: everyone but those who said `/remind off`."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from models import ReminderOptOut
from services import clock


async def wanted(session: AsyncSession, emp_id: int) -> bool:
    return await session.get(ReminderOptOut, emp_id) is None


async def set_wanted(session: AsyncSession, emp_id: int, on: bool) -> None:
    if on:
        await session.execute(delete(ReminderOptOut).where(ReminderOptOut.employee_id == emp_id))
    elif await wanted(session, emp_id):
        session.add(ReminderOptOut(employee_id=emp_id, created_at=clock.utcnow_naive()))
    await session.commit()
