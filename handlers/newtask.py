"""/newtask: the one-line form, the start of the dialog a bare /newtask opens, and the end
both share (creating the task, showing its card, telling the assignee)."""

from __future__ import annotations

from datetime import date

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.dialog_steps import NewTask, Turn, group_keyboard, question, show
from handlers.escape import send_question
from handlers.task_views import card_reply, deliver
from services import clock, task_create
from services import tasks as tasks_service
from services.config import AppConfig
from services.errors import DomainError
from views.i18n import Translator

__all__ = ["NewTask", "create_from_line", "finish", "start_dialog"]


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
    await send_question(message, state, *question(tr, "dialog-title"))


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
            markup = group_keyboard(choices, "G", tr)
            await send_question(message, state, tr("dialog-group"), markup)
            return
        draft = draft.but(group_id=choices[0].id)
    await finish(message, session, scope, draft, tr, bot, config, state, turn=None)


async def finish(
    message: Message,
    session: AsyncSession,
    scope: tasks_service.Scope,
    draft: task_create.Draft,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
    state: FSMContext,
    *,
    turn: Turn | None,
) -> None:
    """Create the task and show its card: in the dialog's message when a dialog asked for it
    (`turn`), as a reply to the one-line command otherwise."""
    today = clock.today(config.timezone)
    task, notices = await task_create.create_task(session, scope, draft, today)
    card, markup = await card_reply(session, scope, task.id, tr, config)
    text = tr("newtask-created", id=task.id) + "\n\n" + card
    if turn is None:
        await message.answer(text, reply_markup=markup)
    else:
        await show(turn, text, markup)
    await state.clear()
    await deliver(bot, notices, config)
