"""Everything a task card shows, and the actions the viewer may take from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, Task, TaskEvent, Timer
from services.plan import TaskPlan
from services.planning import task_outlook
from services.tasks import (
    CLOSED_STATUSES,
    Scope,
    employees_by_ids,
    manages,
    may_log,
    reviews,
    sends_to_review,
    visible_task,
)

LAST_COMMENTS = 3
LAST_CHANGES = 5
HISTORY_KINDS = ("edit", "assigned", "status")

# Actions a card can offer; the handler turns each into buttons.
TIMER_START = "timer_start"
TIMER_STOP = "timer_stop"
LOG = "log"
REVIEW = "review"
ACCEPT = "accept"
RETURN = "return"
COMMENT = "comment"
# A manager of the group (or an admin) manages the task from its card:
REASSIGN = "reassign"
DEADLINE = "deadline"
ESTIMATE = "estimate"
TESTER = "tester"
PRIORITY = "priority"
CANCEL = "cancel"
MANAGE = (REASSIGN, DEADLINE, ESTIMATE, TESTER, PRIORITY, CANCEL)


@dataclass(frozen=True)
class Comment:
    author: Employee | None
    text: str
    kind: str
    to_status: str | None


@dataclass(frozen=True)
class Change:
    """One line of the card's history: an edit (field, old, new as stored), an assignment
    (new: the person's code) or a status change."""

    actor: Employee | None
    at: datetime
    kind: str
    field: str | None
    old: str | None
    new: str | None
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
    history: tuple[Change, ...] = ()
    # people the history names by code (eN), by id
    people: dict[int, Employee] | None = None


def actions_for(scope: Scope, task: Task, timer: Timer | None) -> tuple[str, ...]:
    """A manager of the group manages the task and logs on it only when it is their own;
    the people working on it log, review and accept; anyone who sees it comments."""
    if task.status in CLOSED_STATUSES:
        return ()
    out: list[str] = []
    manager = manages(scope, task)
    own = scope.emp.id in (task.assignee_id, task.tester_id)
    if may_log(scope, task) and (own or not manager):
        running_here = timer is not None and timer.task_id == task.id
        out += [TIMER_STOP if running_here else TIMER_START, LOG]
    if sends_to_review(scope, task) and task.status in ("new", "in_progress"):
        out.append(REVIEW)
    if task.status == "review" and reviews(scope, task):
        out += [ACCEPT, RETURN]
    if manager:
        out += MANAGE
    out.append(COMMENT)
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


async def last_changes(
    session: AsyncSession, task_id: int, limit: int = LAST_CHANGES
) -> list[TaskEvent]:
    """Edits, assignments and status changes, newest first."""
    rows = await session.scalars(
        select(TaskEvent)
        .where(TaskEvent.task_id == task_id, TaskEvent.kind.in_(HISTORY_KINDS))
        .order_by(TaskEvent.id.desc())
        .limit(limit)
    )
    return list(rows)


def _person_ids(event: TaskEvent) -> list[int]:
    """Employees an event names by code: the assigned person, the old and new tester."""
    codes = [event.text] if event.kind == "assigned" else []
    if event.field == "tester":
        codes += [event.old_value or "", event.new_value or ""]
    return [int(c[1:]) for c in codes if c.startswith("e") and c[1:].isdigit()]


async def load_card(
    session: AsyncSession, scope: Scope, task_id: int, today: date, country: str
) -> TaskCard:
    task = await visible_task(session, scope, task_id)
    group = await session.get(DevGroup, task.group_id)
    assert group is not None
    events = await last_comments(session, task.id)
    changes = await last_changes(session, task.id)
    names = await employees_by_ids(
        session,
        [
            task.author_id,
            task.assignee_id,
            task.tester_id,
            *(e.actor_id for e in events),
            *(e.actor_id for e in changes),
            *(i for e in changes for i in _person_ids(e)),
        ],
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
        history=tuple(
            Change(
                names.get(e.actor_id),
                e.created_at,
                e.kind,
                e.field,
                e.old_value,
                e.text if e.kind == "assigned" else e.new_value,
                e.to_status,
            )
            for e in changes
        ),
        people=names,
    )
