"""/team, /invite, /role, /listed, /deactivate."""

from __future__ import annotations

from aiogram import Bot
from aiogram.filters import Command
from aiogram.fsm.storage.base import BaseStorage, StorageKey
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import answer_long, set_person_menu, split_args
from handlers.routing import Blueprint
from models import DevGroup, Employee
from services import keywords, people
from services import tasks as tasks_service
from services.config import AppConfig
from services.errors import DomainError
from views.i18n import Translator
from views.task_edit import handover, reassign_buttons

router = Blueprint(__name__)


def person_line(emp: Employee, groups: list[str], tr: Translator) -> str:
    parts = [f"{emp.code}", emp.full_name or "—"]
    if emp.username:
        parts.append(f"@{emp.username}")
    line = " ".join(parts) + f" — {tr(f'role-{emp.role}')}"
    if groups:
        line += f" · {', '.join(groups)}"
    if not emp.listed:
        line += f" {tr('team-unlisted')}"
    return line


@router.message(Command("team"))
async def cmd_team(message: Message, session: AsyncSession, me: Employee, tr: Translator) -> None:
    rows = await people.team(session, include_unlisted=me.role == "admin")
    if not rows:
        await message.answer(tr("team-empty"))
        return
    lines = [tr("team-title", count=len(rows))]
    lines += [person_line(emp, groups, tr) for emp, groups in rows]
    await answer_long(message, "\n".join(lines))


def _parse_invite(args: list[str]) -> tuple[str, str | None, int | None]:
    if not 1 <= len(args) <= 3:
        raise DomainError("invite-usage")
    role, group_name, days = keywords.ROLE.require(args[0]), None, None
    for arg in args[1:]:
        if arg.isascii() and arg.isdigit() and days is None:
            days = int(arg) if len(arg) <= 4 else 10_000
        elif group_name is None:
            group_name = arg
        else:
            raise DomainError("invite-usage")
    return role, group_name, days


@router.message(Command("invite"))
async def cmd_invite(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, config: AppConfig
) -> None:
    role, group_name, days = _parse_invite(split_args(message.text))
    group: DevGroup | None = None
    if group_name is not None:
        group = await people.group_by_name(session, group_name)
    elif me.role == "manager":
        led = await people.led_groups(session, me)
        if len(led) == 1:
            group = led[0]
    token = await people.create_invite(session, me, role, group, days)
    link = f"https://t.me/{config.bot_username}?start={token}"
    access = days or config.external_days
    key = "invite-made-external" if role == "external" else "invite-made"
    await message.answer(
        tr(key, role=tr(f"role-{role}"), group=group.name if group else "—", link=link, days=access)
    )


async def end_dialog(bot: Bot, storage: BaseStorage, emp: Employee) -> None:
    """Drop a dialog the person has open with the bot (a half-made /newtask), so rights
    taken away end there too; every step re-checks them on the server anyway."""
    key = StorageKey(bot_id=bot.id, chat_id=emp.telegram_id, user_id=emp.telegram_id)
    await storage.set_state(key, None)
    await storage.set_data(key, {})


@router.message(Command("role"))
async def cmd_role(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
    fsm_storage: BaseStorage,
) -> None:
    args = split_args(message.text)
    if len(args) != 2:
        raise DomainError("role-usage")
    emp = await people.resolve_person(session, args[0])
    await people.set_role(session, me, emp, keywords.ROLE.require(args[1]), config.external_days)
    await end_dialog(bot, fsm_storage, emp)
    await set_person_menu(bot, emp, Translator(emp.language or tr.lang))
    await message.answer(tr("role-set", person=emp.display, role=tr(f"role-{emp.role}")))


@router.message(Command("listed"))
async def cmd_listed(message: Message, session: AsyncSession, tr: Translator) -> None:
    args = split_args(message.text)
    if len(args) != 2:
        raise DomainError("listed-usage")
    listed = keywords.SWITCH.require(args[1]) == "on"
    emp = await people.resolve_person(session, args[0])
    await people.set_listed(session, emp, listed)
    await message.answer(tr("listed-on" if emp.listed else "listed-off", person=emp.display))


@router.message(Command("deactivate"))
async def cmd_deactivate(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    fsm_storage: BaseStorage,
) -> None:
    args = split_args(message.text)
    if len(args) != 1:
        raise DomainError("deactivate-usage")
    emp = await people.resolve_person(session, args[0])
    await people.deactivate(session, me, emp)
    await end_dialog(bot, fsm_storage, emp)
    tasks = await tasks_service.assigned_open_tasks(session, emp.id)
    await message.answer(
        tr("deactivated", person=emp.display) + handover(tasks, tr),
        reply_markup=reassign_buttons(tasks, tr),
    )
