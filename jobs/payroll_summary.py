"""`payroll_summary`: a month's pay to each paid employee, the table and spreadsheet to admins.

The month is locked and its payroll stored first (services.payroll_freeze), and what people
receive is read from that snapshot, so what they get is exactly what is frozen: an entry logged
in between cannot slip past the summary, and a run repeated after a crash sends the same figures.

Ledger keys: e5 (a person's own pay), e1:p1.. (an admin's table pages), e1:xlsx (the file). After
/unlock the next lock freezes version N > 1, and only the people whose total changed get a
corrected summary, under keys e5:vN (and e1:vN:p1.., e1:vN:xlsx for the admins), so each
correction too reaches each of them once.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from jobs.context import JobContext, admins
from jobs.delivery import in_parallel
from models import Employee
from services import payroll_freeze
from services.payroll import Payroll, PayrollRow
from services.units import parse_month
from views import payroll as report

# Summaries in flight at once: each one also waits on two ledger writes, so one at a time could
# not keep up with Telegram's pace; the sender's limiter still spaces the messages themselves.
PARALLEL_SENDS = 8


async def run(ctx: JobContext) -> None:
    month = parse_month(ctx.period)
    if month is None:
        raise ValueError(f"not a month: {ctx.period}")
    async with ctx.sessionmaker() as session:
        version = await payroll_freeze.freeze(session, month, ctx.config)
        payroll = await payroll_freeze.snapshot(session, month, version)
        assert payroll is not None
        previous = await payroll_freeze.snapshot(session, month, version - 1)
        rows = payroll.rows if previous is None else payroll_freeze.changed_rows(previous, payroll)
        ids = [row.employee_id for row in rows]
        people = {
            emp.id: emp
            for emp in await session.scalars(select(Employee).where(Employee.id.in_(ids)))
        }
        heads = await admins(session)
    corrected = previous is not None
    suffix = f"v{version}" if corrected else ""
    # Someone who has left is still on the payroll, but the bot no longer writes to them.
    reachable = [
        (row, people[row.employee_id])
        for row in rows
        if row.employee_id in people and people[row.employee_id].active
    ]

    async def send_own(row: PayrollRow, emp: Employee) -> None:
        to = ctx.person(emp)
        tr = ctx.tr(to.lang)
        title = tr("payroll-corrected-title", month=report.month_name(payroll.month, tr))
        text = report.person_summary(row, payroll, tr, title=title if corrected else None)
        await ctx.delivery.text(to, text, part=suffix)

    await in_parallel(reachable, send_own, PARALLEL_SENDS)
    if corrected and not rows:
        return
    shown = payroll if not corrected else _only(payroll, rows)
    for admin in heads:
        await _send_table(ctx, admin, shown, suffix)


def _only(payroll: Payroll, rows: list[PayrollRow]) -> Payroll:
    return replace(payroll, rows=rows)


async def _send_table(ctx: JobContext, admin: Employee, payroll: Payroll, suffix: str) -> None:
    to = ctx.person(admin)
    tr = ctx.tr(to.lang)
    pages = report.admin_pages(payroll, tr)
    prefix = f"{suffix}:" if suffix else ""
    for number, page in enumerate(pages, start=1):
        if suffix:
            page = tr("payroll-corrected-table") + "\n" + page
        if len(pages) > 1:
            page += "\n\n" + tr("payroll-page", page=number, pages=len(pages))
        await ctx.delivery.text(to, page, part=f"{prefix}p{number}")
    if not payroll.rows:
        return
    caption = tr(
        "payroll-file-caption",
        month=report.month_name(payroll.month, tr),
        count=len(payroll.rows),
        amount=report.money(payroll.total, payroll.currency, tr),
        missing=len(payroll.no_norm_rows),
    )
    data = report.payroll_workbook(payroll, tr)
    name = report.file_name(payroll, "xlsx")
    await ctx.delivery.document(to, data, name, caption, part=f"{prefix}xlsx")
