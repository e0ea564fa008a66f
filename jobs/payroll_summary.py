"""`payroll_summary`: a month's pay to each paid employee, the table and spreadsheet to admins.

The month is locked first and the figures are read after, in that order, so that what people
receive is exactly what is locked: an entry logged in between cannot slip past the summary.
Ledger keys: e5 (a person's own pay), e1:p1.. (an admin's table pages), e1:xlsx (the file).
"""

from __future__ import annotations

from sqlalchemy import select

from jobs.context import JobContext, admins
from jobs.delivery import in_parallel
from models import Employee
from services import locks
from services.payroll import Payroll, PayrollRow, month_payroll
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
        await locks.lock_month(session, month)
        await session.commit()
        payroll = await month_payroll(session, month, ctx.config)
        ids = [row.employee_id for row in payroll.rows]
        people = {
            emp.id: emp
            for emp in await session.scalars(select(Employee).where(Employee.id.in_(ids)))
        }
        heads = await admins(session)
    # Someone who has left is still on the payroll, but the bot no longer writes to them.
    reachable = [
        (row, people[row.employee_id])
        for row in payroll.rows
        if row.employee_id in people and people[row.employee_id].active
    ]

    async def send_own(row: PayrollRow, emp: Employee) -> None:
        to = ctx.person(emp)
        await ctx.delivery.text(to, report.person_summary(row, payroll, ctx.tr(to.lang)))

    await in_parallel(reachable, send_own, PARALLEL_SENDS)
    for admin in heads:
        await _send_table(ctx, admin, payroll)


async def _send_table(ctx: JobContext, admin: Employee, payroll: Payroll) -> None:
    to = ctx.person(admin)
    tr = ctx.tr(to.lang)
    pages = report.admin_pages(payroll, tr)
    for number, page in enumerate(pages, start=1):
        if len(pages) > 1:
            page += "\n\n" + tr("payroll-page", page=number, pages=len(pages))
        await ctx.delivery.text(to, page, part=f"p{number}")
    if not payroll.rows:
        return
    caption = tr(
        "payroll-file-caption",
        month=report.month_name(payroll.month, tr),
        count=len(payroll.rows),
        amount=report.money(payroll.amount, payroll.currency, tr),
        missing=len(payroll.no_norm_rows),
    )
    data = report.payroll_workbook(payroll, tr)
    await ctx.delivery.document(to, data, report.file_name(payroll, "xlsx"), caption, part="xlsx")
