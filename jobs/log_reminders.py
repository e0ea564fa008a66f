"""`log_reminders`: people who can work today and logged less than that get a reminder.

Who: active staff (not externals) whose capacity today (services.calendar) is above 0 and whose
time entries dated today add up to less. The reminder says how much is missing and offers
quick-log buttons: a one-time keyboard whose buttons send `/log REST #N DD.MM` for their open
tasks and `/log REST DD.MM` for general work, so a tap logs the rest of that day through the
ordinary /log command and its rules. Earlier days of the week (from Monday) that are short too
are named, each with one more button for its rest (on the person's task in progress, else as
general work). A timer still running is mentioned. People who said `/remind off` are skipped.
Ledger key: e5.

`missing_by_lead` is the managers' side, read the next morning by `lag_alerts`: one line per
person of their groups who logged nothing on the last working day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from aiogram.types import KeyboardButton, ReplyKeyboardMarkup
from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from jobs.context import JobContext
from models import DevGroup, Employee, GroupMember, ReminderOptOut, Task, TimeEntry, Timer
from models.people import STAFF_ROLES
from services import timelog
from services.calendar import Calendar, load_calendar, load_holidays
from services.i18n import Translator
from services.timeparse import format_duration

MAX_TASK_BUTTONS = 3
QUICK_STATUSES = ("in_progress", "new")


def compact(minutes: int, lang: str) -> str:
    """A duration /log reads in one token: 2h30m, 45m, 3h (2ч30м in Russian)."""
    hours, rest = divmod(minutes, 60)
    h, m = ("ч", "м") if lang == "ru" else ("h", "m")
    return (f"{hours}{h}" if hours else "") + (f"{rest}{m}" if rest or not hours else "")


def log_command(rest: int, task_id: int | None, day: date, lang: str) -> str:
    task = f" #{task_id}" if task_id is not None else ""
    return f"/log {compact(rest, lang)}{task} {day:%d.%m}"


def quick_log(
    rest: int, task_ids: list[int], day: date, lang: str, earlier: Sequence[ShortDay] = ()
) -> ReplyKeyboardMarkup:
    """Buttons that send `/log REST #N DD.MM`: the date keeps a tap made the next morning on
    the day the reminder was about. Then one button per earlier short day of the week."""
    rows = [[KeyboardButton(text=log_command(rest, task, day, lang))] for task in task_ids]
    rows.append([KeyboardButton(text=log_command(rest, None, day, lang))])
    first = task_ids[0] if task_ids else None
    rows += [[KeyboardButton(text=log_command(d.rest, first, d.day, lang))] for d in earlier]
    return ReplyKeyboardMarkup(keyboard=rows, resize_keyboard=True, one_time_keyboard=True)


def reminder_text(
    logged: int,
    capacity: int,
    task_ids: list[int],
    tr: Translator,
    earlier: Sequence[ShortDay] = (),
    timer_task: int | None = None,
) -> str:
    fields = {
        "logged": format_duration(logged, tr.lang),
        "capacity": format_duration(capacity, tr.lang),
        "rest": compact(capacity - logged, tr.lang),
    }
    if task_ids:
        lines = [tr("jobs-remind-text", id=task_ids[0], **fields)]
    else:
        lines = [tr("jobs-remind-text-general", **fields)]
    if earlier:
        names = tr("calendar-weekdays").split()
        days = ", ".join(
            tr(
                "jobs-remind-day",
                weekday=names[d.day.weekday()],
                day=f"{d.day:%d.%m}",
                rest=format_duration(d.rest, tr.lang),
            )
            for d in earlier
        )
        lines.append(tr("jobs-remind-short-days", days=days))
    if timer_task is not None:
        lines.append(tr("jobs-remind-timer", id=timer_task))
    lines.append(tr("jobs-remind-buttons"))
    return "\n".join(lines)


@dataclass(frozen=True)
class ShortDay:
    day: date
    rest: int  # scheduled minutes not logged


def short_days(
    calendar: Calendar, logged: dict[date, int], emp_id: int, first: date, last: date
) -> list[ShortDay]:
    """Days first..last (inclusive) where the person logged less than their capacity."""
    out, day = [], first
    while day <= last:
        capacity = calendar.capacity(emp_id, day) or 0
        if logged.get(day, 0) < capacity:
            out.append(ShortDay(day, capacity - logged.get(day, 0)))
        day += timedelta(days=1)
    return out


async def open_tasks(session: AsyncSession, ids: list[int]) -> dict[int, list[int]]:
    """Per person, the tasks they would log on: in progress first, then new, soonest first."""
    first = case((Task.status == "in_progress", 0), else_=1)
    query = (
        select(Task.assignee_id, Task.id)
        .where(Task.assignee_id.in_(ids), Task.status.in_(QUICK_STATUSES))
        .order_by(Task.assignee_id, first, Task.deadline.is_(None), Task.deadline, Task.id)
    )
    out: dict[int, list[int]] = {}
    for emp_id, task_id in await session.execute(query):
        tasks = out.setdefault(emp_id or 0, [])  # never None: filtered by assignee
        if len(tasks) < MAX_TASK_BUTTONS:
            tasks.append(task_id)
    return out


async def week_minutes(
    session: AsyncSession, ids: list[int], first: date, last: date
) -> dict[int, dict[date, int]]:
    """Per person, minutes per day over first..last, in one query."""
    rows = await session.execute(
        select(TimeEntry.employee_id, TimeEntry.day, func.sum(TimeEntry.minutes))
        .where(TimeEntry.employee_id.in_(ids), TimeEntry.day.between(first, last))
        .group_by(TimeEntry.employee_id, TimeEntry.day)
    )
    out: dict[int, dict[date, int]] = {emp_id: {} for emp_id in ids}
    for emp_id, day, minutes in rows:
        out[emp_id][day] = int(minutes)
    return out


async def run(ctx: JobContext) -> None:
    day = date.fromisoformat(ctx.period)
    monday = day - timedelta(days=day.weekday())
    async with ctx.sessionmaker() as session:
        opted_out = select(ReminderOptOut.employee_id)
        staff = list(
            await session.scalars(
                select(Employee)
                .where(
                    Employee.active.is_(True),
                    Employee.role.in_(STAFF_ROLES),
                    Employee.id.not_in(opted_out),
                )
                .order_by(Employee.id)
            )
        )
        ids = [emp.id for emp in staff]
        calendar = await load_calendar(session, ids, monday, ctx.config.holidays_country)
        logged = await timelog.minutes_on(session, ids, day)
        due = [(emp, calendar.capacity(emp.id, day) or 0, logged.get(emp.id, 0)) for emp in staff]
        due = [(emp, cap, done) for emp, cap, done in due if done < cap]
        tasks = await open_tasks(session, [emp.id for emp, _, _ in due])
        running = await session.execute(select(Timer.employee_id, Timer.task_id))
        timers = {emp_id: task_id for emp_id, task_id in running}
        week = await week_minutes(session, [emp.id for emp, _, _ in due], monday, day)
        earlier = {
            emp.id: short_days(calendar, week[emp.id], emp.id, monday, day - timedelta(days=1))
            for emp, _, _ in due
        }
    for emp, capacity, done in due:
        to = ctx.person(emp)
        own, before = tasks.get(emp.id, []), earlier.get(emp.id, [])
        tr = ctx.tr(to.lang)
        text = reminder_text(done, capacity, own, tr, before, timers.get(emp.id))
        await ctx.delivery.text(to, text, quick_log(capacity - done, own, day, to.lang, before))


@dataclass(frozen=True)
class Missing:
    """The people of a lead's groups who logged nothing on `day`, a working day for them."""

    day: date
    people: list[Employee]


async def missing_by_lead(session: AsyncSession, today: date, country: str) -> dict[int, Missing]:
    """For the working day before `today`: per lead manager, the active staff of the groups
    they lead who had capacity that day and logged nothing (leads with nobody are left out)."""
    holidays = await load_holidays(session, country)
    day = today - timedelta(days=1)
    while not holidays.is_working_day(day) and day > today - timedelta(days=14):
        day -= timedelta(days=1)
    rows = list(
        await session.execute(
            select(DevGroup.lead_id, Employee)
            .join(GroupMember, GroupMember.group_id == DevGroup.id)
            .join(Employee, Employee.id == GroupMember.employee_id)
            .where(
                DevGroup.lead_id.is_not(None),
                Employee.active.is_(True),
                Employee.role.in_(STAFF_ROLES),
            )
            .order_by(DevGroup.lead_id, Employee.id)
        )
    )
    ids = {emp.id for _, emp in rows}
    calendar = await load_calendar(session, ids, day, country)
    logged = await timelog.minutes_on(session, ids, day)
    out: dict[int, Missing] = {}
    for lead_id, emp in rows:
        if lead_id is None or not calendar.capacity(emp.id, day) or logged.get(emp.id, 0):
            continue
        people = out.setdefault(lead_id, Missing(day, [])).people
        if emp not in people:
            people.append(emp)
    return out


def missing_text(missing: Missing, tr: Translator) -> str:
    lines = [tr("jobs-nolog-title", date=f"{missing.day:%d.%m.%Y}")]
    lines += [tr("jobs-nolog-line", person=emp.display) for emp in missing.people]
    return "\n".join(lines)
