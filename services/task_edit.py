"""Editing a task after it was created: one field at a time, by /edit or by the card's buttons.

Only a manager of the task's group or an admin edits, and only an open task. Each value passes
the rules a new task passes (services.task_create): a clean title, an estimate in the /log forms,
dates that keep start ≤ deadline within MAX_WINDOW_YEARS, a tester who is an assignable member of
the group, a group the editor leads that keeps the assignee and the tester members. A value equal
to the present one is refused, so the history holds only real changes.

Each edit is a task_events row of kind "edit" with the field and its old and new values as text
(dates ISO, estimates in minutes, people as `eN`, groups by name); the people concerned (assignee,
tester, author, and a tester who was added or removed) are told, never the editor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, Task
from models.tasks import PRIORITIES
from services import people
from services.errors import DomainError
from services.keywords import NONE, PRIORITY
from services.task_create import (
    check_window,
    clean_description,
    clean_title,
    parse_estimate,
    parse_task_day,
)
from services.task_flow import Notice, check_assignable, notice_for, record
from services.tasks import Scope, employees_by_ids, manages, require_open, visible_task

FIELDS = ("title", "description", "estimate", "start", "deadline", "tester", "priority", "group")
# Fields a value of "-" (none, нет) clears.
CLEARABLE = frozenset({"description", "estimate", "deadline", "tester"})

Value = str | int | date | Employee | DevGroup | None


@dataclass(frozen=True)
class Edit:
    task: Task
    field: str
    old: str | None
    new: str | None
    notices: list[Notice]


async def parse_value(session: AsyncSession, field: str, text: str, today: date) -> Value:
    """The typed value of `/edit N FIELD VALUE`; "-" (none, нет) clears a clearable field."""
    text = text.strip()
    if not text:
        raise DomainError("edit-usage")
    if field in CLEARABLE and text in NONE:
        return None
    if field == "title":
        return clean_title(text)
    if field == "description":
        return clean_description(text)
    if field == "estimate":
        return parse_estimate(text)
    if field in ("start", "deadline"):
        return parse_task_day(text, today)
    if field == "tester":
        return await people.resolve_person(session, text)
    if field == "priority":
        return PRIORITY.require(text)
    if field == "group":
        return await people.group_by_name(session, text)
    raise DomainError("edit-field", token=field[:20])


def _as_text(value: Value) -> str | None:
    """A value as the history stores it."""
    if value is None:
        return None
    if isinstance(value, Employee):
        return value.code
    if isinstance(value, DevGroup):
        return value.name
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


async def _current(session: AsyncSession, task: Task, field: str) -> str | None:
    if field == "group":
        group = await session.get(DevGroup, task.group_id)
        return group.name if group else None
    raw: object = {
        "title": task.title,
        "description": task.description or None,
        "estimate": task.estimate_min,
        "start": task.start_date,
        "deadline": task.deadline,
        "tester": f"e{task.tester_id}" if task.tester_id is not None else None,
        "priority": task.priority,
    }[field]
    if isinstance(raw, date):
        return raw.isoformat()
    return None if raw is None else str(raw)


def _check_dates(start: date, deadline: date | None, today: date, moved: str) -> None:
    """A moved deadline may not be in the past; a moved start only keeps start ≤ deadline."""
    check_window(start, deadline, today, past_ok=moved != "deadline")


async def _check(
    session: AsyncSession, scope: Scope, task: Task, field: str, value: Value, today: date
) -> None:
    group = await session.get(DevGroup, task.group_id)
    assert group is not None
    if field == "start":
        assert isinstance(value, date)
        _check_dates(value, task.deadline, today, "start")
    elif field == "deadline":
        assert value is None or isinstance(value, date)
        _check_dates(task.start_date, value, today, "deadline")
    elif field == "tester" and isinstance(value, Employee):
        if value.id == task.assignee_id:
            raise DomainError("task-tester-is-assignee", person=value.display)
        await check_assignable(session, value, group, "task-tester-role")
    elif field == "priority" and value not in PRIORITIES:
        raise DomainError("newtask-priority", value=str(value)[:20])
    elif field == "group":
        assert isinstance(value, DevGroup)
        if not scope.is_admin and value.id not in scope.led:
            raise DomainError("edit-group-not-led", group=value.name)
        staff = await employees_by_ids(session, [task.assignee_id, task.tester_id])
        for emp_id, code in (
            (task.assignee_id, "task-person-role"),
            (task.tester_id, "task-tester-role"),
        ):
            if emp_id is not None:
                await check_assignable(session, staff[emp_id], value, code)


def _apply(task: Task, field: str, value: Value) -> None:
    if field == "title":
        task.title = str(value)
    elif field == "description":
        task.description = str(value or "")
    elif field == "estimate":
        task.estimate_min = value if isinstance(value, int) else None
    elif field == "start":
        assert isinstance(value, date)
        task.start_date = value
    elif field == "deadline":
        task.deadline = value if isinstance(value, date) else None
    elif field == "tester":
        task.tester_id = value.id if isinstance(value, Employee) else None
    elif field == "priority":
        task.priority = str(value)
    elif field == "group":
        assert isinstance(value, DevGroup)
        task.group_id = value.id


def notice_value(field: str, value: Value) -> object:
    """The new value as a notice shows it: hours as a number, people by name, "—" for none."""
    if value is None:
        return "—"
    if isinstance(value, Employee):
        return value.display
    if isinstance(value, DevGroup):
        return value.name
    if field == "estimate" and isinstance(value, int):
        return Decimal(value) / 60
    return value


async def _notices(
    session: AsyncSession,
    scope: Scope,
    task: Task,
    field: str,
    value: Value,
    old_tester: int | None,
) -> list[Notice]:
    staff = await employees_by_ids(
        session, [task.assignee_id, task.tester_id, task.author_id, old_tester]
    )
    shown = notice_value(field, value)
    out: list[Notice] = []
    told: set[int] = set()
    if field == "tester":
        if task.tester_id is not None:
            out += notice_for(staff.get(task.tester_id), scope.emp, "note-edit-tester-you", task)
            told.add(task.tester_id)
        if old_tester is not None:
            out += notice_for(staff.get(old_tester), scope.emp, "note-edit-tester-off", task)
            told.add(old_tester)
    for emp_id in dict.fromkeys((task.assignee_id, task.tester_id, task.author_id)):
        if emp_id is not None and emp_id not in told:
            out += notice_for(staff.get(emp_id), scope.emp, f"note-edit-{field}", task, value=shown)
    return out


async def change(
    session: AsyncSession, scope: Scope, task_id: int, field: str, value: Value, today: date
) -> Edit:
    """Set one field of a task after every check; writes the history row and commits."""
    if field not in FIELDS:
        raise DomainError("edit-field", token=field[:20])
    task = await visible_task(session, scope, task_id, lock=True)
    if not manages(scope, task):
        raise DomainError("edit-not-manager", id=task.id)
    require_open(task)
    if value is None and field not in CLEARABLE:
        raise DomainError("edit-usage")
    old = await _current(session, task, field)
    new = _as_text(value)
    if old == new:
        raise DomainError("edit-unchanged", id=task.id)
    await _check(session, scope, task, field, value, today)
    old_tester = task.tester_id
    _apply(task, field, value)
    event = record(session, task, scope.emp, "edit")
    event.field, event.old_value, event.new_value = field, old, new
    notices = await _notices(session, scope, task, field, value, old_tester)
    await session.commit()
    return Edit(task, field, old, new, notices)


async def edit_from_text(
    session: AsyncSession, scope: Scope, task_id: int, field: str, text: str, today: date
) -> Edit:
    """`/edit N FIELD VALUE` once the field is known: the task is checked before the value, so
    a task the person may not edit is refused as such whatever the value."""
    await managed_task(session, scope, task_id)
    value = await parse_value(session, field, text, today)
    return await change(session, scope, task_id, field, value, today)


async def managed_task(session: AsyncSession, scope: Scope, task_id: int) -> Task:
    """An open task this person may edit (a card's management buttons start here)."""
    task = await visible_task(session, scope, task_id)
    if not manages(scope, task):
        raise DomainError("edit-not-manager", id=task.id)
    require_open(task)
    return task


async def person_by_id(session: AsyncSession, emp_id: int) -> Employee:
    """A person named by a button; an unknown id is a stale or forged button."""
    emp = await session.get(Employee, emp_id)
    if emp is None:
        raise DomainError("dialog-stale")
    return emp
