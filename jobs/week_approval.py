"""`week_approval` (WEEK_APPROVAL on): on the first working day of a week, each person gets last
week's hours per day with a Submit button, and each lead manager (else the admins, as for
leave) one digest of their people with Approve / Return per person and who has not submitted.

Who: active staff with a schedule in force in that week. Ledger keys: e5 for a person's week,
lead:e2 for a digest, in the period named by the week's Monday ("2026-03-02"), so each message
goes once per person and week across re-runs, restarts and replicas.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import select

from handlers.week_views import decide_keyboard, digest_text, own_week_text, submit_keyboard
from jobs.context import JobContext
from models import Employee
from models.leave import WEEK_APPROVED
from models.people import STAFF_ROLES
from services import leave
from services import week_approval as weeks
from services.calendar import load_calendar
from services.week_approval import WeekHours


async def run(ctx: JobContext) -> None:
    if not ctx.config.week_approval:
        return
    monday = date.fromisoformat(ctx.period)
    sunday = monday + timedelta(days=6)
    async with ctx.sessionmaker() as session:
        staff = list(
            await session.scalars(
                select(Employee)
                .where(Employee.active.is_(True), Employee.role.in_(STAFF_ROLES))
                .order_by(Employee.id)
            )
        )
        calendar = await load_calendar(
            session, [e.id for e in staff], monday, ctx.config.holidays_country
        )
        staff = [e for e in staff if calendar.week_on(e.id, sunday) is not None]
        found = [await weeks.week_hours(session, e, monday, calendar) for e in staff]
        digests: dict[int, list[WeekHours]] = defaultdict(list)
        deciders: dict[int, Employee] = {}
        for hours in found:
            for decider in await leave.deciders(session, hours.emp):
                deciders[decider.id] = decider
                digests[decider.id].append(hours)
    for hours in found:
        to = ctx.person(hours.emp)
        tr = ctx.tr(to.lang)
        markup = None if hours.state == WEEK_APPROVED else submit_keyboard(monday, tr)
        await ctx.delivery.text(to, own_week_text(hours, tr), markup)
    for decider_id, theirs in digests.items():
        person = ctx.person(deciders[decider_id])
        to = replace(person, key=f"lead:{person.key}")
        tr = ctx.tr(to.lang)
        open_ones = [h.emp for h in theirs if h.state != WEEK_APPROVED]
        markup = decide_keyboard(open_ones, monday, tr) if open_ones else None
        await ctx.delivery.text(to, digest_text(theirs, tr), markup)
