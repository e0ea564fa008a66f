"""The month's timesheet in the layout of the unified form T-13 (SPEC §6, `/tabel`): per person
and day a code and the hours worked, with totals per half-month and month.

Codes (the form's letter codes): Я worked, В a day off or holiday, ОТ vacation, Б sick leave,
НН no hours on a working day. Where the contract is silent: a day off (`dayoff` absence) is В;
hours logged on a day off are shown as Я with those hours; a day not yet come (in the current
month) and a day no schedule covers (before someone was hired) are left blank.

Who is listed: active staff (not externals) with a schedule in force on some day of the month,
or anyone with entries in it; with a GROUP, only that group's members.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, GroupMember, Schedule, TimeEntry
from services.calendar import load_calendar
from services.units import month_bounds

WORKED, DAY_OFF, VACATION, SICK, ABSENT = "Я", "В", "ОТ", "Б", "НН"
_ABSENCE_CODES = {"vacation": VACATION, "sick": SICK, "dayoff": DAY_OFF}


@dataclass(frozen=True)
class Mark:
    code: str  # "" for a blank cell
    minutes: int  # worked that day


@dataclass(frozen=True)
class SheetRow:
    employee_id: int
    full_name: str
    marks: tuple[Mark, ...]  # one per day of the month

    @property
    def code(self) -> str:
        return f"e{self.employee_id}"

    def days(self, first: int, last: int) -> int:
        """Days worked (code Я) among days first..last of the month (1-based)."""
        return sum(mark.code == WORKED for mark in self.marks[first - 1 : last])

    def minutes(self, first: int, last: int) -> int:
        return sum(mark.minutes for mark in self.marks[first - 1 : last])


@dataclass(frozen=True)
class Timesheet:
    month: date
    last: date
    group: str | None
    rows: list[SheetRow]


def _mark(capacity: int | None, absence: str | None, worked: int, future: bool) -> Mark:
    if worked > 0:
        return Mark(WORKED, worked)
    if future or capacity is None:
        return Mark("", 0)
    if absence is not None:
        return Mark(_ABSENCE_CODES.get(absence, DAY_OFF), 0)
    return Mark(DAY_OFF if capacity == 0 else ABSENT, 0)


async def timesheet(
    session: AsyncSession,
    month: date,
    today: date,
    country: str,
    group_id: int | None = None,
    group: str | None = None,
) -> Timesheet:
    first, last = month_bounds(month)
    scheduled = select(Schedule.employee_id).where(Schedule.effective_from <= last)
    logged = select(TimeEntry.employee_id).where(TimeEntry.day >= first, TimeEntry.day <= last)
    query = (
        select(Employee)
        .where(
            or_(
                Employee.id.in_(logged),
                Employee.active.is_(True)
                & (Employee.role != "external")
                & Employee.id.in_(scheduled),
            )
        )
        .order_by(Employee.id)
    )
    if group_id is not None:
        members = select(GroupMember.employee_id).where(GroupMember.group_id == group_id)
        query = query.where(Employee.id.in_(members))
    people = list(await session.scalars(query))
    ids = [emp.id for emp in people]
    calendar = await load_calendar(session, ids, first, country)
    minutes: dict[tuple[int, date], int] = {}
    if ids:
        rows = await session.execute(
            select(TimeEntry.employee_id, TimeEntry.day, func.sum(TimeEntry.minutes))
            .where(TimeEntry.day >= first, TimeEntry.day <= last, TimeEntry.employee_id.in_(ids))
            .group_by(TimeEntry.employee_id, TimeEntry.day)
        )
        minutes = {(emp_id, day): int(total) for emp_id, day, total in rows}
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    sheet_rows = [
        SheetRow(
            emp.id,
            emp.full_name or emp.display,
            tuple(
                _mark(
                    calendar.capacity(emp.id, day),
                    calendar.absence_on(emp.id, day),
                    minutes.get((emp.id, day), 0),
                    day > today,
                )
                for day in days
            ),
        )
        for emp in people
    ]
    return Timesheet(first, last, group, sheet_rows)
