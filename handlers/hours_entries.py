"""The buttons of `/hours`: a day's entries, and editing or deleting one of them in place.

Every press is checked again on the server (services.entry_edit): whose day or entry it names,
and whether the presser may touch it. Typed values (a duration, a date, a comment) are read in
the EntryEdit state; the Back button, "отмена"/"cancel" or /cancel leave it.
"""

from __future__ import annotations

from datetime import date

from aiogram import Bot, F
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, Update
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import reason_dialog
from handlers.hours import period_view
from handlers.routing import Blueprint
from handlers.task_views import edit
from models import Employee
from services import clock, entry_edit
from services.calendar_input import echo
from services.config import AppConfig
from services.errors import DomainError
from services.hours import check_span
from services.tasks import Scope, get_task, scope_of
from services.timeparse import parse_day, parse_duration
from views import entry_keyboards as kb
from views import formats
from views.hours import entry_line, render_day, render_entry
from views.i18n import Translator
from views.keyboards import valid_id

router = Blueprint(__name__)

# The actions whose answer may be typed (read in the EntryEdit state), with their question
TYPED = {
    kb.DURATION: "hours-ask-duration",
    kb.DATE: "hours-ask-date",
    kb.COMMENT: "hours-ask-comment",
}


class EntryEdit(StatesGroup):
    value = State()


def _day(ordinal: int) -> date:
    if not 0 < ordinal <= date.max.toordinal():
        raise DomainError("dialog-stale")
    return date.fromordinal(ordinal)


def _span(first: int, last: int, config: AppConfig) -> tuple[date, date]:
    span = _day(first), _day(last)
    check_span(*span, clock.today(config.timezone))
    return span


async def day_view(
    session: AsyncSession,
    scope: Scope,
    owner_id: int,
    day: date,
    span: tuple[date, date],
    tr: Translator,
) -> tuple[str, InlineKeyboardMarkup]:
    entries, tasks = await entry_edit.day_entries(session, scope, owner_id, day)
    owner = await entry_edit.owner_of(session, scope, owner_id)
    person = None if owner_id == scope.emp.id else owner.display
    text = render_day(person, day, entries, tasks, tr)
    return text, kb.day_keyboard(owner_id, entries, *span, tr)


async def _show(callback: CallbackQuery, text: str, markup: InlineKeyboardMarkup) -> None:
    if isinstance(callback.message, Message):
        await edit(callback.message, text, markup)


@router.callback_query(kb.HoursPage.filter())
async def cb_period(
    callback: CallbackQuery,
    callback_data: kb.HoursPage,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    state: FSMContext,
) -> None:
    span = _span(callback_data.first, callback_data.last, config)
    scope = await scope_of(session, me)
    owner = await entry_edit.owner_of(session, scope, valid_id(callback_data.emp))
    await state.clear()
    text, markup = await period_view(session, scope, owner, span, callback_data.page, tr, config)
    await callback.answer()
    if isinstance(callback.message, Message):
        await edit(callback.message, text, markup)


@router.callback_query(kb.HoursDay.filter())
async def cb_day(
    callback: CallbackQuery,
    callback_data: kb.HoursDay,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
) -> None:
    span = _span(callback_data.first, callback_data.last, config)
    day = _day(callback_data.day)
    if not span[0] <= day <= span[1]:
        raise DomainError("dialog-stale")
    scope = await scope_of(session, me)
    text, markup = await day_view(session, scope, valid_id(callback_data.emp), day, span, tr)
    await callback.answer()
    await _show(callback, text, markup)


async def _entry_view(
    session: AsyncSession, scope: Scope, data: kb.EntryCb, span: tuple[date, date], tr: Translator
) -> tuple[str, InlineKeyboardMarkup]:
    """What the pressed action shows before anything changes."""
    entry = await entry_edit.entry_of(session, scope, valid_id(data.id))
    task = await get_task(session, entry.task_id) if entry.task_id is not None else None
    if data.act == kb.BACK:
        return await day_view(session, scope, entry.employee_id, entry.day, span, tr)
    if data.act == kb.DELETE:
        text = tr("hours-entry-delete-ask", entry=entry_line(entry, task, tr))
        return text, kb.confirm_delete_keyboard(entry.id, *span, tr)
    if data.act == kb.DURATION:
        return tr("hours-ask-duration"), kb.duration_keyboard(entry.id, *span, tr)
    if data.act == kb.TASK:
        owner = await entry_edit.owner_of(session, scope, entry.employee_id)
        tasks = await entry_edit.task_choices(session, owner)
        return tr("hours-ask-task"), kb.task_keyboard(entry.id, tasks, *span, tr)
    if data.act in TYPED:
        return tr(TYPED[data.act]), kb.back_keyboard(entry.id, *span, tr)
    return render_entry(entry, task, tr), kb.edit_keyboard(entry.id, *span, tr)


@router.callback_query(
    kb.EntryCb.filter(
        F.act.in_({kb.EDIT, kb.BACK, kb.DELETE, kb.DURATION, kb.TASK, kb.DATE, kb.COMMENT})
    )
)
async def cb_entry(
    callback: CallbackQuery,
    callback_data: kb.EntryCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    state: FSMContext,
) -> None:
    span = _span(callback_data.first, callback_data.last, config)
    scope = await scope_of(session, me)
    text, markup = await _entry_view(session, scope, callback_data, span, tr)
    await state.clear()
    if callback_data.act in TYPED and isinstance(callback.message, Message):
        await state.set_state(EntryEdit.value)
        await state.set_data(
            {
                "entry": callback_data.id,
                "act": callback_data.act,
                "first": callback_data.first,
                "last": callback_data.last,
                "chat": callback.message.chat.id,
                "message": callback.message.message_id,
            }
        )
    await callback.answer()
    await _show(callback, text, markup)


@router.callback_query(kb.EntryCb.filter(F.act.in_({kb.DELETE_YES, kb.SET_MINUTES, kb.SET_TASK})))
async def cb_change(
    callback: CallbackQuery,
    callback_data: kb.EntryCb,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    state: FSMContext,
    event_update: Update,
) -> None:
    span = _span(callback_data.first, callback_data.last, config)
    scope = await scope_of(session, me)
    entry = await entry_edit.entry_of(session, scope, valid_id(callback_data.id))
    owner_id, day = entry.employee_id, entry.day
    update_id = event_update.update_id
    if callback_data.act == kb.DELETE_YES:
        await entry_edit.delete_entry(session, scope, entry.id, update_id=update_id)
        toast = tr("hours-entry-deleted")
    else:
        if callback_data.act == kb.SET_MINUTES:
            change = entry_edit.Change(minutes=callback_data.v)
        else:
            task_id = valid_id(callback_data.v) if callback_data.v else None
            change = entry_edit.Change(task_id=task_id)
        today = clock.today(config.timezone)
        await entry_edit.change_entry(
            session, scope, entry.id, change, today=today, update_id=update_id
        )
        toast = tr("hours-entry-changed")
    await state.clear()
    text, markup = await day_view(session, scope, owner_id, day, span, tr)
    await callback.answer(toast)
    await _show(callback, text, markup)


def _typed_change(act: str, text: str, today: date) -> entry_edit.Change:
    if act == kb.DURATION:
        minutes = parse_duration(text)
        if minutes is None:
            raise DomainError("hours-duration-bad", value=echo(text))
        return entry_edit.Change(minutes=minutes)
    if act == kb.DATE:
        day = parse_day(text, today)
        if day is None:
            raise DomainError("hours-date-bad", value=echo(text))
        return entry_edit.Change(day=day)
    return entry_edit.Change(comment=text)


def _is_answer(message: Message) -> bool:
    return not (message.text or "").startswith("/")


@router.message(StateFilter(EntryEdit.value), F.text, _is_answer)
async def typed_value(
    message: Message,
    session: AsyncSession,
    me: Employee,
    tr: Translator,
    config: AppConfig,
    state: FSMContext,
    bot: Bot,
    event_update: Update,
) -> None:
    text = reason_dialog.answer_of(message)
    data = await state.get_data()
    act = data.get("act")
    if act not in TYPED or not isinstance(data.get("entry"), int):
        await state.clear()
        raise DomainError("dialog-stale")
    span = _span(int(data["first"]), int(data["last"]), config)
    today = clock.today(config.timezone)
    change = _typed_change(str(act), text, today)
    scope = await scope_of(session, me)
    try:
        entry = await entry_edit.entry_of(session, scope, valid_id(int(data["entry"])))
    except DomainError:
        await state.clear()  # nothing left to answer about
        raise
    owner_id, day = entry.employee_id, entry.day
    changed = await entry_edit.change_entry(
        session, scope, entry.id, change, today=today, update_id=event_update.update_id
    )
    await state.clear()
    view, markup = await day_view(session, scope, owner_id, day, span, tr)
    try:
        await bot.edit_message_text(
            view, chat_id=int(data["chat"]), message_id=int(data["message"]), reply_markup=markup
        )
    except TelegramBadRequest:  # too old to edit: the day comes as a new message
        await message.answer(view, reply_markup=markup)
    await message.answer(tr("hours-entry-changed-to", day=formats.day(changed.day, tr.lang)))
