"""Weeks approved for a person are closed to their time entries, like a paid month.

Kept apart from services.week_approval so that services.timelog can call it without a cycle.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import bindparam, exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.selectable import Exists

from models import WeekApproval
from models.leave import WEEK_APPROVED
from services.errors import DomainError


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


async def is_approved(session: AsyncSession, emp_id: int, day: date) -> bool:
    status = await session.scalar(
        select(WeekApproval.status).where(
            WeekApproval.employee_id == emp_id, WeekApproval.week_start == week_start(day)
        )
    )
    return status == WEEK_APPROVED


def approved_week() -> Exists:
    """Whether the week starting `week` is approved for `emp` (bound parameters), to ride along
    another statement of the /log hot path."""
    return exists().where(
        WeekApproval.employee_id == bindparam("emp"),
        WeekApproval.week_start == bindparam("week"),
        WeekApproval.status == WEEK_APPROVED,
    )


def check_week_open(approved: bool, day: date, is_admin: bool) -> None:
    """Refuse a write to a person's entry dated in a week approved for them (admins excepted)."""
    if approved and not is_admin:
        monday = week_start(day)
        raise DomainError("log-week-locked", first=monday, last=monday + timedelta(days=6))


async def require_week_open(session: AsyncSession, emp_id: int, day: date, is_admin: bool) -> None:
    check_week_open(not is_admin and await is_approved(session, emp_id, day), day, is_admin)
