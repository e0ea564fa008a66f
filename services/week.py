"""A person's week as a grid of days × tasks (the Mini App's "my week"), and setting one cell.

Rows: general work, the open tasks the person may log on as assignee or tester, and any task
they logged on that week. A cell is writable when `/log` would accept an entry there: a staff
member, a day not in the future, at most 366 days back, not before the task's start, in a
month not locked (admins excepted), on a task still open that they may log on.

Setting a cell to H hours writes the difference the way `/log` and `/undo` do: more hours are a
new entry through the same checks (24 hours a day, lock, audit); fewer hours shorten or delete
the cell's newest entries, with the audit trail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Task, TimeEntry
from services.calendar import load_calendar
from services.calendar_input import echo
from services.errors import DomainError
from services.locks import locked_months
from services.task_flow import mark_started
from services.tasks import CLOSED_STATUSES, Scope, may_log, own_open_tasks, sort_key, tasks_by_ids
from services.timelog import (
    MAX_DAYS_BACK,
    add_entry,
    check_day,
    day_minutes,
    hold_person,
    loggable_task,
    take_back,
)
from services.timeparse import MAX_MINUTES, parse_duration

# An empty cell or a zero in any /log form clears the cell.
ZERO = re.compile(r"|(0+([.,]0*)?|[.,]0+)\s*(h|ч|m|м|min|мин)?")
WEEK = 7


@dataclass(frozen=True)
class WeekDay:
    day: date
    minutes: int
    capacity: int | None  # None: no schedule covers the day
    writable: bool


@dataclass(frozen=True)
class WeekRow:
    task: Task | None  # None: general work
    minutes: list[int]  # one per day of the week
    writable: list[bool]


@dataclass(frozen=True)
class WeekGrid:
    first: date  # Monday
    today: date
    days: list[WeekDay]
    rows: list[WeekRow]

    @property
    def total(self) -> int:
        return sum(d.minutes for d in self.days)

    @property
    def capacity(self) -> int:
        return sum(d.capacity or 0 for d in self.days)


def earliest(today: date) -> date:
    return today - MAX_DAYS_BACK


def parse_cell(text: str) -> int:
    """A cell's new value in minutes: a /log duration (`2.5`, `2h30m`, `1:30`, `90m`), or 0."""
    value = text.strip()
    if ZERO.fullmatch(value.lower()):
        return 0
    minutes = parse_duration(value)
    if minutes is None:
        raise DomainError("cell-duration", value=echo(value))
    return minutes


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def day_open(scope: Scope, day: date, today: date, locked: set[date]) -> bool:
    """Whether `/log` would take an entry of this person on this day at all."""
    if not scope.is_staff or day > today or day < earliest(today):
        return False
    return scope.is_admin or day.replace(day=1) not in locked


def task_takes(scope: Scope, task: Task, day: date) -> bool:
    return task.status not in CLOSED_STATUSES and may_log(scope, task) and day >= task.start_date


async def _cells(
    session: AsyncSession, employee_id: int, first: date, last: date
) -> dict[tuple[date, int | None], int]:
    """The person's minutes per (day, task) over first..last; task None is general work."""
    rows = await session.execute(
        select(TimeEntry.day, TimeEntry.task_id, func.sum(TimeEntry.minutes))
        .where(TimeEntry.employee_id == employee_id, TimeEntry.day.between(first, last))
        .group_by(TimeEntry.day, TimeEntry.task_id)
    )
    return {(day, task_id): int(minutes) for day, task_id, minutes in rows}


async def week_grid(
    session: AsyncSession, scope: Scope, any_day: date, today: date, country: str
) -> WeekGrid:
    if not scope.is_staff:
        raise DomainError("log-external")
    # Weeks from the oldest one /log can reach up to this one.
    first = monday_of(min(max(any_day, earliest(today)), today))
    days = [first + timedelta(days=i) for i in range(WEEK)]
    me = scope.emp.id
    cells = await _cells(session, me, days[0], days[-1])
    tasks = {t.id: t for t in await own_open_tasks(session, me)}
    tasks.update(await tasks_by_ids(session, {t for _, t in cells if t is not None}))
    calendar = await load_calendar(session, [me], first, country)
    locked = await locked_months(session)
    opened = [day_open(scope, day, today, locked) for day in days]
    rows = [WeekRow(None, [cells.get((d, None), 0) for d in days], opened)]
    for task in sorted(tasks.values(), key=sort_key):
        takes = [ok and task_takes(scope, task, d) for d, ok in zip(days, opened, strict=True)]
        rows.append(WeekRow(task, [cells.get((d, task.id), 0) for d in days], takes))
    week_days = [
        WeekDay(d, sum(row.minutes[i] for row in rows), calendar.capacity(me, d), opened[i])
        for i, d in enumerate(days)
    ]
    return WeekGrid(first, today, week_days, rows)


async def set_cell(
    session: AsyncSession,
    scope: Scope,
    *,
    day: date,
    task_id: int | None,
    minutes: int,
    today: date,
) -> int:
    """Make the person's hours on `day` for `task_id` (None: general work) add up to `minutes`.
    Returns the day's total afterwards. Commits."""
    if not scope.is_staff:
        raise DomainError("log-external")
    if not 0 <= minutes <= MAX_MINUTES:
        raise DomainError("log-range")
    task = await loggable_task(session, scope, task_id) if task_id is not None else None
    check_day(day, today, task)
    # Read the cell under the person's lock: two taps of Save must not both add the difference.
    await hold_person(session, scope.emp.id)
    entries = list(
        await session.scalars(
            select(TimeEntry).where(
                TimeEntry.employee_id == scope.emp.id,
                TimeEntry.day == day,
                TimeEntry.task_id.is_(None) if task is None else TimeEntry.task_id == task.id,
            )
        )
    )
    now = sum(e.minutes for e in entries)
    if minutes > now:
        await add_entry(
            session,
            scope,
            minutes=minutes - now,
            day=day,
            task=task,
            comment="",
            today=today,
            update_id=None,
        )
        if task is not None:
            mark_started(session, task, scope.emp)
    elif minutes < now:
        await take_back(session, scope, entries, now - minutes, None)
    total = await day_minutes(session, scope.emp.id, day)
    await session.commit()
    return total
