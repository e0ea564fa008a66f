"""/edit N FIELD VALUE: a manager of the task's group or an admin changes one field."""

from __future__ import annotations

from aiogram import Bot
from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import rest_args
from handlers.routing import Blueprint
from handlers.task_views import card_reply, deliver
from models import Employee
from services import clock, task_edit
from services import tasks as tasks_service
from services.config import AppConfig
from services.errors import DomainError
from services.keywords import EDIT_FIELD
from views.i18n import Translator

router = Blueprint(__name__)


@router.message(Command("edit"))
async def cmd_edit(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
) -> None:
    # The value is the rest of the message: a title has spaces, a description several lines.
    parts = rest_args(message.text).split(maxsplit=2)
    if len(parts) < 3:
        raise DomainError("edit-usage")
    task_id = tasks_service.parse_task_ref(parts[0])
    field = EDIT_FIELD.require(parts[1])
    scope = await tasks_service.scope_of(session, me)
    today = clock.today(config.timezone)
    done = await task_edit.edit_from_text(session, scope, task_id, field, parts[2], today)
    card, markup = await card_reply(session, scope, task_id, tr, config)
    answer = tr("edit-done", id=task_id, field=tr(f"edit-field-{field}"))
    await message.answer(answer + "\n\n" + card, reply_markup=markup)
    await deliver(bot, done.notices, config)
