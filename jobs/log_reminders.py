"""`log_reminders`: people who can work today and logged less than that get a reminder.

Who: active staff (not externals) whose capacity today (services.calendar) is above 0 and whose
time entries dated today add up to less. The reminder says how much is missing and offers
quick-log buttons: a one-time keyboard whose buttons send `/log REST #N DD.MM` for their open
tasks and `/log REST DD.MM` for general work, so a tap logs the rest of that day through the
ordinary /log command and its rules. Ledger key: e5.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, select
from sqlalchemy.ext.asyncio import AsyncSession

from jobs.context import JobContext
from models import Employee, Task
from models.people import STAFF_ROLES
from services import timelog
from services.calendar import load_calendar
from views.reminders import quick_log, reminder_text

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


async def run(ctx: JobContext) -> None:
    day = date.fromisoformat(ctx.period)
    async with ctx.sessionmaker() as session:
        staff = list(
            await session.scalars(
                select(Employee)
                .where(Employee.active.is_(True), Employee.role.in_(STAFF_ROLES))
                .order_by(Employee.id)
            )
        )
        ids = [emp.id for emp in staff]
        calendar = await load_calendar(session, ids, day, ctx.config.holidays_country)
        logged = await timelog.minutes_on(session, ids, day)
        due = [(emp, calendar.capacity(emp.id, day) or 0, logged.get(emp.id, 0)) for emp in staff]
        due = [(emp, cap, done) for emp, cap, done in due if done < cap]
        tasks = await open_tasks(session, [emp.id for emp, _, _ in due])
    for emp, capacity, done in due:
        to = ctx.person(emp)
        own = tasks.get(emp.id, [])
        text = reminder_text(done, capacity, own, ctx.tr(to.lang))
        await ctx.delivery.text(to, text, quick_log(capacity - done, own, day, to.lang))
