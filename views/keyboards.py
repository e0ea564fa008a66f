"""Callback data and inline keyboards of tasks and time. Every handler of these buttons checks
on the server that the presser may do it: the data comes from the client."""

from __future__ import annotations

from collections.abc import Iterable

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from services import task_card
from services.errors import DomainError
from services.tasks import Listed
from services.timers import ALL, CUT, DISCARD, StopQuestion
from views import formats
from views.i18n import Translator

QUICK_LOG = (30, 60, 120)
TITLE_IN_BUTTON = 32


def valid_id(value: int) -> int:
    """A number from a button as a database id; anything else is a stale or forged button."""
    if not 0 < value < 2**31:
        raise DomainError("dialog-stale")
    return value


class TaskCb(CallbackData, prefix="t"):
    """An action on a task; `v` is 1 when pressed on the task's card (the card is refreshed)."""

    action: str
    id: int
    minutes: int = 0
    v: int = 0


class EditCb(CallbackData, prefix="te"):
    """A manager's step on a task card: `action` opens a picker or applies a choice, `value`
    is the choice (a person's id, a day's ordinal, minutes, a priority's index)."""

    action: str
    id: int
    value: int = 0


class UndoCb(CallbackData, prefix="u"):
    entry: int


class StopCb(CallbackData, prefix="st"):
    choice: str
    key: int


class DialogCb(CallbackData, prefix="nt"):
    """A /newtask dialog answer: `step` names the question, `value` the choice."""

    step: str
    value: int = 0


def short_title(task: Listed) -> str:
    title = task.title
    return title if len(title) <= TITLE_IN_BUTTON else title[: TITLE_IN_BUTTON - 1] + "…"


def _column(buttons: Iterable[tuple[str, CallbackData]]) -> InlineKeyboardMarkup | None:
    """One button a row, built directly: the builder deep-copies its buttons on every step,
    which cost /tasks more than its SQL."""
    rows = [[InlineKeyboardButton(text=text, callback_data=data.pack())] for text, data in buttons]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def card_keyboard(
    actions: tuple[str, ...], task_id: int, tr: Translator
) -> InlineKeyboardMarkup | None:
    kb = InlineKeyboardBuilder()
    sizes: list[int] = []
    if task_card.TIMER_START in actions:
        kb.button(text=tr("btn-timer-start"), callback_data=TaskCb(action="timer", id=task_id, v=1))
        sizes.append(1)
    if task_card.TIMER_STOP in actions:
        kb.button(text=tr("btn-timer-stop"), callback_data=TaskCb(action="stop", id=task_id, v=1))
        sizes.append(1)
    if task_card.LOG in actions:
        for minutes in QUICK_LOG:
            label = tr("btn-log", duration=formats.duration(minutes, tr))
            kb.button(
                text=label, callback_data=TaskCb(action="log", id=task_id, minutes=minutes, v=1)
            )
        sizes.append(len(QUICK_LOG))
    if task_card.REVIEW in actions:
        kb.button(text=tr("btn-review"), callback_data=TaskCb(action="review", id=task_id, v=1))
        sizes.append(1)
    if task_card.ACCEPT in actions:
        kb.button(text=tr("btn-accept"), callback_data=TaskCb(action="accept", id=task_id, v=1))
        kb.button(text=tr("btn-return"), callback_data=TaskCb(action="return", id=task_id, v=1))
        sizes.append(2)
    manage = [a for a in task_card.MANAGE if a in actions]
    for action in manage:
        kb.button(text=tr(f"btn-edit-{action}"), callback_data=EditCb(action=action, id=task_id))
    sizes += [2] * ((len(manage) + 1) // 2)
    if task_card.COMMENT in actions:
        kb.button(text=tr("btn-comment"), callback_data=EditCb(action="comment", id=task_id))
        sizes.append(1)
    kb.adjust(*sizes)
    return kb.as_markup() if kb.buttons else None


def notice_keyboard(task_id: int, review: bool, tr: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=tr("btn-open", id=task_id), callback_data=TaskCb(action="open", id=task_id))
    if review:
        kb.button(text=tr("btn-accept"), callback_data=TaskCb(action="accept", id=task_id))
        kb.button(text=tr("btn-return"), callback_data=TaskCb(action="return", id=task_id))
    kb.adjust(1, 2)
    return kb.as_markup()


def undo_keyboard(entry_id: int, tr: Translator) -> InlineKeyboardMarkup:
    markup = _column([(tr("btn-undo"), UndoCb(entry=entry_id))])
    assert markup is not None
    return markup


def stop_keyboard(question: StopQuestion, tr: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    key = question.started_key
    all_label = tr("btn-stop-all", duration=formats.duration(question.elapsed_min, tr))
    kb.button(text=all_label, callback_data=StopCb(choice=ALL, key=key))
    cut_key = "btn-stop-midnight" if question.cut_at_midnight else "btn-stop-12h"
    cut_label = tr(cut_key, duration=formats.duration(question.cut_min, tr))
    kb.button(text=cut_label, callback_data=StopCb(choice=CUT, key=key))
    kb.button(text=tr("btn-stop-discard"), callback_data=StopCb(choice=DISCARD, key=key))
    kb.adjust(1)
    return kb.as_markup()


def cancel_keyboard(tr: Translator, step: str = "x") -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=tr("btn-cancel"), callback_data=DialogCb(step=step))
    return kb.as_markup()
