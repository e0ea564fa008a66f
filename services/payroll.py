"""A month's payroll (SPEC §6) in a fixed number of SQL statements, however many people.

One statement finds the rule in force for each employee (their latest pay setting on or before
the month), one sums the month's minutes per employee, three load the calendar (schedules,
absences, holidays) and one reads the month's lock: six in all. The pay itself is computed by
services.pay.compute_pay, the one place where the formula lives.

Who is listed, where the contract is silent:

* everyone with a pay setting in force that month who is active and not an external, with
  0 hours too;
* a deactivated person (or one turned external) only when they have entries dated in that
  month: they worked and must be paid, but someone who left earlier is not paid again.

For the current month the payroll is "so far": worked hours up to today against the whole
month's norm, i.e. what would be paid if nothing more were logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, MonthLock, PaySetting, TimeEntry
from services import clock
from services.calendar import Calendar, load_calendar
from services.config import AppConfig
from services.pay import PayResult, PayRule, compute_pay
from services.paysettings import rule_from
from services.units import month_bounds

# The hours of a standard working day, used only to suggest a fixed norm to the admin.
STANDARD_DAY_HOURS = 8


@dataclass(frozen=True)
class PayrollRow:
    employee_id: int
    full_name: str
    telegram_id: int
    language: str | None
    rule: PayRule
    worked_min: int
    scheduled_min: int
    result: PayResult

    @property
    def code(self) -> str:
        return f"e{self.employee_id}"

    @property
    def no_norm(self) -> bool:
        return self.result.no_norm

    def cells(self, currency: str) -> list[object]:
        """Values in the order of views.csvfile.PAYROLL_COLUMNS."""
        r = self.result
        return [
            self.code,
            self.full_name,
            self.telegram_id,
            self.rule.pay_type,
            r.worked_h,
            r.norm_h,
            r.overtime_h,
            r.amount,
            currency,
        ]


@dataclass(frozen=True)
class Payroll:
    month: date  # the first day
    last: date
    as_of: date | None  # today, while the month is not over
    locked: bool
    currency: str
    standard_hours: int  # 8 h × the month's working days: a suggestion for a fixed norm
    rows: list[PayrollRow]

    @property
    def no_norm_rows(self) -> list[PayrollRow]:
        return [row for row in self.rows if row.no_norm]

    @property
    def worked_h(self) -> Decimal:
        return sum((row.result.worked_h for row in self.rows), Decimal("0.00"))

    @property
    def overtime_h(self) -> Decimal:
        return sum((row.result.overtime_h for row in self.rows), Decimal("0.00"))

    @property
    def amount(self) -> Decimal:
        """The sum of the rounded amounts, i.e. what is actually paid; "no norm" rows add 0."""
        return sum((row.result.amount or Decimal(0) for row in self.rows), Decimal("0.00"))


def _rules_query(month: date, ids: list[int] | None) -> Select:
    latest = select(
        PaySetting.employee_id.label("emp"), func.max(PaySetting.effective_month).label("month")
    ).where(PaySetting.effective_month <= month)
    if ids is not None:
        latest = latest.where(PaySetting.employee_id.in_(ids))
    in_force = latest.group_by(PaySetting.employee_id).subquery()
    # Plain columns, not ORM objects: a payroll may list thousands of people.
    return (
        select(
            PaySetting.pay_type,
            PaySetting.amount,
            PaySetting.norm_hours,
            PaySetting.k,
            Employee.id,
            Employee.full_name,
            Employee.telegram_id,
            Employee.language,
            Employee.active,
            Employee.role,
        )
        .join(
            in_force,
            and_(
                in_force.c.emp == PaySetting.employee_id,
                in_force.c.month == PaySetting.effective_month,
            ),
        )
        .join(Employee, Employee.id == PaySetting.employee_id)
        .order_by(Employee.id)
    )


async def worked_minutes(
    session: AsyncSession, first: date, last: date, ids: list[int] | None = None
) -> dict[int, int]:
    """Minutes per employee from entries dated first..last, in one grouped query."""
    query = (
        select(TimeEntry.employee_id, func.sum(TimeEntry.minutes))
        .where(TimeEntry.day >= first, TimeEntry.day <= last)
        .group_by(TimeEntry.employee_id)
    )
    if ids is not None:
        query = query.where(TimeEntry.employee_id.in_(ids))
    return {emp_id: int(total or 0) for emp_id, total in await session.execute(query)}


def _is_current(active: bool, role: str) -> bool:
    return active and role != "external"


async def _rows(
    session: AsyncSession, month: date, config: AppConfig, ids: list[int] | None
) -> tuple[list[PayrollRow], Calendar]:
    first, last = month_bounds(month)
    found = (await session.execute(_rules_query(first, ids))).all()
    worked = await worked_minutes(session, first, last, ids)
    # Everyone's calendar when the payroll is for everyone: no list of thousands of ids in SQL.
    calendar = await load_calendar(session, ids, first, config.holidays_country)
    rows: list[PayrollRow] = []
    for pay_type, amount, norm_hours, k, emp_id, full_name, tg, language, active, role in found:
        minutes = worked.get(emp_id, 0)
        if not _is_current(active, role) and minutes == 0:
            continue
        rule = rule_from(pay_type, amount, norm_hours, k)
        scheduled = calendar.scheduled_minutes(emp_id, first, last)
        rows.append(
            PayrollRow(
                employee_id=emp_id,
                full_name=full_name,
                telegram_id=tg,
                language=language,
                rule=rule,
                worked_min=minutes,
                scheduled_min=scheduled,
                result=compute_pay(rule, minutes, scheduled),
            )
        )
    return rows, calendar


async def payroll_rows(
    session: AsyncSession, month: date, config: AppConfig, ids: list[int] | None = None
) -> list[PayrollRow]:
    """The month's rows by employee number (all listed people, or only `ids`)."""
    rows, _ = await _rows(session, month, config, ids)
    return rows


def _standard_hours(calendar: Calendar, first: date, last: date) -> int:
    days, day = 0, first
    while day <= last:
        days += calendar.holidays.is_working_day(day)
        day += timedelta(days=1)
    return days * STANDARD_DAY_HOURS


async def month_payroll(
    session: AsyncSession, month: date, config: AppConfig, ids: list[int] | None = None
) -> Payroll:
    """The payroll with what a reader needs around the rows: lock, "so far" date, totals."""
    first, last = month_bounds(month)
    rows, calendar = await _rows(session, first, config, ids)
    locked = await session.get(MonthLock, first) is not None
    today = clock.today(config.timezone)
    return Payroll(
        month=first,
        last=last,
        as_of=today if first <= today <= last else None,
        locked=locked,
        currency=config.currency,
        standard_hours=_standard_hours(calendar, first, last),
        rows=rows,
    )
