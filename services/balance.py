"""The hours balance (SPEC §7a): hours worked minus norm hours, per month and running, so
overtime and undertime carry over from month to month.

The norm is the working calendar's capacity (services.calendar, the one place it is computed):
holidays, shortened days, transfers and absences (approved leave included) count as they do
for pay. The balance starts on the person's first schedule, or on BALANCE_FROM when that is
later, and runs through today: on the current day, today's norm counts in full.

Who sees whose balance: everyone their own; a manager the members of the groups they lead; an
admin everyone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, GroupMember, Schedule, TimeEntry
from models.people import STAFF_ROLES
from services.calendar import load_calendar
from services.errors import DomainError
from services.units import month_bounds


@dataclass(frozen=True)
class MonthBalance:
    month: date
    worked: int  # minutes
    norm: int
    running: int  # balance at the end of this month (or today), minutes

    @property
    def diff(self) -> int:
        return self.worked - self.norm


@dataclass(frozen=True)
class Balance:
    emp: Employee
    start: date | None  # None: no schedule, so no balance
    months: list[MonthBalance]

    @property
    def total(self) -> int:
        return self.months[-1].running if self.months else 0


async def _first_schedules(session: AsyncSession, ids: Sequence[int]) -> dict[int, date]:
    rows = await session.execute(
        select(Schedule.employee_id, func.min(Schedule.effective_from))
        .where(Schedule.employee_id.in_(ids))
        .group_by(Schedule.employee_id)
    )
    return {emp_id: first for emp_id, first in rows}


async def _worked(
    session: AsyncSession, ids: Sequence[int], first: date, last: date
) -> dict[tuple[int, date], int]:
    """Minutes per (person, month) over first..last."""
    rows = await session.execute(
        select(TimeEntry.employee_id, TimeEntry.day, func.sum(TimeEntry.minutes))
        .where(TimeEntry.employee_id.in_(ids), TimeEntry.day.between(first, last))
        .group_by(TimeEntry.employee_id, TimeEntry.day)
    )
    out: dict[tuple[int, date], int] = defaultdict(int)
    for emp_id, day, minutes in rows:
        out[(emp_id, day.replace(day=1))] += int(minutes)
    return out


def months_between(first: date, last: date) -> list[date]:
    """The first days of the months that first..last touches."""
    out, month = [], first.replace(day=1)
    while month <= last:
        out.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return out


async def balances(
    session: AsyncSession,
    people: Sequence[Employee],
    today: date,
    country: str,
    since: date | None = None,
) -> list[Balance]:
    """The balance of each person, in a fixed number of queries however many they are."""
    ids = [emp.id for emp in people]
    firsts = await _first_schedules(session, ids)
    starts = {emp_id: max(first, since) if since else first for emp_id, first in firsts.items()}
    starts = {emp_id: start for emp_id, start in starts.items() if start <= today}
    if not starts:
        return [Balance(emp, None, []) for emp in people]
    earliest = min(starts.values())
    calendar = await load_calendar(session, list(starts), earliest, country)
    worked = await _worked(session, list(starts), earliest, today)
    out = []
    for emp in people:
        start = starts.get(emp.id)
        if start is None:
            out.append(Balance(emp, None, []))
            continue
        rows, running = [], 0
        for month in months_between(start, today):
            first, last = month_bounds(month)
            norm = calendar.scheduled_minutes(emp.id, max(first, start), min(last, today))
            done = worked.get((emp.id, month), 0)
            running += done - norm
            rows.append(MonthBalance(month, done, norm, running))
        out.append(Balance(emp, start, rows))
    return out


async def balance_of(
    session: AsyncSession, emp: Employee, today: date, country: str, since: date | None
) -> Balance:
    return (await balances(session, [emp], today, country, since))[0]


async def may_see(session: AsyncSession, viewer: Employee, emp: Employee) -> bool:
    if viewer.role == "admin" or viewer.id == emp.id:
        return True
    if viewer.role != "manager":
        return False
    led = select(DevGroup.id).where(DevGroup.lead_id == viewer.id)
    found = await session.scalar(
        select(GroupMember.employee_id)
        .where(GroupMember.employee_id == emp.id, GroupMember.group_id.in_(led))
        .limit(1)
    )
    return found is not None


async def require_visible(session: AsyncSession, viewer: Employee, emp: Employee) -> None:
    if not await may_see(session, viewer, emp):
        raise DomainError("balance-denied", person=emp.display)


async def visible_people(
    session: AsyncSession, viewer: Employee, group: DevGroup | None = None
) -> list[Employee]:
    """Active staff whose balances `viewer` lists: a group's members (a group the viewer
    leads, or any for an admin), else everyone an admin sees or a manager's groups' members."""
    if group is not None and viewer.role != "admin" and group.lead_id != viewer.id:
        raise DomainError("balance-group-denied", name=group.name)
    query = select(Employee).where(Employee.active.is_(True), Employee.role.in_(STAFF_ROLES))
    if group is not None:
        members = select(GroupMember.employee_id).where(GroupMember.group_id == group.id)
        query = query.where(Employee.id.in_(members))
    elif viewer.role != "admin":
        led = select(DevGroup.id).where(DevGroup.lead_id == viewer.id)
        members = select(GroupMember.employee_id).where(GroupMember.group_id.in_(led))
        query = query.where(Employee.id.in_(members))
    return list(await session.scalars(query.order_by(Employee.id)))
