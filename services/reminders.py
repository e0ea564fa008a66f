"""Who wants the evening reminder to log time (everyone but those who said `/remind off`),
which days of the week it names, and what its buttons log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from models import ReminderOptOut
from services import clock, timelog
from services.calendar import Calendar, load_calendar
from services.errors import DomainError
from services.tasks import Scope
from services.timelog import Logged
from services.timeparse import MAX_MINUTES
from services.units import hours_of


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


async def log_rest(
    session: AsyncSession,
    scope: Scope,
    *,
    day: date,
    task_id: int | None,
    minutes: int,
    today: date,
    country: str,
    update_id: int | None,
) -> Logged:
    """A reminder's button: log `minutes` (the day's rest when the reminder went out) on `day`
    through every /log rule. Only while the day is still short by that much: a second press,
    or time logged since by other means, logs nothing and says how the day stands."""
    if not scope.is_staff:
        raise DomainError("log-external")
    if not 0 < minutes <= MAX_MINUTES:
        raise DomainError("dialog-stale")
    me = scope.emp
    # Two presses at once: the second waits here and then sees the first one's entry.
    await timelog.hold_person(session, me.id)
    monday = day - timedelta(days=day.weekday())
    capacity = (await load_calendar(session, [me.id], monday, country)).capacity(me.id, day) or 0
    logged = await timelog.day_minutes(session, me.id, day)
    if logged + minutes > capacity:
        fields = {"day": day, "logged": hours_of(logged), "capacity": hours_of(capacity)}
        if logged >= capacity:
            raise DomainError("remind-log-full", **fields)
        raise DomainError("remind-log-changed", left=hours_of(capacity - logged), **fields)
    return await timelog.log_time(
        session,
        scope,
        minutes=minutes,
        day=day,
        task_id=task_id,
        comment="",
        today=today,
        update_id=update_id,
    )
