"""Direct database set-up for tests whose subject is not the set-up itself."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, GroupMember


async def employee(
    session: AsyncSession,
    telegram_id: int,
    role: str,
    username: str | None = None,
    *,
    listed: bool | None = None,
    language: str | None = None,
) -> Employee:
    emp = Employee(
        telegram_id=telegram_id,
        role=role,
        username=username,
        full_name=f"User{telegram_id}",
        listed=role != "external" if listed is None else listed,
        language=language,
        # A language given here is one the person picked with /lang.
        language_chosen=language is not None,
    )
    session.add(emp)
    await session.commit()
    return emp


async def group(
    session: AsyncSession, name: str, lead: Employee | None, members: list[Employee]
) -> DevGroup:
    grp = DevGroup(name=name, lead_id=lead.id if lead else None)
    session.add(grp)
    await session.flush()
    for emp in {*members, *([lead] if lead else [])}:
        session.add(GroupMember(group_id=grp.id, employee_id=emp.id))
    await session.commit()
    return grp
