"""Leave requests (SPEC §7a): a person asks for a vacation or a day off, their lead manager
(else an admin) approves or declines; sick leave is recorded at once and only reported.

An approved request becomes an absence through services.absences, the one place absences are
written, so capacity, plan, norm and reminders see it at once.

Rules decided here:
* dates as in /log, but ahead too, and `DD.MM` is the nearest such date, past or future;
  a date is at most a year back (as /log) and two years ahead (as the calendar commands);
* at most MAX_DAYS days in one request; a vacation cannot start in the past (a day off or sick
  leave can: they are often reported afterwards);
* no overlap with the person's absences or pending requests; no day in a month whose payroll
  was sent (services.locks);
* who decides: the lead of any group the person is a member of (not the person); with no such
  lead, the admins (an admin asking for leave, with no other admin, decides alone).
  A decision is taken once: the second tap, or a second decider, finds it taken.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, GroupMember, LeaveRequest
from models.leave import APPROVED, DECLINED, PENDING, REGISTERED
from services import absences, clock, keywords
from services.balance import months_between
from services.calendar_input import FUTURE_LIMIT, echo, require_staff
from services.errors import DomainError
from services.locks import is_locked
from services.timeparse import MAX_COMMENT, parse_day

MAX_DAYS = 90
# The words /leave accepts for the kind, Russian and English (letter case never matters).
PAST_LIMIT = timedelta(days=366)
LIST_LIMIT = 15


@dataclass(frozen=True)
class LeaveDraft:
    kind: str
    first: date
    last: date
    comment: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def _day(token: str, today: date) -> date | None:
    return parse_day(token, today, nearest=True)


def parse_leave(text: str, today: date) -> LeaveDraft:
    """KIND FROM [TO] [COMMENT…]; DomainError with an example for anything else."""
    words = text.split(maxsplit=3)
    if len(words) < 2:
        raise DomainError("leave-usage")
    kind = keywords.LEAVE.get(words[0])
    if kind is None:
        raise DomainError("leave-kind", kind=echo(words[0]))
    first = _day(words[1], today)
    if first is None:
        raise DomainError("leave-date", value=echo(words[1]))
    last, rest = first, words[2:]
    if rest and (second := _day(rest[0], today)) is not None:
        last, rest = second, rest[1:]
    comment = " ".join(" ".join(rest).split())  # one line, as the lists show it
    if len(comment) > MAX_COMMENT or not comment.isprintable():
        raise DomainError("leave-comment", max=MAX_COMMENT)
    draft = LeaveDraft(kind, first, last, comment)
    check_dates(draft, today)
    return draft


def check_dates(draft: LeaveDraft, today: date) -> None:
    if draft.last < draft.first:
        raise DomainError("leave-order", first=draft.first, last=draft.last)
    if draft.days > MAX_DAYS:
        raise DomainError("leave-too-long", days=draft.days, max=MAX_DAYS)
    if draft.first < today - PAST_LIMIT or draft.last > today + FUTURE_LIMIT:
        raise DomainError("leave-far", first=draft.first, last=draft.last)
    if draft.kind == "vacation" and draft.first < today:
        raise DomainError("leave-past-vacation", first=draft.first, today=today)


async def check_free(
    session: AsyncSession, emp: Employee, first: date, last: date, skip: int | None = None
) -> None:
    """No locked month, no absence and no other pending request of the person in first..last."""
    for month in months_between(first, last):
        if await is_locked(session, month):
            raise DomainError("leave-locked", month=month.strftime("%Y-%m"))
    for absence in await absences.absences_since(session, emp, first):
        if absence.date_from <= last:
            raise DomainError(
                "leave-overlap-absence",
                kind=absence.kind,
                first=absence.date_from,
                last=absence.date_to,
            )
    pending = await session.scalar(
        select(LeaveRequest).where(
            LeaveRequest.employee_id == emp.id,
            LeaveRequest.status == PENDING,
            LeaveRequest.date_from <= last,
            LeaveRequest.date_to >= first,
            LeaveRequest.id != (skip or 0),
        )
    )
    if pending is not None:
        raise DomainError("leave-overlap-request", first=pending.date_from, last=pending.date_to)


async def submit(session: AsyncSession, emp: Employee, draft: LeaveDraft) -> LeaveRequest:
    """Record the request; sick leave becomes an absence at once."""
    require_staff(emp)
    await check_free(session, emp, draft.first, draft.last)
    request = LeaveRequest(
        employee_id=emp.id,
        kind=draft.kind,
        date_from=draft.first,
        date_to=draft.last,
        comment=draft.comment,
        status=PENDING,
        reason="",
        created_at=clock.utcnow_naive(),
    )
    session.add(request)
    await session.flush()
    if draft.kind == "sick":
        absence, _ = await absences.add_absence(
            session, emp, emp, draft.kind, draft.first, draft.last
        )
        request.status, request.absence_id = REGISTERED, absence.id
        request.decided_at = clock.utcnow_naive()
    await session.commit()
    return request


async def lead_ids(session: AsyncSession, emp_id: int) -> set[int]:
    """Leads of the groups the person is a member of, the person excluded."""
    rows = await session.scalars(
        select(DevGroup.lead_id)
        .join(GroupMember, GroupMember.group_id == DevGroup.id)
        .where(GroupMember.employee_id == emp_id, DevGroup.lead_id.is_not(None))
    )
    return {lead for lead in rows if lead is not None and lead != emp_id}


async def _active(session: AsyncSession, ids: Sequence[int]) -> list[Employee]:
    if not ids:
        return []
    query = select(Employee).where(Employee.id.in_(ids), Employee.active.is_(True))
    return list(await session.scalars(query.order_by(Employee.id)))


async def _admins(session: AsyncSession) -> list[Employee]:
    query = select(Employee).where(Employee.role == "admin", Employee.active.is_(True))
    return list(await session.scalars(query.order_by(Employee.id)))


async def deciders(session: AsyncSession, emp: Employee) -> list[Employee]:
    """Who gets the Approve / Decline buttons for this person's requests."""
    leads = [e for e in await _active(session, sorted(await lead_ids(session, emp.id)))]
    leads = [e for e in leads if e.role in ("manager", "admin")]
    if leads:
        return leads
    admins = await _admins(session)
    return [a for a in admins if a.id != emp.id] or admins


async def may_decide(session: AsyncSession, actor: Employee, emp: Employee) -> bool:
    if actor.role == "admin":
        return True
    if actor.role != "manager" or actor.id == emp.id:
        return False
    return actor.id in await lead_ids(session, emp.id)


async def pending_for(
    session: AsyncSession, actor: Employee, request_id: int
) -> tuple[LeaveRequest, Employee]:
    """The request `actor` may decide now, with its person; DomainError otherwise."""
    request = await session.get(LeaveRequest, request_id)
    emp = await session.get(Employee, request.employee_id) if request is not None else None
    if request is None or emp is None or not await may_decide(session, actor, emp):
        raise DomainError("leave-not-yours")
    if request.status != PENDING:
        raise DomainError(f"leave-already-{request.status}")
    return request, emp


async def _take(session: AsyncSession, request: LeaveRequest, actor: Employee, status: str) -> None:
    """Move a pending request to `status`; exactly one of two simultaneous deciders wins."""
    now = clock.utcnow_naive()
    result = await session.execute(
        update(LeaveRequest)
        .where(LeaveRequest.id == request.id, LeaveRequest.status == PENDING)
        .values(status=status, decider_id=actor.id, decided_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        await session.refresh(request)
        raise DomainError(f"leave-already-{request.status}")
    await session.refresh(request)


async def approve(
    session: AsyncSession, actor: Employee, request_id: int
) -> tuple[LeaveRequest, Employee]:
    request, emp = await pending_for(session, actor, request_id)
    await _take(session, request, actor, APPROVED)
    # What changed since the request was made (an admin's absence, a sent payroll) still wins.
    await check_free(session, emp, request.date_from, request.date_to, skip=request.id)
    absence, _ = await absences.add_absence(
        session, actor, emp, request.kind, request.date_from, request.date_to
    )
    request.absence_id = absence.id
    await session.commit()
    return request, emp


def check_reason(text: str) -> str:
    reason = text.strip()
    if not reason or len(reason) > MAX_COMMENT:
        raise DomainError("leave-reason", max=MAX_COMMENT)
    return reason


async def decline(
    session: AsyncSession, actor: Employee, request_id: int, reason: str
) -> tuple[LeaveRequest, Employee]:
    reason = check_reason(reason)
    request, emp = await pending_for(session, actor, request_id)
    await _take(session, request, actor, DECLINED)
    request.reason = reason
    await session.commit()
    return request, emp


async def requests_of(session: AsyncSession, emp: Employee) -> list[LeaveRequest]:
    """The person's latest requests, the latest first."""
    query = (
        select(LeaveRequest)
        .where(LeaveRequest.employee_id == emp.id)
        .order_by(LeaveRequest.date_from.desc(), LeaveRequest.id.desc())
        .limit(LIST_LIMIT)
    )
    return list(await session.scalars(query))
