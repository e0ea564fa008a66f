"""`/hours [PERSON]`: a person's hours per day against their schedule, and per task (whose
hours someone may see: services.entry_edit.person_for).

Periods: `week` (Monday to today, the default), `month` (the 1st to today) and `YYYY-MM` (that
month, up to today when it is the current one). Days are listed when they had hours or a
scheduled capacity; days no schedule covers are counted so the reply can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from models import TimeEntry
from services.calendar import load_calendar
from services.errors import DomainError
from services.people import PERSON_REF
from services.tasks import tasks_by_ids
from services.timelog import minutes_by_day, minutes_grouped
from services.units import month_bounds, month_start

_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


@dataclass(frozen=True)
class DayRow:
    day: date
    minutes: int
    capacity: int | None


@dataclass(frozen=True)
class TaskRow:
    task_id: int | None
    title: str
    minutes: int


@dataclass(frozen=True)
class HoursReport:
    first: date
    last: date
    days: list[DayRow]
    tasks: list[TaskRow]
    total: int
    capacity: int
    unscheduled_days: int


def split_person(args: list[str]) -> tuple[str | None, str]:
    """`[PERSON] [PERIOD]` to the person's reference (None: the asker) and the period's text."""
    if args and PERSON_REF.match(args[0]):
        person, args = args[0], args[1:]
    else:
        person = None
    if len(args) > 1:
        raise DomainError("hours-usage", value=" ".join(args)[:20])
    return person, args[0] if args else ""


def check_span(first: date, last: date, today: date) -> None:
    """A period a button carries back: what parse_period could have made, else stale."""
    if not first <= last <= today or (last - first).days > 31:
        raise DomainError("dialog-stale")


def parse_period(text: str, today: date) -> tuple[date, date]:
    word = text.strip().lower()
    if word in ("", "week", "неделя"):
        return today - timedelta(days=today.weekday()), today
    if word in ("month", "месяц"):
        return month_start(today), today
    match = _MONTH.fullmatch(word)
    if match and 1 <= int(match.group(2)) <= 12 and int(match.group(1)) >= 2000:
        first, last = month_bounds(date(int(match.group(1)), int(match.group(2)), 1))
        if first > today:
            raise DomainError("hours-future", month=word)
        return first, min(last, today)
    raise DomainError("hours-usage", value=text.strip()[:20])


async def minutes_by_task(
    session: AsyncSession, employee_id: int, first: date, last: date
) -> dict[int | None, int]:
    """A person's minutes per task over first..last; None is general work."""
    return await minutes_grouped(session, TimeEntry.task_id, employee_id, first, last)


async def hours_report(
    session: AsyncSession, employee_id: int, first: date, last: date, country: str
) -> HoursReport:
    per_day = await minutes_by_day(session, employee_id, first, last)
    per_task = await minutes_by_task(session, employee_id, first, last)
    calendar = await load_calendar(session, [employee_id], first, country)
    days: list[DayRow] = []
    capacity = unscheduled = 0
    day = first
    while day <= last:
        cap = calendar.capacity(employee_id, day)
        minutes = per_day.get(day, 0)
        unscheduled += cap is None
        capacity += cap or 0
        if minutes or cap:
            days.append(DayRow(day, minutes, cap))
        day += timedelta(days=1)
    titles = await tasks_by_ids(session, [t for t in per_task if t is not None])
    tasks = [
        TaskRow(task_id, titles[task_id].title if task_id in titles else "", minutes)
        for task_id, minutes in per_task.items()
    ]
    tasks.sort(key=lambda row: (row.task_id is None, -row.minutes, row.task_id or 0))
    return HoursReport(first, last, days, tasks, sum(per_day.values()), capacity, unscheduled)
