"""`lag_alerts`: tasks behind plan (lag ≥ LAG_ALERT_HOURS) or forecast to finish late.

One message to each assignee with their tasks (ledger key e5), one digest to each lead manager
for the groups they lead (lead:e2; it also names the people of those groups who logged nothing
on the last working day, and goes for that alone when no task lags) and one to each bound group
chat for its group (chat:-100123). The numbers are /plan's: services.planning computes them for
every open task in one pass.

A group whose lead is gone (none set, deactivated, access ended, no longer a manager or admin)
goes into the digest of every active admin, as SPEC §7a does for leave ("the lead manager, else
an admin"): its lagging tasks still reach someone who can act, and never an ex-lead.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from jobs.context import JobContext, admins
from jobs.log_reminders import Missing, missing_by_lead
from models import DevGroup, Employee
from services.people import LEAD_ROLES, is_usable
from services.plan import FLAG_OK, TaskPlan
from services.plan_scope import ALL, PlanScope
from services.planning import TaskRow, plan_report
from views.lag import digest_text, own_text
from views.reminders import missing_text

EVERYTHING = PlanScope(key="a", kind=ALL, name="", file_tag="all", group_ids=None)


def is_lagging(plan: TaskPlan | None, threshold: Decimal) -> bool:
    """Behind by at least `threshold` hours, or forecast to finish after the deadline (or not
    within the forecast horizon at all)."""
    if plan is None or plan.flag != FLAG_OK:
        return False
    late = plan.late_days is None or plan.late_days > 0
    return late or (plan.lag_h or Decimal(0)) >= threshold


async def run(ctx: JobContext) -> None:
    day = date.fromisoformat(ctx.period)
    async with ctx.sessionmaker() as session:
        report = await plan_report(session, EVERYTHING, day, ctx.config.holidays_country)
        groups = {g.name: g for g in await session.scalars(select(DevGroup))}
        lead_ids = {g.lead_id for g in groups.values() if g.lead_id is not None}
        leads = {
            e.id: e
            for e in await session.scalars(select(Employee).where(Employee.id.in_(lead_ids)))
            if e.role in LEAD_ROLES and is_usable(e)
        }
        heads = await admins(session)
        missing = await missing_by_lead(session, day, ctx.config.holidays_country)
    rows = [
        row
        for row in report.tasks
        if row.assignee is not None and is_lagging(row.plan, ctx.config.lag_alert_hours)
    ]
    own: dict[int, list[TaskRow]] = defaultdict(list)
    by_group: dict[str, list[TaskRow]] = defaultdict(list)
    for row in rows:
        assert row.assignee is not None
        own[row.assignee.id].append(row)
        by_group[row.task.group].append(row)
    for tasks in own.values():
        person = tasks[0].assignee
        if person is not None and is_usable(person):
            to = ctx.person(person)
            await ctx.delivery.text(to, own_text(tasks, day, ctx.tr(to.lang)))
    await _digests(ctx, day, by_group, groups, leads, heads, missing)


async def _digests(
    ctx: JobContext,
    day: date,
    by_group: dict[str, list[TaskRow]],
    groups: dict[str, DevGroup],
    leads: dict[int, Employee],
    heads: list[Employee],
    missing: dict[int, Missing],
) -> None:
    recipients = {**leads, **{admin.id: admin for admin in heads}}
    for_lead: dict[int, dict[str, list[TaskRow]]] = defaultdict(dict)
    for_chat: dict[int, dict[str, list[TaskRow]]] = defaultdict(dict)
    for name, tasks in by_group.items():
        group = groups.get(name)
        if group is None:
            continue
        if group.lead_id in leads:
            for_lead[group.lead_id][name] = tasks
        else:
            for admin in heads:
                for_lead[admin.id][name] = tasks
        if group.chat_id is not None:
            for_chat[group.chat_id][name] = tasks
    for lead_id in sorted(for_lead.keys() | missing.keys()):
        lead = recipients.get(lead_id)
        if lead is None:
            continue
        person = ctx.person(lead)
        to = replace(person, key=f"lead:{person.key}")
        tr = ctx.tr(to.lang)
        title = tr("jobs-lag-digest-title", date=day)
        mine = for_lead.get(lead_id)
        parts = [digest_text(title, mine, tr)] if mine else []
        # who logged nothing on the last working day: in the same morning message
        if lead_id in missing:
            parts.append(missing_text(missing[lead_id].day, missing[lead_id].people, tr))
        await ctx.delivery.text(to, "\n\n".join(parts))
    for chat_id, theirs in for_chat.items():
        to = ctx.chat(chat_id, f"{', '.join(sorted(theirs))} ({chat_id})")
        tr = ctx.tr(to.lang)
        title = tr("jobs-lag-chat-title", groups=", ".join(sorted(theirs)), date=day)
        await ctx.delivery.text(to, digest_text(title, theirs, tr))
