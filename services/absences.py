"""Absences (vacation, sick leave, day off): recording, removing and listing them.

Absences of one person never overlap, so "the absence on a day" is unambiguous: that is how an
admin removes a mistaken one (`/absence PERSON remove DAY`, any day inside it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Absence, Employee
from services import keywords, locks
from services.calendar_input import require_date, require_staff
from services.errors import DomainError

MAX_DAYS = 366


@dataclass(frozen=True)
class AbsenceRequest:
    person: str
    action: str  # "add", "remove" or "list"
    kind: str = ""
    first: date | None = None
    last: date | None = None


def parse_absence_args(args: Sequence[str], today: date) -> AbsenceRequest:
    """PERSON KIND FROM [TO] | PERSON remove DAY | PERSON (list)."""
    if len(args) == 1:
        return AbsenceRequest(person=args[0], action="list")
    if len(args) not in (3, 4):
        raise DomainError("absence-usage")
    kind = keywords.ABSENCE.require(args[1])
    if kind == "remove":
        if len(args) != 3:
            raise DomainError("absence-usage")
        day = require_date(args[2], today)
        return AbsenceRequest(person=args[0], action="remove", first=day, last=day)
    first = require_date(args[2], today)
    last = require_date(args[3], today) if len(args) == 4 else first
    if last < first:
        raise DomainError("absence-order", first=first, last=last)
    days = (last - first).days + 1
    if days > MAX_DAYS:
        raise DomainError("absence-too-long", days=days, max=MAX_DAYS)
    return AbsenceRequest(person=args[0], action="add", kind=kind, first=first, last=last)


async def add_absence(
    session: AsyncSession, actor: Employee, emp: Employee, kind: str, first: date, last: date
) -> tuple[Absence, bool]:
    """Record the absence and return it, with True when it only changed the kind of one with
    exactly these dates. Any other overlap with an existing absence is refused, naming it, and so
    is one in a locked month."""
    require_staff(emp)
    await locks.refuse_locked(session, first, last)
    overlapping = list(
        await session.scalars(
            select(Absence)
            .where(
                Absence.employee_id == emp.id,
                Absence.date_from <= last,
                Absence.date_to >= first,
            )
            .order_by(Absence.date_from)
        )
    )
    same = [a for a in overlapping if (a.date_from, a.date_to) == (first, last)]
    if len(overlapping) == 1 and same:
        same[0].kind = kind
        same[0].created_by = actor.id
        await session.commit()
        return same[0], True
    if overlapping:
        other = overlapping[0]
        raise DomainError(
            "absence-overlap",
            person=emp.display,
            number=emp.code,
            first=other.date_from,
            last=other.date_to,
            # As typed in the command that removes it.
            remove=other.date_from.isoformat(),
        )
    absence = Absence(
        employee_id=emp.id, kind=kind, date_from=first, date_to=last, created_by=actor.id
    )
    session.add(absence)
    await session.commit()
    return absence, False


async def remove_absence(session: AsyncSession, emp: Employee, day: date) -> Absence:
    """Delete the absence that covers `day` and return it."""
    absence = await session.scalar(
        select(Absence).where(
            Absence.employee_id == emp.id, Absence.date_from <= day, Absence.date_to >= day
        )
    )
    if absence is None:
        raise DomainError("absence-none", person=emp.display, day=day, number=emp.code)
    await locks.refuse_locked(session, absence.date_from, absence.date_to)
    await session.execute(delete(Absence).where(Absence.id == absence.id))
    await session.commit()
    return absence


async def absences_since(session: AsyncSession, emp: Employee, since: date) -> list[Absence]:
    """The person's absences that end on or after `since`, earliest first."""
    return list(
        await session.scalars(
            select(Absence)
            .where(Absence.employee_id == emp.id, Absence.date_to >= since)
            .order_by(Absence.date_from)
        )
    )
