"""A manager's buttons on a task card: reassign, tester, priority, deadline, estimate and cancel,
and the Comment button everyone has. Each picker edits the card message in place; a choice goes
through services.task_edit (or task_flow.assign / cancel / add_comment), which checks again that
the presser may do it and that the chosen person or value is valid, then the card comes back with
a short toast. A typed value (a date, an estimate, a comment) is the next plain message."""

from __future__ import annotations

import logging
from datetime import date

from aiogram import Bot, F
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.routing import Blueprint
from handlers.task_views import card_reply, deliver, edit
from models import Employee
from models.tasks import PRIORITIES
from services import clock, task_create, task_edit, task_flow
from services import tasks as tasks_service
from services.config import AppConfig
from services.errors import DomainError
from services.task_flow import Notice
from views import task_edit as pickers
from views.i18n import Translator
from views.keyboards import EditCb, valid_id

router = Blueprint(__name__)
log = logging.getLogger(__name__)

TYPED_FIELDS = {pickers.TYPE_DEADLINE: "deadline", pickers.TYPE_ESTIMATE: "estimate"}


class CardInput(StatesGroup):
    value = State()  # data: task, field (deadline, estimate or comment), chat, message


async def _show(callback: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Replace the pressed message (the card, or the picker shown in its place)."""
    if not isinstance(callback.message, Message):
        return
    await edit(callback.message, text, markup)


async def _done(
    callback: CallbackQuery,
    session: AsyncSession,
    me: Employee,
    task_id: int,
    toast: str,
    notices: list[Notice],
    tr: Translator,
    bot: Bot,
    config: AppConfig,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    await _show(callback, *await card_reply(session, scope, task_id, tr, config))
    await callback.answer(toast[:200])
    await deliver(bot, notices, config)


@router.callback_query(EditCb.filter(F.action.in_({"reassign", "tester"})))
async def cb_people(
    callback: CallbackQuery,
    callback_data: EditCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    task = await task_edit.managed_task(session, scope, valid_id(callback_data.id))
    staff = await task_create.assignable_people(session, task.group_id)
    # neither the present assignee nor the tester: one person cannot be both
    choices = [e for e in staff if e.id not in (task.assignee_id, task.tester_id)]
    if callback_data.action == "reassign":
        text = tr("edit-pick-assignee", id=task.id, title=task.title)
        markup = pickers.people_picker(choices, task.id, pickers.ASSIGN, tr)
    else:
        text = tr("edit-pick-tester", id=task.id, title=task.title)
        markup = pickers.people_picker(choices, task.id, pickers.SET_TESTER, tr, none=True)
    await callback.answer()
    if callback_data.value and isinstance(callback.message, Message):
        await callback.message.answer(text, reply_markup=markup)  # from a list: keep the list
    else:
        await _show(callback, text, markup)


@router.callback_query(EditCb.filter(F.action.in_({"priority", "deadline", "estimate", "cancel"})))
async def cb_picker(
    callback: CallbackQuery,
    callback_data: EditCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    task = await task_edit.managed_task(session, scope, valid_id(callback_data.id))
    action, fields = callback_data.action, {"id": task.id, "title": task.title}
    if action == "priority":
        markup = pickers.priority_picker(task.id, tr)
    elif action == "deadline":
        markup = pickers.deadline_picker(task, clock.today(config.timezone), tr)
    elif action == "estimate":
        markup = pickers.estimate_picker(task.id, tr)
    else:
        markup = pickers.cancel_confirm(task.id, tr)
    await callback.answer()
    await _show(callback, tr(f"edit-pick-{action}", **fields), markup)


@router.callback_query(EditCb.filter(F.action == pickers.BACK))
async def cb_back(
    callback: CallbackQuery,
    callback_data: EditCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    state: FSMContext,
) -> None:
    if await state.get_state() == CardInput.value.state:
        await state.clear()
    scope = await tasks_service.scope_of(session, me)
    await _show(callback, *await card_reply(session, scope, valid_id(callback_data.id), tr, config))
    await callback.answer()


@router.callback_query(EditCb.filter(F.action == pickers.ASSIGN))
async def cb_assign(
    callback: CallbackQuery,
    callback_data: EditCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    person = await task_edit.person_by_id(session, valid_id(callback_data.value))
    task, notices = await task_flow.assign(session, scope, valid_id(callback_data.id), person)
    toast = tr("assign-done", id=task.id, title=task.title, person=person.display)
    await _done(callback, session, me, task.id, toast, notices, tr, bot, config)


def _chosen_day(value: int) -> date:
    if not date(2000, 1, 1).toordinal() <= value <= date(9999, 12, 31).toordinal():
        raise DomainError("dialog-stale")
    return date.fromordinal(value)


async def _chosen_value(
    session: AsyncSession, action: str, value: int
) -> tuple[str, task_edit.Value]:
    """The field and the typed value behind an apply button; anything odd is a stale button."""
    if action == pickers.SET_TESTER:
        return "tester", await task_edit.person_by_id(session, valid_id(value)) if value else None
    if action == pickers.SET_PRIORITY:
        if not 0 <= value < len(PRIORITIES):
            raise DomainError("dialog-stale")
        return "priority", PRIORITIES[value]
    if action == pickers.SET_DEADLINE:
        return "deadline", _chosen_day(value)
    if value not in pickers.ESTIMATE_CHOICES:
        raise DomainError("dialog-stale")
    return "estimate", value


@router.callback_query(
    EditCb.filter(
        F.action.in_(
            {pickers.SET_TESTER, pickers.SET_PRIORITY, pickers.SET_DEADLINE, pickers.SET_ESTIMATE}
        )
    )
)
async def cb_set(
    callback: CallbackQuery,
    callback_data: EditCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    task_id = valid_id(callback_data.id)
    await task_edit.managed_task(session, scope, task_id)
    field, value = await _chosen_value(session, callback_data.action, callback_data.value)
    today = clock.today(config.timezone)
    done = await task_edit.change(session, scope, task_id, field, value, today)
    toast = tr("edit-done", id=task_id, field=tr(f"edit-field-{field}"))
    await _done(callback, session, me, task_id, toast, done.notices, tr, bot, config)


@router.callback_query(EditCb.filter(F.action == pickers.CONFIRM_CANCEL))
async def cb_cancel(
    callback: CallbackQuery,
    callback_data: EditCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    task, notices = await task_flow.cancel(session, scope, valid_id(callback_data.id), "")
    toast = tr("cancel-done", id=task.id, title=task.title)
    await _done(callback, session, me, task.id, toast, notices, tr, bot, config)


@router.callback_query(
    EditCb.filter(F.action.in_({pickers.TYPE_DEADLINE, pickers.TYPE_ESTIMATE, "comment"}))
)
async def cb_ask(
    callback: CallbackQuery,
    callback_data: EditCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    state: FSMContext,
) -> None:
    scope = await tasks_service.scope_of(session, me)
    task_id = valid_id(callback_data.id)
    field = TYPED_FIELDS.get(callback_data.action, "comment")
    if field == "comment":
        task = await tasks_service.visible_task(session, scope, task_id)
    else:
        task = await task_edit.managed_task(session, scope, task_id)
    message = callback.message if isinstance(callback.message, Message) else None
    await state.set_state(CardInput.value)
    await state.set_data(
        {
            "task": task.id,
            "field": field,
            "chat": message.chat.id if message else None,
            "message": message.message_id if message else None,
        }
    )
    await callback.answer()
    await _show(
        callback,
        tr(f"edit-ask-{field}", id=task.id, title=task.title),
        pickers.back_only(task.id, tr),
    )


@router.message(CardInput.value, F.text & ~F.text.startswith("/"))
async def got_value(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    task_id, field = data.get("task"), data.get("field")
    if not isinstance(task_id, int) or field not in ("deadline", "estimate", "comment"):
        await state.clear()
        raise DomainError("dialog-stale")
    scope = await tasks_service.scope_of(session, me)
    text = message.text or ""
    if field == "comment":
        _, notices = await task_flow.add_comment(session, scope, task_id, text)
        answer = tr("comment-added", id=task_id)
    else:
        today = clock.today(config.timezone)
        done = await task_edit.edit_from_text(session, scope, task_id, field, text, today)
        notices = done.notices
        answer = tr("edit-done", id=task_id, field=tr(f"edit-field-{field}"))
    await state.clear()
    await _refresh(bot, data, session, scope, task_id, tr, config)
    await message.answer(answer)
    await deliver(bot, notices, config)


async def _refresh(
    bot: Bot,
    data: dict[str, object],
    session: AsyncSession,
    scope: tasks_service.Scope,
    task_id: int,
    tr: Translator,
    config: AppConfig,
) -> None:
    """Put the card back in the message that asked for the value."""
    chat, message_id = data.get("chat"), data.get("message")
    if not isinstance(chat, int) or not isinstance(message_id, int):
        return
    text, markup = await card_reply(session, scope, task_id, tr, config)
    try:
        await bot.edit_message_text(
            text=text, chat_id=chat, message_id=message_id, reply_markup=markup
        )
    except TelegramBadRequest as error:
        log.info("card %s not refreshed: %s", message_id, error.message)
