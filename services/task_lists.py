"""The manager's list of open tasks: the groups a manager leads (an admin: every group), cut by
group and by person, ordered by status, then person, then urgency. No aiogram here.

The filters come from buttons, that is from the client: a group outside the viewer's scope is
refused, a person with no open task in the listed groups is refused, and a page number is
brought into range.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, Task
from models.tasks import OPEN_STATUSES
from services import tasks as tasks_service
from services.errors import DomainError

PAGE_SIZE = 10
ALL_GROUPS = 0
EVERYONE = 0
UNASSIGNED = -1  # the person filter for tasks nobody is assigned to
MAX_ID = 2**31

_Item = TypeVar("_Item")


@dataclass(frozen=True)
class Page:
    """One page of a longer list: `number` counts from 0 and is always in range."""

    number: int
    count: int
    start: int


def page_of(total: int, wanted: int, size: int = PAGE_SIZE) -> Page:
    """The page `wanted` of `total` items, brought into range (a stale or forged number reads
    as the nearest page that exists)."""
    count = max((total + size - 1) // size, 1)
    number = min(max(wanted, 0), count - 1)
    return Page(number=number, count=count, start=number * size)


def cut(items: Sequence[_Item], page: Page, size: int = PAGE_SIZE) -> list[_Item]:
    return list(items[page.start : page.start + size])


@dataclass(frozen=True)
class PersonCount:
    """Someone with open tasks in the listed groups (None: the tasks nobody is assigned to)."""

    person: Employee | None
    count: int

    @property
    def key(self) -> int:
        return self.person.id if self.person is not None else UNASSIGNED


@dataclass(frozen=True)
class GroupTasks:
    """What one screen of the manager's list needs."""

    tasks: list[Task]  # both filters applied, in list order
    groups: list[DevGroup]  # every group the viewer may list, by name
    people: list[PersonCount]  # under the group filter, by name, nobody last
    assignees: dict[int, Employee]
    group_id: int  # ALL_GROUPS or a group of `groups`
    person_id: int  # EVERYONE, UNASSIGNED or an employee id
    every_group: bool = False  # an admin's list: every group, not the ones they lead

    @property
    def group(self) -> DevGroup | None:
        return next((g for g in self.groups if g.id == self.group_id), None)

    @property
    def person(self) -> Employee | None:
        return self.assignees.get(self.person_id)


def lists_groups(emp: Employee) -> bool:
    """Whose /tasks is the list of their groups' open tasks: managers and admins."""
    return emp.role in ("manager", "admin")


def _valid(value: int, *, allowed: tuple[int, ...], code: str) -> int:
    if value in allowed or 0 < value < MAX_ID:
        return value
    raise DomainError(code)


async def _groups(session: AsyncSession, scope: tasks_service.Scope) -> list[DevGroup]:
    if scope.is_admin:
        rows = list(await session.scalars(select(DevGroup)))
    elif scope.emp.role == "manager":
        rows = list((await tasks_service.groups_by_ids(session, scope.led)).values())
    else:
        rows = []
    return sorted(rows, key=lambda g: (g.name.lower(), g.id))


def _order(task: Task, assignees: dict[int, Employee]) -> tuple[int, int, str, tuple[object, ...]]:
    status = OPEN_STATUSES.index(task.status)
    person = assignees.get(task.assignee_id) if task.assignee_id is not None else None
    if person is None:
        return (status, 1, "", tasks_service.sort_key(task))
    return (status, 0, person.display.lower(), (person.id, *tasks_service.sort_key(task)))


async def group_tasks(
    session: AsyncSession,
    scope: tasks_service.Scope,
    group_id: int = ALL_GROUPS,
    person_id: int = EVERYONE,
) -> GroupTasks:
    """The open tasks of the viewer's groups under the two filters, with the choices the
    filters offer. Three statements: the groups, the open tasks, their assignees."""
    group_id = _valid(group_id, allowed=(ALL_GROUPS,), code="lists-group")
    person_id = _valid(person_id, allowed=(EVERYONE, UNASSIGNED), code="lists-person")
    if not lists_groups(scope.emp):
        raise DomainError("lists-group")
    groups = await _groups(session, scope)
    ids = [g.id for g in groups]
    if group_id != ALL_GROUPS and group_id not in ids:
        raise DomainError("lists-group")
    query = select(Task).where(Task.status.in_(OPEN_STATUSES))
    if group_id != ALL_GROUPS:
        query = query.where(Task.group_id == group_id)
    elif not scope.is_admin:
        query = query.where(Task.group_id.in_(ids)) if ids else query.where(Task.id.is_(None))
    found = list(await session.scalars(query))
    assignees = await tasks_service.employees_by_ids(session, (t.assignee_id for t in found))
    counts: dict[int, int] = {}
    for task in found:
        key = task.assignee_id if task.assignee_id in assignees else UNASSIGNED
        counts[key] = counts.get(key, 0) + 1
    if person_id != EVERYONE and person_id not in counts:
        raise DomainError("lists-person")
    people = sorted(
        (PersonCount(assignees.get(key), n) for key, n in counts.items()),
        key=lambda pc: (pc.person is None, pc.person.display.lower() if pc.person else "", pc.key),
    )
    chosen = [
        t
        for t in found
        if person_id == EVERYONE
        or (t.assignee_id if t.assignee_id in assignees else UNASSIGNED) == person_id
    ]
    chosen.sort(key=lambda t: _order(t, assignees))
    return GroupTasks(
        tasks=chosen,
        groups=groups,
        people=people,
        assignees=assignees,
        group_id=group_id,
        person_id=person_id,
        every_group=scope.is_admin,
    )
