"""Weekly approval of hours (SPEC §7a, setting WEEK_APPROVAL): a person submits a week
(Monday..Sunday), their lead manager (else an admin, as for leave) approves or returns it.

An approved week is locked for that person like a paid month: their entries dated in it can no
longer be written, changed or undone, except by an admin (services.timelog calls `require_open`
beside the month lock). A returned week is open again and carries the manager's comment.

Decided here: the manager may approve a week the person has not submitted yet (someone away
all week cannot press Submit); a week once approved stays approved (a second tap, or a second
manager, changes nothing); returning an approved week is refused, an admin's `/unlock`-style
reopening of weeks is not offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee, WeekApproval
from models.leave import WEEK_APPROVED, WEEK_RETURNED, WEEK_SUBMITTED
from services import clock
from services.calendar import Calendar
from services.errors import DomainError
from services.leave import may_decide
from services.timelog import minutes_by_day

NOT_SUBMITTED = "open"


def week_days(monday: date) -> list[date]:
    return [monday + timedelta(days=i) for i in range(7)]


@dataclass(frozen=True)
class WeekHours:
    emp: Employee
    monday: date
    days: list[tuple[date, int, int | None]]  # day, logged minutes, capacity (None: no schedule)
    state: str  # NOT_SUBMITTED or a WeekApproval status
    comment: str = ""

    @property
    def logged(self) -> int:
        return sum(minutes for _, minutes, _ in self.days)

    @property
    def norm(self) -> int:
        return sum(cap or 0 for _, _, cap in self.days)


async def state_of(session: AsyncSession, emp_id: int, monday: date) -> WeekApproval | None:
    return await session.scalar(
        select(WeekApproval).where(
            WeekApproval.employee_id == emp_id, WeekApproval.week_start == monday
        )
    )


async def week_hours(
    session: AsyncSession, emp: Employee, monday: date, calendar: Calendar
) -> WeekHours:
    sunday = monday + timedelta(days=6)
    logged = await minutes_by_day(session, emp.id, monday, sunday)
    days = [(d, logged.get(d, 0), calendar.capacity(emp.id, d)) for d in week_days(monday)]
    row = await state_of(session, emp.id, monday)
    return WeekHours(
        emp, monday, days, row.status if row else NOT_SUBMITTED, row.comment if row else ""
    )


def check_week(monday: date, today: date) -> date:
    """A week from a button: a Monday that is over."""
    if monday.weekday() != 0 or monday + timedelta(days=7) > today:
        raise DomainError("dialog-stale")
    return monday


async def _row(session: AsyncSession, emp_id: int, monday: date) -> WeekApproval:
    row = await session.scalar(
        select(WeekApproval)
        .where(WeekApproval.employee_id == emp_id, WeekApproval.week_start == monday)
        .with_for_update()
    )
    if row is None:
        row = WeekApproval(employee_id=emp_id, week_start=monday, status=NOT_SUBMITTED, comment="")
        session.add(row)
    return row


async def submit(session: AsyncSession, emp: Employee, monday: date) -> WeekApproval:
    row = await _row(session, emp.id, monday)
    if row.status in (WEEK_SUBMITTED, WEEK_APPROVED):
        raise DomainError(f"week-already-{row.status}", first=monday)
    row.status, row.submitted_at = WEEK_SUBMITTED, clock.utcnow_naive()
    await session.commit()
    return row


async def _decidable(session: AsyncSession, actor: Employee, emp_id: int, monday: date) -> Employee:
    emp = await session.get(Employee, emp_id)
    if emp is None or not await may_decide(session, actor, emp):
        raise DomainError("week-not-yours")
    row = await state_of(session, emp.id, monday)
    if row is not None and row.status == WEEK_APPROVED:
        raise DomainError("week-already-approved", first=monday)
    return emp


async def _decide(
    session: AsyncSession, actor: Employee, emp_id: int, monday: date
) -> tuple[WeekApproval, Employee]:
    emp = await _decidable(session, actor, emp_id, monday)
    row = await _row(session, emp.id, monday)
    if row.status == WEEK_APPROVED:  # approved meanwhile by someone else
        raise DomainError("week-already-approved", first=monday)
    return row, emp


async def approve(
    session: AsyncSession, actor: Employee, emp_id: int, monday: date
) -> tuple[WeekApproval, Employee]:
    row, emp = await _decide(session, actor, emp_id, monday)
    row.status, row.decider_id, row.decided_at = WEEK_APPROVED, actor.id, clock.utcnow_naive()
    await session.commit()
    return row, emp


async def returnable(session: AsyncSession, actor: Employee, emp_id: int, monday: date) -> Employee:
    """The person whose week `actor` may return now (checked again when the comment comes)."""
    return await _decidable(session, actor, emp_id, monday)


async def send_back(
    session: AsyncSession, actor: Employee, emp_id: int, monday: date, comment: str
) -> tuple[WeekApproval, Employee]:
    comment = comment.strip()
    if not comment or len(comment) > 1000:
        raise DomainError("week-comment")
    row, emp = await _decide(session, actor, emp_id, monday)
    row.status, row.comment = WEEK_RETURNED, comment
    row.decider_id, row.decided_at = actor.id, clock.utcnow_naive()
    await session.commit()
    return row, emp
