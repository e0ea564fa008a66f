"""Whose plan `/plan` shows, and whether the person asking may see it.

A manager sees the groups they lead (and the people in them, with those groups' tasks); an admin
sees everything; nobody else sees any plan. A manager asking for a group or person outside their
groups gets the same answer as for one that does not exist, so names cannot be probed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, GroupMember, Task
from services.calendar_input import echo
from services.errors import DomainError
from services.people import PERSON_REF, find_group, resolve_person

ID = re.compile(r"[0-9]{1,9}")
PLANNERS = frozenset({"admin", "manager"})
ALL = "all"
GROUP = "group"
PERSON = "person"


@dataclass(frozen=True)
class PlanScope:
    key: str  # "a", "g<id>" or "e<id>": what a page button carries to compute it again
    kind: str  # ALL, GROUP or PERSON
    name: str  # the group's name or the person's display; "" for ALL
    file_tag: str  # for file names: the group's name, eN, or "all"
    group_ids: tuple[int, ...] | None  # only tasks of these groups; None: of any group
    assignee_id: int | None = None  # only tasks of this person

    def contains(self, task: Task) -> bool:
        if self.group_ids is not None and task.group_id not in self.group_ids:
            return False
        return self.assignee_id is None or task.assignee_id == self.assignee_id


def _require_planner(actor: Employee) -> None:
    if actor.role not in PLANNERS:
        raise DomainError("plan-denied")


async def resolve_scope(session: AsyncSession, actor: Employee, ref: str | None) -> PlanScope:
    """The scope for `/plan [GROUP|@user|eN]`: a group of that name first, else a person."""
    _require_planner(actor)
    if ref is None:
        return await _default_scope(session, actor)
    if not ref.startswith("@"):
        group = await find_group(session, ref)
        if group is not None:
            return _group_scope(actor, group, ref)
        if not PERSON_REF.match(ref):
            raise _not_found(actor, ref)
    try:
        emp = await resolve_person(session, ref)
    except DomainError:
        raise _not_found(actor, ref) from None
    return await _person_scope(session, actor, emp, ref)


async def scope_from_key(session: AsyncSession, actor: Employee, key: str) -> PlanScope:
    """The scope a page button names, checked again against the rights of whoever pressed it."""
    _require_planner(actor)
    kind, number = key[:1], key[1:]
    if key == "a":
        return await _default_scope(session, actor)
    # str.isdigit() passes "²", and a number past the column's range fails the query.
    if not ID.fullmatch(number) or kind not in ("g", "e"):
        raise DomainError("plan-stale")
    if kind == "g":
        group = await session.get(DevGroup, int(number))
        if group is None:
            raise DomainError("plan-stale")
        return _group_scope(actor, group, group.name)
    emp = await session.get(Employee, int(number))
    if emp is None:
        raise DomainError("plan-stale")
    return await _person_scope(session, actor, emp, emp.code)


async def _default_scope(session: AsyncSession, actor: Employee) -> PlanScope:
    if actor.role == "admin":
        return PlanScope(key="a", kind=ALL, name="", file_tag="all", group_ids=None)
    led = list(await session.scalars(select(DevGroup.id).where(DevGroup.lead_id == actor.id)))
    if not led:
        raise DomainError("plan-no-groups")
    return PlanScope(key="a", kind=ALL, name="", file_tag="all", group_ids=tuple(led))


def _group_scope(actor: Employee, group: DevGroup, ref: str) -> PlanScope:
    if actor.role != "admin" and group.lead_id != actor.id:
        raise _not_found(actor, ref)
    return PlanScope(
        key=f"g{group.id}",
        kind=GROUP,
        name=group.name,
        file_tag=group.name,
        group_ids=(group.id,),
    )


async def _person_scope(
    session: AsyncSession, actor: Employee, emp: Employee, ref: str
) -> PlanScope:
    group_ids: tuple[int, ...] | None = None
    if actor.role != "admin":
        # The groups the actor leads, each with the person's membership in it.
        rows = await session.execute(
            select(DevGroup.id, GroupMember.employee_id)
            .outerjoin(
                GroupMember,
                and_(GroupMember.group_id == DevGroup.id, GroupMember.employee_id == emp.id),
            )
            .where(DevGroup.lead_id == actor.id)
        )
        led = rows.all()
        if not any(member is not None for _, member in led):
            raise _not_found(actor, ref)
        group_ids = tuple(group_id for group_id, _ in led)
    return PlanScope(
        key=f"e{emp.id}",
        kind=PERSON,
        name=emp.display,
        file_tag=emp.code,
        group_ids=group_ids,
        assignee_id=emp.id,
    )


def _not_found(actor: Employee, ref: str) -> DomainError:
    code = "plan-unknown" if actor.role == "admin" else "plan-not-yours"
    return DomainError(code, ref=echo(ref))
