"""/tasks and /review in pages: the first page answers the command, the page and filter
buttons edit that message in place. Who pressed decides what is listed, never the button."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.routing import Blueprint
from handlers.task_views import edit
from models import Employee
from services import clock, permissions, planning, task_lists
from services import tasks as tasks_service
from services.config import AppConfig
from services.errors import DomainError
from services.plan import TaskPlan
from views import task_lists as texts
from views.i18n import Translator
from views.list_keyboards import (
    PEOPLE_VIEW,
    ListCb,
    ReviewCb,
    group_keyboard,
    own_keyboard,
    people_keyboard,
    review_keyboard,
)

router = Blueprint(__name__)

Reply = tuple[str, InlineKeyboardMarkup | None]


async def tasks_reply(
    session: AsyncSession, me: Employee, tr: Translator, config: AppConfig, data: ListCb
) -> Reply:
    if task_lists.lists_groups(me):
        return await _group_reply(session, await tasks_service.scope_of(session, me), tr, data)
    if data.g != task_lists.ALL_GROUPS:
        raise DomainError("lists-group")
    if data.p != task_lists.EVERYONE or data.v:
        raise DomainError("lists-person")
    return await _own_reply(session, me, tr, config, data.page)


async def _group_reply(
    session: AsyncSession, scope: tasks_service.Scope, tr: Translator, data: ListCb
) -> Reply:
    found = await task_lists.group_tasks(session, scope, data.g, data.p)
    if data.v == PEOPLE_VIEW:
        return texts.people_text(found, tr), people_keyboard(found, tr)
    if data.v:
        raise DomainError("dialog-stale")
    page = task_lists.page_of(len(found.tasks), data.page)
    shown = task_lists.cut(found.tasks, page)
    return texts.group_page(found, shown, page, tr), group_keyboard(found, shown, page, tr)


async def _own_reply(
    session: AsyncSession, me: Employee, tr: Translator, config: AppConfig, wanted: int
) -> Reply:
    """A person's own open tasks; an external's: the open tasks of their groups. Staff need no
    scope: their own tasks are found by their id."""
    outlook: dict[int, TaskPlan] = {}
    tasks: Sequence[tasks_service.Listed]
    scope = await tasks_service.scope_of(session, me) if me.role == "external" else None
    if scope is not None:
        tasks = await tasks_service.open_tasks(session, sorted(scope.member))
        head = tr("tasks-groups-title", count=len(tasks)) if tasks else tr("tasks-groups-empty")
    else:
        today = clock.today(config.timezone)
        tasks, outlook = await planning.own_outlook(session, me.id, today, config.holidays_country)
        head = tr("tasks-title", count=len(tasks)) if tasks else tr("tasks-empty")
    page = task_lists.page_of(len(tasks), wanted)
    shown: list[tasks_service.Listed] = task_lists.cut(tasks, page)
    hours = scope is None or scope.is_staff
    text = texts.own_page(head, shown, page, tr, me.id, outlook, hours=hours)
    return text, own_keyboard(shown, page)


async def review_reply(
    session: AsyncSession, scope: tasks_service.Scope, tr: Translator, wanted: int
) -> Reply:
    queue = await tasks_service.review_queue(session, scope)
    if not queue:
        return tr("review-empty"), None
    page = task_lists.page_of(len(queue), wanted)
    shown = task_lists.cut(queue, page)
    return texts.review_page(len(queue), shown, page, tr), review_keyboard(shown, page, tr)


@router.callback_query(ListCb.filter())
async def cb_tasks_page(
    callback: CallbackQuery,
    callback_data: ListCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
) -> None:
    text, markup = await tasks_reply(session, me, tr, config, callback_data)
    await callback.answer()
    if isinstance(callback.message, Message):
        await edit(callback.message, text, markup)


@router.callback_query(ReviewCb.filter())
async def cb_review_page(
    callback: CallbackQuery,
    callback_data: ReviewCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
) -> None:
    if not permissions.allowed("review", me.role):
        raise DomainError("lists-review-denied")
    scope = await tasks_service.scope_of(session, me)
    text, markup = await review_reply(session, scope, tr, callback_data.page)
    await callback.answer()
    if isinstance(callback.message, Message):
        await edit(callback.message, text, markup)
