"""/groups, /group new|lead|add|remove, /bindchat, /unbindchat."""

from __future__ import annotations

from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import answer_long, split_args
from handlers.routing import Blueprint
from models import Employee
from services import group_chats, keywords, people
from services import tasks as tasks_service
from services.errors import DomainError
from views.i18n import Translator
from views.task_edit import handover, reassign_buttons

router = Blueprint(__name__)


@router.message(Command("groups"))
async def cmd_groups(message: Message, session: AsyncSession, me: Employee, tr: Translator) -> None:
    overview = await people.groups_overview(session, me)
    if not overview:
        await message.answer(tr("groups-empty"))
        return
    blocks = []
    for group, lead, members in overview:
        head = tr("groups-line", name=group.name, lead=lead.display if lead else "—")
        if group.chat_id:
            head += " " + tr("groups-chat-bound")
        names = ", ".join(m.display for m in members) or "—"
        blocks.append(f"{head}\n  {names}")
    await answer_long(message, "\n".join(blocks))


@router.message(Command("group"))
async def cmd_group(message: Message, session: AsyncSession, tr: Translator) -> None:
    args = split_args(message.text)
    if not args:
        raise DomainError("group-usage")
    action = keywords.GROUP.require(args[0])
    if action == "new" and len(args) == 2:
        group = await people.create_group(session, args[1])
        await message.answer(tr("group-created", name=group.name))
        return
    if action == "new" or len(args) != 3:
        raise DomainError("group-usage")
    group = await people.group_by_name(session, args[1])
    emp = await people.resolve_person(session, args[2])
    if action == "lead":
        await people.set_lead(session, group, emp)
        await message.answer(tr("group-lead-set", name=group.name, person=emp.display))
    elif action == "add":
        added = await people.add_member(session, group, emp)
        key = "group-member-added" if added else "group-member-already"
        await message.answer(tr(key, name=group.name, person=emp.display))
    else:
        removed = await people.remove_member(session, group, emp)
        key = "group-member-removed" if removed else "group-member-absent"
        tasks = await tasks_service.assigned_open_tasks(session, emp.id, group.id)
        await message.answer(
            tr(key, name=group.name, person=emp.display) + handover(tasks, tr),
            reply_markup=reassign_buttons(tasks, tr),
        )


@router.message(Command("bindchat"))
async def cmd_bindchat(
    message: Message, session: AsyncSession, me: Employee, tr: Translator
) -> None:
    if message.chat.type == "private":
        raise DomainError("bindchat-private")
    args = split_args(message.text)
    if len(args) != 1:
        raise DomainError("bindchat-usage")
    group = await people.group_by_name(session, args[0])
    await people.bind_chat(session, me, group, message.chat.id)
    await message.answer(tr("bindchat-done", name=group.name))


@router.message(Command("unbindchat"))
async def cmd_unbindchat(
    message: Message, session: AsyncSession, me: Employee, tr: Translator
) -> None:
    """In the bound chat itself: no argument needed; in private: the group's name."""
    args = split_args(message.text)
    if len(args) > 1 or (not args and message.chat.type == "private"):
        raise DomainError("unbindchat-usage")
    if args:
        group = await people.group_by_name(session, args[0])
        await group_chats.unbind_group(session, me, group)
        names = [group.name]
    else:
        names = [g.name for g in await group_chats.unbind_chat(session, me, message.chat.id)]
    await message.answer(tr("unbindchat-done", names=", ".join(names), count=len(names)))
