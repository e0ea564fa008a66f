"""/timer #N, /stop [discard] and the answers to a long timer's question."""

from __future__ import annotations

from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message, Update
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.common import split_args
from handlers.routing import Blueprint
from handlers.task_views import settle
from models import Employee
from services import tasks as tasks_service
from services import timers
from services.config import AppConfig
from services.errors import DomainError
from views.i18n import Translator
from views.keyboards import StopCb, stop_keyboard
from views.timelog import stop_reply, timer_started_reply

router = Blueprint(__name__)


@router.message(Command("timer"))
async def cmd_timer(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
) -> None:
    args = split_args(message.text)
    if len(args) != 1:
        raise DomainError("timer-usage")
    task_id = tasks_service.parse_task_ref(args[0])
    scope = await tasks_service.scope_of(session, me)
    task, previous = await timers.start_timer(
        session, scope, task_id, config.timezone, event_update.update_id
    )
    await message.answer(timer_started_reply(task, previous, tr))


@router.message(Command("stop"))
async def cmd_stop(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
) -> None:
    args = [a.lower() for a in split_args(message.text)]
    if args not in ([], ["discard"]):
        raise DomainError("stop-usage")
    choice = timers.DISCARD if args else None
    scope = await tasks_service.scope_of(session, me)
    outcome = await timers.stop_timer(
        session, scope, config.timezone, event_update.update_id, choice=choice
    )
    markup = stop_keyboard(outcome, tr) if isinstance(outcome, timers.StopQuestion) else None
    await message.answer(stop_reply(outcome, tr), reply_markup=markup)


@router.callback_query(StopCb.filter())
async def cb_stop(
    callback: CallbackQuery,
    callback_data: StopCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
) -> None:
    if callback_data.choice not in (timers.ALL, timers.CUT, timers.DISCARD):
        raise DomainError("dialog-stale")
    scope = await tasks_service.scope_of(session, me)
    outcome = await timers.stop_timer(
        session,
        scope,
        config.timezone,
        event_update.update_id,
        choice=callback_data.choice,
        key=callback_data.key,
    )
    text = stop_reply(outcome, tr)
    await settle(callback, text)
