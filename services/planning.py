"""Plan status from the database: what `/plan` shows and the outlook `/tasks` and `/task N` show.

Loading takes a fixed number of statements whatever the number of people or tasks: two for the
open tasks (with group names) and the people shown, and three for the calendar
(services.calendar). The formulas are services.plan's.

A person's forecast and overload count all their open tasks, in whatever group: the hours they
spend on another group's task are hours they cannot spend on this one. The rows, the per-person
task counts and lag only cover the tasks in the scope asked for.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, literal, select, union, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from models import DevGroup, Employee, Task
from models.db import execute
from models.tasks import OPEN_STATUSES
from services.calendar import load_calendar
from services.calendar_cache import company_calendar, version_column
from services.plan import FLAG_NO_SCHEDULE, FLAG_OK, PersonPlan, PlanTask, TaskPlan, plan
from services.plan_scope import PlanScope
from services.task_create import window_too_long
from services.tasks import OpenTask, sort_key

ZERO_H = Decimal("0.00")


@dataclass(frozen=True)
class PersonRow:
    employee: Employee
    open_tasks: int
    lag_h: Decimal
    overload_h: Decimal | None  # None: a day without schedule before their last deadline
    no_schedule: int
    planned_h: Decimal
    logged_h: Decimal


@dataclass(frozen=True)
class TaskRow:
    task: PlanTask
    assignee: Employee | None
    plan: TaskPlan | None  # None for a task nobody is assigned to


@dataclass(frozen=True)
class PlanReport:
    scope: PlanScope
    today: date
    people: list[PersonRow]  # worst first: largest lag, then overload
    tasks: list[TaskRow]  # worst first; tasks without an assignee last


# Other open tasks, in subqueries; made once (an alias costs a millisecond to build).
_PEER = aliased(Task)
_MINE = aliased(Task)
_THEIRS = aliased(Task)
# A condition on the tasks table, built for Task itself or for an alias of it.
Where = Callable[[Any], ColumnElement[bool]]

# Plain columns, not ORM objects: a plan of 500 people reads thousands of their tasks.
_TASK_COLUMNS = (
    Task.id,
    Task.title,
    DevGroup.name,
    Task.assignee_id,
    Task.status,
    Task.estimate_min,
    Task.logged_min,
    Task.start_date,
    Task.deadline,
)


# The open statuses as three parameters of the statement, not one list parameter: a list makes
# SQLAlchemy write the statement's text again on every execution.
_OPEN = [literal(status) for status in OPEN_STATUSES]


def _open_of(table: Any) -> ColumnElement[bool]:
    return table.status.in_(_OPEN)


def _plan_task(
    id: int,
    title: str,
    group: str,
    assignee_id: int | None,
    status: str,
    estimate_min: int | None,
    logged_min: int,
    start: date,
    deadline: date | None,
) -> PlanTask:
    if deadline is not None and window_too_long(start, deadline):
        # Only a task made before windows were bounded: listed, not lag-tracked, so that a
        # typo such as 9999-12-31 costs nothing on every plan.
        deadline = None
    return PlanTask(
        id, title, group, assignee_id, status, estimate_min, logged_min, start, deadline
    )


async def _open_tasks(
    session: AsyncSession, where: Where | None
) -> list[tuple[PlanTask, Employee | None]]:
    """Open tasks matching `where`, each with its assignee, plus every other open task of those
    assignees (with None for the assignee: they are planned, not shown), in one statement.

    The matching tasks and the other tasks of their assignees are found through an index each
    (a union of ids): an OR of the two would read every open task of the company. The tasks
    come as plain rows, with the id of the assignee to show; those people are loaded in a
    statement of their own (an ORM entity in the tasks' statement costs more per row than the
    row itself)."""
    query = select(*_TASK_COLUMNS, Employee.id).join(DevGroup, DevGroup.id == Task.group_id)
    if where is None:
        query = query.outerjoin(Employee, Employee.id == Task.assignee_id).where(_open_of(Task))
    else:
        assignees = select(_PEER.assignee_id).where(
            _open_of(_PEER), _PEER.assignee_id.is_not(None), where(_PEER)
        )
        ids = union(
            select(_MINE.id).where(_open_of(_MINE), where(_MINE)),
            select(_THEIRS.id).where(_open_of(_THEIRS), _THEIRS.assignee_id.in_(assignees)),
        )
        query = query.outerjoin(Employee, and_(Employee.id == Task.assignee_id, where(Task))).where(
            Task.id.in_(ids)
        )
    rows = (await execute(session, query.order_by(Task.id))).all()
    # By the ids the rows name, so that a task reassigned between the two statements (each has
    # a snapshot of its own on PostgreSQL) still finds its person.
    wanted = sorted({row[-1] for row in rows if row[-1] is not None})
    people = await session.scalars(select(Employee).where(Employee.id.in_(wanted)))
    shown = {emp.id: emp for emp in people}
    return [(_plan_task(*row[:-1]), None if row[-1] is None else shown[row[-1]]) for row in rows]


# The open tasks of the given tasks' assignees: their own and every other, for the forecast.
_OUTLOOK = (
    select(*_TASK_COLUMNS)
    .join(DevGroup, DevGroup.id == Task.group_id)
    .where(
        _open_of(Task),
        Task.assignee_id.in_(
            select(_PEER.assignee_id).where(
                _PEER.id.in_(bindparam("ids", expanding=True)), _open_of(_PEER)
            )
        ),
    )
    .order_by(Task.id)
)


async def _compute(
    session: AsyncSession,
    tasks: Sequence[PlanTask],
    today: date,
    country: str,
    calendar_version: int | None = None,
    only: Collection[int] | None = None,
) -> list[PersonPlan]:
    """The plan of the tasks' assignees (rows for the tasks in `only`, see services.plan.plan);
    with `calendar_version` (see services.calendar_cache) the calendar comes from memory when it
    has not changed since it was loaded."""
    assignees = {t.assignee_id for t in tasks if t.assignee_id is not None}
    if not assignees:
        return []
    first = min([today, *(min(t.start, t.deadline or t.start) for t in tasks)])
    if calendar_version is None:
        calendar = await load_calendar(session, assignees, first, country)
    else:
        calendar = await company_calendar(session, calendar_version, first, country)
    return plan(
        tasks,
        calendar.capacity,
        today,
        span=calendar.plan_span,
        only=only,
        block=calendar.capacities,
    )


def _scope_where(scope: PlanScope) -> Where | None:
    group_ids, assignee_id = scope.group_ids, scope.assignee_id
    if group_ids is None and assignee_id is None:
        return None

    def where(table: Any) -> ColumnElement[bool]:
        conditions = []
        if group_ids is not None:
            conditions.append(table.group_id.in_(group_ids))
        if assignee_id is not None:
            conditions.append(table.assignee_id == assignee_id)
        return and_(*conditions)

    return where


async def plan_report(
    session: AsyncSession, scope: PlanScope, today: date, country: str
) -> PlanReport:
    where = _scope_where(scope)
    rows = await _open_tasks(session, where)
    tasks = [task for task, _ in rows]
    # The scope's own tasks come with their assignee (or have none); the others only queue.
    shown_rows = [
        (task, emp)
        for task, emp in rows
        if where is None or emp is not None or task.assignee_id is None
    ]
    people = await _compute(session, tasks, today, country, only={t.id for t, _ in shown_rows})
    by_task = {tp.task.id: tp for person in people for tp in person.tasks}
    shown = [TaskRow(task, emp, by_task.get(task.id)) for task, emp in shown_rows]
    shown.sort(key=_worst_first)
    # The plan's people are those with a task shown, their totals over the tasks shown, in the
    # order the report keeps (largest lag, then overload, then id).
    staff = {emp.id: emp for _, emp in shown_rows if emp is not None}
    person_rows = [
        PersonRow(
            employee=staff[person.employee_id],
            open_tasks=person.open_tasks,
            lag_h=person.lag_h,
            overload_h=person.overload_h,
            no_schedule=person.no_schedule,
            planned_h=person.planned_h,
            logged_h=person.logged_h,
        )
        for person in people
    ]
    return PlanReport(scope, today, person_rows, shown)


def _worst_first(row: TaskRow) -> tuple[int, float, Decimal, int]:
    """Late and lagging tracked tasks first (as services.plan ranks one person's tasks), then
    tasks flagged "no schedule", then untracked ones, then those nobody is assigned to."""
    p = row.plan
    if p is None:
        return (3, 0.0, ZERO_H, row.task.id)
    if p.flag == FLAG_OK:
        late = math.inf if p.late_days is None else float(p.late_days)
        return (0, -late, -(p.lag_h or ZERO_H), row.task.id)
    return (1 if p.flag == FLAG_NO_SCHEDULE else 2, 0.0, ZERO_H, row.task.id)


async def task_outlook(
    session: AsyncSession,
    task_ids: list[int],
    today: date,
    country: str,
    calendar_version: int | None = None,
) -> dict[int, TaskPlan]:
    """Lag and forecast of the given tasks, by task id, in at most four statements (one when
    the calendar is in memory, see `_compute`).

    Tasks that are not open or have no assignee are left out of the result.
    """
    if not task_ids:
        return {}
    wanted = set(task_ids)
    rows = await execute(session, _OUTLOOK, {"ids": sorted(wanted)})
    tasks = [_plan_task(*row) for row in rows]
    people = await _compute(session, tasks, today, country, calendar_version, only=wanted)
    return {tp.task.id: tp for person in people for tp in person.tasks}


# A person's own open tasks (as assignee or tester) with every open task of those tasks'
# assignees, for their forecast: three index searches joined by a union of ids (an OR of them
# would read every open task of the company through the status index). The calendar's version
# rides along (see services.calendar_cache).
_TESTED = aliased(Task)
_ASSIGNED = aliased(Task)
_OWN_AND_PEERS = (
    select(*_TASK_COLUMNS, Task.tester_id, Task.priority, version_column())
    .join(DevGroup, DevGroup.id == Task.group_id)
    .where(
        Task.id.in_(
            union_all(
                select(_TESTED.id).where(_TESTED.tester_id == bindparam("emp"), _open_of(_TESTED)),
                select(_ASSIGNED.id).where(
                    _ASSIGNED.assignee_id == bindparam("emp"), _open_of(_ASSIGNED)
                ),
                select(_PEER.id).where(
                    _open_of(_PEER),
                    _PEER.assignee_id.in_(
                        select(_MINE.assignee_id).where(
                            _MINE.tester_id == bindparam("emp"), _open_of(_MINE)
                        )
                    ),
                ),
            )
        )
    )
    .order_by(Task.id)
)


def _listed(row: Any) -> OpenTask:  # a row of _OWN_AND_PEERS
    return OpenTask(
        id=row.id,
        title=row.title,
        status=row.status,
        priority=row.priority,
        assignee_id=row.assignee_id,
        tester_id=row.tester_id,
        estimate_min=row.estimate_min,
        logged_min=row.logged_min,
        deadline=row.deadline,
    )


async def own_outlook(
    session: AsyncSession,
    emp_id: int,
    today: date,
    country: str,
) -> tuple[list[OpenTask], dict[int, TaskPlan]]:
    """A person's open tasks as assignee or tester, in list order, with the outlook of those
    that have an assignee (what `task_outlook` gives for them), in one statement (and the
    calendar's when it is not in memory, see `_compute`)."""
    rows = (await execute(session, _OWN_AND_PEERS, {"emp": emp_id})).all()
    own = [_listed(row) for row in rows if emp_id in (row.assignee_id, row.tester_id)]
    own.sort(key=sort_key)
    tasks = [_plan_task(*row[:9]) for row in rows if row[3] is not None]
    version = rows[0][-1] if rows else None
    people = await _compute(session, tasks, today, country, version, only={t.id for t in own})
    return own, {tp.task.id: tp for person in people for tp in person.tasks}
