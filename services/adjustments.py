"""Bonuses and deductions (SPEC §6): `/bonus PERSON AMOUNT [YYYY-MM] [COMMENT]`, `/deduct …`.

A month's total = the pay for hours + its bonuses − its deductions. The amount may be typed with
spaces and a currency ("120 000,50 ₽", services.money); the month defaults to the current one and
may not lie ahead of it; a locked month is refused like every change to a frozen payroll.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, PayAdjustment
from services import locks
from services.errors import DomainError
from services.money import EXAMPLE, is_amount_token, parse_amount
from services.units import parse_month

BONUS, DEDUCTION = "bonus", "deduction"
MAX_COMMENT = 200
EARLIEST_MONTH = date(2000, 1, 1)


@dataclass(frozen=True)
class AdjustmentRequest:
    person: str
    amount: Decimal
    month: date
    comment: str


@dataclass(frozen=True)
class Note:
    """One bonus or deduction as a payroll shows it."""

    kind: str
    amount: Decimal
    comment: str


def parse_adjustment(
    command: str, args: Sequence[str], today: date, currency: str
) -> AdjustmentRequest:
    """PERSON AMOUNT… [YYYY-MM] [COMMENT…]; the amount may take several tokens ("120 000 ₽")."""
    if len(args) < 2:
        raise DomainError("adjust-usage", command=command, example=EXAMPLE)
    rest = list(args[1:])
    taken = 0
    while taken < len(rest) and is_amount_token(rest[taken], currency):
        taken += 1
    if taken == 0:
        raise DomainError("money-format", value=rest[0][:32], example=EXAMPLE)
    amount = parse_amount(" ".join(rest[:taken]), currency)
    rest = rest[taken:]
    this_month = today.replace(day=1)
    month = this_month
    if rest and rest[0][:1].isdigit():
        found = parse_month(rest[0])
        if found is None or found < EARLIEST_MONTH:
            raise DomainError("adjust-month", value=rest[0][:32], month=f"{this_month:%Y-%m}")
        month, rest = found, rest[1:]
    if month > this_month:
        raise DomainError("adjust-future", month=f"{month:%Y-%m}", current=f"{this_month:%Y-%m}")
    comment = " ".join("".join(ch for ch in " ".join(rest) if ch.isprintable()).split())
    if len(comment) > MAX_COMMENT:
        raise DomainError("adjust-comment", length=len(comment), max=MAX_COMMENT)
    return AdjustmentRequest(args[0], amount, month, comment)


async def add_adjustment(
    session: AsyncSession, actor: Employee, emp: Employee, kind: str, request: AdjustmentRequest
) -> PayAdjustment:
    if emp.role == "external":
        raise DomainError("pay-external", person=emp.display, ref=emp.code)
    await locks.refuse_locked(session, request.month, request.month)
    row = PayAdjustment(
        employee_id=emp.id,
        month=request.month,
        kind=kind,
        amount=request.amount,
        comment=request.comment,
        created_by=actor.id,
    )
    session.add(row)
    await session.commit()
    return row


async def month_notes(
    session: AsyncSession, month: date, ids: list[int] | None = None
) -> dict[int, list[Note]]:
    """Every bonus and deduction of the month per employee, in the order they were made."""
    query = (
        select(
            PayAdjustment.employee_id,
            PayAdjustment.kind,
            PayAdjustment.amount,
            PayAdjustment.comment,
        )
        .where(PayAdjustment.month == month)
        .order_by(PayAdjustment.id)
    )
    if ids is not None:
        query = query.where(PayAdjustment.employee_id.in_(ids))
    notes: dict[int, list[Note]] = {}
    for emp_id, kind, amount, comment in await session.execute(query):
        notes.setdefault(emp_id, []).append(Note(kind, Decimal(amount), comment))
    return notes
