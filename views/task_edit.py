"""The pickers a manager opens from a task card (reassign, tester, priority, deadline,
estimate, cancel) and the texts of /edit. Each picker replaces the card's buttons; Back
brings the card back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from models import Employee, Task
from models.tasks import PRIORITIES
from views import formats
from views.i18n import Translator
from views.keyboards import EditCb

ESTIMATE_CHOICES = (120, 240, 480, 960, 2400)
DEADLINE_STEPS = (1, 7)  # days after the present deadline (or today)

# apply actions of EditCb
ASSIGN, SET_TESTER, SET_PRIORITY, SET_DEADLINE, SET_ESTIMATE = "as", "ts", "pr", "dl", "es"
CONFIRM_CANCEL, TYPE_DEADLINE, TYPE_ESTIMATE, BACK = "cx", "dt", "et", "back"


def _back(kb: InlineKeyboardBuilder, task_id: int, tr: Translator) -> None:
    kb.button(text=tr("btn-edit-back"), callback_data=EditCb(action=BACK, id=task_id))


def people_picker(
    people: Sequence[Employee], task_id: int, action: str, tr: Translator, *, none: bool = False
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for emp in people:
        kb.button(text=emp.display, callback_data=EditCb(action=action, id=task_id, value=emp.id))
    if none:
        kb.button(text=tr("btn-edit-no-tester"), callback_data=EditCb(action=action, id=task_id))
    _back(kb, task_id, tr)
    kb.adjust(1)
    return kb.as_markup()


def priority_picker(task_id: int, tr: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for index, priority in enumerate(PRIORITIES):
        kb.button(
            text=tr(f"priority-{priority}"),
            callback_data=EditCb(action=SET_PRIORITY, id=task_id, value=index),
        )
    _back(kb, task_id, tr)
    kb.adjust(3, 1)
    return kb.as_markup()


def deadline_choices(task: Task, today: date) -> list[tuple[int, date]]:
    base = max(task.deadline or today, today)
    return [(days, base + timedelta(days=days)) for days in DEADLINE_STEPS]


def deadline_picker(task: Task, today: date, tr: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for days, day in deadline_choices(task, today):
        kb.button(
            text=tr("btn-edit-plus-days", days=days, date=day),
            callback_data=EditCb(action=SET_DEADLINE, id=task.id, value=day.toordinal()),
        )
    kb.button(text=tr("btn-edit-type-date"), callback_data=EditCb(action=TYPE_DEADLINE, id=task.id))
    _back(kb, task.id, tr)
    kb.adjust(2, 1, 1)
    return kb.as_markup()


def estimate_picker(task_id: int, tr: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for minutes in ESTIMATE_CHOICES:
        kb.button(
            text=formats.duration(minutes, tr),
            callback_data=EditCb(action=SET_ESTIMATE, id=task_id, value=minutes),
        )
    kb.button(
        text=tr("btn-edit-type-estimate"), callback_data=EditCb(action=TYPE_ESTIMATE, id=task_id)
    )
    _back(kb, task_id, tr)
    kb.adjust(len(ESTIMATE_CHOICES), 1, 1)
    return kb.as_markup()


def cancel_confirm(task_id: int, tr: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(
        text=tr("btn-edit-cancel-yes"), callback_data=EditCb(action=CONFIRM_CANCEL, id=task_id)
    )
    _back(kb, task_id, tr)
    kb.adjust(1)
    return kb.as_markup()


def back_only(task_id: int, tr: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    _back(kb, task_id, tr)
    return kb.as_markup()


def reassign_buttons(tasks: Sequence[Task], tr: Translator) -> InlineKeyboardMarkup | None:
    """One "Reassign #N" button per task, for the answer to /deactivate and /group remove."""
    kb = InlineKeyboardBuilder()
    for task in tasks[:30]:
        kb.button(
            text=tr("btn-edit-reassign-n", id=task.id),
            callback_data=EditCb(action="reassign", id=task.id, value=1),
        )
    kb.adjust(2)
    return kb.as_markup() if kb.buttons else None


def handover(tasks: Sequence[Task], tr: Translator) -> str:
    """The open tasks of someone who left (a group or the company), to add to the answer."""
    if not tasks:
        return ""
    lines = [tr("people-open-tasks", count=len(tasks))]
    lines += [f"#{t.id} {t.title}" for t in tasks[:30]]
    return "\n\n" + "\n".join(lines)
