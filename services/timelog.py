"""Time entries: the rules every entry passes, undo, and the sums other features read.

Rules (SPEC §4): more than 0 and at most 24 hours an entry and a person's day; never in the
future (company time zone), at most 366 days back, and on a task never before its start date;
on a task only when the person works on it (assignee or tester; a manager: any task of their
groups; an admin: any) and the task is still open; a month locked by payroll refuses staff
writes, while an admin's write goes through and is marked after_lock in the audit.
tasks.logged_min is kept equal to the sum of the task's entries on every write.
Changing and deleting an entry from /hours (services.entry_edit) use the same checks.
Decided here: undo works on a closed task too (it corrects a mistake) and never moves a task's
status back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, exists, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from models import EntryAudit, MonthLock, Task, TimeEntry
from models.db import execute, has_row_locks
from models.people import Employee
from services import clock
from services.errors import DomainError
from services.locks import is_locked, month_start
from services.task_flow import mark_started
from services.tasks import Scope, get_task, may_log, require_open, visible_task
from services.timeparse import MAX_MINUTES
from services.units import hours_of
from services.week_lock import approved_week, check_week_open, require_week_open, week_start

UNDO_WINDOW = timedelta(hours=24)
MAX_DAYS_BACK = timedelta(days=366)


@dataclass(frozen=True)
class Logged:
    entry: TimeEntry
    task: Task | None
    day_total: int
    started: bool


@dataclass(frozen=True)
class Undone:
    entry_id: int
    day: date
    minutes: int
    task: Task | None
    day_total: int


async def loggable_task(session: AsyncSession, scope: Scope, task_id: int) -> Task:
    task = await visible_task(session, scope, task_id, lock=True)
    if not may_log(scope, task):
        raise DomainError("log-task-denied", id=task.id)
    require_open(task)
    return task


async def day_minutes(session: AsyncSession, employee_id: int, day: date) -> int:
    """Minutes a person has logged on one day."""
    total = await session.scalar(
        select(func.coalesce(func.sum(TimeEntry.minutes), 0)).where(
            TimeEntry.employee_id == employee_id, TimeEntry.day == day
        )
    )
    return int(total or 0)


async def minutes_grouped(
    session: AsyncSession, key: Any, employee_id: int, first: date, last: date
) -> dict[Any, int]:
    """A person's minutes over first..last summed per value of `key` (a TimeEntry column)."""
    rows = await session.execute(
        select(key, func.sum(TimeEntry.minutes))
        .where(TimeEntry.employee_id == employee_id, TimeEntry.day.between(first, last))
        .group_by(key)
    )
    return {value: int(total) for value, total in rows}


async def minutes_by_day(
    session: AsyncSession, employee_id: int, first: date, last: date
) -> dict[date, int]:
    """A person's minutes per day over first..last (days without entries are absent)."""
    return await minutes_grouped(session, TimeEntry.day, employee_id, first, last)


async def minutes_on(
    session: AsyncSession, employee_ids: Iterable[int], day: date
) -> dict[int, int]:
    """Minutes each person logged on `day` (for reminders); people without entries get 0."""
    ids = sorted(set(employee_ids))
    out = dict.fromkeys(ids, 0)
    if ids:
        rows = await session.execute(
            select(TimeEntry.employee_id, func.sum(TimeEntry.minutes))
            .where(TimeEntry.employee_id.in_(ids), TimeEntry.day == day)
            .group_by(TimeEntry.employee_id)
        )
        out.update({emp_id: int(total) for emp_id, total in rows})
    return out


# The statements of the /log path are built once: building one costs more than running it.
_LOCK_PERSON = select(Employee.id).where(Employee.id == bindparam("emp")).with_for_update()
_DAY_STATE = select(
    exists().where(MonthLock.month == bindparam("month")),
    select(func.coalesce(func.sum(TimeEntry.minutes), 0))
    .where(TimeEntry.employee_id == bindparam("emp"), TimeEntry.day == bindparam("day"))
    .scalar_subquery(),
    approved_week(),
)
_ENTRIES: Table = TimeEntry.__table__  # type: ignore[assignment]
_INSERT_ENTRY = insert(_ENTRIES).returning(_ENTRIES.c.id)
_INSERT_AUDIT = insert(EntryAudit.__table__)  # type: ignore[arg-type]


async def _lock_person(session: AsyncSession, employee_id: int) -> None:
    """Serialise one person's writes on PostgreSQL, so two updates cannot both pass the day
    limit. SQLite has no row locks (the statement would be a plain read): its writers take
    turns on the whole file, so nothing is sent there."""
    if has_row_locks(session):
        await execute(session, _LOCK_PERSON, {"emp": employee_id})


async def _day_state(session: AsyncSession, employee_id: int, day: date) -> tuple[bool, int, bool]:
    """Whether the day's month is locked, the person's minutes on the day and whether its week
    is approved for them, in one statement; read under the person's lock, so all three hold
    until the commit."""
    params = {"month": month_start(day), "emp": employee_id, "day": day, "week": week_start(day)}
    row = (await execute(session, _DAY_STATE, params)).one()
    return bool(row[0]), int(row[1]), bool(row[2])


def _check_month_lock(scope: Scope, locked: bool, day: date) -> bool:
    """A locked month refuses everyone, an admin too: its payroll is frozen until /unlock
    (SPEC §6)."""
    if locked:
        raise DomainError("month-locked" if scope.is_admin else "log-locked", month=f"{day:%Y-%m}")
    return locked


def _check_day_cap(already: int, minutes: int, day: date) -> None:
    if already + minutes > MAX_MINUTES:
        raise DomainError(
            "log-day-full",
            day=day,
            logged=hours_of(already),
            left=hours_of(MAX_MINUTES - already),
        )


check_day_cap = _check_day_cap


async def _after_lock(session: AsyncSession, scope: Scope, day: date) -> bool:
    """Refuses a day of a locked month or of an approved week. Read only while the person's row
    is locked: locking a month takes every person's row first (services.locks), so a write
    either commits before the lock or sees it."""
    return await require_writable(session, scope, scope.emp.id, day)


async def require_writable(session: AsyncSession, scope: Scope, owner_id: int, day: date) -> bool:
    """_after_lock for a write by `scope` to the entries of `owner_id` (who may be someone
    else: a manager or an admin correcting an entry)."""
    after_lock = _check_month_lock(scope, await is_locked(session, day), day)
    await require_week_open(session, owner_id, day, scope.is_admin)
    return after_lock


def _audit_row(
    entry: TimeEntry, actor: Employee, action: str, after_lock: bool, update_id: int | None
) -> dict[str, Any]:
    return {
        "entry_id": entry.id,
        "employee_id": entry.employee_id,
        "actor_id": actor.id,
        "action": action,
        "task_id": entry.task_id,
        "day": entry.day,
        "old_minutes": entry.minutes if action == "delete" else None,
        "new_minutes": entry.minutes if action == "create" else None,
        "after_lock": after_lock,
        "update_id": update_id,
        "created_at": clock.utcnow_naive(),
    }


def check_day(day: date, today: date, task: Task | None) -> None:
    """SPEC §4: never in the future, at most MAX_DAYS_BACK days back, on a task never before
    its start date (a date a century back would only inflate the task's progress)."""
    if day > today:
        raise DomainError("log-future", day=day, today=today)
    oldest = today - MAX_DAYS_BACK
    if day < oldest:
        raise DomainError("log-too-old", day=day, oldest=oldest)
    if task is not None and day < task.start_date:
        raise DomainError("log-before-start", id=task.id, start=task.start_date)


def _audit(
    entry: TimeEntry, actor: Employee, action: str, after_lock: bool, update_id: int | None
) -> EntryAudit:
    return EntryAudit(**_audit_row(entry, actor, action, after_lock, update_id))


audit_of = _audit


async def _insert_entry(session: AsyncSession, entry: TimeEntry) -> None:
    """Core insert instead of the unit of work: the entry object only carries values back."""
    values = {c: getattr(entry, c) for c in _ENTRY_FIELDS}
    entry.id = (await execute(session, _INSERT_ENTRY, values)).scalar_one()


_ENTRY_FIELDS = (
    "employee_id",
    "task_id",
    "day",
    "minutes",
    "comment",
    "created_by",
    "created_at",
)


_TASKS: Table = Task.__table__  # type: ignore[assignment]
_MOVE_LOGGED = (
    update(_TASKS)
    .where(_TASKS.c.id == bindparam("task"))
    .values(logged_min=_TASKS.c.logged_min + bindparam("minutes"))
    .returning(_TASKS.c.logged_min)
)


async def _move_logged(session: AsyncSession, task_id: int, minutes: int) -> int:
    """Add `minutes` to the task's counter; returns the new total. One UPDATE with an
    expression, so concurrent writers never lose each other's minutes (a Core statement: the
    ORM's update would search the session for the row to synchronise)."""
    result = await execute(session, _MOVE_LOGGED, {"task": task_id, "minutes": minutes})
    return int(result.scalar_one())


move_logged = _move_logged


async def _move_task_logged(session: AsyncSession, task: Task, minutes: int) -> None:
    """_move_logged for a loaded task, whose counter then shows the new total as stored."""
    set_committed_value(task, "logged_min", await _move_logged(session, task.id, minutes))


async def add_entry(
    session: AsyncSession,
    scope: Scope,
    *,
    minutes: int,
    day: date,
    task: Task | None,
    comment: str,
    today: date,
    update_id: int | None,
) -> tuple[TimeEntry, int]:
    """Check and write one entry of the person (no commit: a timer may write several).

    Returns the entry and the person's minutes on its day with it: the person's row is locked,
    so no other writer can change that total until the commit."""
    if not scope.is_staff:
        raise DomainError("log-external")
    if not 0 < minutes <= MAX_MINUTES:
        raise DomainError("log-range")
    check_day(day, today, task)
    me = scope.emp
    await _lock_person(session, me.id)
    locked, already, week_approved = await _day_state(session, me.id, day)
    after_lock = _check_month_lock(scope, locked, day)
    check_week_open(week_approved, day, scope.is_admin)
    _check_day_cap(already, minutes, day)
    entry = TimeEntry(
        employee_id=me.id,
        task_id=task.id if task else None,
        day=day,
        minutes=minutes,
        comment=comment,
        created_by=me.id,
        created_at=clock.utcnow_naive(),
    )
    await _insert_entry(session, entry)
    await execute(session, _INSERT_AUDIT, _audit_row(entry, me, "create", after_lock, update_id))
    if task is not None:
        await _move_task_logged(session, task, minutes)
    return entry, already + minutes


async def log_time(
    session: AsyncSession,
    scope: Scope,
    *,
    minutes: int,
    day: date,
    task_id: int | None,
    comment: str,
    today: date,
    update_id: int | None,
) -> Logged:
    task = await loggable_task(session, scope, task_id) if task_id is not None else None
    entry, total = await add_entry(
        session,
        scope,
        minutes=minutes,
        day=day,
        task=task,
        comment=comment,
        today=today,
        update_id=update_id,
    )
    started = mark_started(session, task, scope.emp) if task is not None else False
    await session.commit()
    return Logged(entry=entry, task=task, day_total=total, started=started)


async def last_entry(session: AsyncSession, employee_id: int, since: datetime) -> TimeEntry | None:
    return await session.scalar(
        select(TimeEntry)
        .where(TimeEntry.employee_id == employee_id, TimeEntry.created_at >= since)
        .order_by(TimeEntry.created_at.desc(), TimeEntry.id.desc())
        .limit(1)
    )


async def undo(
    session: AsyncSession, scope: Scope, entry_id: int | None, update_id: int | None
) -> Undone:
    """Remove the person's entry `entry_id` (None: their latest) made in the past 24 hours."""
    since = clock.utcnow_naive() - UNDO_WINDOW
    if entry_id is None:
        entry = await last_entry(session, scope.emp.id, since)
        if entry is None:
            raise DomainError("undo-nothing")
    else:
        entry = await session.get(TimeEntry, entry_id)
        if entry is None or entry.employee_id != scope.emp.id:
            raise DomainError("undo-gone")
        if entry.created_at < since:
            raise DomainError("undo-expired")
    # The task row first, then the person's, the order every writer keeps; the month lock is
    # read under both.
    task = await get_task(session, entry.task_id, lock=True) if entry.task_id else None
    await _lock_person(session, scope.emp.id)
    after_lock = await _after_lock(session, scope, entry.day)
    session.add(_audit(entry, scope.emp, "delete", after_lock, update_id))
    if task is not None:
        await _move_task_logged(session, task, -entry.minutes)
    undone = Undone(entry.id, entry.day, entry.minutes, task, 0)
    await session.delete(entry)
    await session.flush()
    total = await day_minutes(session, scope.emp.id, undone.day)
    await session.commit()
    return Undone(undone.entry_id, undone.day, undone.minutes, task, total)


async def take_back(
    session: AsyncSession,
    scope: Scope,
    entries: list[TimeEntry],
    minutes: int,
    update_id: int | None,
) -> None:
    """Take `minutes` off the person's `entries`, newest first: an entry that is used up is
    deleted, the last one touched is shortened (no commit). Month lock and audit as for undo."""
    if not entries or minutes <= 0:
        return
    await _lock_person(session, scope.emp.id)
    after_lock = await _after_lock(session, scope, entries[0].day)
    for entry in sorted(entries, key=lambda e: (e.created_at, e.id), reverse=True):
        if minutes <= 0:
            break
        cut = min(minutes, entry.minutes)
        minutes -= cut
        if entry.task_id is not None:
            await _move_logged(session, entry.task_id, -cut)
        if cut == entry.minutes:
            session.add(_audit(entry, scope.emp, "delete", after_lock, update_id))
            await session.delete(entry)
            continue
        audit = _audit(entry, scope.emp, "edit", after_lock, update_id)
        audit.old_minutes, audit.new_minutes = entry.minutes, entry.minutes - cut
        session.add(audit)
        entry.minutes -= cut
    await session.flush()


async def hold_person(session: AsyncSession, employee_id: int) -> None:
    """Take the person's write lock now, for a writer that reads their entries before it
    decides what to write (released by the commit)."""
    await _lock_person(session, employee_id)
