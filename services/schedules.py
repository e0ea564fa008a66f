"""Weekly schedules: setting one (admin) and the overview `/schedule` shows.

History is kept: a schedule is a row per (employee, effective_from); setting the same
effective_from again replaces that row. The capacity rules themselves live in services.calendar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Absence, Employee, Schedule
from services import keywords, locks
from services.absences import absences_since
from services.calendar import Week, load_calendar
from services.calendar_input import parse_hours, require_date, require_staff
from services.errors import DomainError


@dataclass(frozen=True)
class ScheduleRequest:
    person: str
    week: Week
    effective_from: date


@dataclass(frozen=True)
class DayCapacity:
    day: date
    minutes: int | None  # None: no schedule covers the day
    reason: str | None  # "holiday", an absence kind, or None


@dataclass(frozen=True)
class ScheduleOverview:
    current: Schedule | None
    upcoming: list[Schedule]
    absences: list[Absence]
    week: list[DayCapacity]

    @property
    def week_minutes(self) -> int:
        return sum(day.minutes or 0 for day in self.week)


def parse_schedule_args(args: Sequence[str], today: date) -> ScheduleRequest:
    """PERSON H H H H H H H [from DATE]; the word "from" may be left out."""
    if len(args) == 10 and args[8] in keywords.FROM:
        args = [*args[:8], args[9]]
    if len(args) not in (8, 9) or (len(args) == 9 and args[8] in keywords.FROM):
        raise DomainError("schedule-usage")
    hours = [parse_hours(value) for value in args[1:8]]
    week: Week = (hours[0], hours[1], hours[2], hours[3], hours[4], hours[5], hours[6])
    start = require_date(args[8], today) if len(args) == 9 else today
    return ScheduleRequest(person=args[0], week=week, effective_from=start)


async def set_schedule(
    session: AsyncSession, actor: Employee, emp: Employee, week: Week, effective_from: date
) -> bool:
    """Store the week from `effective_from`; True when it replaced a row of that same date.
    Refused when a locked month has a day this schedule would govern."""
    require_staff(emp)
    following = await session.scalar(
        select(func.min(Schedule.effective_from)).where(
            Schedule.employee_id == emp.id, Schedule.effective_from > effective_from
        )
    )
    until = None if following is None else following - timedelta(days=1)
    await locks.refuse_locked(session, effective_from, until)
    row = await session.scalar(
        select(Schedule).where(
            Schedule.employee_id == emp.id, Schedule.effective_from == effective_from
        )
    )
    replaced = row is not None
    if row is None:
        row = Schedule(employee_id=emp.id, effective_from=effective_from)
        session.add(row)
    row.mon, row.tue, row.wed, row.thu, row.fri, row.sat, row.sun = week
    row.created_by = actor.id
    await session.commit()
    return replaced


def week_of(day: date) -> list[date]:
    monday = day - timedelta(days=day.weekday())
    return [monday + timedelta(days=i) for i in range(7)]


async def schedule_overview(
    session: AsyncSession, emp: Employee, today: date, country: str
) -> ScheduleOverview:
    """The schedule in force today, later ones already set, absences not yet over, and the
    capacity of each day of this week."""
    days = week_of(today)
    cal = await load_calendar(session, [emp.id], days[0], country)
    schedules = list(
        await session.scalars(
            select(Schedule).where(Schedule.employee_id == emp.id).order_by(Schedule.effective_from)
        )
    )
    current = None
    for row in schedules:
        if row.effective_from <= today:
            current = row
    absences = await absences_since(session, emp, today)
    week = []
    for day in days:
        reason = cal.absence_on(emp.id, day)
        if cal.holidays.is_holiday(day):
            reason = "holiday"
        week.append(DayCapacity(day, cal.capacity(emp.id, day), reason))
    return ScheduleOverview(
        current=current,
        upcoming=[row for row in schedules if row.effective_from > today],
        absences=absences,
        week=week,
    )
