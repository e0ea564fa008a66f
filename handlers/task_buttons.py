"""Buttons on task cards, lists, review queues and notices. Each one is checked again by the
service it calls: a forged task number or an action the presser may not take changes nothing."""

from __future__ import annotations

from aiogram import Bot, F
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseStorage
from aiogram.types import CallbackQuery, Message, Update
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import quick_guard
from handlers.escape import send_question
from handlers.routing import Blueprint
from handlers.task_views import card_reply, deliver, edit
from models import Employee
from services import clock, task_flow, timelog, timers
from services import tasks as tasks_service
from services.config import AppConfig
from services.errors import DomainError
from views import formats
from views.i18n import Translator
from views.keyboards import TaskCb, cancel_keyboard, stop_keyboard, valid_id
from views.timelog import stop_reply, timer_started_reply

router = Blueprint(__name__)


class ReturnFlow(StatesGroup):
    comment = State()


async def _refresh_card(
    callback: CallbackQuery,
    session: AsyncSession,
    scope: tasks_service.Scope,
    task_id: int,
    tr: Translator,
    config: AppConfig,
) -> None:
    if not isinstance(callback.message, Message):
        return
    await edit(callback.message, *await card_reply(session, scope, task_id, tr, config))


async def _result(
    callback: CallbackQuery,
    data: TaskCb,
    session: AsyncSession,
    scope: tasks_service.Scope,
    text: str,
    tr: Translator,
    config: AppConfig,
) -> None:
    """One confirmation per press: a short toast says what happened; pressed on the card, the
    card is refreshed in place too. Never a new message besides (review queues and notices
    list several tasks or are old: the toast is the answer there)."""
    await callback.answer(text[:200])
    if data.v:
        await _refresh_card(callback, session, scope, data.id, tr, config)


@router.callback_query(TaskCb.filter(F.action == "open"))
async def cb_open(
    callback: CallbackQuery,
    callback_data: TaskCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    text, markup = await card_reply(session, scope, valid_id(callback_data.id), tr, config)
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.answer(text, reply_markup=markup)


@router.callback_query(TaskCb.filter(F.action.in_({"review", "accept"})))
async def cb_flow(
    callback: CallbackQuery,
    callback_data: TaskCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    task_id = valid_id(callback_data.id)
    if callback_data.action == "review":
        task, notices = await task_flow.send_to_review(session, scope, task_id)
        text = tr("review-sent", id=task.id)
    else:
        task, notices = await task_flow.accept(session, scope, task_id)
        text = tr("accept-done", id=task.id)
    await _result(callback, callback_data, session, scope, text, tr, config)
    await deliver(bot, notices, config)


@router.callback_query(TaskCb.filter(F.action == "log"))
async def cb_log(
    callback: CallbackQuery,
    callback_data: TaskCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
    state: FSMContext,
    fsm_storage: BaseStorage,
) -> None:
    """[+1 h] on a card: a toast with the day's total and the card refreshed (/undo takes the
    entry back). A second tap of the same button within seconds is a repeat (quick_guard)."""
    scope = await tasks_service.scope_of(session, me)
    if callback_data.minutes not in (30, 60, 120):
        raise DomainError("stale-quick-log")
    task_id = valid_id(callback_data.id)
    message_id = callback.message.message_id if callback.message else 0
    tap = quick_guard.tap_of(message_id, task_id, callback_data.minutes)
    duration = formats.duration(callback_data.minutes, tr)
    if await quick_guard.is_repeat(fsm_storage, state, tap):
        await callback.answer(tr("quick-log-repeat", duration=duration, id=task_id))
        return
    today = clock.today(config.timezone)
    logged = await timelog.log_time(
        session,
        scope,
        minutes=callback_data.minutes,
        day=today,
        task_id=task_id,
        comment="",
        today=today,
        update_id=event_update.update_id,
    )
    await quick_guard.remember(fsm_storage, state, tap)
    total = formats.duration(logged.day_total, tr)
    await callback.answer(tr("quick-logged", duration=duration, id=task_id, total=total))
    if callback_data.v:
        await _refresh_card(callback, session, scope, task_id, tr, config)


@router.callback_query(TaskCb.filter(F.action.in_({"timer", "stop"})))
async def cb_timer(
    callback: CallbackQuery,
    callback_data: TaskCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    event_update: Update,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    task_id = valid_id(callback_data.id)
    if callback_data.action == "timer":
        task, previous = await timers.start_timer(
            session, scope, task_id, config.timezone, event_update.update_id
        )
        text = timer_started_reply(task, previous, tr)
        await _result(callback, callback_data, session, scope, text, tr, config)
        return
    outcome = await timers.stop_timer(session, scope, config.timezone, event_update.update_id)
    text = stop_reply(outcome, tr)
    if not isinstance(outcome, timers.StopQuestion):
        await _result(callback, callback_data, session, scope, text, tr, config)
        return
    # A long timer asks what to log: a question with its own buttons, not a confirmation.
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.answer(text, reply_markup=stop_keyboard(outcome, tr))


@router.callback_query(TaskCb.filter(F.action == "return"))
async def cb_return(
    callback: CallbackQuery,
    callback_data: TaskCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    state: FSMContext,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    task = await task_flow.reviewable(session, scope, valid_id(callback_data.id))
    await state.set_state(ReturnFlow.comment)
    await state.set_data({"task": task.id})
    await callback.answer()
    if isinstance(callback.message, Message):
        question = tr("return-ask", id=task.id, title=task.title)
        await send_question(callback.message, state, question, cancel_keyboard(tr))


@router.message(ReturnFlow.comment, F.text & ~F.text.startswith("/"))
async def got_return_comment(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
    state: FSMContext,
) -> None:
    task_id = (await state.get_data()).get("task")
    if not isinstance(task_id, int):
        await state.clear()
        raise DomainError("dialog-stale")
    scope = await tasks_service.scope_of(session, me)
    task, notices = await task_flow.return_task(session, scope, task_id, message.text or "")
    await state.clear()
    await message.answer(tr("return-done", id=task.id))
    await deliver(bot, notices, config)
