"""The step-by-step /newtask dialog: title → description → group (when there is a choice) →
assignee → estimate → deadline → tester → confirm, all in one bot message edited in place
(handlers/dialog_steps.py). Every question has Back (the answers given stay) and Cancel; /cancel
or «отмена» leave too (handlers/escape.py). Each answer is checked when it is given and the whole
task again when it is created."""

from __future__ import annotations

from datetime import date, timedelta

from aiogram import Bot, F
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.dialog_steps import (
    ORDER,
    NewTask,
    Turn,
    draft_of,
    group_keyboard,
    people_choice,
    question,
    shorten,
    show,
    summary,
)
from handlers.newtask import finish
from handlers.routing import Blueprint
from handlers.task_views import edit
from models import Employee
from services import clock, people, task_create
from services import tasks as tasks_service
from services.config import AppConfig
from services.errors import DomainError
from views import formats
from views.i18n import Translator
from views.keyboards import DialogCb, valid_id

router = Blueprint(__name__)
TYPED = F.text & ~F.text.startswith("/")
QUICK_ESTIMATES = (60, 120, 240, 480, 960)
DEADLINE_DAYS = (1, 3, 7, 14)


async def _save(state: FSMContext, draft: task_create.Draft) -> task_create.Draft:
    await state.update_data(draft=draft.dump())
    return draft


async def ask(turn: Turn, step: State, draft: task_create.Draft) -> None:
    """Move to `step` and show its question with the answer given so far."""
    await turn.state.set_state(step)
    tr = turn.tr
    if step == NewTask.title:
        text, markup = question(tr, "dialog-title", current=draft.title)
    elif step == NewTask.description:
        current = shorten(draft.description)
        text, markup = question(tr, "dialog-description", step="s", here=step, current=current)
    elif step == NewTask.group:
        scope = await tasks_service.scope_of(turn.session, turn.me)
        groups = await task_create.creatable_groups(turn.session, scope)
        text = tr("dialog-group")
        markup = group_keyboard(groups, "g", tr, chosen=draft.group_id, here=step)
    elif step in (NewTask.assignee, NewTask.tester):
        tester = step == NewTask.tester
        exclude = draft.assignee_id if tester else None
        choices = await people_choice(turn.session, draft.group_id or 0, exclude=exclude)
        text, markup = question(
            tr,
            "dialog-tester" if tester else "dialog-assignee",
            step="t" if tester else "a",
            here=step,
            choices=choices,
            chosen=draft.tester_id if tester else draft.assignee_id,
        )
    elif step == NewTask.estimate:
        current = formats.duration(draft.estimate_min, tr) if draft.estimate_min else ""
        text, markup = question(
            tr, "dialog-estimate", step="e", here=step, current=current, quick=QUICK_ESTIMATES
        )
    elif step == NewTask.deadline:
        days = [formats.day(d, tr.lang) for d in (draft.start, draft.deadline) if d is not None]
        current = "..".join(days) if draft.deadline else ""
        text, markup = question(
            tr, "dialog-deadline", step="d", here=step, current=current, days=DEADLINE_DAYS
        )
    else:
        text, markup = await summary(turn.session, draft, tr)
    await show(turn, text, markup)


def _typed(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    state: FSMContext,
    bot: Bot,
) -> Turn:
    return Turn(message, typed=True, session=session, me=me, state=state, tr=tr, bot=bot)


@router.message(NewTask.title, TYPED)
async def got_title(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    state: FSMContext,
    bot: Bot,
) -> None:
    title = task_create.clean_title(message.text or "")
    data = await state.get_data()
    draft = (
        task_create.Draft.load(data["draft"]).but(title=title)
        if isinstance(data.get("draft"), dict)
        else task_create.Draft(title=title)
    )
    await _save(state, draft)
    await ask(_typed(message, session, me, tr, state, bot), NewTask.description, draft)


@router.message(NewTask.description, TYPED)
async def got_description(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    state: FSMContext,
    bot: Bot,
) -> None:
    description = task_create.clean_description(message.text or "")
    draft = (await draft_of(state)).but(description=description)
    await _after_description(_typed(message, session, me, tr, state, bot), draft)


async def _after_description(turn: Turn, draft: task_create.Draft) -> None:
    scope = await tasks_service.scope_of(turn.session, turn.me)
    groups = await task_create.creatable_groups(turn.session, scope)
    if not groups:
        await turn.state.clear()
        raise DomainError("newtask-no-groups")
    if len(groups) == 1:
        draft = await _save(turn.state, _with_group(draft, groups[0].id))
        await ask(turn, NewTask.assignee, draft)
        return
    await _save(turn.state, draft)
    await ask(turn, NewTask.group, draft)


def _with_group(draft: task_create.Draft, group_id: int) -> task_create.Draft:
    """People chosen for another group may not be members of this one: they are asked again."""
    if draft.group_id == group_id:
        return draft
    return draft.but(group_id=group_id, assignee_id=None, tester_id=None)


@router.callback_query(DialogCb.filter(F.step == "x"))
async def cb_cancel(callback: CallbackQuery, tr: Translator, state: FSMContext) -> None:
    await state.clear()
    await callback.answer()
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
    turn = Turn(callback.message, typed=False, session=session, me=me, state=state, tr=tr, bot=bot)
    if callback_data.step == "g":
        draft = await _save(state, _with_group(await draft_of(state), callback_data.value))
        await ask(turn, NewTask.assignee, draft)
    else:
        draft = (await draft_of(state)).but(group_id=callback_data.value)
        await finish(callback.message, session, scope, draft, tr, bot, config, state, turn=turn)
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
        other = draft.assignee_id if field == "tester_id" else draft.tester_id
        if value == other:
            raise DomainError("task-tester-is-assignee", person=emp.display)
    return await _save(state, draft.but(**{field: value or None}))


async def _typed_person(message: Message, session: AsyncSession) -> int:
    return (await people.resolve_person(session, (message.text or "").strip())).id


@router.message(NewTask.assignee, TYPED)
async def got_assignee(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    state: FSMContext,
    bot: Bot,
) -> None:
    value = await _typed_person(message, session)
    draft = await _person_step(session, state, value, "assignee_id")
    await ask(_typed(message, session, me, tr, state, bot), NewTask.estimate, draft)


@router.message(NewTask.estimate, TYPED)
async def got_estimate(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    state: FSMContext,
    bot: Bot,
) -> None:
    minutes = task_create.parse_estimate(message.text or "")
    draft = await _save(state, (await draft_of(state)).but(estimate_min=minutes))
    await ask(_typed(message, session, me, tr, state, bot), NewTask.deadline, draft)


@router.message(NewTask.deadline, TYPED)
async def got_deadline(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    state: FSMContext,
    config: AppConfig,
    bot: Bot,
) -> None:
    start, deadline = task_create.parse_window(message.text or "", clock.today(config.timezone))
    if deadline is None:
        raise DomainError("newtask-date", value=(message.text or "")[:20])
    turn = _typed(message, session, me, tr, state, bot)
    await _set_window(turn, config, start, deadline)


async def _set_window(
    turn: Turn, config: AppConfig, start: date | None, deadline: date | None
) -> None:
    task_create.check_window(start, deadline, clock.today(config.timezone))
    draft = await _save(
        turn.state, (await draft_of(turn.state)).but(start=start, deadline=deadline)
    )
    await ask(turn, NewTask.tester, draft)


@router.message(NewTask.tester, TYPED)
async def got_tester(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    state: FSMContext,
    bot: Bot,
) -> None:
    draft = await _person_step(session, state, await _typed_person(message, session), "tester_id")
    await ask(_typed(message, session, me, tr, state, bot), NewTask.confirm, draft)


STEP_STATES = {
    "s": NewTask.description,
    "a": NewTask.assignee,
    "e": NewTask.estimate,
    "d": NewTask.deadline,
    "t": NewTask.tester,
    "p": NewTask.confirm,
    "ok": NewTask.confirm,
}


@router.callback_query(DialogCb.filter(F.step.in_(set(STEP_STATES) | {"b"})))
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
    step, value = callback_data.step, callback_data.value
    if step == "b":
        wanted = ORDER[value] if 0 < value < len(ORDER) else None
    else:
        wanted = STEP_STATES[step]
    message = callback.message
    current = await state.get_state()
    if wanted is None or current != wanted.state or not isinstance(message, Message):
        raise DomainError("dialog-stale")
    turn = Turn(message, typed=False, session=session, me=me, state=state, tr=tr, bot=bot)
    await _apply_step(turn, step, value, config)
    await callback.answer()


async def _back(turn: Turn, here: int) -> None:
    """One question up; the group question only when there is a choice of groups."""
    previous = ORDER[here - 1]
    if previous == NewTask.group:
        scope = await tasks_service.scope_of(turn.session, turn.me)
        if len(await task_create.creatable_groups(turn.session, scope)) < 2:
            previous = NewTask.description
    await ask(turn, previous, await draft_of(turn.state))


async def _apply_step(turn: Turn, step: str, value: int, config: AppConfig) -> None:
    state = turn.state
    if step == "b":
        await _back(turn, value)
    elif step == "s":
        await _after_description(turn, (await draft_of(state)).but(description=""))
    elif step == "a":
        draft = await _person_step(turn.session, state, value, "assignee_id")
        await ask(turn, NewTask.estimate, draft)
    elif step == "e":
        if value and task_create.parse_estimate(f"{value}m") != value:
            raise DomainError("dialog-stale")
        draft = await _save(state, (await draft_of(state)).but(estimate_min=value or None))
        await ask(turn, NewTask.deadline, draft)
    elif step == "d":
        if not 0 <= value <= 366:
            raise DomainError("dialog-stale")
        deadline = clock.today(config.timezone) + timedelta(days=value) if value else None
        await _set_window(turn, config, None, deadline)
    elif step == "t":
        draft = await _person_step(turn.session, state, value, "tester_id")
        await ask(turn, NewTask.confirm, draft)
    elif step == "p":
        draft = await draft_of(state)
        order = ("normal", "high", "low")
        draft = draft.but(priority=order[(order.index(draft.priority) + 1) % 3])
        await ask(turn, NewTask.confirm, await _save(state, draft))
    else:
        scope = await tasks_service.scope_of(turn.session, turn.me)
        draft = await draft_of(state)
        await finish(
            turn.message, turn.session, scope, draft, turn.tr, turn.bot, config, state, turn=turn
        )
