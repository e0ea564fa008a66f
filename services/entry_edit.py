"""Changing and deleting a time entry after the fact (the day view of `/hours`).

Who may touch whose entry: a person their own (staff), a manager the entries of the people of
the groups they lead, an admin anyone's. An entry someone may not touch answers exactly like one
that does not exist, so a forged button learns nothing. Every write follows `/log`'s rules
(services.timelog): at most 24 hours an entry and a day (checked on the day the entry ends up
on), dates never in the future, at most 366 days back and never before the task's start, a task
the entry's owner may log to and that is open, a locked month or an approved week refused as for
`/log`. Every change writes `entry_audit` rows and moves the tasks' `logged_min` in the same
transaction.

Audit rows: a change that keeps the entry's day and task is one `edit` row (old and new
minutes); one that moves it to another day or task is a `move-from` row (the old day and task,
the old minutes) and a `move-to` row (the new day and task, the new minutes); a delete is one
`delete` row, as for `/undo`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, EntryAudit, GroupMember, Task, TimeEntry
from services import timelog
from services.errors import DomainError
from services.people import resolve_person
from services.tasks import Scope, get_task, may_log, own_open_tasks, require_open, scope_of
from services.timeparse import MAX_COMMENT, MAX_MINUTES, valid_comment

OVERSEERS = ("admin", "manager")
KEEP = -1  # change_entry's task_id when the task stays as it is (None is general work)


@dataclass(frozen=True)
class Change:
    """What to change; None leaves a field as it is. `task_id` KEEP keeps the task, None makes
    the entry general work."""

    minutes: int | None = None
    task_id: int | None = KEEP
    day: date | None = None
    comment: str | None = None


async def may_touch(session: AsyncSession, scope: Scope, owner_id: int) -> bool:
    """Whether `scope` may see and change the entries of `owner_id`."""
    if scope.is_admin or owner_id == scope.emp.id:
        return scope.is_staff
    if scope.emp.role != "manager" or not scope.led:
        return False
    found = await session.scalar(
        select(GroupMember.employee_id)
        .where(GroupMember.employee_id == owner_id, GroupMember.group_id.in_(scope.led))
        .limit(1)
    )
    return found is not None


async def person_for(session: AsyncSession, scope: Scope, ref: str | None) -> Employee:
    """Whose hours `/hours [PERSON]` shows: the asker's, or a person they may see. Staff asking
    for anyone else get the same refusal whether that person exists or not."""
    if ref is None:
        return scope.emp
    try:
        emp = await resolve_person(session, ref)
    except DomainError:
        if scope.emp.role not in OVERSEERS:
            raise DomainError("hours-own-only") from None
        raise
    if emp.id == scope.emp.id:
        return emp
    if scope.emp.role not in OVERSEERS:
        raise DomainError("hours-own-only")
    if not await may_touch(session, scope, emp.id):
        raise DomainError("hours-not-yours", person=emp.display)
    return emp


async def owner_of(session: AsyncSession, scope: Scope, owner_id: int) -> Employee:
    """The person whose day a button names, checked again against the presser's rights."""
    emp = await session.get(Employee, owner_id)
    if emp is None or not await may_touch(session, scope, emp.id):
        raise DomainError("entry-gone")
    return emp


async def entry_of(
    session: AsyncSession, scope: Scope, entry_id: int, *, lock: bool = False
) -> TimeEntry:
    entry = await session.get(
        TimeEntry, entry_id, with_for_update=lock or None, populate_existing=lock
    )
    if entry is None or not await may_touch(session, scope, entry.employee_id):
        raise DomainError("entry-gone")
    return entry


async def day_entries(
    session: AsyncSession, scope: Scope, owner_id: int, day: date
) -> tuple[list[TimeEntry], dict[int, Task]]:
    """A person's entries of one day in the order they were made, with their tasks."""
    if not await may_touch(session, scope, owner_id):
        raise DomainError("entry-gone")
    entries = list(
        await session.scalars(
            select(TimeEntry)
            .where(TimeEntry.employee_id == owner_id, TimeEntry.day == day)
            .order_by(TimeEntry.created_at, TimeEntry.id)
        )
    )
    ids = {e.task_id for e in entries if e.task_id is not None}
    tasks = {t.id: t for t in await session.scalars(select(Task).where(Task.id.in_(ids)))}
    return entries, tasks


async def task_choices(session: AsyncSession, owner: Employee) -> list[Task]:
    """The open tasks the entry's owner works on, for the task buttons."""
    return await own_open_tasks(session, owner.id)


def _loggable(owner: Scope, task: Task | None, task_id: int) -> Task:
    """The task, when the entry's owner may log to it and it is open."""
    if task is None or not may_log(owner, task):
        raise DomainError("entry-task-denied", id=task_id)
    require_open(task)
    return task


def _check_change(change: Change) -> None:
    if change.minutes is not None and not 0 < change.minutes <= MAX_MINUTES:
        raise DomainError("log-range")
    if change.comment is not None and not valid_comment(change.comment):
        raise DomainError("entry-comment-long", max=MAX_COMMENT)


async def change_entry(
    session: AsyncSession,
    scope: Scope,
    entry_id: int,
    change: Change,
    *,
    today: date,
    update_id: int | None,
) -> TimeEntry:
    """Apply `change` to the entry under `/log`'s rules and commit; returns the entry."""
    _check_change(change)
    entry = await entry_of(session, scope, entry_id)
    owner = await session.get(Employee, entry.employee_id)
    if owner is None:  # pragma: no cover - entries reference their person
        raise DomainError("entry-gone")
    old_task_id, old_day, old_minutes = entry.task_id, entry.day, entry.minutes
    new_task_id = old_task_id if change.task_id == KEEP else change.task_id
    new_day = change.day or old_day
    new_minutes = change.minutes or old_minutes
    # Task rows first (by number, so two moves between the same tasks cannot deadlock), then
    # the person's, the order every writer keeps. A new task must take the owner's time; the
    # entry's own task may have closed since (a correction is allowed).
    locked = {
        task_id: await get_task(session, task_id, lock=True)
        for task_id in sorted({t for t in (old_task_id, new_task_id) if t is not None})
    }
    new_task = locked.get(new_task_id) if new_task_id is not None else None
    if new_task_id is not None and new_task_id != old_task_id:
        new_task = _loggable(await scope_of(session, owner), new_task, new_task_id)
    await timelog.hold_person(session, owner.id)
    entry = await entry_of(session, scope, entry_id, lock=True)  # as it is under the lock
    moved = new_day != entry.day or new_task_id != entry.task_id
    if moved:
        timelog.check_day(new_day, today, new_task)
    after_lock = await timelog.require_writable(session, scope, owner.id, entry.day)
    if new_day != entry.day:
        after_lock = await timelog.require_writable(session, scope, owner.id, new_day) or after_lock
    others = await timelog.day_minutes(session, owner.id, new_day)
    if new_day == entry.day:
        others -= entry.minutes
    timelog.check_day_cap(others, new_minutes, new_day)
    old_task_id, old_minutes = entry.task_id, entry.minutes
    if moved:
        session.add(_audit_row(entry, scope.emp, "move-from", after_lock, update_id, old=True))
    if old_task_id is not None:
        await timelog.move_logged(session, old_task_id, -old_minutes)
    entry.task_id, entry.day, entry.minutes = new_task_id, new_day, new_minutes
    if change.comment is not None:
        entry.comment = change.comment
    if new_task_id is not None:
        await timelog.move_logged(session, new_task_id, new_minutes)
    action = "move-to" if moved else "edit"
    row = _audit_row(entry, scope.emp, action, after_lock, update_id, old=False)
    row.old_minutes = None if moved else old_minutes
    session.add(row)
    await session.commit()
    return entry


def _audit_row(
    entry: TimeEntry,
    actor: Employee,
    action: str,
    after_lock: bool,
    update_id: int | None,
    *,
    old: bool,
) -> EntryAudit:
    row = timelog.audit_of(entry, actor, action, after_lock, update_id)
    if old:
        row.old_minutes, row.new_minutes = entry.minutes, None
    else:
        row.new_minutes = entry.minutes
    return row


async def delete_entry(
    session: AsyncSession, scope: Scope, entry_id: int, *, update_id: int | None
) -> TimeEntry:
    """Delete the entry under `/log`'s rules and commit; returns it as it was."""
    entry = await entry_of(session, scope, entry_id)
    if entry.task_id is not None:
        await get_task(session, entry.task_id, lock=True)
    await timelog.hold_person(session, entry.employee_id)
    entry = await entry_of(session, scope, entry_id, lock=True)
    after_lock = await timelog.require_writable(session, scope, entry.employee_id, entry.day)
    session.add(timelog.audit_of(entry, scope.emp, "delete", after_lock, update_id))
    if entry.task_id is not None:
        await timelog.move_logged(session, entry.task_id, -entry.minutes)
    await session.delete(entry)
    await session.commit()
    return entry
