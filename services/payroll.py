"""A month's payroll (SPEC §6) in a fixed number of SQL statements, however many people.

One statement finds the rule in force for each employee (their latest pay setting on or before
the month), one sums the month's minutes per employee, one reads the month's bonuses and
deductions, three load the calendar (schedules, absences, holidays) and one reads the month's
lock. The pay itself is computed by services.pay.compute_pay, the one place where the formula
lives.

Who is listed, where the contract is silent:

* everyone with a pay setting in force that month who is active and not an external, with
  0 hours too;
* a deactivated person (or one turned external) when they have entries dated in that month, or
  were deactivated during or after it: they worked and must be paid, but someone who left
  earlier is not paid again.

Proration: hired = the start of the person's first schedule, leaving = the day of /deactivate
(company time zone). When either falls inside the month, the share employed = the norm hours of
the employed part / the whole month's norm, the first schedule standing in for the days before
it ("norm_h" is always the whole month's).

For the current month the payroll is "so far": worked hours up to today against the whole
month's norm, i.e. what would be paid if nothing more were logged. A locked month's payroll is
the snapshot stored when it locked (services.payroll_freeze), not recomputed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, MonthLock, PaySetting, TimeEntry
from services import clock
from services.adjustments import BONUS, DEDUCTION, Note, month_notes
from services.calendar import Calendar, load_calendar
from services.config import AppConfig
from services.pay import PayResult, PayRule, compute_pay
from services.paysettings import rule_from
from services.units import month_bounds

# The hours of a standard working day, used only to suggest a fixed norm to the admin.
STANDARD_DAY_HOURS = 8
_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class PayrollRow:
    employee_id: int
    full_name: str
    telegram_id: int
    language: str | None
    rule: PayRule
    worked_min: int
    scheduled_min: int  # the whole month's norm
    result: PayResult
    notes: tuple[Note, ...] = ()
    vacation_days: int = 0
    sick_days: int = 0
    employed_min: int | None = None  # the employed part's norm when prorated, else None

    @property
    def code(self) -> str:
        return f"e{self.employee_id}"

    @property
    def no_norm(self) -> bool:
        return self.result.no_norm

    @property
    def bonus(self) -> Decimal:
        return sum((n.amount for n in self.notes if n.kind == BONUS), _ZERO)

    @property
    def deduction(self) -> Decimal:
        return sum((n.amount for n in self.notes if n.kind == DEDUCTION), _ZERO)

    @property
    def total(self) -> Decimal | None:
        """amount + bonus − deduction; None while the amount is not computed ("no norm")."""
        if self.result.amount is None:
            return None
        return self.result.amount + self.bonus - self.deduction

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
            self.bonus,
            self.deduction,
            self.total,
            self.vacation_days,
            self.sick_days,
        ]


@dataclass(frozen=True)
class Payroll:
    month: date  # the first day
    last: date
    as_of: date | None  # today, while the month is not over
    locked: bool
    currency: str
    standard_hours: int  # the production calendar's 40-hour-week norm: a suggested fixed norm
    rows: list[PayrollRow]
    version: int = field(default=0)  # the snapshot shown, 0 when computed live

    @property
    def no_norm_rows(self) -> list[PayrollRow]:
        return [row for row in self.rows if row.no_norm]

    @property
    def worked_h(self) -> Decimal:
        return sum((row.result.worked_h for row in self.rows), _ZERO)

    @property
    def overtime_h(self) -> Decimal:
        return sum((row.result.overtime_h for row in self.rows), _ZERO)

    @property
    def amount(self) -> Decimal:
        """The sum of the rounded amounts, i.e. what is actually paid; "no norm" rows add 0."""
        return sum((row.result.amount or Decimal(0) for row in self.rows), _ZERO)

    @property
    def total(self) -> Decimal:
        """The sum of the totals (bonuses and deductions in); "no norm" rows add 0."""
        return sum((row.total or Decimal(0) for row in self.rows), _ZERO)


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
            Employee.deactivated_at,
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


def left_on(deactivated_at: datetime | None, tz: str) -> date | None:
    """The day someone was deactivated, in the company's time zone."""
    if deactivated_at is None:
        return None
    moment = (
        deactivated_at if deactivated_at.tzinfo else deactivated_at.replace(tzinfo=ZoneInfo("UTC"))
    )
    return moment.astimezone(ZoneInfo(tz)).date()


def _employed(
    calendar: Calendar, emp_id: int, first: date, last: date, left: date | None
) -> tuple[Fraction, int | None]:
    """The share of the month the person was employed, and that part's norm when it is not
    the whole month."""
    hired = calendar.hired_on(emp_id)
    start = max(first, hired) if hired is not None else first
    end = min(last, left) if left is not None else last
    if start == first and end == last:
        return Fraction(1), None
    whole = calendar.span(emp_id, first, last, extend=True).minutes
    part = calendar.span(emp_id, start, end).minutes if start <= end else 0
    return (Fraction(part, whole) if whole else Fraction(1)), part


async def _rows(
    session: AsyncSession, month: date, config: AppConfig, ids: list[int] | None
) -> tuple[list[PayrollRow], Calendar]:
    first, last = month_bounds(month)
    found = (await session.execute(_rules_query(first, ids))).all()
    worked = await worked_minutes(session, first, last, ids)
    notes = await month_notes(session, first, ids)
    # Everyone's calendar when the payroll is for everyone: no list of thousands of ids in SQL.
    calendar = await load_calendar(session, ids, first, config.holidays_country)
    rows: list[PayrollRow] = []
    for (
        pay_type,
        amount,
        norm_hours,
        k,
        emp_id,
        full_name,
        tg,
        language,
        active,
        role,
        gone,
    ) in found:
        minutes = worked.get(emp_id, 0)
        left = None if active else left_on(gone, config.timezone)
        current = active and role != "external"
        if not current and minutes == 0 and (left is None or left < first):
            continue
        rule = rule_from(pay_type, amount, norm_hours, k)
        share, part = _employed(calendar, emp_id, first, last, left)
        scheduled = calendar.span(emp_id, first, last, extend=True).minutes
        absent = calendar.absence_days(emp_id, first, last)
        rows.append(
            PayrollRow(
                employee_id=emp_id,
                full_name=full_name,
                telegram_id=tg,
                language=language,
                rule=rule,
                worked_min=minutes,
                scheduled_min=scheduled,
                result=compute_pay(rule, minutes, scheduled, share),
                notes=tuple(notes.get(emp_id, ())),
                vacation_days=absent.get("vacation", 0),
                sick_days=absent.get("sick", 0),
                employed_min=part,
            )
        )
    return rows, calendar


async def payroll_rows(
    session: AsyncSession, month: date, config: AppConfig, ids: list[int] | None = None
) -> list[PayrollRow]:
    """The month's rows by employee number (all listed people, or only `ids`), computed live."""
    rows, _ = await _rows(session, month, config, ids)
    return rows


def _standard_hours(calendar: Calendar, first: date, last: date) -> int:
    """The production calendar's norm of the month for STANDARD_DAY_HOURS Monday to Friday."""
    standard = Calendar(holidays=calendar.holidays)
    day_minutes = STANDARD_DAY_HOURS * 60
    standard.add_schedule(0, first, (day_minutes,) * 5 + (0, 0))
    return standard.scheduled_minutes(0, first, last) // 60


async def live_payroll(
    session: AsyncSession,
    month: date,
    config: AppConfig,
    ids: list[int] | None = None,
    locked: bool | None = None,
) -> Payroll:
    """The payroll computed from today's data, whether or not the month is locked."""
    first, last = month_bounds(month)
    rows, calendar = await _rows(session, first, config, ids)
    if locked is None:
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


async def month_payroll(
    session: AsyncSession, month: date, config: AppConfig, ids: list[int] | None = None
) -> Payroll:
    """The payroll with what a reader needs around the rows: lock, "so far" date, totals. A
    locked month answers with the payroll frozen when it locked."""
    # Imported here: the snapshot module builds on this one's rows.
    from services.payroll_freeze import snapshot

    first = month.replace(day=1)
    lock = await session.get(MonthLock, first)
    if lock is not None:
        frozen = await snapshot(session, first, lock.version, ids)
        if frozen is not None:
            return frozen
    return await live_payroll(session, first, config, ids, locked=lock is not None)
