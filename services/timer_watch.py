"""Timers left running: one that has run past the person's working day gets a question, once.

"Past the working day": longer than what was left of the scheduled day when it started (the
day's capacity minus the hours already logged that day), and never longer than LONG_TIMER
(also the limit for a day without scheduled hours). The end of the working day is the same
amount after the start: "stop at the end of the working day" logs just that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, Timer
from services.calendar import load_calendar
from services.timelog import day_minutes

LONG_TIMER = timedelta(hours=10)
LONG_MINUTES = int(LONG_TIMER.total_seconds() // 60)


@dataclass(frozen=True)
class LongTimer:
    emp: Employee
    timer: Timer
    elapsed_min: int
    day_rest_min: int  # what the working day had left at the start; 0: nothing


def _start_day(timer: Timer, tz: str) -> datetime:
    return timer.started_at.replace(tzinfo=UTC).astimezone(ZoneInfo(tz))


async def day_rest(session: AsyncSession, timer: Timer, tz: str, country: str) -> int:
    """Minutes of the person's working day left for the timer: the start day's capacity minus
    what is logged on that day."""
    day = _start_day(timer, tz).date()
    calendar = await load_calendar(session, [timer.employee_id], day, country)
    capacity = calendar.capacity(timer.employee_id, day) or 0
    return max(0, capacity - await day_minutes(session, timer.employee_id, day))


async def long_timers(
    session: AsyncSession, now: datetime, tz: str, country: str
) -> list[LongTimer]:
    """Running timers of active people that have run past the working day (or LONG_TIMER)."""
    rows = await session.execute(
        select(Timer, Employee)
        .join(Employee, Employee.id == Timer.employee_id)
        .where(Employee.active.is_(True), Timer.started_at <= now - timedelta(minutes=1))
        .order_by(Timer.employee_id)
    )
    out = []
    for timer, emp in rows:
        elapsed = int((now - timer.started_at).total_seconds() // 60)
        rest = await day_rest(session, timer, tz, country)
        if elapsed >= (min(rest, LONG_MINUTES) if rest else LONG_MINUTES):
            out.append(LongTimer(emp, timer, elapsed, rest))
    return out
