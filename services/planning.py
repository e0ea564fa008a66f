"""Plan status from the database: what `/plan` shows and the outlook `/tasks` and `/task N` show.

Loading takes a fixed number of statements whatever the number of people or tasks: one for the
open tasks (with group names and assignees) and three for the calendar (services.calendar).
The formulas are services.plan's.

A person's forecast and overload count all their open tasks, in whatever group: the hours they
spend on another group's task are hours they cannot spend on this one. The rows, the per-person
task counts and lag only cover the tasks in the scope asked for.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from models import DevGroup, Employee, Task
from models.tasks import OPEN_STATUSES
from services.calendar import load_calendar
from services.calendar_cache import company_calendar
from services.plan import FLAG_NO_SCHEDULE, FLAG_OK, PersonPlan, PlanTask, TaskPlan, plan
from services.plan_scope import PlanScope
from services.task_create import window_too_long

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


_Row = tuple[Task, str, Employee | None]
# Another open task of the same assignee; made once (an alias costs a millisecond to build).
_PEER = aliased(Task)
# A condition on the tasks table, built for Task itself or for an alias of it.
Where = Callable[[Any], ColumnElement[bool]]


async def _open_tasks(session: AsyncSession, where: Where | None) -> list[_Row]:
    """Open tasks matching `where`, plus every other open task of their assignees, in one
    statement."""
    query = (
        select(Task, DevGroup.name, Employee)
        .join(DevGroup, DevGroup.id == Task.group_id)
        .outerjoin(Employee, Employee.id == Task.assignee_id)
        .where(Task.status.in_(OPEN_STATUSES))
        .order_by(Task.id)
    )
    if where is not None:
        peer = _PEER
        assignees = select(peer.assignee_id).where(
            peer.status.in_(OPEN_STATUSES), peer.assignee_id.is_not(None), where(peer)
        )
        query = query.where(or_(where(Task), Task.assignee_id.in_(assignees)))
    return [(task, name, emp) for task, name, emp in (await session.execute(query)).all()]


def _plan_task(task: Task, group: str) -> PlanTask:
    deadline = task.deadline
    if deadline is not None and window_too_long(task.start_date, deadline):
        # Only a task made before windows were bounded: listed, not lag-tracked, so that a
        # typo such as 9999-12-31 costs nothing on every plan.
        deadline = None
    return PlanTask(
        id=task.id,
        title=task.title,
        group=group,
        assignee_id=task.assignee_id,
        status=task.status,
        estimate_min=task.estimate_min,
        logged_min=task.logged_min,
        start=task.start_date,
        deadline=deadline,
    )


async def _compute(
    session: AsyncSession,
    tasks: Sequence[PlanTask],
    today: date,
    country: str,
    calendar_version: int | None = None,
) -> list[PersonPlan]:
    """The plan of the tasks' assignees; with `calendar_version` (see services.calendar_cache)
    the calendar comes from memory when it has not changed since it was loaded."""
    assignees = {t.assignee_id for t in tasks if t.assignee_id is not None}
    if not assignees:
        return []
    first = min([today, *(min(t.start, t.deadline or t.start) for t in tasks)])
    if calendar_version is None:
        calendar = await load_calendar(session, assignees, first, country)
    else:
        calendar = await company_calendar(session, calendar_version, first, country)
    return plan(tasks, calendar.capacity, today, span=calendar.plan_span)


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
    rows = await _open_tasks(session, _scope_where(scope))
    tasks = [_plan_task(task, group) for task, group, _ in rows]
    people = await _compute(session, tasks, today, country)
    by_task = {tp.task.id: tp for person in people for tp in person.tasks}
    overload = {person.employee_id: person.overload_h for person in people}
    shown = [
        TaskRow(plan_task, emp, by_task.get(plan_task.id))
        for (task, _, emp), plan_task in zip(rows, tasks, strict=True)
        if scope.contains(task)
    ]
    shown.sort(key=_worst_first)
    return PlanReport(scope, today, _people(shown, overload), shown)


def _people(rows: Sequence[TaskRow], overload: dict[int, Decimal | None]) -> list[PersonRow]:
    own: dict[int, list[TaskRow]] = {}
    for row in rows:
        if row.assignee is not None:
            own.setdefault(row.assignee.id, []).append(row)
    people = []
    for emp_id, tasks in own.items():
        ok = [r.plan for r in tasks if r.plan is not None and r.plan.flag == FLAG_OK]
        people.append(
            PersonRow(
                employee=tasks[0].assignee,  # type: ignore[arg-type]
                open_tasks=len(tasks),
                lag_h=sum((p.lag_h or ZERO_H for p in ok), ZERO_H),
                overload_h=overload.get(emp_id),
                no_schedule=sum(
                    r.plan is not None and r.plan.flag == FLAG_NO_SCHEDULE for r in tasks
                ),
                planned_h=sum((p.planned_h or ZERO_H for p in ok), ZERO_H),
                logged_h=sum((p.logged_h for p in ok), ZERO_H),
            )
        )
    people.sort(key=lambda p: (-p.lag_h, -(p.overload_h or ZERO_H), p.employee.id))
    return people


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
    ids = sorted(set(task_ids))
    rows = await _open_tasks(session, lambda table: table.id.in_(ids))
    tasks = [_plan_task(t, g) for t, g, _ in rows]
    people = await _compute(session, tasks, today, country, calendar_version)
    wanted = set(task_ids)
    return {tp.task.id: tp for person in people for tp in person.tasks if tp.task.id in wanted}
