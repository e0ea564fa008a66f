"""Who may see and act on a task, and the task lists every feature reads. No aiogram here.

Visibility (SPEC §1, §3): an admin sees every task; a manager the tasks of the groups they
lead; a programmer or tester the tasks of their groups; an external the tasks of their groups
only; and anyone the tasks they are the author, assignee or tester of. A task someone may not
see is reported exactly like a task that does not exist, so numbers cannot be probed.

Every list here goes through an index (assignee, tester, group or status first); none reads
the whole tasks table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, func, literal, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, GroupMember, Task
from models.db import execute
from models.tasks import OPEN_STATUSES
from services import people
from services.calendar_cache import version_column
from services.errors import DomainError

CLOSED_STATUSES = ("done", "cancelled")
TASK_REF = re.compile(r"^#?([0-9]{1,9})$")
ASSIGNABLE_ROLES = ("programmer", "tester")


@dataclass(frozen=True)
class Scope:
    """A person with the groups they lead and belong to: enough to decide any task right."""

    emp: Employee
    led: frozenset[int]
    member: frozenset[int]
    # read in the same statement, for services.calendar_cache (None: no version row)
    calendar_version: int | None = None

    @property
    def is_admin(self) -> bool:
        return self.emp.role == "admin"

    @property
    def is_staff(self) -> bool:
        return self.emp.role != "external"


_SCOPE = union_all(
    select(literal("led"), DevGroup.id).where(DevGroup.lead_id == bindparam("emp")),
    select(literal("member"), GroupMember.group_id).where(
        GroupMember.employee_id == bindparam("emp")
    ),
    select(literal("version"), version_column()),
)


async def scope_of(session: AsyncSession, emp: Employee) -> Scope:
    """The groups the person leads and belongs to, and the calendar's version, in one
    statement built once: nearly every update asks for them."""
    rows = await execute(session, _SCOPE, {"emp": emp.id})
    found: dict[str, set[int]] = {"led": set(), "member": set()}
    version = None
    for kind, value in rows:
        if kind == "version":
            version = value
        elif value is not None:
            found[kind].add(value)
    # lead rights end with the role, whatever lead_id says
    led = found["led"] if emp.role in people.LEAD_ROLES else set()
    return Scope(
        emp=emp,
        led=frozenset(led),
        member=frozenset(found["member"]),
        calendar_version=version,
    )


def involved(scope: Scope, task: Task) -> bool:
    me = scope.emp.id
    return me in (task.assignee_id, task.tester_id, task.author_id)


def can_see(scope: Scope, task: Task) -> bool:
    if scope.is_admin or involved(scope, task):
        return True
    if scope.emp.role == "manager":
        return task.group_id in scope.led
    return task.group_id in scope.member


def manages(scope: Scope, task: Task) -> bool:
    """Assign, cancel and (with no tester) review: the group's lead manager or an admin."""
    return scope.is_admin or (scope.emp.role == "manager" and task.group_id in scope.led)


def may_log(scope: Scope, task: Task) -> bool:
    """Hours go on tasks the person works on; a manager may log on any task of their groups."""
    if not scope.is_staff:
        return False
    me = scope.emp.id
    return manages(scope, task) or me in (task.assignee_id, task.tester_id)


def sends_to_review(scope: Scope, task: Task) -> bool:
    """The assignee, while staff: someone made external keeps the task's assignee_id only."""
    return scope.is_staff and task.assignee_id == scope.emp.id


def reviews(scope: Scope, task: Task) -> bool:
    """The tester reviews; with no tester, the group's lead manager; an admin always may."""
    if scope.is_admin:
        return True
    if not scope.is_staff:  # a tester made external keeps the task's tester_id, not the right
        return False
    if task.tester_id is not None:
        return task.tester_id == scope.emp.id
    return scope.emp.role == "manager" and task.group_id in scope.led


def parse_task_ref(text: str) -> int:
    """`12` or `#12` to a task number, else DomainError("task-ref")."""
    match = TASK_REF.match(text.strip())
    if not match or int(match.group(1)) == 0:
        raise DomainError("task-ref", ref=text[:20])
    return int(match.group(1))


async def visible_task(
    session: AsyncSession, scope: Scope, task_id: int, *, lock: bool = False
) -> Task:
    """The task if this person may see it. `lock` holds its row until the commit (PostgreSQL),
    so two people changing one task one after the other see each other's change."""
    task = await get_task(session, task_id, lock=lock)
    if task is None or not can_see(scope, task):
        raise DomainError("task-not-found", id=task_id)
    return task


# The locked read of a task (every /log on a task takes it), built once.
_LOCKED_TASK = (
    select(Task)
    .where(Task.id == bindparam("id"))
    .with_for_update()
    .execution_options(populate_existing=True)
)


async def get_task(session: AsyncSession, task_id: int, *, lock: bool = False) -> Task | None:
    if not lock:
        return await session.get(Task, task_id)
    return await session.scalar(_LOCKED_TASK, {"id": task_id})


def require_open(task: Task) -> None:
    if task.status in CLOSED_STATUSES:
        raise DomainError("task-closed", id=task.id, status=task.status)


@dataclass(frozen=True, slots=True)
class OpenTask:
    """An open task as the lists show it, read as plain columns rather than an ORM object."""

    id: int
    title: str
    status: str
    priority: str
    assignee_id: int | None
    tester_id: int | None
    estimate_min: int | None
    logged_min: int
    deadline: date | None


# What a list line, a button or the list order reads of a task.
Listed = Task | OpenTask


def sort_key(task: Listed) -> tuple[date, int, int]:
    """Earlier deadline first (none last), then higher priority, then lower number."""
    rank = {"high": 0, "normal": 1, "low": 2}.get(task.priority, 1)
    return (task.deadline or date.max, rank, task.id)


async def tasks_by_ids(session: AsyncSession, ids: Iterable[int]) -> dict[int, Task]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = await session.scalars(select(Task).where(Task.id.in_(wanted)))
    return {t.id: t for t in rows}


async def employees_by_ids(session: AsyncSession, ids: Iterable[int | None]) -> dict[int, Employee]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    rows = await session.scalars(select(Employee).where(Employee.id.in_(wanted)))
    return {e.id: e for e in rows}


async def own_open_tasks(session: AsyncSession, emp_id: int) -> list[Task]:
    """Open tasks the person is the assignee or the tester of: one statement, which both
    databases answer with two index searches (SQLite's multi-index OR, PostgreSQL's bitmap OR)."""
    return sorted(await session.scalars(_OWN_OPEN, {"emp": emp_id}), key=sort_key)


_OWN_OPEN = select(Task).where(
    or_(Task.assignee_id == bindparam("emp"), Task.tester_id == bindparam("emp")),
    Task.status.in_(OPEN_STATUSES),
)


async def open_tasks(session: AsyncSession, group_ids: Sequence[int] | None = None) -> list[Task]:
    """Open tasks of the given groups (None: of all groups), for lists, plan and lag."""
    query = select(Task).where(Task.status.in_(OPEN_STATUSES))
    if group_ids is not None:
        if not group_ids:
            return []
        query = query.where(Task.group_id.in_(sorted(group_ids)))
    return sorted(await session.scalars(query), key=sort_key)


async def open_counts(
    session: AsyncSession, group_ids: Sequence[int] | None
) -> dict[int, dict[str, int]]:
    """Open tasks per group and status (None: every group)."""
    query = select(Task.group_id, Task.status, func.count()).where(Task.status.in_(OPEN_STATUSES))
    if group_ids is not None:
        if not group_ids:
            return {}
        query = query.where(Task.group_id.in_(sorted(group_ids)))
    rows = await session.execute(query.group_by(Task.group_id, Task.status))
    out: dict[int, dict[str, int]] = {}
    for group_id, status, count in rows:
        out.setdefault(group_id, {})[status] = count
    return out


async def review_queue(session: AsyncSession, scope: Scope) -> list[Task]:
    """Tasks in review that this person may accept or return."""
    in_review = select(Task).where(Task.status == "review")
    if scope.is_admin:
        return sorted(await session.scalars(in_review), key=sort_key)
    found = {
        t.id: t for t in await session.scalars(in_review.where(Task.tester_id == scope.emp.id))
    }
    if scope.emp.role == "manager" and scope.led:
        led = in_review.where(Task.group_id.in_(sorted(scope.led)), Task.tester_id.is_(None))
        found.update({t.id: t for t in await session.scalars(led)})
    return sorted(found.values(), key=sort_key)


async def groups_by_ids(session: AsyncSession, ids: Iterable[int]) -> dict[int, DevGroup]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = await session.scalars(select(DevGroup).where(DevGroup.id.in_(wanted)))
    return {g.id: g for g in rows}


async def assigned_open_tasks(
    session: AsyncSession, emp_id: int, group_id: int | None = None
) -> list[Task]:
    """Open tasks assigned to the person (in one group, when given): what to hand over when
    they are deactivated or leave the group."""
    query = select(Task).where(Task.assignee_id == emp_id, Task.status.in_(OPEN_STATUSES))
    if group_id is not None:
        query = query.where(Task.group_id == group_id)
    return sorted(await session.scalars(query), key=sort_key)
