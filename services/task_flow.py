"""Task workflow: assignment, review, acceptance, return, cancellation and comments.

new → in_progress (first hours or a timer) → review (the assignee) → done (the reviewer) or back
to in_progress (returned with a comment); a manager of the group or an admin may cancel an open
task. Every change is a task_events row (who, when, what) and produces Notices for the people
who act next; the handler delivers them after the commit, each in the recipient's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, GroupMember, Task, TaskEvent
from services import clock, people
from services.errors import DomainError
from services.tasks import (
    ASSIGNABLE_ROLES,
    Scope,
    manages,
    require_open,
    reviews,
    sends_to_review,
    visible_task,
)

MAX_COMMENT = 1000
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class Notice:
    """A message for another person: a locale key and its fields, about one task."""

    recipient: Employee
    key: str
    task_id: int
    fields: dict[str, object] = field(default_factory=dict)
    review_buttons: bool = False


def clean_comment(text: str, code: str = "comment-text") -> str:
    text = text.strip()
    if not text or len(text) > MAX_COMMENT or CONTROL.search(text):
        raise DomainError(code, max=MAX_COMMENT)
    return text


def record(
    session: AsyncSession,
    task: Task,
    actor: Employee,
    kind: str,
    text: str = "",
    to_status: str | None = None,
) -> TaskEvent:
    """Add a task_events row; a status change also moves the task."""
    now = clock.utcnow_naive()
    event = TaskEvent(
        task_id=task.id,
        actor_id=actor.id,
        kind=kind,
        text=text,
        created_at=now,
        from_status=task.status if to_status else None,
        to_status=to_status,
    )
    session.add(event)
    if to_status:
        task.status = to_status
    task.updated_at = now
    return event


def mark_started(session: AsyncSession, task: Task, actor: Employee) -> bool:
    """First hours or a timer move a new task to in_progress (the caller commits)."""
    if task.status != "new":
        return False
    record(session, task, actor, "status", to_status="in_progress")
    return True


async def check_assignable(
    session: AsyncSession, emp: Employee, group: DevGroup, code: str = "task-person-role"
) -> None:
    """Only an active, listed programmer or tester who is in the task's group."""
    if not people.is_usable(emp) or not emp.listed or emp.role not in ASSIGNABLE_ROLES:
        raise DomainError(code, person=emp.display)
    if await session.get(GroupMember, (group.id, emp.id)) is None:
        raise DomainError("task-person-group", person=emp.display, group=group.name)


def notice_for(
    emp: Employee | None, actor: Employee, key: str, task: Task, **extra: object
) -> list[Notice]:
    if emp is None or emp.id == actor.id or not people.is_usable(emp):
        return []
    fields: dict[str, object] = {"id": task.id, "title": task.title, "actor": actor.display}
    fields.update(extra)
    return [Notice(emp, key, task.id, fields, review_buttons=key == "note-review")]


async def _person(session: AsyncSession, emp_id: int | None) -> Employee | None:
    return await session.get(Employee, emp_id) if emp_id is not None else None


async def _reviewers(session: AsyncSession, task: Task) -> list[Employee]:
    if task.tester_id is not None:
        tester = await _person(session, task.tester_id)
        return [tester] if tester else []
    group = await session.get(DevGroup, task.group_id)
    lead = await _person(session, group.lead_id if group else None)
    if lead is not None:
        return [lead]
    admins = await session.scalars(select(Employee).where(Employee.role == "admin"))
    return list(admins)


async def assign(
    session: AsyncSession, scope: Scope, task_id: int, person: Employee
) -> tuple[Task, list[Notice]]:
    task = await visible_task(session, scope, task_id, lock=True)
    if not manages(scope, task):
        raise DomainError("task-not-manager", id=task.id)
    require_open(task)
    group = await session.get(DevGroup, task.group_id)
    assert group is not None
    await check_assignable(session, person, group)
    if person.id == task.assignee_id:
        raise DomainError("task-already-assignee", id=task.id, person=person.display)
    if person.id == task.tester_id:
        raise DomainError("task-tester-is-assignee", person=person.display)
    previous = await _person(session, task.assignee_id)
    task.assignee_id = person.id
    record(session, task, scope.emp, "assigned", text=person.code)
    notices = notice_for(person, scope.emp, "note-assigned", task)
    notices += notice_for(previous, scope.emp, "note-unassigned", task)
    await session.commit()
    return task, notices


async def send_to_review(
    session: AsyncSession, scope: Scope, task_id: int
) -> tuple[Task, list[Notice]]:
    task = await visible_task(session, scope, task_id, lock=True)
    require_open(task)
    if not sends_to_review(scope, task):
        raise DomainError("task-not-assignee", id=task.id)
    if task.status == "review":
        raise DomainError("task-already-review", id=task.id)
    record(session, task, scope.emp, "status", to_status="review")
    notices: list[Notice] = []
    for reviewer in await _reviewers(session, task):
        notices += notice_for(reviewer, scope.emp, "note-review", task)
    await session.commit()
    return task, notices


async def reviewable(session: AsyncSession, scope: Scope, task_id: int) -> Task:
    task = await visible_task(session, scope, task_id, lock=True)
    if not reviews(scope, task):
        raise DomainError("task-not-reviewer", id=task.id)
    if task.status != "review":
        raise DomainError("task-not-in-review", id=task.id, status=task.status)
    return task


async def accept(session: AsyncSession, scope: Scope, task_id: int) -> tuple[Task, list[Notice]]:
    task = await reviewable(session, scope, task_id)
    record(session, task, scope.emp, "status", to_status="done")
    author = await _person(session, task.author_id)
    notices = notice_for(author, scope.emp, "note-done", task)
    if task.assignee_id != task.author_id:
        notices += notice_for(
            await _person(session, task.assignee_id), scope.emp, "note-done", task
        )
    await session.commit()
    return task, notices


async def return_task(
    session: AsyncSession, scope: Scope, task_id: int, comment: str
) -> tuple[Task, list[Notice]]:
    task = await reviewable(session, scope, task_id)
    text = clean_comment(comment, "return-comment")
    record(session, task, scope.emp, "status", text=text, to_status="in_progress")
    assignee = await _person(session, task.assignee_id)
    notices = notice_for(assignee, scope.emp, "note-returned", task, comment=text)
    await session.commit()
    return task, notices


async def cancel(
    session: AsyncSession, scope: Scope, task_id: int, reason: str
) -> tuple[Task, list[Notice]]:
    task = await visible_task(session, scope, task_id, lock=True)
    if not manages(scope, task):
        raise DomainError("task-not-manager", id=task.id)
    require_open(task)
    text = clean_comment(reason) if reason.strip() else ""
    record(session, task, scope.emp, "status", text=text, to_status="cancelled")
    notices: list[Notice] = []
    for emp_id in dict.fromkeys((task.assignee_id, task.tester_id)):
        notices += notice_for(await _person(session, emp_id), scope.emp, "note-cancelled", task)
    await session.commit()
    return task, notices


async def add_comment(
    session: AsyncSession, scope: Scope, task_id: int, text: str
) -> tuple[Task, list[Notice]]:
    task = await visible_task(session, scope, task_id)
    body = clean_comment(text)
    record(session, task, scope.emp, "comment", text=body)
    notices: list[Notice] = []
    for emp_id in dict.fromkeys((task.assignee_id, task.author_id)):
        notices += notice_for(
            await _person(session, emp_id), scope.emp, "note-comment", task, comment=body
        )
    await session.commit()
    return task, notices
