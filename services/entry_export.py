"""`/timesheet [GROUP|@user|eN] [YYYY-MM] csv`: a month's raw time entries, whose and for whom.

Who may export what: an admin anyone and any group (everyone by default); a manager the groups
they lead or a person in one of them (by default the people of their groups and their own); staff
only their own. A group or person outside a manager's groups is refused with the same answer as
one that does not exist, so names cannot be probed; staff naming anyone else get one refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, GroupMember, Task, TimeEntry
from services.calendar_input import echo
from services.errors import DomainError
from services.people import PERSON_REF, find_group, resolve_person
from services.units import month_bounds

_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
OVERSEERS = ("admin", "manager")
ALL, GROUPS, OWN, GROUP, PERSON = "all", "groups", "own", "group", "person"


@dataclass(frozen=True)
class ExportRequest:
    ref: str | None
    month: date


@dataclass(frozen=True)
class EntryRow:
    day: date
    person: Employee
    task: Task | None
    minutes: int
    comment: str


@dataclass(frozen=True)
class Export:
    month: date
    name: str  # the group's name or the person's display; "" for a default scope
    tag: str  # for the file name: the group's name, eN, or "all"
    scope: str  # ALL (an admin's default), GROUPS (a manager's), OWN (staff's), GROUP or PERSON
    rows: list[EntryRow]


def parse_request(args: list[str], today: date) -> ExportRequest:
    """`[GROUP|@user|eN] [YYYY-MM] csv` in any order before the final `csv`."""
    if not args or args[-1].lower() != "csv" or len(args) > 3:
        raise DomainError("timesheet-usage")
    ref: str | None = None
    month = today.replace(day=1)
    for word in args[:-1]:
        match = _MONTH.fullmatch(word)
        if match and 1 <= int(match.group(2)) <= 12 and int(match.group(1)) >= 2000:
            month = date(int(match.group(1)), int(match.group(2)), 1)
            if month > today:
                raise DomainError("timesheet-future", month=word)
        elif ref is None:
            ref = word
        else:
            raise DomainError("timesheet-usage")
    return ExportRequest(ref, month)


async def _led(session: AsyncSession, actor: Employee) -> list[int]:
    if actor.role != "manager":
        return []
    return list(await session.scalars(select(DevGroup.id).where(DevGroup.lead_id == actor.id)))


def _not_yours(actor: Employee, ref: str) -> DomainError:
    if actor.role not in OVERSEERS:
        return DomainError("timesheet-own-only")
    return DomainError("timesheet-not-yours", ref=echo(ref))


async def _people_in(session: AsyncSession, group_ids: list[int]) -> set[int]:
    if not group_ids:
        return set()
    rows = await session.scalars(
        select(GroupMember.employee_id).where(GroupMember.group_id.in_(group_ids))
    )
    return set(rows)


@dataclass(frozen=True)
class _Whose:
    people: set[int] | None  # None: everyone
    name: str
    tag: str
    scope: str


async def _whose(session: AsyncSession, actor: Employee, ref: str | None) -> _Whose:
    """The people whose entries go in, and how to name them."""
    led = await _led(session, actor)
    if ref is None:
        if actor.role == "admin":
            return _Whose(None, "", "all", ALL)
        if actor.role == "manager":
            return _Whose(await _people_in(session, led) | {actor.id}, "", "all", GROUPS)
        return _Whose({actor.id}, "", actor.code, OWN)
    if not ref.startswith("@") and actor.role in OVERSEERS:
        group = await find_group(session, ref)
        if group is not None:
            if actor.role != "admin" and group.id not in led:
                raise _not_yours(actor, ref)
            return _Whose(await _people_in(session, [group.id]), group.name, group.name, GROUP)
    if not PERSON_REF.match(ref):
        raise _not_yours(actor, ref)
    try:
        emp = await resolve_person(session, ref)
    except DomainError:
        raise _not_yours(actor, ref) from None
    allowed = (
        emp.id == actor.id or actor.role == "admin" or emp.id in await _people_in(session, led)
    )
    if not allowed:
        raise _not_yours(actor, ref)
    return _Whose({emp.id}, emp.display, emp.code, PERSON)


async def export_entries(session: AsyncSession, actor: Employee, request: ExportRequest) -> Export:
    """The month's entries of the people `actor` asked for, by day, person and entry."""
    whose = await _whose(session, actor, request.ref)
    first, last = month_bounds(request.month)
    query = (
        select(TimeEntry, Employee, Task)
        .join(Employee, Employee.id == TimeEntry.employee_id)
        .outerjoin(Task, Task.id == TimeEntry.task_id)
        .where(TimeEntry.day.between(first, last))
        .order_by(TimeEntry.day, Employee.id, TimeEntry.created_at, TimeEntry.id)
    )
    if whose.people is not None:
        query = query.where(TimeEntry.employee_id.in_(whose.people))
    rows = [
        EntryRow(entry.day, emp, task, entry.minutes, entry.comment)
        for entry, emp, task in await session.execute(query)
    ]
    return Export(first, whose.name, whose.tag, whose.scope, rows)
