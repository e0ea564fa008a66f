"""/tasks, /task, /review, /comment, /assign, /cancel and /newtask; the buttons and the
/newtask dialog live in the sub-routers."""

from __future__ import annotations

from aiogram import Bot
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import card_manage, newtask, task_buttons, task_edit, task_lists, tasks_dialog
from handlers.common import rest_args, split_args
from handlers.routing import Blueprint
from handlers.task_views import card_reply, deliver
from models import Employee
from services import clock, people, task_flow
from services import tasks as tasks_service
from services.config import AppConfig
from services.errors import DomainError
from views.i18n import Translator
from views.list_keyboards import ListCb

router = Blueprint(__name__)
# /tasks, sent most after /log, is matched right after /log and /undo (see handlers.setup): it
# passes no other feature's filters on its way.
commands = Blueprint(f"{__name__}.commands")


@commands.message(Command("tasks"))
async def cmd_tasks(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, config: AppConfig
) -> None:
    text, markup = await task_lists.tasks_reply(session, me, tr, config, ListCb())
    await message.answer(text, reply_markup=markup)


@router.message(Command("task"))
async def cmd_task(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, config: AppConfig
) -> None:
    args = split_args(message.text)
    if len(args) != 1:
        raise DomainError("task-usage")
    task_id = tasks_service.parse_task_ref(args[0])
    scope = await tasks_service.scope_of(session, me)
    text, markup = await card_reply(session, scope, task_id, tr, config)
    await message.answer(text, reply_markup=markup)


@router.message(Command("review"))
async def cmd_review(message: Message, session: AsyncSession, me: Employee, tr: Translator) -> None:
    scope = await tasks_service.scope_of(session, me)
    text, markup = await task_lists.review_reply(session, scope, tr, 0)
    await message.answer(text, reply_markup=markup)


def _id_and_rest(text: str | None, usage: str) -> tuple[int, str]:
    rest = rest_args(text)
    head, _, tail = rest.partition(" ")
    if not head:
        raise DomainError(usage)
    return tasks_service.parse_task_ref(head), tail.strip()


@router.message(Command("comment"))
async def cmd_comment(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
) -> None:
    task_id, text = _id_and_rest(message.text, "comment-usage")
    if not text:
        raise DomainError("comment-usage")
    scope = await tasks_service.scope_of(session, me)
    task, notices = await task_flow.add_comment(session, scope, task_id, text)
    await message.answer(tr("comment-added", id=task.id))
    await deliver(bot, notices, config)


@router.message(Command("assign"))
async def cmd_assign(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
) -> None:
    args = split_args(message.text)
    if len(args) != 2:
        raise DomainError("assign-usage")
    task_id = tasks_service.parse_task_ref(args[0])
    scope = await tasks_service.scope_of(session, me)
    await tasks_service.visible_task(session, scope, task_id)
    person = await people.resolve_person(session, args[1])
    task, notices = await task_flow.assign(session, scope, task_id, person)
    await message.answer(tr("assign-done", id=task.id, title=task.title, person=person.display))
    await deliver(bot, notices, config)


@router.message(Command("cancel"))
async def cmd_cancel(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
) -> None:
    # Bare /cancel inside a dialog never gets here (handlers/escape.py leaves the dialog).
    task_id, reason = _id_and_rest(message.text, "cancel-usage")
    scope = await tasks_service.scope_of(session, me)
    task, notices = await task_flow.cancel(session, scope, task_id, reason)
    await message.answer(tr("cancel-done", id=task.id, title=task.title))
    await deliver(bot, notices, config)


@router.message(Command("newtask"))
async def cmd_newtask(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
    state: FSMContext,
) -> None:
    text = rest_args(message.text)
    scope = await tasks_service.scope_of(session, me)
    if not text:
        await newtask.start_dialog(message, session, scope, tr, state)
        return
    await newtask.create_from_line(
        message, session, scope, text, clock.today(config.timezone), tr, bot, config, state
    )


router.include_routers(
    tasks_dialog.router,
    task_buttons.router,
    task_lists.router,
    task_edit.router,
    card_manage.router,
)
