"""The question to a person whose timer ran past their working day: stop now (logs all the
time, as /stop would) or stop at the end of the working day (logs only the day's rest)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Update
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.routing import Blueprint
from handlers.task_views import settle
from models import Employee, Timer
from services import tasks as tasks_service
from services import timer_watch, timers
from services.config import AppConfig
from services.errors import DomainError
from views import formats
from views.i18n import Translator
from views.keyboards import StopCb
from views.timelog import stop_reply

router = Blueprint(__name__)


class WatchCb(CallbackData, prefix="tw"):
    """ "Stop at the end of the working day" for the timer started at `key`."""

    key: int


def watch_text(item: timer_watch.LongTimer, tr: Translator) -> str:
    elapsed = formats.duration(item.elapsed_min, tr)
    return tr("timer-watch-text", id=item.timer.task_id, duration=elapsed)


def watch_keyboard(item: timer_watch.LongTimer, tr: Translator) -> InlineKeyboardMarkup:
    key = timers.started_key(item.timer)
    kb = InlineKeyboardBuilder()
    now_label = tr("btn-watch-now", duration=formats.duration(item.elapsed_min, tr))
    kb.button(text=now_label, callback_data=StopCb(choice=timers.ALL, key=key))
    if item.day_rest_min:
        rest = formats.duration(item.day_rest_min, tr)
        kb.button(text=tr("btn-watch-end-of-day", duration=rest), callback_data=WatchCb(key=key))
    kb.adjust(1)
    return kb.as_markup()


@router.callback_query(WatchCb.filter())
async def cb_end_of_day(
    callback: CallbackQuery,
    callback_data: WatchCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
) -> None:
    timer = await session.get(Timer, me.id)
    if timer is None or timers.started_key(timer) != callback_data.key:
        raise DomainError("timer-none")
    rest = await timer_watch.day_rest(session, timer, config.timezone, config.holidays_country)
    scope = await tasks_service.scope_of(session, me)
    outcome = await timers.stop_after(
        session, scope, config.timezone, event_update.update_id, callback_data.key, rest
    )
    text = stop_reply(outcome, tr)
    await settle(callback, text)
