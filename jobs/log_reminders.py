"""`log_reminders`: people who can work today and logged less than that get a reminder.

Who: active staff (not externals) whose capacity today (services.calendar) is above 0 and whose
time entries dated today add up to less. The reminder says how much is missing and offers
inline buttons labelled in words ("Log 6 h on #12 for today"): one per open task and one for
general work, each logging the rest of that day (the day rides in the button, so a press the
next morning logs on the reminded day) through services.reminders.log_rest and so every /log
rule. Earlier days of the week (from Monday) that are short too are named, each with one more
button for its rest (on the person's task in progress, else as general work). A timer still
running is mentioned, with a Stop button first. People who said `/remind off` are skipped.
Ledger key: e5.

`missing_by_lead` is the managers' side, read the next morning by `lag_alerts`: one line per
person of their groups who logged nothing on the last working day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from jobs.context import JobContext
from models import DevGroup, Employee, GroupMember, ReminderOptOut, Task, TimeEntry, Timer
from models.people import STAFF_ROLES
from services import timelog
from services.calendar import load_calendar, load_holidays
from services.reminders import short_days
from services.timers import started_key
from views.reminders import log_buttons, reminder_text

MAX_TASK_BUTTONS = 3
QUICK_STATUSES = ("in_progress", "new")


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
        timers = {timer.employee_id: timer for timer in await session.scalars(select(Timer))}
        week = await week_minutes(session, [emp.id for emp, _, _ in due], monday, day)
        earlier = {
            emp.id: short_days(calendar, week[emp.id], emp.id, monday, day - timedelta(days=1))
            for emp, _, _ in due
        }
    for emp, capacity, done in due:
        to = ctx.person(emp)
        own, before = tasks.get(emp.id, []), earlier.get(emp.id, [])
        tr = ctx.tr(to.lang)
        timer = timers.get(emp.id)
        running = (timer.task_id, started_key(timer)) if timer else None
        text = reminder_text(done, capacity, own, tr, before, timer.task_id if timer else None)
        markup = log_buttons(capacity - done, own, day, tr, before, running)
        await ctx.delivery.text(to, text, markup)


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
