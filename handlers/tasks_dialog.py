"""The step-by-step /newtask dialog: title → group (when there is a choice) → assignee →
estimate → deadline → tester → confirm. Cancel is a button at every step, or /cancel. Each
answer is checked when it is given and the whole task again when it is created."""

from __future__ import annotations

from datetime import date, timedelta

from aiogram import Bot, F
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.dialog_steps import ask, draft_of, people_choice, summary
from handlers.newtask import NewTask, finish, group_keyboard
from handlers.routing import Blueprint
from handlers.task_views import edit
from models import Employee
from services import clock, people, task_create
from services import tasks as tasks_service
from services.config import AppConfig
from services.errors import DomainError
from views.i18n import Translator
from views.keyboards import DialogCb, valid_id

router = Blueprint(__name__)
TYPED = F.text & ~F.text.startswith("/")


@router.message(NewTask.title, TYPED)
async def got_title(
    message: Message, session: AsyncSession, me: Employee, tr: Translator, state: FSMContext
) -> None:
    title = task_create.clean_title(message.text or "")
    scope = await tasks_service.scope_of(session, me)
    groups = await task_create.creatable_groups(session, scope)
    if not groups:
        await state.clear()
        raise DomainError("newtask-no-groups")
    await state.update_data(draft={"title": title})
    if len(groups) == 1:
        await _to_assignee(message, session, state, groups[0].id, tr)
        return
    await state.set_state(NewTask.group)
    await message.answer(tr("dialog-group"), reply_markup=group_keyboard(groups, "g", tr))


async def _to_assignee(
    message: Message, session: AsyncSession, state: FSMContext, group_id: int, tr: Translator
) -> None:
    draft = (await draft_of(state)).but(group_id=group_id)
    await state.update_data(draft=draft.dump())
    await state.set_state(NewTask.assignee)
    choices = await people_choice(session, group_id, exclude=None)
    await ask(message, tr, "dialog-assignee", choices=choices, step="a")


@router.callback_query(DialogCb.filter(F.step == "x"))
async def cb_cancel(callback: CallbackQuery, tr: Translator, state: FSMContext) -> None:
    await state.clear()
    await callback.answer(tr("dialog-cancelled"))
    if isinstance(callback.message, Message):
        await edit(callback.message, tr("dialog-cancelled"))


@router.callback_query(DialogCb.filter(F.step.in_({"g", "G"})))
async def cb_group(
    callback: CallbackQuery,
    callback_data: DialogCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
    state: FSMContext,
) -> None:
    wanted = NewTask.group if callback_data.step == "g" else NewTask.pick_group
    if await state.get_state() != wanted.state or not isinstance(callback.message, Message):
        raise DomainError("dialog-stale")
    scope = await tasks_service.scope_of(session, me)
    allowed = {g.id for g in await task_create.creatable_groups(session, scope)}
    if callback_data.value not in allowed:
        raise DomainError("dialog-stale")
    if callback_data.step == "g":
        await _to_assignee(callback.message, session, state, callback_data.value, tr)
    else:
        draft = (await draft_of(state)).but(group_id=callback_data.value)
        await finish(callback.message, session, scope, draft, tr, bot, config, state)
    # Answered only now: a refusal above is answered by the middleware, and only once.
    await callback.answer()


async def _person_step(
    session: AsyncSession, state: FSMContext, value: int, field: str
) -> task_create.Draft:
    """Store a chosen person (0: nobody) after checking they may take the role."""
    draft = await draft_of(state)
    if value:
        emp = await session.get(Employee, valid_id(value))
        group = await tasks_service.groups_by_ids(session, [draft.group_id or 0])
        if emp is None or not group:
            raise DomainError("dialog-stale")
        code = "task-person-role" if field == "assignee_id" else "task-tester-role"
        await task_create.check_assignable(session, emp, group[draft.group_id or 0], code)
        if field == "tester_id" and value == draft.assignee_id:
            raise DomainError("task-tester-is-assignee", person=emp.display)
    draft = draft.but(**{field: value or None})
    await state.update_data(draft=draft.dump())
    return draft


async def _typed_person(message: Message, session: AsyncSession) -> int:
    return (await people.resolve_person(session, (message.text or "").strip())).id


@router.message(NewTask.assignee, TYPED)
async def got_assignee(
    message: Message, session: AsyncSession, tr: Translator, state: FSMContext
) -> None:
    await _person_step(session, state, await _typed_person(message, session), "assignee_id")
    await _to_estimate(message, state, tr)


async def _to_estimate(message: Message, state: FSMContext, tr: Translator) -> None:
    await state.set_state(NewTask.estimate)
    await ask(message, tr, "dialog-estimate", step="e", quick=(60, 120, 240, 480, 960))


@router.message(NewTask.estimate, TYPED)
async def got_estimate(message: Message, tr: Translator, state: FSMContext) -> None:
    minutes = task_create.parse_estimate(message.text or "")
    draft = (await draft_of(state)).but(estimate_min=minutes)
    await state.update_data(draft=draft.dump())
    await _to_deadline(message, state, tr)


async def _to_deadline(message: Message, state: FSMContext, tr: Translator) -> None:
    await state.set_state(NewTask.deadline)
    await ask(message, tr, "dialog-deadline", step="d", days=(1, 3, 7, 14))


@router.message(NewTask.deadline, TYPED)
async def got_deadline(
    message: Message, session: AsyncSession, tr: Translator, state: FSMContext, config: AppConfig
) -> None:
    start, deadline = task_create.parse_window(message.text or "", clock.today(config.timezone))
    if deadline is None:
        raise DomainError("newtask-date", value=(message.text or "")[:20])
    await _set_window(message, session, state, tr, config, start, deadline)


async def _set_window(
    message: Message,
    session: AsyncSession,
    state: FSMContext,
    tr: Translator,
    config: AppConfig,
    start: date | None,
    deadline: date | None,
) -> None:
    task_create.check_window(start, deadline, clock.today(config.timezone))
    draft = (await draft_of(state)).but(start=start, deadline=deadline)
    await state.update_data(draft=draft.dump())
    await state.set_state(NewTask.tester)
    choices = await people_choice(session, draft.group_id or 0, exclude=draft.assignee_id)
    await ask(message, tr, "dialog-tester", choices=choices, step="t")


@router.message(NewTask.tester, TYPED)
async def got_tester(
    message: Message, session: AsyncSession, tr: Translator, state: FSMContext
) -> None:
    draft = await _person_step(session, state, await _typed_person(message, session), "tester_id")
    await _to_confirm(message, session, state, draft, tr)


async def _to_confirm(
    message: Message,
    session: AsyncSession,
    state: FSMContext,
    draft: task_create.Draft,
    tr: Translator,
) -> None:
    await state.set_state(NewTask.confirm)
    text, markup = await summary(session, draft, tr)
    await message.answer(text, reply_markup=markup)


@router.callback_query(DialogCb.filter(F.step.in_({"a", "e", "d", "t", "p", "ok"})))
async def cb_step(
    callback: CallbackQuery,
    callback_data: DialogCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
    state: FSMContext,
) -> None:
    step = callback_data.step
    wanted = {
        "a": NewTask.assignee,
        "e": NewTask.estimate,
        "d": NewTask.deadline,
        "t": NewTask.tester,
        "p": NewTask.confirm,
        "ok": NewTask.confirm,
    }[step]
    message = callback.message
    if await state.get_state() != wanted.state or not isinstance(message, Message):
        raise DomainError("dialog-stale")
    await _apply_step(message, step, callback_data.value, session, me, tr, bot, config, state)
    await callback.answer()


async def _apply_step(
    message: Message,
    step: str,
    value: int,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    bot: Bot,
    config: AppConfig,
    state: FSMContext,
) -> None:
    if step == "a":
        await _person_step(session, state, value, "assignee_id")
        await _to_estimate(message, state, tr)
    elif step == "e":
        if value and task_create.parse_estimate(f"{value}m") != value:
            raise DomainError("dialog-stale")
        draft = (await draft_of(state)).but(estimate_min=value or None)
        await state.update_data(draft=draft.dump())
        await _to_deadline(message, state, tr)
    elif step == "d":
        if not 0 <= value <= 366:
            raise DomainError("dialog-stale")
        deadline = clock.today(config.timezone) + timedelta(days=value) if value else None
        await _set_window(message, session, state, tr, config, None, deadline)
    elif step == "t":
        draft = await _person_step(session, state, value, "tester_id")
        await _to_confirm(message, session, state, draft, tr)
    elif step == "p":
        draft = await draft_of(state)
        order = ("normal", "high", "low")
        draft = draft.but(priority=order[(order.index(draft.priority) + 1) % 3])
        await state.update_data(draft=draft.dump())
        text, markup = await summary(session, draft, tr)
        await edit(message, text, markup)
    else:
        scope = await tasks_service.scope_of(session, me)
        await finish(message, session, scope, await draft_of(state), tr, bot, config, state)
