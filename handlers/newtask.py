"""/newtask: the one-line form, the start of the dialog a bare /newtask opens, and the end
both share (creating the task, showing its card, telling the assignee)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.dialog_steps import ask
from handlers.task_views import card_reply, deliver
from models import DevGroup
from services import clock, task_create
from services import tasks as tasks_service
from services.config import AppConfig
from services.errors import DomainError
from views.i18n import Translator
from views.keyboards import DialogCb


class NewTask(StatesGroup):
    title = State()
    group = State()
    assignee = State()
    estimate = State()
    deadline = State()
    tester = State()
    confirm = State()
    pick_group = State()  # the one-line form, when the group is not clear


async def start_dialog(
    message: Message,
    session: AsyncSession,
    scope: tasks_service.Scope,
    tr: Translator,
    state: FSMContext,
) -> None:
    if not await task_create.creatable_groups(session, scope):
        raise DomainError("newtask-no-groups")
    await state.clear()
    await state.set_state(NewTask.title)
    await ask(message, tr, "dialog-title")


async def create_from_line(
    message: Message,
    session: AsyncSession,
    scope: tasks_service.Scope,
    text: str,
    today: date,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
    state: FSMContext,
) -> None:
    draft = await task_create.parse_oneline(session, text, today)
    if draft.group_id is None:
        choices = await task_create.group_choices(session, scope, draft)
        if not choices:
            raise DomainError("newtask-no-group")
        if len(choices) > 1:
            # Every other field is checked before the question, so the answer cannot fail.
            await task_create.check_draft(session, scope, draft.but(group_id=choices[0].id), today)
            await state.set_state(NewTask.pick_group)
            await state.set_data({"draft": draft.dump()})
            await message.answer(tr("dialog-group"), reply_markup=group_keyboard(choices, "G", tr))
            return
        draft = draft.but(group_id=choices[0].id)
    await finish(message, session, scope, draft, tr, bot, config, state)


def group_keyboard(groups: Sequence[DevGroup], step: str, tr: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for group in groups:
        kb.button(text=group.name, callback_data=DialogCb(step=step, value=group.id))
    kb.button(text=tr("btn-cancel"), callback_data=DialogCb(step="x"))
    kb.adjust(2)
    return kb.as_markup()


async def finish(
    message: Message,
    session: AsyncSession,
    scope: tasks_service.Scope,
    draft: task_create.Draft,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
    state: FSMContext,
) -> None:
    today = clock.today(config.timezone)
    task, notices = await task_create.create_task(session, scope, draft, today)
    await state.clear()
    card, markup = await card_reply(session, scope, task.id, tr, config)
    await message.answer(tr("newtask-created", id=task.id) + "\n\n" + card, reply_markup=markup)
    await deliver(bot, notices, config)
