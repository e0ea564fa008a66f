"""Timers: `/timer #N` starts one per person, `/stop` turns it into time entries.

Decided here: a stop that finds the timer running past midnight (company zone) or over
TIMER_LONG asks first: log all (split into one entry per day), log up to midnight or the first
12 hours (whichever comes first, on the start day), or discard. Under a minute logs nothing.
Elapsed time is rounded to the nearest minute. Starting a timer while one runs stops and logs
the running one first, unless it is such a long one: then the person has to answer /stop first.
A timer whose task was closed meanwhile is stopped without logging (the reply says how long it
ran, so the time can still go in as general work with /log).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from models import Task, Timer
from services import clock
from services.errors import DomainError
from services.task_flow import mark_started
from services.tasks import CLOSED_STATUSES, Scope, get_task, may_log
from services.timelog import add_entry, check_day, loggable_task

TIMER_LONG = timedelta(hours=12)
ALL, CUT, DISCARD = "all", "cut", "discard"
# Entry rules a timer can keep failing on, whatever the person does: `/stop discard` helps.
STUCK = frozenset({"log-day-full", "log-locked", "log-before-start"})


@dataclass(frozen=True)
class Stopped:
    task: Task | None
    task_id: int
    parts: list[tuple[date, int]]  # (day, minutes) logged; empty when nothing was
    elapsed_min: int
    reason: str  # "logged", "short", "discarded", "closed"


@dataclass(frozen=True)
class StopQuestion:
    task_id: int
    started_key: int
    elapsed_min: int
    cut_min: int
    cut_at_midnight: bool


def started_key(timer: Timer) -> int:
    """The start as whole seconds: buttons carry it so an old question cannot stop a new timer."""
    return int(timer.started_at.replace(tzinfo=UTC).timestamp())


def _local(moment: datetime, tz: str) -> datetime:
    return moment.replace(tzinfo=UTC).astimezone(ZoneInfo(tz))


def _minutes(delta: timedelta) -> int:
    return int((delta.total_seconds() + 30) // 60)


def _next_midnight(moment: datetime, tz: str) -> datetime:
    """The first local midnight after `moment`, as naive UTC."""
    local = _local(moment, tz)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), local.tzinfo)
    return midnight.astimezone(UTC).replace(tzinfo=None)


def split_by_day(start: datetime, end: datetime, tz: str) -> list[tuple[date, int]]:
    """Minutes of start..end on each local day; the parts add up to the rounded total."""
    total = _minutes(end - start)
    parts: list[tuple[date, int]] = []
    done, cursor = 0, start
    while done < total:
        boundary = _next_midnight(cursor, tz)
        upto = total if boundary >= end else min(total, _minutes(boundary - start))
        if upto > done:
            parts.append((_local(cursor, tz).date(), upto - done))
        done, cursor = upto, boundary
    return parts


def _cut(timer: Timer, tz: str) -> tuple[int, bool]:
    midnight = _next_midnight(timer.started_at, tz)
    twelve = timer.started_at + TIMER_LONG
    return _minutes(min(midnight, twelve) - timer.started_at), midnight <= twelve


def is_long(timer: Timer, now: datetime, tz: str) -> bool:
    crossed = _local(timer.started_at, tz).date() != _local(now, tz).date()
    return crossed or now - timer.started_at > TIMER_LONG


async def _log_parts(
    session: AsyncSession,
    scope: Scope,
    timer: Timer,
    parts: list[tuple[date, int]],
    today: date,
    update_id: int | None,
) -> Stopped:
    # The task row first, then the person's (in add_entry): the order every writer keeps.
    task = await get_task(session, timer.task_id, lock=True)
    elapsed = sum(m for _, m in parts)
    await session.delete(timer)
    if task is None or task.status in CLOSED_STATUSES or not may_log(scope, task):
        return Stopped(task, timer.task_id, [], elapsed, "closed")
    try:
        for day, minutes in parts:
            await add_entry(
                session,
                scope,
                minutes=minutes,
                day=day,
                task=task,
                comment=timer.note,
                today=today,
                update_id=update_id,
            )
    except DomainError as error:
        if error.code in STUCK:
            # The timer stays; its answer must say how to get rid of it.
            raise DomainError(f"timer-{error.code}", **error.fields) from error
        raise
    mark_started(session, task, scope.emp)
    return Stopped(task, task.id, parts, elapsed, "logged")


async def _stop(
    session: AsyncSession,
    scope: Scope,
    timer: Timer,
    choice: str | None,
    tz: str,
    update_id: int | None,
) -> Stopped | StopQuestion:
    now = clock.utcnow_naive()
    elapsed = now - timer.started_at
    if elapsed < timedelta(minutes=1):
        await session.delete(timer)
        return Stopped(None, timer.task_id, [], 0, "short")
    if choice not in (ALL, CUT, DISCARD) and is_long(timer, now, tz):
        cut, at_midnight = _cut(timer, tz)
        return StopQuestion(timer.task_id, started_key(timer), _minutes(elapsed), cut, at_midnight)
    if choice == DISCARD:
        await session.delete(timer)
        return Stopped(None, timer.task_id, [], _minutes(elapsed), "discarded")
    if choice == CUT:
        cut = _cut(timer, tz)[0]
        if cut < 1:
            await session.delete(timer)
            return Stopped(None, timer.task_id, [], 0, "short")
        parts = [(_local(timer.started_at, tz).date(), cut)]
    else:
        parts = split_by_day(timer.started_at, now, tz)
    return await _log_parts(session, scope, timer, parts, clock.today(tz), update_id)


async def stop_timer(
    session: AsyncSession,
    scope: Scope,
    tz: str,
    update_id: int | None,
    choice: str | None = None,
    key: int | None = None,
) -> Stopped | StopQuestion:
    """Stop the person's timer. `choice` answers a StopQuestion whose `started_key` is `key`."""
    timer = await session.get(Timer, scope.emp.id)
    if timer is None or (key is not None and started_key(timer) != key):
        raise DomainError("timer-none")
    outcome = await _stop(session, scope, timer, choice, tz, update_id)
    if isinstance(outcome, Stopped):
        await session.commit()
    return outcome


async def start_timer(
    session: AsyncSession, scope: Scope, task_id: int, tz: str, update_id: int | None
) -> tuple[Task, Stopped | None]:
    """Start a timer on the task; a running one is stopped and logged first."""
    task = await loggable_task(session, scope, task_id)
    check_day(clock.today(tz), clock.today(tz), task)  # a task that has not started yet
    previous: Stopped | None = None
    timer = await session.get(Timer, scope.emp.id)
    if timer is not None:
        if timer.task_id == task.id:
            raise DomainError("timer-already", id=task.id)
        outcome = await _stop(session, scope, timer, None, tz, update_id)
        if isinstance(outcome, StopQuestion):
            raise DomainError("timer-running-long", id=timer.task_id)
        previous = outcome
        await session.flush()
    session.add(Timer(employee_id=scope.emp.id, task_id=task.id, started_at=clock.utcnow_naive()))
    mark_started(session, task, scope.emp)
    await session.commit()
    return task, previous


async def stop_after(
    session: AsyncSession, scope: Scope, tz: str, update_id: int | None, key: int, minutes: int
) -> Stopped:
    """Stop the person's timer started at `key`, logging only its first `minutes` on the day it
    started (the end of their working day); the rest of the time is dropped."""
    timer = await session.get(Timer, scope.emp.id)
    if timer is None or started_key(timer) != key:
        raise DomainError("timer-none")
    if minutes < 1:
        await session.delete(timer)
        await session.commit()
        return Stopped(None, timer.task_id, [], 0, "short")
    parts = [(_local(timer.started_at, tz).date(), minutes)]
    outcome = await _log_parts(session, scope, timer, parts, clock.today(tz), update_id)
    await session.commit()
    return outcome
