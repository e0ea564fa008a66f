"""The screens of the /newtask dialog and the one message they are shown in.

The dialog is one bot message edited in place: a pressed button edits the message it is on; a
typed answer (a new message of the person's) edits the dialog message whose id the state keeps,
and when that edit fails (the message is gone or too old) a new message is sent and kept."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.methods import EditMessageText
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import after_send
from handlers.escape import DIALOG_MESSAGE, send_question
from models import DevGroup, Employee
from services import task_create
from services import tasks as tasks_service
from services.errors import DomainError
from views import formats
from views.i18n import Translator
from views.keyboards import DialogCb
from views.tasks import person

log = logging.getLogger(__name__)
MAX_PEOPLE_BUTTONS = 30
SHORT_DESCRIPTION = 100  # characters of the description the summary shows


class NewTask(StatesGroup):
    title = State()
    description = State()
    group = State()
    assignee = State()
    estimate = State()
    deadline = State()
    tester = State()
    confirm = State()
    pick_group = State()  # the one-line form, when the group is not clear


# The questions in the order they are asked; Back goes one up (the group question only when
# there is a choice of groups).
ORDER: tuple[State, ...] = (
    NewTask.title,
    NewTask.description,
    NewTask.group,
    NewTask.assignee,
    NewTask.estimate,
    NewTask.deadline,
    NewTask.tester,
    NewTask.confirm,
)


@dataclass(frozen=True)
class Turn:
    """One answer given to the dialog: the pressed dialog message, or the person's typed one."""

    message: Message
    typed: bool
    session: AsyncSession
    me: Employee
    state: FSMContext
    tr: Translator
    bot: Bot


async def show(turn: Turn, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Put the screen into the dialog's message; send a new one only when it cannot be edited."""
    if turn.typed:
        kept = (await turn.state.get_data()).get(DIALOG_MESSAGE)
        message_id = kept if isinstance(kept, int) else None
    else:
        message_id = turn.message.message_id
    if message_id is None:
        await send_question(turn.message, turn.state, text, markup)
        return
    await turn.state.update_data({DIALOG_MESSAGE: message_id})
    method = EditMessageText(
        text=text, chat_id=turn.message.chat.id, message_id=message_id, reply_markup=markup
    ).as_(turn.bot)

    async def send_instead() -> None:
        log.info("dialog message %s not edited: a new one is sent", message_id)
        await send_question(turn.message, turn.state, text, markup)

    await after_send.edit(method, send_instead)


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


def _chosen(label: str, chosen: bool) -> str:
    return f"✓ {label}" if chosen else label


def question(
    tr: Translator,
    key: str,
    *,
    step: str | None = None,
    here: State | None = None,
    current: str = "",
    choices: Sequence[Employee] = (),
    chosen: int | None = None,
    quick: Sequence[int] = (),
    days: Sequence[int] = (),
) -> tuple[str, InlineKeyboardMarkup]:
    """One dialog question with the answer given so far: its choices as buttons (the chosen
    one ticked), Skip (when the field is optional), Back (from `here`, the question shown; none
    on the first) and Cancel."""
    text = tr(key)
    if current:
        text += "\n\n" + tr("dialog-current", value=current)
    kb = InlineKeyboardBuilder()
    if step is not None:
        for emp in choices:
            label = f"{emp.display} @{emp.username}" if emp.username else emp.display
            kb.button(
                text=_chosen(label, emp.id == chosen),
                callback_data=DialogCb(step=step, value=emp.id),
            )
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
    _back_and_cancel(kb, here, tr)
    return text, kb.as_markup()


def _back_and_cancel(kb: InlineKeyboardBuilder, here: State | None, tr: Translator) -> None:
    """Back names the question it is pressed on, so a Back from an older message is stale."""
    if here is not None:
        kb.button(text=tr("btn-back"), callback_data=DialogCb(step="b", value=ORDER.index(here)))
    kb.button(text=tr("btn-cancel"), callback_data=DialogCb(step="x"))
    kb.adjust(2)


def group_keyboard(
    groups: Sequence[DevGroup],
    step: str,
    tr: Translator,
    *,
    chosen: int | None = None,
    here: State | None = None,
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for group in groups:
        kb.button(
            text=_chosen(group.name, group.id == chosen),
            callback_data=DialogCb(step=step, value=group.id),
        )
    _back_and_cancel(kb, here, tr)
    return kb.as_markup()


def shorten(text: str, limit: int = SHORT_DESCRIPTION) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
    if draft.description:
        text += "\n" + tr("dialog-summary-description", description=shorten(draft.description))
    kb = InlineKeyboardBuilder()
    kb.button(text=tr("btn-create"), callback_data=DialogCb(step="ok"))
    kb.button(text=tr("btn-priority"), callback_data=DialogCb(step="p"))
    _back_and_cancel(kb, NewTask.confirm, tr)
    kb.adjust(1, 3)
    return text, kb.as_markup()
