"""/tasks, /task, /review, /comment, /assign, /cancel and /newtask; the buttons and the
/newtask dialog live in the sub-routers."""

from __future__ import annotations

from aiogram import Bot
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import newtask, task_buttons, tasks_dialog
from handlers.common import answer_long, rest_args, split_args
from handlers.routing import Blueprint
from handlers.task_views import card_reply, deliver
from models import Employee
from services import clock, people, planning, task_flow
from services import tasks as tasks_service
from services.config import AppConfig
from services.errors import DomainError
from views.i18n import Translator
from views.keyboards import open_buttons, review_buttons
from views.tasks import task_line

router = Blueprint(__name__)


@router.message(Command("tasks"))
async def cmd_tasks(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, config: AppConfig
) -> None:
    scope = await tasks_service.scope_of(session, me)
    outlook = {}
    if me.role == "external":
        tasks = await tasks_service.open_tasks(session, sorted(scope.member))
        head = tr("tasks-groups-title", count=len(tasks)) if tasks else tr("tasks-groups-empty")
    else:
        tasks = await tasks_service.own_open_tasks(session, me.id)
        head = tr("tasks-title", count=len(tasks)) if tasks else tr("tasks-empty")
        today = clock.today(config.timezone)
        ids = [t.id for t in tasks]
        outlook = await planning.task_outlook(
            session, ids, today, config.holidays_country, scope.calendar_version
        )
    hours = scope.is_staff
    lines = [head, *(task_line(t, tr, me.id, outlook.get(t.id), hours=hours) for t in tasks)]
    if me.role in ("manager", "admin"):
        lines += await _group_summary(session, scope, tr)
    await answer_long(message, "\n".join(lines), reply_markup=open_buttons(tasks))


async def _group_summary(
    session: AsyncSession, scope: tasks_service.Scope, tr: Translator
) -> list[str]:
    group_ids = None if scope.is_admin else sorted(scope.led)
    counts = await tasks_service.open_counts(session, group_ids)
    groups = await tasks_service.groups_by_ids(session, counts)
    if not counts:
        return ["", tr("tasks-summary-none")]
    lines = ["", tr("tasks-summary-title")]
    for group_id, by_status in sorted(counts.items(), key=lambda kv: groups[kv[0]].name):
        lines.append(
            tr(
                "tasks-summary-line",
                group=groups[group_id].name,
                new=by_status.get("new", 0),
                in_progress=by_status.get("in_progress", 0),
                review=by_status.get("review", 0),
            )
        )
    return lines


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
    queue = await tasks_service.review_queue(session, scope)
    if not queue:
        await message.answer(tr("review-empty"))
        return
    lines = [tr("review-title", count=len(queue)), *(task_line(t, tr) for t in queue)]
    await answer_long(message, "\n".join(lines), reply_markup=review_buttons(queue, tr))


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


router.include_routers(tasks_dialog.router, task_buttons.router)
