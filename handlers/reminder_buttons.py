"""The log reminder's buttons: a press logs the rest of the reminded day through the rules of
/log (services.reminders.log_rest) and the reminder itself says what was logged (one
confirmation, handlers.confirm)."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message, Update
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.confirm import confirm
from handlers.routing import Blueprint
from models import Employee
from services import clock, reminders, timers
from services import tasks as tasks_service
from services.config import AppConfig
from views.i18n import Translator
from views.keyboards import valid_id
from views.reminders import RemindLogCb, RemindStopCb, after_log, pressed_day
from views.timelog import log_reply, stop_reply

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
    pressed_under = callback.message.reply_markup if isinstance(callback.message, Message) else None
    await confirm(callback, text, after_log(pressed_under, day, undo))


@router.callback_query(RemindStopCb.filter())
async def cb_remind_stop(
    callback: CallbackQuery,
    callback_data: RemindStopCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
) -> None:
    """Stop the timer the reminder named, as /stop would (its time is logged); the log buttons
    stay, and now see the timer's entries."""
    scope = await tasks_service.scope_of(session, me)
    outcome = await timers.stop_timer(
        session,
        scope,
        config.timezone,
        event_update.update_id,
        choice=timers.ALL,
        key=callback_data.key,
    )
    pressed_under = callback.message.reply_markup if isinstance(callback.message, Message) else None
    await confirm(callback, stop_reply(outcome, tr), after_log(pressed_under, None))
