"""A paid month is frozen (SPEC §6): the payroll rows are stored when the month locks, and a
locked month's /payroll, CSV and XLSX come from that snapshot.

Locking and storing happen in this order, each committed: the lock row (with the snapshot
version it is about to freeze), then the snapshot of that version if it is not stored yet. A run
that dies between the two stores it on the next run, from data the lock already keeps
unchanged. `/unlock` removes the lock (recorded in month_lock_events) and keeps the snapshots;
the next lock freezes version + 1, and the people whose total differs from the previous version
get a corrected summary (jobs/payroll_summary.py).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, MonthLock, MonthLockEvent, PayrollSnapshot
from services.adjustments import Note
from services.config import AppConfig
from services.errors import DomainError
from services.locks import month_start
from services.pay import PayResult, PayRule
from services.payroll import Payroll, PayrollRow, live_payroll


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _undec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _row_data(row: PayrollRow) -> dict[str, Any]:
    r, rule = row.result, row.rule
    return {
        "employee_id": row.employee_id,
        "full_name": row.full_name,
        "telegram_id": row.telegram_id,
        "language": row.language,
        "rule": [rule.pay_type, _dec(rule.amount), _dec(rule.norm_hours), _dec(rule.k)],
        "worked_min": row.worked_min,
        "scheduled_min": row.scheduled_min,
        "result": [_dec(r.worked_h), _dec(r.norm_h), _dec(r.overtime_h), _dec(r.amount), r.no_norm],
        "notes": [[n.kind, _dec(n.amount), n.comment] for n in row.notes],
        "vacation_days": row.vacation_days,
        "sick_days": row.sick_days,
        "employed_min": row.employed_min,
    }


def _row(data: dict[str, Any]) -> PayrollRow:
    pay_type, amount, norm, k = data["rule"]
    worked_h, norm_h, overtime_h, paid, no_norm = data["result"]
    return PayrollRow(
        employee_id=data["employee_id"],
        full_name=data["full_name"],
        telegram_id=data["telegram_id"],
        language=data["language"],
        rule=PayRule(pay_type, Decimal(amount), _undec(norm), Decimal(k)),
        worked_min=data["worked_min"],
        scheduled_min=data["scheduled_min"],
        result=PayResult(
            Decimal(worked_h), _undec(norm_h), Decimal(overtime_h), _undec(paid), no_norm
        ),
        notes=tuple(Note(kind, Decimal(value), comment) for kind, value, comment in data["notes"]),
        vacation_days=data["vacation_days"],
        sick_days=data["sick_days"],
        employed_min=data["employed_min"],
    )


def dump(payroll: Payroll) -> str:
    return json.dumps(
        {
            "month": payroll.month.isoformat(),
            "last": payroll.last.isoformat(),
            "as_of": payroll.as_of.isoformat() if payroll.as_of else None,
            "currency": payroll.currency,
            "standard_hours": payroll.standard_hours,
            "rows": [_row_data(row) for row in payroll.rows],
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def load(text: str, version: int, ids: list[int] | None = None) -> Payroll:
    data = json.loads(text)
    rows = [_row(row) for row in data["rows"]]
    if ids is not None:
        rows = [row for row in rows if row.employee_id in ids]
    return Payroll(
        month=date.fromisoformat(data["month"]),
        last=date.fromisoformat(data["last"]),
        as_of=date.fromisoformat(data["as_of"]) if data["as_of"] else None,
        locked=True,
        currency=data["currency"],
        standard_hours=data["standard_hours"],
        rows=rows,
        version=version,
    )


async def snapshot(
    session: AsyncSession, month: date, version: int, ids: list[int] | None = None
) -> Payroll | None:
    stored = await session.get(PayrollSnapshot, (month_start(month), version))
    return None if stored is None else load(stored.data, version, ids)


async def frozen_payroll(
    session: AsyncSession, month: date, ids: list[int] | None = None
) -> Payroll | None:
    """The locked month's snapshot; None while the month is open (or not stored yet)."""
    lock = await session.get(MonthLock, month_start(month))
    if lock is None:
        return None
    return await snapshot(session, month, lock.version, ids)


async def freeze(session: AsyncSession, month: date, config: AppConfig) -> int:
    """Lock the month (if it is open) and store its payroll (if not stored yet); the version
    frozen. Safe to repeat: a second call changes nothing."""
    first = month_start(month)
    lock = await session.get(MonthLock, first)
    if lock is None:
        latest = await session.scalar(
            select(func.max(PayrollSnapshot.version)).where(PayrollSnapshot.month == first)
        )
        lock = MonthLock(month=first, version=(latest or 0) + 1)
        session.add(lock)
        session.add(MonthLockEvent(month=first, action="lock"))
        await session.commit()
    if await session.get(PayrollSnapshot, (first, lock.version)) is None:
        payroll = await live_payroll(session, first, config)
        session.add(PayrollSnapshot(month=first, version=lock.version, data=dump(payroll)))
        await session.commit()
    return lock.version


def changed_rows(previous: Payroll, current: Payroll) -> list[PayrollRow]:
    """Rows of `current` whose total (or whose being listed at all) differs from `previous`."""
    before = {row.employee_id: row.total for row in previous.rows}
    return [
        row
        for row in current.rows
        if row.employee_id not in before or before[row.employee_id] != row.total
    ]


async def unlock(session: AsyncSession, actor: Employee, month: date) -> None:
    """Reopen a locked month, recording who did it."""
    first = month_start(month)
    if await session.get(MonthLock, first) is None:
        raise DomainError("unlock-not-locked", month=f"{first:%Y-%m}")
    await session.execute(delete(MonthLock).where(MonthLock.month == first))
    session.add(MonthLockEvent(month=first, action="unlock", actor_id=actor.id))
    await session.commit()
