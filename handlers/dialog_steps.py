"""Questions and the summary of the /newtask dialog."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession

from models import Employee
from services import task_create
from services import tasks as tasks_service
from services.errors import DomainError
from views import formats
from views.i18n import Translator
from views.keyboards import DialogCb
from views.tasks import person

MAX_PEOPLE_BUTTONS = 30


async def draft_of(state: FSMContext) -> task_create.Draft:
    data = await state.get_data()
    if not isinstance(data.get("draft"), dict):
        raise DomainError("dialog-stale")
    return task_create.Draft.load(data["draft"])


async def people_choice(
    session: AsyncSession, group_id: int, exclude: int | None
) -> list[Employee]:
    found = await task_create.assignable_people(session, group_id)
    return [emp for emp in found if emp.id != exclude][:MAX_PEOPLE_BUTTONS]


async def ask(
    message: Message,
    tr: Translator,
    key: str,
    *,
    step: str | None = None,
    choices: Sequence[Employee] = (),
    quick: Sequence[int] = (),
    days: Sequence[int] = (),
) -> None:
    """One dialog question: its choices as buttons, then Skip (when the field is optional)
    and Cancel."""
    kb = InlineKeyboardBuilder()
    if step is not None:
        for emp in choices:
            label = f"{emp.display} @{emp.username}" if emp.username else emp.display
            kb.button(text=label, callback_data=DialogCb(step=step, value=emp.id))
        for minutes in quick:
            kb.button(
                text=formats.duration(minutes, tr),
                callback_data=DialogCb(step=step, value=minutes),
            )
        for offset in days:
            kb.button(
                text=tr(f"dialog-in-days-{offset}"), callback_data=DialogCb(step=step, value=offset)
            )
        kb.button(text=tr("btn-skip"), callback_data=DialogCb(step=step, value=0))
    kb.button(text=tr("btn-cancel"), callback_data=DialogCb(step="x"))
    kb.adjust(2)
    await message.answer(tr(key), reply_markup=kb.as_markup())


async def summary(
    session: AsyncSession, draft: task_create.Draft, tr: Translator
) -> tuple[str, InlineKeyboardMarkup]:
    names = await tasks_service.employees_by_ids(session, [draft.assignee_id, draft.tester_id])
    groups = await tasks_service.groups_by_ids(session, [draft.group_id or 0])
    group = groups.get(draft.group_id or 0)
    estimate = formats.duration(draft.estimate_min, tr) if draft.estimate_min else "—"
    text = tr(
        "dialog-summary",
        title=draft.title,
        group=group.name if group else "—",
        assignee=person(names.get(draft.assignee_id or 0)),
        tester=person(names.get(draft.tester_id or 0)),
        estimate=estimate,
        deadline=draft.deadline or "—",
        priority=tr(f"priority-{draft.priority}"),
    )
    kb = InlineKeyboardBuilder()
    kb.button(text=tr("btn-create"), callback_data=DialogCb(step="ok"))
    kb.button(text=tr("btn-priority"), callback_data=DialogCb(step="p"))
    kb.button(text=tr("btn-cancel"), callback_data=DialogCb(step="x"))
    kb.adjust(1, 2)
    return text, kb.as_markup()
