"""Everything a task card shows, and the actions the viewer may take from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, Task, TaskEvent, Timer
from services.plan import TaskPlan
from services.planning import task_outlook
from services.tasks import (
    CLOSED_STATUSES,
    Scope,
    employees_by_ids,
    may_log,
    reviews,
    sends_to_review,
    visible_task,
)

LAST_COMMENTS = 3

# Actions a card can offer; the handler turns each into buttons.
TIMER_START = "timer_start"
TIMER_STOP = "timer_stop"
LOG = "log"
REVIEW = "review"
ACCEPT = "accept"
RETURN = "return"


@dataclass(frozen=True)
class Comment:
    author: Employee | None
    text: str
    kind: str
    to_status: str | None


@dataclass(frozen=True)
class TaskCard:
    task: Task
    group: DevGroup
    author: Employee | None
    assignee: Employee | None
    tester: Employee | None
    comments: list[Comment]
    actions: tuple[str, ...]
    # Lag and forecast for staff; None for externals and for tasks the plan does not cover.
    outlook: TaskPlan | None = None


def actions_for(scope: Scope, task: Task, timer: Timer | None) -> tuple[str, ...]:
    if task.status in CLOSED_STATUSES:
        return ()
    out: list[str] = []
    if may_log(scope, task):
        running_here = timer is not None and timer.task_id == task.id
        out += [TIMER_STOP if running_here else TIMER_START, LOG]
    if sends_to_review(scope, task) and task.status in ("new", "in_progress"):
        out.append(REVIEW)
    if task.status == "review" and reviews(scope, task):
        out += [ACCEPT, RETURN]
    return tuple(out)


async def last_comments(
    session: AsyncSession, task_id: int, limit: int = LAST_COMMENTS
) -> list[TaskEvent]:
    """Comments, return reasons and cancel reasons, newest first."""
    rows = await session.scalars(
        select(TaskEvent)
        .where(
            TaskEvent.task_id == task_id,
            TaskEvent.kind.in_(("comment", "status")),
            TaskEvent.text != "",
        )
        .order_by(TaskEvent.id.desc())
        .limit(limit)
    )
    return list(rows)


async def load_card(
    session: AsyncSession, scope: Scope, task_id: int, today: date, country: str
) -> TaskCard:
    task = await visible_task(session, scope, task_id)
    group = await session.get(DevGroup, task.group_id)
    assert group is not None
    events = await last_comments(session, task.id)
    names = await employees_by_ids(
        session, [task.author_id, task.assignee_id, task.tester_id, *(e.actor_id for e in events)]
    )
    timer = await session.get(Timer, scope.emp.id) if scope.is_staff else None
    comments = [Comment(names.get(e.actor_id), e.text, e.kind, e.to_status) for e in events]
    outlook = None
    if scope.is_staff:
        outlook = (await task_outlook(session, [task.id], today, country)).get(task.id)
    return TaskCard(
        task=task,
        group=group,
        author=names.get(task.author_id),
        assignee=names.get(task.assignee_id) if task.assignee_id else None,
        tester=names.get(task.tester_id) if task.tester_id else None,
        comments=comments,
        actions=actions_for(scope, task, timer),
        outlook=outlook,
    )
