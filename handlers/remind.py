"""/remind on|off: whether the evening reminder to log time comes (SPEC §7, §8)."""

from __future__ import annotations

from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import split_args
from handlers.routing import Blueprint
from models import Employee
from services import keywords, reminders
from services.errors import DomainError
from views.i18n import Translator

router = Blueprint(__name__)


@router.message(Command("remind"))
async def cmd_remind(message: Message, session: AsyncSession, me: Employee, tr: Translator) -> None:
    args = split_args(message.text)
    if not args:
        on = await reminders.wanted(session, me.id)
        await message.answer(tr("remind-state-on" if on else "remind-state-off"))
        return
    if len(args) != 1 or args[0] not in keywords.SWITCH:
        raise DomainError("remind-usage")
    on = keywords.SWITCH.get(args[0]) == "on"
    await reminders.set_wanted(session, me.id, on)
    await message.answer(tr("remind-on" if on else "remind-off"))
