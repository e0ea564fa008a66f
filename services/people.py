"""People, invites, roles and development groups. No aiogram here."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee, GroupMember, Invite
from models.people import ROLES, STAFF_ROLES
from services import clock, permissions
from services.errors import DomainError

GROUP_NAME = re.compile(r"^[0-9A-Za-zА-Яа-яЁё_-]{1,32}$")
PERSON_REF = re.compile(r"^(?:@([A-Za-z0-9_]{3,32})|[eEеЕ](\d{1,9}))$")
INVITE_TTL = timedelta(days=7)
MAX_ACCESS_DAYS = 365
AMBIGUOUS_SHOWN = 5
LEAD_ROLES = ("manager", "admin")


@dataclass(frozen=True)
class TelegramUser:
    id: int
    username: str | None
    full_name: str


def is_usable(emp: Employee | None, now: datetime | None = None) -> bool:
    """Active, and for an external, access not yet expired."""
    if emp is None or not emp.active:
        return False
    if emp.access_until is not None:
        return (now or clock.utcnow_naive()) < emp.access_until
    return True


# Every update reads its sender: the statement is built once (building costs more than running).
_BY_TELEGRAM = select(Employee).where(Employee.telegram_id == bindparam("tg"))


async def by_telegram(session: AsyncSession, telegram_id: int) -> Employee | None:
    return await session.scalar(_BY_TELEGRAM, {"tg": telegram_id})


async def resolve_person(session: AsyncSession, ref: str) -> Employee:
    """`@username` or `eN` to an employee, or DomainError("person-unknown"). A username two
    rows hold (kept from before usernames were made unique) is refused with both numbers."""
    match = PERSON_REF.match(ref.strip())
    if not match:
        raise DomainError("person-format", ref=ref[:40])
    username, number = match.groups()
    if number is not None:
        emp = await session.get(Employee, int(number))
    else:
        holders = list(
            await session.scalars(
                select(Employee)
                .where(func.lower(Employee.username) == username.lower())
                .order_by(Employee.id)
                .limit(AMBIGUOUS_SHOWN)
            )
        )
        if len(holders) > 1:
            codes = ", ".join(holder.code for holder in holders)
            raise DomainError("person-ambiguous", ref=ref[:40], codes=codes, first=holders[0].code)
        emp = holders[0] if holders else None
    if emp is None:
        raise DomainError("person-unknown", ref=ref[:40])
    return emp


async def _refresh_profile(session: AsyncSession, emp: Employee, user: TelegramUser) -> None:
    """Telegram's current name and username. A username moves between people (one gives it up,
    another takes it): the newest holder gets it and any older row loses it, so `@name` always
    means the person who has it now."""
    username = user.username.lower() if user.username else None
    if username is not None and username != emp.username:
        await session.execute(
            update(Employee)
            .where(Employee.username == username, Employee.telegram_id != user.id)
            .values(username=None)
            .execution_options(synchronize_session="fetch")
        )
    emp.username = username
    emp.full_name = user.full_name[:200]


async def register_admin(session: AsyncSession, user: TelegramUser) -> Employee:
    """An id from ADMIN_IDS with no row yet becomes an admin on /start. ADMIN_IDS seeds admins
    once: a row that exists (a deactivated admin, someone made a programmer) is never raised
    again by it, so /deactivate and /role stick."""
    emp = Employee(telegram_id=user.id, role="admin", listed=True)
    session.add(emp)
    await _refresh_profile(session, emp, user)
    await session.commit()
    return emp


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_invite(
    session: AsyncSession,
    inviter: Employee,
    role: str,
    group: DevGroup | None,
    access_days: int | None,
) -> str:
    """A random single-use token; only its hash is stored."""
    if role not in ROLES:
        raise DomainError("role-unknown", role=role[:20])
    if not permissions.may_invite(inviter.role, role):
        raise DomainError("invite-role-denied", role=role)
    if inviter.role != "admin" and (group is None or group.lead_id != inviter.id):
        raise DomainError("invite-group-needed")
    if access_days is not None and role != "external":
        raise DomainError("invite-days-external")
    if access_days is not None and not 1 <= access_days <= MAX_ACCESS_DAYS:
        raise DomainError("invite-days-range", max=MAX_ACCESS_DAYS)
    token = secrets.token_urlsafe(18)
    now = clock.utcnow_naive()
    session.add(
        Invite(
            token_hash=hash_token(token),
            role=role,
            group_id=group.id if group else None,
            access_days=access_days,
            created_by=inviter.id,
            created_at=now,
            expires_at=now + INVITE_TTL,
        )
    )
    await session.commit()
    return token


@dataclass(frozen=True)
class Joined:
    employee: Employee
    inviter: Employee | None  # told that the person joined, while they may still use the bot


async def redeem_invite(
    session: AsyncSession, token: str, user: TelegramUser, external_days: int
) -> Joined:
    """Join by invite. Raises DomainError("invite-invalid") for an unknown, used or expired
    token without saying which, so tokens cannot be probed. Someone who comes back (deactivated,
    or an external whose access ended) starts afresh: exactly the invite's role and group."""
    if not re.fullmatch(r"[A-Za-z0-9_-]{8,64}", token):
        raise DomainError("invite-invalid")
    invite = await session.scalar(select(Invite).where(Invite.token_hash == hash_token(token)))
    now = clock.utcnow_naive()
    if invite is None or invite.used_by is not None or invite.expires_at <= now:
        raise DomainError("invite-invalid")
    emp = await by_telegram(session, user.id)
    if emp is not None and is_usable(emp, now):
        raise DomainError("invite-already")
    if emp is None:
        emp = Employee(telegram_id=user.id, role=invite.role)
        session.add(emp)
    else:
        await _leave_groups(session, emp.id)
    emp.role, emp.active, emp.deactivated_at = invite.role, True, None
    emp.listed = invite.role in STAFF_ROLES
    days = invite.access_days or external_days
    emp.access_until = now + timedelta(days=days) if invite.role == "external" else None
    await _refresh_profile(session, emp, user)
    await session.flush()
    # Claimed only if still unused: of two people opening one link at once, the second
    # waits for the first's row lock, then matches no row and is refused.
    claimed = await session.execute(
        update(Invite)
        .where(Invite.id == invite.id, Invite.used_by.is_(None))
        .values(used_by=emp.id, used_at=now)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise DomainError("invite-invalid")
    if invite.group_id is not None:
        await _add_member(session, invite.group_id, emp.id)
    await session.commit()
    inviter = await session.get(Employee, invite.created_by)
    return Joined(emp, inviter if is_usable(inviter, now) else None)


async def _leave_groups(session: AsyncSession, emp_id: int) -> None:
    await session.execute(delete(GroupMember).where(GroupMember.employee_id == emp_id))
    await _end_lead(session, emp_id)


async def _end_lead(session: AsyncSession, emp_id: int) -> None:
    """The groups this person led have no lead from now on (an admin gets their digests)."""
    await session.execute(
        update(DevGroup)
        .where(DevGroup.lead_id == emp_id)
        .values(lead_id=None)
        .execution_options(synchronize_session="fetch")
    )


async def refresh_profile(session: AsyncSession, emp: Employee, user: TelegramUser) -> None:
    """Keep the name and username current; saved with the update's own transaction. Costs a
    statement only when something changed."""
    username = user.username.lower() if user.username else None
    if emp.username != username or emp.full_name != user.full_name[:200]:
        await _refresh_profile(session, emp, user)


async def set_language(session: AsyncSession, emp: Employee, lang: str) -> None:
    emp.language = lang
    emp.language_chosen = True
    await session.commit()


async def set_role(
    session: AsyncSession, actor: Employee, emp: Employee, role: str, external_days: int
) -> None:
    """A new role. Leaving manager/admin ends lead rights at once; an external's access runs
    `external_days` (EXTERNAL_DAYS) from now unless it already had an end."""
    if role not in ROLES:
        raise DomainError("role-unknown", role=role[:20])
    if emp.id == actor.id and role != "admin":
        raise DomainError("role-self")
    emp.role = role
    if role not in LEAD_ROLES:
        await _end_lead(session, emp.id)
    if role == "external":
        emp.listed = False
        emp.access_until = emp.access_until or clock.utcnow_naive() + timedelta(days=external_days)
    else:
        emp.access_until = None
    await session.commit()


async def set_listed(session: AsyncSession, emp: Employee, listed: bool) -> None:
    emp.listed = listed
    await session.commit()


async def deactivate(session: AsyncSession, actor: Employee, emp: Employee) -> None:
    """Out at once: no commands, no lead rights, no digests. Group memberships stay (history
    shows where they worked) until an invite brings them back."""
    if emp.id == actor.id:
        raise DomainError("deactivate-self")
    if emp.active:
        # the day they left: their last month is prorated (SPEC §6)
        emp.active, emp.deactivated_at = False, clock.now()
    await _end_lead(session, emp.id)
    await session.commit()


async def team(session: AsyncSession, include_unlisted: bool) -> list[tuple[Employee, list[str]]]:
    """Active people with the names of their groups, by employee number."""
    query = select(Employee).where(Employee.active.is_(True)).order_by(Employee.id)
    if not include_unlisted:
        query = query.where(Employee.listed.is_(True))
    people = list(await session.scalars(query))
    names = await group_names(session, [p.id for p in people])
    return [(p, names.get(p.id, [])) for p in people]


async def group_names(session: AsyncSession, ids: Sequence[int]) -> dict[int, list[str]]:
    if not ids:
        return {}
    rows = await session.execute(
        select(GroupMember.employee_id, DevGroup.name)
        .join(DevGroup, DevGroup.id == GroupMember.group_id)
        .where(GroupMember.employee_id.in_(ids))
        .order_by(DevGroup.name)
    )
    out: dict[int, list[str]] = {}
    for emp_id, name in rows:
        out.setdefault(emp_id, []).append(name)
    return out


# --- development groups -------------------------------------------------------------------


def check_group_name(name: str) -> str:
    if not GROUP_NAME.match(name):
        raise DomainError("group-name", name=name[:40])
    return name


async def find_group(session: AsyncSession, name: str) -> DevGroup | None:
    """The group of this name in any letter case. A name no group can have is not looked up:
    PostgreSQL refuses text with a NUL character. Groups are few, so all are read."""
    if not GROUP_NAME.match(name):
        return None
    # Compared here, not in SQL: SQLite's lower() leaves Cyrillic letters as they are.
    wanted = name.lower()
    groups = await session.scalars(select(DevGroup).order_by(DevGroup.id))
    return next((group for group in groups if group.name.lower() == wanted), None)


async def group_by_name(session: AsyncSession, name: str) -> DevGroup:
    group = await find_group(session, name)
    if group is None:
        raise DomainError("group-unknown", name=name[:40])
    return group


async def create_group(session: AsyncSession, name: str) -> DevGroup:
    check_group_name(name)
    if await find_group(session, name) is not None:
        raise DomainError("group-exists", name=name)
    group = DevGroup(name=name)
    session.add(group)
    await session.commit()
    return group


async def set_lead(session: AsyncSession, group: DevGroup, emp: Employee) -> None:
    if emp.role not in LEAD_ROLES or not is_usable(emp):
        raise DomainError("group-lead-role", person=emp.display)
    group.lead_id = emp.id
    await _add_member(session, group.id, emp.id)
    await session.commit()


async def _add_member(session: AsyncSession, group_id: int, emp_id: int) -> bool:
    exists = await session.get(GroupMember, (group_id, emp_id))
    if exists is not None:
        return False
    session.add(GroupMember(group_id=group_id, employee_id=emp_id))
    await session.flush()
    return True


async def add_member(session: AsyncSession, group: DevGroup, emp: Employee) -> bool:
    if not is_usable(emp):
        raise DomainError("person-inactive", person=emp.display)
    added = await _add_member(session, group.id, emp.id)
    await session.commit()
    return added


async def remove_member(session: AsyncSession, group: DevGroup, emp: Employee) -> bool:
    result = await session.execute(
        delete(GroupMember).where(
            GroupMember.group_id == group.id, GroupMember.employee_id == emp.id
        )
    )
    if group.lead_id == emp.id:
        group.lead_id = None
    await session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def bind_chat(session: AsyncSession, actor: Employee, group: DevGroup, chat_id: int) -> None:
    if actor.role != "admin" and group.lead_id != actor.id:
        raise DomainError("group-not-lead", name=group.name)
    group.chat_id = chat_id
    await session.commit()


async def groups_overview(
    session: AsyncSession, actor: Employee
) -> list[tuple[DevGroup, Employee | None, list[Employee]]]:
    """Groups with lead and members: all for an admin, the led ones for a manager."""
    query = select(DevGroup).order_by(DevGroup.name)
    if actor.role != "admin":
        query = query.where(DevGroup.lead_id == actor.id)
    groups = list(await session.scalars(query))
    if not groups:
        return []
    rows = await session.execute(
        select(GroupMember.group_id, Employee)
        .join(Employee, Employee.id == GroupMember.employee_id)
        .where(GroupMember.group_id.in_([g.id for g in groups]))
        .order_by(Employee.id)
    )
    members: dict[int, list[Employee]] = {}
    people: dict[int, Employee] = {}
    for group_id, emp in rows:
        members.setdefault(group_id, []).append(emp)
        people[emp.id] = emp
    return [
        (g, people.get(g.lead_id) if g.lead_id else None, members.get(g.id, [])) for g in groups
    ]


async def led_groups(session: AsyncSession, emp: Employee) -> list[DevGroup]:
    return list(
        await session.scalars(
            select(DevGroup).where(DevGroup.lead_id == emp.id).order_by(DevGroup.name)
        )
    )


async def member_group_ids(session: AsyncSession, emp_id: int) -> list[int]:
    return list(
        await session.scalars(select(GroupMember.group_id).where(GroupMember.employee_id == emp_id))
    )
