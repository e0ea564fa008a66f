"""The log reminder's buttons: a press logs the rest of the reminded day through the rules of
/log (services.reminders.log_rest) and the reminder itself says what was logged."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message, Update
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.routing import Blueprint
from handlers.task_views import edit
from models import Employee
from services import clock, reminders
from services import tasks as tasks_service
from services.config import AppConfig
from services.textsplit import MESSAGE_LIMIT, utf16_len
from views.i18n import Translator
from views.keyboards import valid_id
from views.reminders import RemindLogCb, after_log, pressed_day
from views.timelog import log_reply

router = Blueprint(__name__)


@router.callback_query(RemindLogCb.filter())
async def cb_remind_log(
    callback: CallbackQuery,
    callback_data: RemindLogCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
) -> None:
    day = pressed_day(callback_data)
    task_id = valid_id(callback_data.task) if callback_data.task else None
    scope = await tasks_service.scope_of(session, me)
    logged = await reminders.log_rest(
        session,
        scope,
        day=day,
        task_id=task_id,
        minutes=callback_data.minutes,
        today=clock.today(config.timezone),
        country=config.holidays_country,
        update_id=event_update.update_id,
    )
    text, undo = await log_reply(session, scope, logged, tr, config)
    # One confirmation: the reminder is edited to say what was logged; the press gets no toast.
    await callback.answer()
    reminder = callback.message
    if not isinstance(reminder, Message):
        return
    combined = f"{reminder.text}\n\n✅ {text}" if reminder.text else f"✅ {text}"
    if utf16_len(combined) > MESSAGE_LIMIT:
        combined = f"✅ {text}"
    await edit(reminder, combined, after_log(reminder.reply_markup, day, undo))
