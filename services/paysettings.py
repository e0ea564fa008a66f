"""Pay settings with history (SPEC §6): one row per employee and month it takes effect.

The rule in force for a month is the employee's latest row whose effective month is on or
before it, so a change from April never alters March. Setting pay again for the same month
replaces that month's row. A month whose payroll was sent (locked) can no longer be changed by
a new setting, because that would rewrite a payroll people have already been paid by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, MonthLock, PaySetting
from services import keywords
from services.errors import DomainError
from services.pay import PayArgsError, PayRule, parse_pay_args
from services.units import add_months, month_code, month_start, parse_month

# How far ahead a change may be planned; a later month is almost always a typo.
MAX_MONTHS_AHEAD = 12
EARLIEST_MONTH = date(2000, 1, 1)


def rule_of(setting: PaySetting) -> PayRule:
    return rule_from(setting.pay_type, setting.amount, setting.norm_hours, setting.k)


def rule_from(pay_type: str, amount: Decimal, norm_hours: Decimal | None, k: Decimal) -> PayRule:
    """The rule of a pay_settings row given as its columns."""
    norm = norm_hours if pay_type == "fixed_by_hours" else None
    return PayRule(pay_type, Decimal(amount), norm, Decimal(k))


def rule_args(rule: PayRule) -> str:
    """The rule as /pay arguments, e.g. "fixed_by_hours 100000 160 1.5"."""
    parts = [rule.pay_type, _plain(rule.amount)]
    if rule.pay_type == "fixed_by_hours":
        parts.append(_plain(rule.norm_hours or Decimal(0)))
    if rule.pay_type != "salary" and rule.k != 1:
        parts.append(_plain(rule.k))
    return " ".join(parts)


def _plain(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_pay_command(args: list[str], today: date, code: str) -> tuple[PayRule, date]:
    """`TYPE ARGS… [from YYYY-MM]` to a rule and its first month (default: this month); the
    type and "from" may be written in Russian too (services.keywords).

    Checks run left to right: the rule (codes pay-type, pay-count-missing, pay-count-extra,
    pay-number, pay-range from parse_pay_args), then the month (pay-month-missing, pay-month
    for a malformed one, pay-month-far for one before 2000 or more than a year ahead). Every
    error carries `ref`, the person's eN, so its example can name them.
    """
    month = month_start(today)
    args, month_token, dangling = keywords.split_from(args)
    if dangling:
        raise DomainError("pay-month-missing", ref=code)
    if args:
        args = [keywords.PAY_TYPE.get(args[0]) or args[0], *args[1:]]
    parsed_rule = parse_pay_args(args)
    if isinstance(parsed_rule, PayArgsError):
        raise DomainError(_error_code(parsed_rule), token=parsed_rule.token, ref=code)
    if month_token is not None:
        parsed = parse_month(month_token)
        if parsed is None:
            raise DomainError("pay-month", token=_cut(month_token), ref=code)
        month = parsed
    latest = add_months(month_start(today), MAX_MONTHS_AHEAD)
    if not EARLIEST_MONTH <= month <= latest:
        raise DomainError(
            "pay-month-far",
            month=month_code(month),
            earliest=month_code(EARLIEST_MONTH),
            latest=month_code(latest),
            ref=code,
        )
    return parsed_rule, month


def _error_code(error: PayArgsError) -> str:
    if error.code == "count":
        return "pay-count-extra" if error.token else "pay-count-missing"
    return f"pay-{error.code}"


def _cut(token: str, limit: int = 32) -> str:
    return token if len(token) <= limit else token[: limit - 1] + "…"


@dataclass(frozen=True)
class PayChange:
    setting: PaySetting
    replaced: bool
    until: date | None  # the month from which a later setting applies instead


async def set_pay(
    session: AsyncSession, actor: Employee, emp: Employee, rule: PayRule, month: date
) -> PayChange:
    """Store `rule` for `emp` from `month` (replacing that month's row) and commit."""
    if emp.role == "external":
        raise DomainError("pay-external", person=emp.display, ref=emp.code)
    locked = await session.scalar(select(func.max(MonthLock.month)).where(MonthLock.month >= month))
    if locked is not None:
        raise DomainError(
            "pay-month-locked",
            locked=month_code(locked),
            example=f"/pay {emp.code} {rule_args(rule)} from {month_code(add_months(locked, 1))}",
        )
    row = await session.scalar(
        select(PaySetting).where(
            PaySetting.employee_id == emp.id, PaySetting.effective_month == month
        )
    )
    replaced = row is not None
    if row is None:
        row = PaySetting(employee_id=emp.id, effective_month=month)
        session.add(row)
    row.pay_type, row.amount, row.k = rule.pay_type, rule.amount, rule.k
    row.norm_hours = rule.norm_hours if rule.pay_type == "fixed_by_hours" else None
    row.created_by = actor.id
    until = await session.scalar(
        select(func.min(PaySetting.effective_month)).where(
            PaySetting.employee_id == emp.id, PaySetting.effective_month > month
        )
    )
    await session.commit()
    return PayChange(row, replaced, until)


async def pay_history(session: AsyncSession, emp: Employee) -> list[PaySetting]:
    """Every pay setting of `emp`, oldest first."""
    return list(
        await session.scalars(
            select(PaySetting)
            .where(PaySetting.employee_id == emp.id)
            .order_by(PaySetting.effective_month)
        )
    )
