"""Group chats bound to development groups: unbinding, and following a chat that Telegram
turned into a supergroup (it gets a new id). Binding is people.bind_chat. No aiogram here."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models import DevGroup, Employee
from services.errors import DomainError


def may_manage(actor: Employee, group: DevGroup) -> bool:
    """The group's lead or an admin decides where its alerts go."""
    return actor.role == "admin" or group.lead_id == actor.id


async def bound_to(session: AsyncSession, chat_id: int) -> list[DevGroup]:
    return list(
        await session.scalars(
            select(DevGroup).where(DevGroup.chat_id == chat_id).order_by(DevGroup.name)
        )
    )


async def unbind_group(session: AsyncSession, actor: Employee, group: DevGroup) -> None:
    """`/unbindchat GROUP`: its alerts go to its lead (or the admins) only, as before binding."""
    if not may_manage(actor, group):
        raise DomainError("group-not-lead", name=group.name)
    if group.chat_id is None:
        raise DomainError("unbindchat-group-not-bound", name=group.name)
    group.chat_id = None
    await session.commit()


async def unbind_chat(session: AsyncSession, actor: Employee, chat_id: int) -> list[DevGroup]:
    """`/unbindchat` in a group chat: every group bound to it that `actor` manages is unbound;
    the unbound groups are returned. Groups of other leads stay bound."""
    groups = await bound_to(session, chat_id)
    if not groups:
        raise DomainError("unbindchat-chat-not-bound")
    mine = [group for group in groups if may_manage(actor, group)]
    if not mine:
        raise DomainError("unbindchat-not-allowed", names=", ".join(g.name for g in groups))
    for group in mine:
        group.chat_id = None
    await session.commit()
    return mine


async def move_chat(session: AsyncSession, old_chat_id: int, new_chat_id: int) -> int:
    """A group chat became a supergroup: bindings of the old id follow it to the new one.
    Only bindings of exactly `old_chat_id` change; returns how many did."""
    if old_chat_id == new_chat_id:
        return 0
    result = await session.execute(
        update(DevGroup).where(DevGroup.chat_id == old_chat_id).values(chat_id=new_chat_id)
    )
    await session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
